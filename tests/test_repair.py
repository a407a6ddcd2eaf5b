"""timeline.nlp.repair: parses that break UD's own rules, mended; made-up tokens and the model's."""

from timeline.nlp import parse
from timeline.nlp.parsed import Token
from timeline.nlp.repair import repair


def tok(i, text, tag, dep, head, start=None):
    start = i * 10 if start is None else start
    return Token(start, start + len(text), text, tag, "", dep, head, "O", "")


def test_a_participle_read_as_the_head_of_a_compound_becomes_the_nouns_clause():
    # "explained by great demand enjoyed by players": demand/compound -> enjoyed/obl:agent
    toks = [tok(0, "explained", "VBN", "ROOT", 0), tok(1, "by", "IN", "case", 3), tok(2, "great", "JJ", "amod", 3),
            tok(3, "demand", "NN", "compound", 4), tok(4, "enjoyed", "VBN", "obl:agent", 0),
            tok(5, "players", "NNS", "obl:agent", 4)]
    out = repair(toks)
    assert (out[3].dep, out[3].head) == ("obl:agent", 0)
    assert (out[4].dep, out[4].head) == ("acl", 3)
    assert out[2].head == 3 and out[5].head == 4


def test_a_verb_in_a_nouns_slot_with_a_compound_is_a_noun():
    # "negotiates with film studios": studios tagged a verb, yet an oblique with a compound
    toks = [tok(0, "with", "IN", "case", 2), tok(1, "film", "NN", "compound", 2),
            tok(2, "studios", "VBZ", "obl", 3), tok(3, "negotiate", "VB", "ROOT", 3)]
    out = repair(toks)
    assert out[2].tag == "NNS" and out[2].dep == "obl"
    assert out[1].dep == "compound"  # (the relation was right once the tag is)


def test_a_noun_right_before_a_subjectless_clause_is_its_subject():
    toks = [tok(0, "Kopp", "NNP", "compound", 1), tok(1, "vanished", "VBD", "ROOT", 1)]
    assert repair(toks)[0].dep == "nsubj"
    # a clause that has its subject keeps the compound as it is
    toks = [tok(0, "Kopp", "NNP", "compound", 1), tok(1, "vanished", "VBD", "ROOT", 1), tok(2, "he", "PRP", "nsubj", 1)]
    assert repair(toks)[0].dep == "compound"


def test_a_possessive_ending_is_a_case_marker_of_the_noun_before_it():
    toks = [tok(0, "bank", "NN", "nsubj", 2, start=4), tok(1, "'s", "POS", "cop", 2, start=8),
            tok(2, "profit", "NN", "nsubj", 3, start=11), tok(3, "tripled", "VBD", "ROOT", 3, start=18)]
    out = repair(toks)
    assert (out[1].dep, out[1].head) == ("case", 0)


def test_the_shipped_model_output_is_mended_on_a_real_sentence():
    p = parse(["This fact is explained by great demand enjoyed by the company's players during the holiday period."],
              names=False)[0]
    words = [t.text for t in p.tokens]
    demand, enjoyed = words.index("demand"), words.index("enjoyed")
    assert p.tokens[demand].dep != "compound" or p.tokens[p.tokens[demand].head].tag.startswith("NN")
    assert not any(t.dep == "compound" and p.tokens[t.head].tag.startswith("VB") for t in p.tokens)
    assert p.tokens[enjoyed].tag.startswith("VB")
