"""timeline.nlp: the shipped tagger/parser/name model, through parse() and noun_chunks()."""
from __future__ import annotations

import pickle
import subprocess
import sys

import pytest

from timeline.nlp import Entity, Parsed, noun_chunks, parse
from timeline.nlp.model_io import metrics, model_path

NEWS = [
    "General Motors filed for bankruptcy on Monday.",
    "Siemens announced 6,000 job cuts in Germany.",
    "The plant was closed by the company in 2009.",
    "Apple released the iPhone in June 2007.",
    "McDonnell Douglas merged with Boeing in 1997.",
    "Bank of America agreed to buy Merrill Lynch for $50 billion.",
]


@pytest.fixture(scope="module")
def news() -> list[Parsed]:
    return parse(NEWS)


def _word(p: Parsed, text: str) -> int:
    return next(i for i, t in enumerate(p.tokens) if t.text == text)


def _dependents(p: Parsed, head: str, dep: str) -> list[str]:
    h = _word(p, head)
    return [p.tokens[i].text for i in p.children(h) if p.tokens[i].dep == dep]


def _seed_sentences(seeds_dir) -> list[str]:
    lines = []
    for path in sorted(seeds_dir.glob("*.txt")):
        lines += [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return lines


def test_offsets_heads_and_entities_are_consistent_on_real_news(seeds_dir):
    texts = _seed_sentences(seeds_dir)
    parsed = parse(texts)
    assert len(parsed) == len(texts)
    for text, p in zip(texts, parsed):
        assert p.text == text
        prev_end = 0
        for i, t in enumerate(p.tokens):
            assert text[t.start:t.end] == t.text and t.text.strip() == t.text
            assert t.start >= prev_end
            prev_end = t.end
            assert 0 <= t.head < len(p.tokens)
            assert (t.head == i) == (t.dep == "ROOT")
            assert t.tag and t.pos and t.ent_iob in ("B", "I", "O")
        for e in p.entities:
            assert text[e.start:e.end] == text[p.tokens[e.first].start:p.tokens[e.last - 1].end]
            assert e.label in ("PERSON", "ORG", "PLACE")
            assert [t.ent_type for t in p.tokens[e.first:e.last]] == [e.label] * (e.last - e.first)


def test_subjects_and_objects_of_simple_clauses(news):
    gm, siemens, plant, apple, mcd, bofa = news
    assert _dependents(gm, "filed", "nsubj") == ["Motors"]
    assert gm.tokens[_word(gm, "filed")].dep == "ROOT"
    assert _dependents(siemens, "announced", "nsubj") == ["Siemens"]
    assert _dependents(plant, "closed", "nsubj:pass") == ["plant"]
    assert _dependents(plant, "closed", "obl:agent") == ["company"]
    assert _dependents(apple, "released", "nsubj") == ["Apple"]
    assert _dependents(apple, "released", "obj") == ["iPhone"]
    assert _dependents(mcd, "merged", "nsubj") == ["McDonnell"]
    assert _dependents(bofa, "agreed", "nsubj") == ["Bank"]
    assert _dependents(bofa, "buy", "obj") in (["Merrill"], ["Lynch"])  # either word heads the name


def test_tags_and_universal_pos(news):
    plant = news[2]
    assert [t.tag for t in plant.tokens] == ["DT", "NN", "VBD", "VBN", "IN", "DT", "NN", "IN", "CD", "."]
    assert [t.pos for t in plant.tokens] == ["DET", "NOUN", "AUX", "VERB", "ADP", "DET", "NOUN", "ADP", "NUM",
                                             "PUNCT"]


def test_names_found_whole(news):
    gm, siemens, _, _, mcd, bofa = news
    names = {p.text[e.start:e.end] for p in (gm, mcd, bofa) for e in p.entities}
    # Whole names, not "Motors" or "Douglas"; their labels (PERSON for a firm) are not
    # reliable yet, see the issue note.
    assert {"General Motors", "McDonnell Douglas", "Bank of America", "Merrill Lynch"} <= names
    assert ("Germany", "PLACE") in [(siemens.text[e.start:e.end], e.label) for e in siemens.entities]


def test_index_name_whole_and_subject():
    p = parse(["The Dow Jones Industrial Average fell 2.5% on Tuesday."])[0]
    assert "Dow Jones Industrial Average" in [p.text[e.start:e.end] for e in p.entities]
    assert _dependents(p, "fell", "nsubj") == ["Average"]


def test_noun_chunks(news):
    def chunks(p):
        return [p.text[p.tokens[a].start:p.tokens[b - 1].end] for a, b in noun_chunks(p)]

    gm, _, plant, _, mcd, _ = news
    assert chunks(gm) == ["General Motors", "bankruptcy", "Monday"]
    assert chunks(plant) == ["The plant", "the company"]
    assert chunks(mcd)[0] == "McDonnell Douglas"


def test_results_are_plain_picklable_data(news):
    again = pickle.loads(pickle.dumps(news))
    assert again == news
    assert isinstance(news[0].entities[0], Entity)


def test_empty_input():
    assert parse([]) == []
    empty, blank = parse(["", " \n  "])
    assert empty.tokens == () and empty.entities == ()
    assert blank.tokens == ()


def test_extra_whitespace_makes_no_tokens():
    text = "General  Motors filed\n for bankruptcy."
    p = parse([text])[0]
    assert [t.text for t in p.tokens] == ["General", "Motors", "filed", "for", "bankruptcy", "."]
    assert all(text[t.start:t.end] == t.text for t in p.tokens)
    assert p.tokens[p.tokens[1].head].text == "filed"


def test_import_loads_nothing_and_model_ships_its_notice():
    code = "import sys, timeline.nlp; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    assert (model_path().parent / "NOTICE").read_text().count("CC BY-SA 4.0") >= 1
    assert metrics()["tag_acc"] > 0.9
