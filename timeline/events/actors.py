"""People, organisations and places: capitalised word runs, titles stripped, classified with a
small gazetteer (data/en/actors.toml), and surnames resolved to full names within a document
("Rubio" -> "Marco Rubio") and across a corpus (`CorpusNames`).
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

KINDS = ("person", "org", "place", "name")

# A word of a name: dotted initials ("U.S."), or a word that may carry hyphens/apostrophes.
_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_][\w’'&\-]*|&")
# "amp": the "&" of "Savings &amp; Loan" as some corpora (TimeBank) spell it, escaped twice
_CONNECTORS = frozenset("of de del la da van von bin al el es for y amp &".split())
_POSSESSIVE = ("'s", "’s", "s'", "s’")
_ORDINALS = frozenset("First Second Third".split())


@dataclass(frozen=True, slots=True)
class Actor:
    start: int  # span of the name as written (title and possessive excluded)
    end: int
    text: str
    name: str   # canonical name
    kind: str   # person | org | place | name (a single word not yet known to be anything)
    titled: bool = False  # preceded by a person title ("President Nayib Bukele")


@dataclass(frozen=True)
class _Data:
    titles: dict  # first word -> list of title word tuples, longest first
    org_words: frozenset
    geo_words: frozenset
    stop_words: frozenset
    demonyms: frozenset
    places: frozenset
    aliases: dict
    not_orgs: frozenset
    city_country: dict
    description_heads: frozenset
    thing_words: frozenset
    group_nouns: frozenset


@lru_cache(maxsize=1)
def _data() -> _Data:
    raw = tomllib.loads(resources.files("timeline.events").joinpath("data/en/actors.toml").read_text("utf-8"))
    titles: dict[str, list] = {}
    for title in raw["titles"]:
        words = tuple(w.rstrip(".") for w in title.split())
        titles.setdefault(words[0], []).append(words)
    for options in titles.values():
        options.sort(key=len, reverse=True)
    return _Data(
        titles, frozenset(raw["org_words"]), frozenset(raw["geo_words"]),
        frozenset(w.rstrip(".") for w in raw["stop_words"]), frozenset(raw["demonyms"]),
        frozenset(raw["places"]) | frozenset(raw["city_country"]), dict(raw["aliases"]), frozenset(raw["not_orgs"]),
        dict(raw["city_country"]), frozenset(raw["description_heads"]), frozenset(raw["thing_words"]),
        frozenset(raw["group_nouns"]),
    )


def canonical(name: str) -> str:
    return _data().aliases.get(name, name)


def description_head(actor: Actor) -> str:
    """"store" for "iTunes Store": the noun by which a story may call the organisation "the
    store" later; "" for a name with no such last word."""
    words = actor.name.split()
    last = words[-1].lower() if len(words) > 1 and actor.kind in ("org", "name") else ""
    return last if last in _data().description_heads else ""


def is_team(tokens: list[str]) -> bool:
    """"Chicago Cubs", "Kansas City Chiefs": a place, then a plural that is no company word."""
    data = _data()
    place = (tokens[0] in data.places or " ".join(tokens[:2]) in data.places) and " ".join(tokens) not in data.places
    last = tokens[-1]
    return len(tokens) >= 2 and place and last.endswith("s") and not last.endswith("ss") \
        and last not in data.org_words and last not in data.geo_words and last not in data.places


def country_of(place: str) -> str:
    """The country of a known city ("Nairobi" -> "Kenya"), else ""."""
    return _data().city_country.get(place, "")


def find_actors(text: str, offset: int = 0, common_words: frozenset[str] = frozenset()) -> list[Actor]:
    """Names in a sentence `text` that starts at `offset` in its document. `common_words` are
    lowercase words of the document: a capitalised first word that also appears in lowercase
    ("Deporting", "Thousands") is an ordinary word, not a name."""
    data = _data()
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]
    actors: list[Actor] = []
    for run in _runs(text, words):
        actors.extend(_classify_run(text, run, offset, data, common_words, sentence_first=run[0][0] == words[0][0]))
    return actors


