"""People, organisations and places in seed sentences; surnames resolved to full names."""

import re

from timeline.events.actors import NameIndex, find_actors, short_name
from timeline.events.sentences import split_sentences


def _names(text):
    return [(a.name, a.kind) for a in find_actors(text)]


def test_titles_possessives_and_places():
    found = _names("He met with El Salvador's President Nayib Bukele at Bukele's residence on Lake Coatepeque.")
    assert ("El Salvador", "place") in found
    assert ("Nayib Bukele", "person") in found
    assert ("Lake Coatepeque", "place") in found
    found = _names("US Secretary of State Marco Rubio announced late on Monday that El Salvador has agreed.")
    assert found[:2] == [("United States", "place"), ("Marco Rubio", "person")]
    found = _names("Manuel Flores, secretary-general of the Farabundo Martí National Liberation Front, criticized it.")
    assert ("Farabundo Martí National Liberation Front", "org") in found
    assert ("Manuel Flores", "person") in found


def test_demonyms_and_sentence_starts_are_not_actors():
    text = "Deporting U.S. citizens would face legal obstacles. Salvadoran officials said deporting is hard."
    common = frozenset(re.findall(r"\b[a-z][\w-]*", text))
    names = [a.name for s in split_sentences(text) for a in find_actors(s.text, s.start, common)]
    assert names == ["United States"]


def test_era_words_are_not_names():
    # a year's era belongs to the date ("In 480 BC, Xerxes ..." was titled "BC invades Greece")
    assert [a.name for a in find_actors("In 480 BC, Xerxes invaded Greece.")] == ["Xerxes", "Greece"]
    assert [a.name for a in find_actors("Augustus died in AD 14 at Nola.")] == ["Augustus", "Nola"]
    assert [a.name for a in find_actors("The temple fell in 70 CE to Titus.")] == ["Titus"]


def test_offsets_hold(seeds_dir):
    for path in seeds_dir.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        for s in split_sentences(text):
            for a in find_actors(s.text, s.start):
                assert text[a.start:a.end] == a.text


def test_surnames_resolve_within_and_across_documents():
    index = NameIndex(find_actors("Secretary of State Marco Rubio said late on Monday that Bukele agreed."))
    rubio = [a for a in find_actors("Rubio met with leaders in El Salvador.") if a.name == "Rubio"][0]
    assert index.resolve(rubio).name == "Marco Rubio" and index.resolve(rubio).kind == "person"
    assert index.resolve_name("Bukele") == "Bukele"  # no full name seen yet
    index.add_name("Nayib Bukele", "person")
    assert index.resolve_name("Bukele") == "Nayib Bukele"
    assert short_name("Nayib Bukele", "person") == "Bukele"
    assert short_name("El Salvador", "place") == "El Salvador"
    # two people share a surname about equally often: leave it alone
    index.add_name("Donald Trump", "person")
    index.add_name("Melania Trump", "person")
    assert index.resolve_name("Trump") == "Trump"


def test_brands_written_with_a_small_first_letter_are_whole_names_with_their_model_number():
    assert [n for n, _ in _names("iPhone 4 will be available on June 24.")] == ["iPhone 4"]
    assert [n for n, _ in _names("Apple launched the iPhone 3G and the iTunes Music Store.")] == [
        "Apple", "iPhone 3G", "iTunes Music Store"]
    # a brand starts its own name: "UK iTunes prices" is the UK and iTunes
    assert [n for n, _ in _names("Apple said UK iTunes prices will fall.")] == ["Apple", "United Kingdom", "iTunes"]


def test_a_team_is_a_place_and_a_plural_and_a_prize_is_a_thing():
    assert _names("The Chicago Cubs won the World Series.") == [("Chicago Cubs", "org"), ("World Series", "name")]
    assert ("United States", "place") in _names("The United States said on Monday it would act.")


def test_a_portfolio_after_a_title_and_brand_capitals_are_no_persons_name():
    text = "European Commissioner for Competition Neelie Kroes said Current PowerPC programs run."
    found = [(a.name, a.kind) for a in find_actors(text, 0, frozenset())]
    assert ("Neelie Kroes", "person") in found
    assert not any(kind == "person" and "PowerPC" in name for name, kind in found)
    assert not any(name.startswith(("for ", "Competition")) for name, _ in found)


def test_a_year_after_a_possessive_is_no_part_of_the_name():
    names = [a.name for a in find_actors("Bush criticized Iraq's 1990 invasion of Kuwait.", 0, frozenset())]
    assert "Iraq" in names and not any("1990" in n for n in names)
    assert "Standard & Poor's 500" in [a.name for a in find_actors("The Standard & Poor's 500 fell 3%.", 0, frozenset())]
