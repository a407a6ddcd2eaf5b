"""TimeML in and out: read gold TIMEX3 annotations (TimeBank, AQUAINT, TempEval-3 files) as
`Timex` spans over the plain text of <TEXT>, and write tagger output back as TimeML.

Offsets are character offsets into the text of <TEXT> with every tag removed and every entity
(`&amp;`, `&#8217;`, ...) replaced by its character, so `doc.text[t.start:t.end] == t.text`.
Nothing here uses an XML parser on purpose: the corpora are not always well-formed (stray `&`,
undeclared entities) and writing must leave every byte outside the inserted tags unchanged.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from timeline.atomic import atomic_path
from timeline.document import Document
from timeline.errors import DocumentError
from timeline.timex.model import TIMEX_TYPES, Timex
from timeline.timex.values import granularity_of

log = logging.getLogger(__name__)

_TEXT = re.compile(r"<TEXT\b[^>]*>(.*?)</TEXT\s*>", re.S)
_DCT = re.compile(r"<DCT\b[^>]*>(.*?)</DCT\s*>", re.S)
_DOCID = re.compile(r"<DOCID\b[^>]*>(.*?)</DOCID\s*>", re.S)
_ATTR = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
# One pass over <TEXT>: a CDATA section (its content is text), a comment or tag (no text),
# an entity, or a run of plain characters.
_PIECE = re.compile(r"<!\[CDATA\[(.*?)\]\]>|(<!--.*?-->|<[^>]*>)"
                    r"|(&(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)|([^<&]+|[<&])", re.S)
_TAG = re.compile(r"<\s*(/?)\s*([A-Za-z][\w:.-]*)([^>]*?)(/?)\s*>", re.S)
_DATE_IN_VALUE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")


@dataclass(frozen=True)
class TimeMLDoc:
    """A TimeML document: the plain text of <TEXT>, its creation date and its TIMEX3 spans.

    `source` is the file's full content when read from a file (needed to write it back with
    every other character unchanged); `path` where it came from.
    """

    doc_id: str
    text: str
    dct: dt.date | None
    timexes: list[Timex] = field(default_factory=list)
    source: str | None = None
    path: str | None = None


@dataclass(frozen=True)
class _Body:
    """<TEXT> content taken apart: the plain text; `raw`, the content as written minus the
    annotation tags (entities, comments, CDATA and other markup kept); for each plain character
    where it starts and ends in `raw`; and the CDATA sections' content spans in `raw`."""

    text: str
    raw: str
    starts: list[int]
    ends: list[int]
    cdata: list[tuple[int, int]]
    timexes: list[Timex]


# Annotation that write_timeml replaces; any other markup inside <TEXT> is kept as written.
_ANNOTATION_TAGS = frozenset({"TIMEX3", "EVENT", "SIGNAL"})


def _attrs(tag_body: str) -> dict[str, str]:
    return {m[1]: html.unescape(m[2] if m[2] is not None else m[3]) for m in _ATTR.finditer(tag_body)}


def _dct_of(source: str) -> dt.date | None:
    m = _DCT.search(source)
    if not m:
        return None
    inner = m[1]
    tag = re.search(r"<TIMEX3\b([^>]*)>", inner)
    candidates = [_attrs(tag[1]).get("value", "")] if tag else []
    candidates.append(re.sub(r"<[^>]*>", "", inner))  # e.g. <DCT>19980108</DCT> without TIMEX3
    for candidate in candidates:
        if d := _DATE_IN_VALUE.search(candidate):
            try:
                return dt.date(int(d[1]), int(d[2]), int(d[3]))
            except ValueError:
                continue
    return None


def _parse_body(body: str, doc: str) -> _Body:
    plain: list[str] = []
    raw: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    cdata_spans: list[tuple[int, int]] = []
    raw_len = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes: list[Timex] = []

    def keep(piece: str) -> None:
        nonlocal raw_len
        raw.append(piece)
        raw_len += len(piece)

    for m in _PIECE.finditer(body):
        cdata, tag, entity, chars = m.groups()
        if cdata is not None:
            first = raw_len + len("<![CDATA[")
            plain.extend(cdata)
            starts.extend(range(first, first + len(cdata)))
            ends.extend(range(first + 1, first + len(cdata) + 1))
            cdata_spans.append((first, first + len(cdata)))
            keep(m[0])
        elif tag is not None:
            t = _TAG.match(tag)
            name = t[2].upper() if t else ""
            if name not in _ANNOTATION_TAGS:
                keep(tag)  # comments, <P>, <s>...: not text, but part of the file
                continue
            if name != "TIMEX3":
                continue
            closing, self_closing = t[1] == "/", t[4] == "/" or t[3].rstrip().endswith("/")
            if self_closing:
                continue  # a non-consuming TIMEX3 marks no text
            if not closing:
                if open_timex is not None:
                    raise DocumentError(doc, "nested <TIMEX3> elements in <TEXT>")
                open_timex = (len(plain), _attrs(t[3]))
            elif open_timex is not None:
                start, attrs = open_timex
                open_timex = None
                timexes.append(_gold_timex(start, len(plain), "".join(plain[start:]), attrs, doc))
        elif entity is not None:
            char = html.unescape(entity)
            if char == entity:  # unknown entity: the reader sees it literally
                plain.extend(entity)
                starts.extend(range(raw_len, raw_len + len(entity)))
                ends.extend(range(raw_len + 1, raw_len + len(entity) + 1))
            else:
                plain.extend(char)
                starts.extend([raw_len] * len(char))
                ends.extend([raw_len + len(entity)] * len(char))
            keep(entity)
        else:
            plain.extend(chars)
            starts.extend(range(raw_len, raw_len + len(chars)))
            ends.extend(range(raw_len + 1, raw_len + len(chars) + 1))
            keep(chars)
    if open_timex is not None:
        raise DocumentError(doc, "a <TIMEX3> in <TEXT> is never closed")
    return _Body("".join(plain), "".join(raw), starts, ends, cdata_spans, timexes)