def _runs(text: str, words: list[tuple[int, int, str]]):
    """Maximal runs of capitalised words (with lowercase connectors inside), broken by
    punctuation and by possessives ("El Salvador's President ...")."""
    run: list[tuple[int, int, str]] = []
    for i, (start, end, word) in enumerate(words):
        gap = text[run[-1][1]:start] if run else ""
        joined = bool(run) and "\n" not in gap and (gap.strip() == "" or gap.strip() == "." and re.fullmatch(
            r"[A-Z]", run[-1][2]))  # "George W. Bush": a middle initial's period stays inside the name
        capital = word[0].isupper() or _camel(word)
        connector = (word in _CONNECTORS and bool(run) and i + 1 < len(words)
                     and words[i + 1][2][0].isupper() and text[end:words[i + 1][0]].strip() == "")
        connector = connector or (word == "and" and _and_inside_name(text, run, words, i))
        if run and (not joined or _camel(word)):  # ("UK iTunes prices": a brand starts its own name)
            yield from _flush(run)
            run = []
        model = bool(run) and _camel(run[-1][2]) and re.fullmatch(r"\d{1,2}[A-Za-z]{0,2}", word) is not None
        if capital or model or (connector and run) or (run and _after_inner_possessive(text, run, start, word)):
            run.append((start, end, word))
            if word[0].isdigit():
                yield from _flush(run)  # "Standard & Poor's 500": the number ends the name
                run = []
            elif (word.endswith(_POSSESSIVE) or text[end:end + 2] in _POSSESSIVE) and not _inner_possessive(
                    text, end, words[i + 1] if i + 1 < len(words) else None, len(run)):
                yield from _flush(run)
                run = []
        elif run:
            yield from _flush(run)
            run = []
    if run:
        yield from _flush(run)


# "PowerPC": capitals no person's name has ("McDonald" has one)
_BRAND = re.compile(r"[a-z][A-Z]{2,}")


def _camel(word: str) -> bool:
    """"iTunes", "iPhone", "eBay": a brand written with a small first letter is a name's word."""
    return len(word) > 2 and word[0].islower() and word[1].isupper() and word[2:3].islower()


def _and_inside_name(text: str, run, words, i: int) -> bool:
    """"Securities and Exchange Commission", "Bureau of Alcohol, ..." : an "and" between capitalised
    words inside an institution's name (the words after it end with a company or body word
    within three words, and the words before it do not end a company's name, so "Dow Chemical
    Co. and DuPont Co." stays two names)."""
    org = _data().org_words
    if not run or run[-1][2].rstrip(".") in _COMPANY_SUFFIXES or len(run) > 2:
        return False
    after = []
    for start, end, word in words[i + 1:i + 4]:
        gap = text[(after[-1][1] if after else words[i][1]):start]
        if gap.strip() or not word[0].isupper():
            break
        after.append((start, end, word))
        if word.rstrip(".") in org:
            return word.rstrip(".") not in _COMPANY_SUFFIXES  # "Apple and Google Inc." are two companies
    return False


def _inner_possessive(text: str, end: int, following, run_length: int = 1) -> bool:
    """A possessive inside a name: "Standard & Poor's 500", "Moody's Investors Service",
    "McDonald's Corp." (the next word, right after it, is a number or a company word), and
    "Worldwide Developer's Conference" (a name of two words or more before it, an event's or
    thing's word after it; "Apple's Worldwide Developers Conference" is Apple's)."""
    if following is None:
        return False
    gap = text[end:following[0]]
    if gap.strip() not in ("", "'s", "’s"):
        return False
    nxt = following[2].rstrip(".")
    return bool(re.fullmatch(r"\d+", nxt)) and not _YEAR.fullmatch(nxt) or nxt in _data().org_words or (
        run_length >= 2 and nxt in _data().thing_words)


_YEAR = re.compile(r"(?:1[89]|20)\d\d")  # "Iraq's 1990 invasion": a date, not "Standard & Poor's 500"


def _after_inner_possessive(text: str, run, start: int, word: str) -> bool:
    last = run[-1]
    return bool(re.fullmatch(r"\d+", word)) and not _YEAR.fullmatch(word) and (last[2].endswith(_POSSESSIVE) or text[last[1]:last[1] + 2]
                                                 in _POSSESSIVE or "&" in last[2]) and \
        text[last[1]:start].strip() in ("", "'s", "’s")


