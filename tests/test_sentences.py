"""Sentence splitting with offsets on the seed articles and real news sentences."""

import pytest

from timeline.events.sentences import split_sentences


def test_offsets_hold_on_every_seed(seeds_dir):
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        sentences = split_sentences(text)
        assert len(sentences) > 5
        for s in sentences:
            assert text[s.start:s.end] == s.text
            assert s.text == s.text.strip()


@pytest.mark.parametrize("text, expected", [
    # abbreviations and dotted acronyms do not end sentences
    ("Since taking office on Jan. 20, President Donald Trump has stepped up deportations. The U.S. deports many.",
     ["Since taking office on Jan. 20, President Donald Trump has stepped up deportations.", "The U.S. deports many."]),
    ("Mr. Rubio welcomed the offer. He left.", ["Mr. Rubio welcomed the offer.", "He left."]),
    ("citizens of other nations deported from the U.S. who are in custody.",
     ["citizens of other nations deported from the U.S. who are in custody."]),
    # "U.S." can end a sentence when a sentence starter follows
    ("Rubio flew back to the U.S. He said it went well.", ["Rubio flew back to the U.S.", "He said it went well."]),
    # closing quotes stay with their sentence; an ellipsis before lowercase does not split
    ('The website notes that conditions are "harsh and dangerous." "Overcrowding is a threat," it says.',
     ['The website notes that conditions are "harsh and dangerous."', '"Overcrowding is a threat," it says.']),
    ('"Any ... illegal immigrant" will be sent, Rubio said.', ['"Any ... illegal immigrant" will be sent, Rubio said.']),
])
def test_split(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


def test_header_line_and_headlines():
    text = open_seed("003")
    first = split_sentences(text)[0]
    assert first.text.startswith("US Secretary of State Marco Rubio said late Monday")  # not "date 2025-02-04"
    text = open_seed("001")
    sentences = split_sentences(text)
    assert sentences[0].fragment and sentences[0].text.startswith("Marco Rubio says El Salvador")
    assert not sentences[1].fragment
    assert sentences[-1].fragment and "Photo Credit" in sentences[-1].text


def test_hard_wrapped_copy_is_joined():
    text = ("The World Court on Friday rejected U.S. and British objections to a Libyan\n"
            "case over the bombing of Pan Am flight 103, clearing the way for\n"
            "arguments in the dispute over where the suspects should be tried.\n"
            "Libya welcomed the ruling.\n")
    sentences = split_sentences(text)
    assert [s.text.split()[0] for s in sentences] == ["The", "Libya"]
    assert "Libyan\ncase" in sentences[0].text


def open_seed(prefix):
    from pathlib import Path

    seeds = Path(__file__).resolve().parent.parent / "examples" / "seeds"
    return next(seeds.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


@pytest.mark.parametrize("text, first", [
    ("CANBERRA, Australia (AP)_ Turning its back on 210 years of loyalty to the British monarchy, the "
     "convention voted Friday.", "Turning its back"),
    ("O'SMACH, Cambodia (AP)_ The top commander of a Cambodian resistance force said Thursday.", "The top commander"),
    ("WASHINGTON _ Following are statements made Friday and Thursday.", "Following are"),
    ("NATO decided at last year's Madrid summit to invite them.", "NATO decided"),
])
def test_wire_datelines_are_not_part_of_the_sentence(text, first):
    sentence = split_sentences(text)[0]
    assert sentence.text.startswith(first)
    assert text[sentence.start:sentence.end] == sentence.text