def _gold_timex(start: int, end: int, text: str, attrs: dict[str, str], doc: str) -> Timex:
    timex_type = attrs.get("type", "").upper()
    if timex_type not in TIMEX_TYPES:
        log.warning("%s: TIMEX3 %s has type %r", doc, attrs.get("tid", "?"), attrs.get("type"))
    value = attrs.get("value", "")
    return Timex(start=start, end=end, text=text, type=timex_type, value=value,
                 granularity=granularity_of(value, timex_type) if value else "vague",
                 mod=attrs.get("mod", ""), anchored_by="")


def parse_timeml(source: str, doc_id: str | None = None, path: str | None = None) -> TimeMLDoc:
    """A TimeMLDoc from the content of a TimeML file (see `read_timeml`)."""
    name = path or doc_id or "TimeML document"
    m = _TEXT.search(source)
    if not m:
        raise DocumentError(name, "no <TEXT> element; is this a TimeML file?")
    body = _parse_body(m[1], name)
    if doc_id is None:
        d = _DOCID.search(source)
        doc_id = html.unescape(d[1].strip()) if d else (Path(path).name if path else "document")
    return TimeMLDoc(doc_id=doc_id, text=body.text, dct=_dct_of(source), timexes=body.timexes,
                     source=source, path=path)


def read_timeml(path: str | os.PathLike) -> TimeMLDoc:
    """Read a TimeML file: the plain text of <TEXT> (tags removed, entities unescaped), the DCT
    (the date of `<DCT><TIMEX3 value=...>`, None when absent) and every TIMEX3 inside <TEXT> as
    a `Timex` with offsets into that text. Works for gold files (TimeBank, AQUAINT: TIMEX3,
    EVENT and SIGNAL tags) and TempEval-3 input files (no tags in <TEXT>). `doc_id` is the
    file name, so gold and system files pair up by name."""
    p = Path(path)
    try:
        source = p.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        source = p.read_text(encoding="latin-1")
        log.warning("%s is not UTF-8; read as Latin-1", p)
    except OSError as exc:
        raise DocumentError(str(p), f"cannot read it ({exc.strerror or exc})") from exc
    return parse_timeml(source, doc_id=p.name, path=str(p))


def _check_spans(text: str, timexes: list[Timex], doc: str) -> list[Timex]:
    ordered = sorted(timexes, key=lambda t: (t.start, t.end))
    last_end = 0
    for t in ordered:
        if not 0 <= t.start < t.end <= len(text):
            raise DocumentError(doc, f"timex {t.text!r} at {t.start}:{t.end} lies outside the text")
        if text[t.start:t.end] != t.text:
            raise DocumentError(doc, f"timex {t.text!r} at {t.start}:{t.end} does not match the "
                                     f"text there ({text[t.start:t.end]!r})")
        if t.start < last_end:
            raise DocumentError(doc, f"timex {t.text!r} at {t.start}:{t.end} overlaps the one before")
        last_end = t.end
    return ordered


def _q(value: str) -> str:
    return html.escape(value, quote=True)


def _open_tag(tid: int, t: Timex) -> str:
    tag = f'<TIMEX3 tid="t{tid}" type="{_q(t.type)}" value="{_q(t.value)}"'
    if t.mod:
        tag += f' mod="{_q(t.mod)}"'
    return tag + ">"


_TID = re.compile(r"""\btid\s*=\s*["']t(\d+)["']""")


def _with_tags(body: _Body, timexes: list[Timex], first_tid: int = 1) -> str:
    """`body.raw` with a TIMEX3 element around each timex. A tag that falls inside a CDATA
    section closes the section and reopens it after itself, so it stays markup."""
    def markup(tag: str, at: int) -> str:
        if any(a <= at <= b for a, b in body.cdata):
            return f"]]>{tag}<![CDATA["
        return tag

    out: list[str] = []
    pos = 0
    for n, t in enumerate(timexes, start=first_tid):
        a, b = body.starts[t.start], body.ends[t.end - 1]
        out += [body.raw[pos:a], markup(_open_tag(n, t), a), body.raw[a:b], markup("</TIMEX3>", b)]
        pos = b
    out.append(body.raw[pos:])
    return "".join(out)