def _flush(run):
    while run and run[-1][2] in _CONNECTORS:
        run = run[:-1]
    if run:
        yield run


def _strip_possessive(word: str) -> str:
    for suffix in ("'s", "’s"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _classify_run(text, run, offset, data: _Data, common_words, sentence_first: bool) -> list[Actor]:
    last = len(run) - 1
    # a possessive inside a name stays ("Standard & Poor's 500"); only a closing one goes
    words = [(s, e, (_strip_possessive(w) if i == last else w).rstrip(".")
              if not re.fullmatch(r"(?:[A-Za-z]\.){2,}", w) else w)
             for i, (s, e, w) in enumerate(run)]
    # leading words that are not names: "The", "After", "Salvadoran", a sentence-initial verb;
    # but not the first word of a known place ("New York", "Dominican Republic")
    named_org = any(w[2] in data.org_words for w in words[1:])
    while words and not _place_prefix(words, data):
        w = words[0][2]
        if named_org and (w in data.demonyms or w in _ORDINALS):
            break  # "American Airlines", "First Security Corp.": the word is part of the name
        if w in data.stop_words or w in data.demonyms or w in _CONNECTORS or _descriptor(w):
            words = words[1:]
        elif (sentence_first and words[0][0] == run[0][0] and (w.lower() in common_words or len(run) == 1 and (_is_verb_form(w) or _is_happening_plural(w)) or len(run) == 1 and
                                                                  len(w) >= 8 and w.endswith("ly") and text[run[0][1]:run[0][1] + 1] == ","
                                                                  or len(words) >= 2 and len(w) >= 7 and w.endswith("ly"))
              and w not in data.places and not _title_at(words, 0, data)):
            words = words[1:]  # "Deporting ...", "Separately, ...", "Recently Apple ...": an ordinary word made capital
        else:
            break
    while words and (words[-1][2] in data.demonyms or words[-1][2] in data.stop_words):
        words = words[:-1]
    if not words:
        return []
    out: list[Actor] = []
    split = _place_then_name(words, data)
    if split:
        # "ambassador to Kenya Prudence Bushnell": a place run straight into a person's name
        out.extend(_make(text, words[:split], offset, data, False))
        words = words[split:]
    i = 0
    segment_start = 0
    titled = False
    while i < len(words):
        title = _title_at(words, i, data)
        if title and any(w[2] in data.org_words for w in words[i + title:]):
            title = 0  # "General Motors", "General Electric Co.": a company, not a general
        if title:
            if i > segment_start:
                out.extend(_make(text, words[segment_start:i], offset, data, titled))
            i += title
            if i < len(words) and words[i][2] in ("for", "of") and len(words) - i >= 4:
                i = len(words) - _name_length(words)  # "Commissioner for Competition Neelie Kroes"
            segment_start = i
            titled = True
            continue
        i += 1
    if segment_start < len(words):
        out.extend(_make(text, words[segment_start:], offset, data, titled and segment_start > 0))
    return out


def _name_length(words) -> int:
    """How many closing words of a run are a person's name after a title's portfolio ("for
    Competition", "of Foreign Affairs"): two, three with an initial ("Lewis W. Teperman")."""
    return 3 if len(words) >= 3 and len(words[-2][2]) == 1 and words[-3][2][:1].isupper() else 2


def _descriptor(word: str) -> bool:
    """"Chicago-based", "U.S.-funded", "state-owned": describes a name, is not part of it."""
    return "-" in word and word.rsplit("-", 1)[-1][:1].islower()


def _trigger_forms(word: str) -> set[str]:
    """The forms ("past", "pp", "ing", "noun", ...) the trigger lists know the word as."""
    from timeline.events.triggers import _load

    single, _ = _load()
    return {name for _, name in single.get(word.lower(), ())}


def _is_verb_form(word: str) -> bool:
    """A sentence-initial happening verb ("Rescued on Nov. 25 by fishermen, Elian ...")."""
    return bool(_trigger_forms(word) & {"past", "pp", "ing"})


def _is_happening_plural(word: str) -> bool:
    """A sentence-initial plural happening noun ("Floods swept through ...", "Protests erupted")."""
    return word.endswith("s") and "noun" in _trigger_forms(word)


def _place_then_name(words, data: _Data) -> int:
    for n in range(min(3, len(words) - 2), 0, -1):
        head = " ".join(w[2] for w in words[:n])
        rest = [w[2] for w in words[n:]]
        if (head in data.places and len(rest) >= 2 and not any(r in data.org_words or r in data.geo_words for r in rest)
                and " ".join([head] + rest[:1]) not in data.places and rest[0] not in _CONNECTORS):
            return n
    return 0


def _place_prefix(words, data: _Data) -> bool:
    return any(" ".join(w[2] for w in words[:n]) in data.places for n in range(2, min(4, len(words)) + 1))


def _title_at(words, i, data: _Data) -> int:
    for option in data.titles.get(words[i][2], ()):
        if tuple(w[2] for w in words[i:i + len(option)]) == option:
            return len(option)
    return 0


def _make(text, words, offset, data: _Data, titled: bool) -> list[Actor]:
    while words and words[-1][2] in _CONNECTORS:
        words = words[:-1]
    if not words:
        return []
    start, end = words[0][0], words[-1][1]
    surface = text[start:end]
    surface = _strip_possessive(surface)
    end = start + len(surface)
    name = " ".join(w[2] for w in words)
    tokens = [w[2] for w in words]
    kind = _kind(name, tokens, data, titled)
    if kind is None:
        return []
    if kind == "place" and name not in data.places and len(tokens) > 1 and tokens[0] in data.places:
        pass  # "Panama Canal", "Guantanamo Bay": keep the whole name
    return [Actor(start + offset, end + offset, surface, canonical(name), kind, titled)]


def _kind(name: str, tokens: list[str], data: _Data, titled: bool) -> str | None:
    if len(name) < 2 or (len(tokens) == 1 and (tokens[0] in data.not_orgs or tokens[0].lower() in _CONNECTORS)):
        return None
    if re.search(r"['’](?:re|ve|ll|d|t|m)$|n['’]t$", name):
        return None  # "We're", "Don't": contractions are not names
    if name in data.places or name in data.aliases and data.aliases[name] in data.places:
        return "place"
    if titled:
        return "person"
    if any(t in data.org_words for t in tokens) or " ".join(tokens[-2:]) in data.org_words:
        return "org"
    if tokens[-1] in data.geo_words or (len(tokens) > 1 and tokens[0] in data.geo_words):
        return "place"
    if len(tokens) == 1:
        word = tokens[0]
        if len(word) >= 2 and (word.isupper() or re.fullmatch(r"[A-Z]+-?\d+", word)):
            return "org"  # USAID, NATO, MS-13
        return "name"
    if is_team(tokens):
        return "org"  # "Chicago Cubs", "Los Angeles Dodgers": a team, never a person
    if tokens[-1] in data.thing_words or " ".join(tokens[-2:]) in data.thing_words:
        return "name"  # "World Series", "James Webb Space Telescope": a thing's whole name
    if any(ch.isdigit() for ch in name) or "for" in tokens or _camel(tokens[0]) or any(_BRAND.search(t) for t in tokens):
        # "Freedom for Elian", "iTunes Music Store", "Current PowerPC": a group's or a brand's name
        return "org"
    return "person" if len(tokens) <= 4 else "org"


class NameIndex:
    """Full person names seen in a document (or corpus): resolves a bare surname to the one
    full name that ends with it. Ambiguous surnames stay as written."""

    def __init__(self, actors=()):
        self._by_last: dict[str, Counter] = {}
        self._kinds: dict[str, str] = {}
        self._acronyms: dict[str, set] = {}  # "GM" -> {"General Motors"}
        for actor in actors:
            self.add(actor)

    def add(self, actor: Actor) -> None:
        parts = actor.name.split()
        if actor.kind == "person" and len(parts) >= 2:
            self._by_last.setdefault(parts[-1], Counter())[actor.name] += 1
        if actor.kind in ("org", "place") or (actor.kind == "person" and len(parts) == 1):
            self._kinds.setdefault(actor.name, actor.kind)
        if actor.kind in ("org", "name", "place") and len(parts) >= 2:
            for short in acronyms(actor.name):
                self._acronyms.setdefault(short, set()).add(actor.name)

    def kind_of(self, name: str, default: str = "name") -> str:
        return self._kinds.get(name, default)

    def expand(self, name: str) -> str | None:
        """The one full name an acronym stands for here ("GM" -> "General Motors")."""
        names = self._acronyms.get(name)
        return next(iter(names)) if names and len(names) == 1 else None

    def add_name(self, name: str, kind: str) -> None:
        self.add(Actor(0, 0, name, name, kind))

    def update(self, other: "NameIndex") -> None:
        for last, names in other._by_last.items():
            self._by_last.setdefault(last, Counter()).update(names)
        for name, kind in other._kinds.items():
            self._kinds.setdefault(name, kind)
        for short, names in other._acronyms.items():
            self._acronyms.setdefault(short, set()).update(names)

    def full_name(self, name: str) -> str | None:
        names = self._by_last.get(name)
        if not names:
            return None
        if len(names) == 1:
            return next(iter(names))
        (best, n1), (_, n2) = names.most_common(2)
        return best if n1 > 2 * n2 else None  # one clearly dominant bearer of the surname

    def resolve(self, actor: Actor) -> Actor:
        """The actor with its full name and kind when the index knows it."""
        full = self.expand(actor.name)
        if full is not None:
            return replace(actor, name=full, kind=self._kinds.get(full, "org"))
        if actor.kind in ("place", "org"):
            return actor
        parts = actor.name.split()
        if len(parts) == 1:
            full = self.full_name(actor.name)
            if full:
                return replace(actor, name=full, kind="person")
            kind = self._kinds.get(actor.name)
            if kind:
                return replace(actor, kind=kind)
        return actor

    def resolve_name(self, name: str) -> str:
        if " " in name:
            return name
        return self.expand(name) or self.full_name(name) or name


def acronyms(name: str) -> set[str]:
    """How a text shortens a name: initials of its capitalised words ("GM", "IBM"), with "of"
    as a small letter ("BoA"), "&" kept ("S&P"), a closing number kept ("S&P 500")."""
    words = name.replace("'s", "").replace("’s", "").split()
    number = words[-1] if words and words[-1].isdigit() else ""
    if number:
        words = words[:-1]
    capital = [w for w in words if w[:1].isupper() or w == "&"]
    if len(capital) < 2 or len([w for w in capital if w != "&"]) < 2:
        return set()
    plain = "".join(w[0] if w != "&" else "" for w in capital)
    amp = "".join(w[0] if w != "&" else "&" for w in capital)
    small = "".join(w[0] if w[:1].isupper() else (w[0] if w in ("of", "and") else "&" if w == "&" else "")
                    for w in words if w[:1].isupper() or w in ("of", "and", "&"))
    connected = any(w in ("of", "and") for w in words)
    out = {small, small.upper()} if connected else {plain, amp}  # "Bank of America" is "BoA", not "BA"
    if "&" in amp:
        out.discard(plain)  # "S&P", not "SP"
    if number:
        out = {f"{a} {number}" for a in out}  # "S&P 500" is the index; "S&P" alone is the agency
    return {a for a in out if len(a.replace(" ", "")) >= 2}


def short_name(name: str, kind: str) -> str:
    """What a headline calls an actor: surname for people, the name for everything else."""
    if kind == "person" and " " in name:
        return name.split(" of ")[0].split()[-1]  # "Jan Kavan of Czech Republic" -> "Kavan"
    if kind == "org":
        words = name.replace(" amp ", " & ").split()
        while len(words) > 1 and (words[-1].rstrip(".") in _COMPANY_SUFFIXES or words[-1] in _CONNECTORS):
            words.pop()  # "Sony Corp." -> "Sony", "Dow Jones amp Co." -> "Dow Jones", as headlines say it
        return " ".join(words)
    return name


_COMPANY_SUFFIXES = frozenset("Corp Co Inc Ltd LLC PLC Plc S.A S.p.A N.V A.G AG SA NV Cos Corporation Company".split())


def group_nouns() -> frozenset:
    """Nouns that stay with the name before them in a subject ("Trump administration",
    "Boeing machinists", "Apple shares")."""
    return _data().group_nouns