def _fresh_document(doc: TimeMLDoc, timexes: list[Timex]) -> str:
    """TimeML for a document that did not come from a TimeML file (e.g. a .txt input)."""
    escaped = [html.escape(c, quote=False) for c in doc.text]
    starts, ends, pos = [], [], 0
    for piece in escaped:
        starts.append(pos)
        pos += len(piece)
        ends.append(pos)
    body = _with_tags(_Body(doc.text, "".join(escaped), starts, ends, [], []), timexes)
    dct = ""
    if doc.dct:
        iso = doc.dct.isoformat()
        dct = (f'<DCT><TIMEX3 tid="t0" type="DATE" value="{iso}" temporalFunction="false" '
               f'functionInDocument="CREATION_TIME">{iso}</TIMEX3></DCT>\n\n')
    return (f'<?xml version="1.0" ?>\n<TimeML>\n\n<DOCID>{_q(doc.doc_id)}</DOCID>\n\n{dct}'
            f"<TEXT>{body}</TEXT>\n\n</TimeML>\n")


def timeml_string(original: TimeMLDoc | str | os.PathLike, timexes: list[Timex]) -> str:
    """The TimeML text `write_timeml` writes (see there)."""
    doc = original if isinstance(original, TimeMLDoc) else read_timeml(original)
    name = doc.path or doc.doc_id
    ordered = _check_spans(doc.text, list(timexes), name)
    if doc.source is None:
        return _fresh_document(doc, ordered)
    m = _TEXT.search(doc.source)
    body = _parse_body(m[1], name)
    # ids stay unique in the file: after the DCT's t0 and any TIMEX3 kept outside <TEXT>
    outside = doc.source[:m.start(1)] + doc.source[m.end(1):]
    first = max((int(n) for n in _TID.findall(outside)), default=0) + 1
    tagged = _with_tags(body, ordered, first)
    return doc.source[:m.start(1)] + tagged + doc.source[m.end(1):]


def write_timeml(original: TimeMLDoc | str | os.PathLike, timexes: list[Timex],
                 out_path: str | os.PathLike) -> Path:
    """Write `original` with `<TIMEX3 tid="tN" type=... value=... [mod=...]>` elements around
    `timexes` (offsets into its plain <TEXT> text) and return the path written.

    Every character outside <TEXT>, the DCT element included, is kept as it was; inside <TEXT>
    every character is kept, entities, comments and other markup as written. The TIMEX3, EVENT
    and SIGNAL tags of a gold-annotated input are removed first, so the output carries exactly
    the given timexes. A TimeMLDoc not read from a file (no `source`) gets a minimal TimeML
    document around its text. Timexes must lie in the text, match it and not overlap.
    """
    content = timeml_string(original, timexes)
    out = Path(out_path)
    with atomic_path(out) as tmp:
        tmp.write_text(content, encoding="utf-8")
    return out


def read_event_links(path: str | os.PathLike):
    """A gold TimeML file's events and their time links, for measuring event extraction:
    (Document, {eid: (start, end, class)}, {tid: Timex}, {(eid, tid)} event-time TLINK pairs),
    offsets into the plain text of <TEXT> (entities unescaped)."""
    raw = Path(path).read_text(encoding="utf-8")
    dct = dt.date.fromisoformat(re.search(r'<DCT>.*?value="(\d{4}-\d{2}-\d{2})', raw, re.S).group(1))
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S).group(1)
    parts, events, timexes, pos = [], {}, {}, 0
    for m in re.finditer(r"<(EVENT|TIMEX3)([^>]*)>(.*?)</\1>|<[^>]+>|[^<]+", body, re.S):
        if m.group(1):
            piece = html.unescape(re.sub(r"<[^>]+>", "", m.group(3)))
        else:
            piece = "" if m.group(0).startswith("<") else html.unescape(m.group(0))
        if m.group(1):
            attrs = dict(re.findall(r'(\w+)="([^"]*)"', m.group(2)))
            if m.group(1) == "EVENT":
                events[attrs["eid"]] = (pos, pos + len(piece), attrs.get("class", ""))
            else:
                anchored = "document" if attrs.get("temporalFunction") == "true" else "absolute"
                timexes[attrs["tid"]] = Timex(pos, pos + len(piece), piece, attrs.get("type", "DATE"),
                                              attrs.get("value", ""), "day", attrs.get("mod", ""), anchored)
        parts.append(piece)
        pos += len(piece)
    instance = {}
    for tag in re.findall(r"<MAKEINSTANCE[^>]*>", raw):
        a = dict(re.findall(r'(\w+)="([^"]*)"', tag))
        instance[a["eiid"]] = a["eventID"]
    links = set()
    for tag in re.findall(r"<TLINK[^>]*>", raw):
        a = dict(re.findall(r'(\w+)="([^"]*)"', tag))
        if "eventInstanceID" in a and "relatedToTime" in a:
            links.add((instance.get(a["eventInstanceID"]), a["relatedToTime"]))
        if "timeID" in a and "relatedToEventInstance" in a:
            links.add((instance.get(a["relatedToEventInstance"]), a["timeID"]))
    return Document(Path(path).stem, "".join(parts), date=dct, date_source="given"), events, timexes, links
