"""timeline.timeml: reading gold TimeML (TimeBank, AQUAINT) and writing tagger output back."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from timeline.errors import DocumentError
from timeline.timeml import TimeMLDoc, parse_timeml, read_timeml, timeml_string, write_timeml
from timeline.timex.model import TIMEX_TYPES, Timex

# Tags the gold files carry inside <TEXT>; write_timeml drops them, everything else must stay.
_GOLD_TAGS = re.compile(r"</?(?:TIMEX3|EVENT|SIGNAL)\b[^>]*>")


@pytest.fixture(scope="module")
def corpus(timeml_dir):
    return {p: read_timeml(p) for p in sorted(timeml_dir.glob("*/*.tml"))}


def test_corpus_counts(corpus, timeml_dir):
    # The data README's 2,078 TIMEX3 are all of them: 1,822 inside <TEXT> plus 256 DCTs.
    assert len(corpus) == 256
    assert len([p for p in corpus if p.parent.name == "TimeBank"]) == 183
    assert sum(len(d.timexes) for d in corpus.values()) == 1822
    assert all(d.dct is not None for d in corpus.values())
    all_tags = sum(d.source.count("<TIMEX3 ") for d in corpus.values())
    assert all_tags == 2078


def test_every_span_matches_its_text(corpus):
    for path, doc in corpus.items():
        assert "<" not in doc.text.replace("<<", ""), path  # no tag left behind
        for t in doc.timexes:
            assert doc.text[t.start:t.end] == t.text, (path, t)
            assert t.type in TIMEX_TYPES
            assert t.value


def test_first_aquaint_document(timeml_dir):
    doc = read_timeml(timeml_dir / "AQUAINT" / "APW19980807.0261.tml")
    assert doc.doc_id == "APW19980807.0261.tml"
    assert doc.dct == dt.date(1998, 8, 7)
    assert doc.text.startswith("\n\nNAIROBI, Kenya (AP) _\n\nSuspected bombs exploded outside")
    friday = doc.timexes[0]
    assert (friday.text, friday.type, friday.value, friday.granularity) == ("Friday", "DATE", "1998-08-07", "day")
    assert doc.text.index("Friday") == friday.start


def test_timebank_values_mods_and_granularity(timeml_dir):
    doc = read_timeml(timeml_dir / "TimeBank" / "ABC19980108.1830.0711.tml")
    assert doc.dct == dt.date(1998, 1, 8)
    by_text = {t.text: t for t in doc.timexes}
    assert by_text["week"].value == "P1W" and by_text["week"].granularity == "week"
    assert by_text["the last twenty four hours"].type == "DURATION"
    assert by_text["Now"].value == "PRESENT_REF" and by_text["Now"].granularity == "vague"
    # TimeBank marks "mod" on some expressions (e.g. "about", "more than"); it must survive reading
    mods = [t for d in [doc] for t in d.timexes if t.mod]
    assert all(t.mod.isupper() for t in mods)


def test_mod_read_from_corpus(corpus):
    mods = {t.mod for d in corpus.values() for t in d.timexes if t.mod}
    assert {"APPROX", "START", "END"} <= mods


def test_entities_are_unescaped_with_offsets_kept():
    src = ('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2025-02-04">Feb 4</TIMEX3></DCT>\n'
           '<TEXT>AT&amp;T said on <TIMEX3 tid="t1" type="DATE" value="2025-02-03">Monday</TIMEX3> '
           'that Q&amp;A &lt;sessions&gt; end <TIMEX3 tid="t2" type="DATE" value="2025-02">this '
           '<EVENT eid="e1">month</EVENT></TIMEX3>.</TEXT></TimeML>')
    doc = parse_timeml(src, doc_id="x")
    assert doc.text == "AT&T said on Monday that Q&A <sessions> end this month."
    assert [(t.text, t.value) for t in doc.timexes] == [("Monday", "2025-02-03"), ("this month", "2025-02")]
    for t in doc.timexes:
        assert doc.text[t.start:t.end] == t.text
    assert doc.dct == dt.date(2025, 2, 4)


def test_cdata_and_comments_in_text(tmp_path):
    src = ('<TimeML><TEXT>A <!-- a note > with a bracket --><![CDATA[R&D <budget>]]> grew on '
           '<TIMEX3 tid="t1" type="DATE" value="2025-02-03">Monday</TIMEX3>.</TEXT></TimeML>')
    doc = parse_timeml(src, doc_id="c")
    assert doc.text == "A R&D <budget> grew on Monday."
    assert doc.text[doc.timexes[0].start:doc.timexes[0].end] == "Monday"
    start = doc.text.index("R&D")
    rd = Timex(start, start + 3, "R&D", "DATE", "XXXX", "vague")
    written = timeml_string(doc, [rd])
    assert '<![CDATA[]]><TIMEX3 tid="t1" type="DATE" value="XXXX"><![CDATA[R&D]]></TIMEX3><![CDATA[ <budget>]]>' in written
    assert "A <!-- a note > with a bracket -->" in written
    back = parse_timeml(written, doc_id="c")
    assert back.text == doc.text and [(t.start, t.end) for t in back.timexes] == [(rd.start, rd.end)]


def _input_file(tmp_path, name: str, dct: str, text: str, head: str = ""):
    """A TempEval-3 style input file: a DCT, optional elements before <TEXT>, no tags in it."""
    src = (f'<?xml version="1.0" ?>\n<TimeML>\n<DOCID>{name}</DOCID>\n{dct}\n{head}'
           f'<TEXT>{text}</TEXT>\n</TimeML>\n')
    path = tmp_path / f"{name}.tml"
    path.write_text(src, encoding="utf-8")
    return path


def test_tempeval_input_file_without_tags(tmp_path):
    path = _input_file(tmp_path, "wsj_0001",
                       '<DCT><TIMEX3 tid="t0" type="DATE" value="1989-10-26T14:00" temporalFunction="false" '
                       'functionInDocument="CREATION_TIME">10/26/89</TIMEX3></DCT>',
                       "\nThe board met Thursday.\n")
    doc = read_timeml(path)
    assert doc.text == "\nThe board met Thursday.\n"
    assert doc.timexes == []
    assert doc.dct == dt.date(1989, 10, 26)


def test_round_trip_keeps_every_other_character(corpus, tmp_path):
    for path, doc in corpus.items():
        out = write_timeml(path, doc.timexes, tmp_path / path.name)
        written = out.read_text(encoding="utf-8")
        assert _GOLD_TAGS.sub("", written) == _GOLD_TAGS.sub("", doc.source), path
        back = read_timeml(out)
        assert back.text == doc.text and back.dct == doc.dct
        assert [(t.start, t.end, t.type, t.value, t.mod) for t in back.timexes] == \
               [(t.start, t.end, t.type, t.value, t.mod) for t in doc.timexes]
        # DCT element untouched, including its tid="t0"
        assert re.search(r"<DCT>.*?</DCT>", written, re.S)[0] == re.search(r"<DCT>.*?</DCT>", doc.source, re.S)[0]


def test_write_removes_gold_tags_and_numbers_new_ones(timeml_dir, tmp_path):
    path = timeml_dir / "AQUAINT" / "APW19980807.0261.tml"
    doc = read_timeml(path)
    start = doc.text.index("Friday")
    mine = [Timex(start, start + 6, "Friday", "DATE", "1998-08-07", "day", mod="")]
    written = write_timeml(doc, mine, tmp_path / "out.tml").read_text(encoding="utf-8")
    body = re.search(r"<TEXT>(.*)</TEXT>", written, re.S)[1]
    assert "<EVENT" not in body and "<SIGNAL" not in body
    assert body.count("<TIMEX3") == 1
    assert '<TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>' in body


def test_new_ids_follow_the_timex_ids_kept_outside_the_text(tmp_path):
    # a TIMEX3 in the title keeps its id; the ones written into <TEXT> must not repeat it
    path = _input_file(tmp_path, "d", '<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-08">Aug 8</TIMEX3></DCT>',
                       "\nThe bombs went off Friday.\n",
                       head='<TITLE>Bombings on <TIMEX3 tid="t7" type="DATE" value="1998-08-07">Friday'
                            '</TIMEX3></TITLE>\n')
    doc = read_timeml(path)
    start = doc.text.index("Friday")
    mine = [Timex(start, start + 6, "Friday", "DATE", "1998-08-07", "day", mod="")]
    written = timeml_string(doc, mine)
    assert re.findall(r'tid="(t\d+)"', written) == ["t0", "t7", "t8"]


def test_attribute_values_are_escaped(tmp_path):
    doc = TimeMLDoc(doc_id="odd<id>", text='He said "now" & left', dct=dt.date(2025, 2, 4))
    t = Timex(9, 12, "now", "DATE", 'PRESENT_REF"&<', "vague", mod="APPROX")
    written = write_timeml(doc, [t], tmp_path / "odd.tml").read_text(encoding="utf-8")
    assert 'value="PRESENT_REF&quot;&amp;&lt;"' in written and 'mod="APPROX"' in written
    assert 'said "<TIMEX3' in written and "&amp; left" in written
    back = read_timeml(tmp_path / "odd.tml")
    assert back.text == doc.text and back.dct == doc.dct
    assert back.timexes[0].value == 'PRESENT_REF"&<' and back.timexes[0].text == "now"


def test_fresh_document_from_plain_text(tmp_path):
    text = "Rubio met Bukele late on Monday.\nTrump last week said <more>."
    doc = TimeMLDoc(doc_id="seed", text=text, dct=dt.date(2025, 2, 4))
    monday = text.index("Monday")
    week = text.index("last week")
    spans = [Timex(week, week + 9, "last week", "DATE", "2025-W05", "week"),
             Timex(monday, monday + 6, "Monday", "DATE", "2025-02-03", "day")]  # unsorted on purpose
    out = write_timeml(doc, spans, tmp_path / "seed.tml")
    back = read_timeml(out)
    assert back.text == text and back.dct == dt.date(2025, 2, 4)
    assert [t.value for t in back.timexes] == ["2025-02-03", "2025-W05"]
    assert 'tid="t1"' in out.read_text() and 'tid="t2"' in out.read_text()


@pytest.mark.parametrize("bad", [
    Timex(0, 3, "Rob", "DATE", "2025", "year"),  # text mismatch
    Timex(30, 99, "x", "DATE", "2025", "year"),  # out of range
])
def test_write_rejects_spans_that_do_not_fit(bad, tmp_path):
    doc = TimeMLDoc(doc_id="d", text="Rubin met him on Monday.", dct=None)
    with pytest.raises(DocumentError):
        write_timeml(doc, [bad], tmp_path / "d.tml")
    assert not (tmp_path / "d.tml").exists()


def test_write_rejects_overlaps(tmp_path):
    doc = TimeMLDoc(doc_id="d", text="late on Monday night", dct=None)
    a = Timex(8, 14, "Monday", "DATE", "XXXX-WXX-1", "day")
    b = Timex(8, 20, "Monday night", "TIME", "XXXX-WXX-1TNI", "time")
    with pytest.raises(DocumentError, match="overlaps"):
        timeml_string(doc, [a, b])


def test_missing_text_element_names_the_file(tmp_path):
    path = tmp_path / "notes.tml"
    path.write_text("<TimeML><DOCID>x</DOCID></TimeML>", encoding="utf-8")
    with pytest.raises(DocumentError, match="notes.tml.*no <TEXT>"):
        read_timeml(path)
    with pytest.raises(DocumentError, match="cannot read"):
        read_timeml(tmp_path / "absent.tml")


def test_unclosed_timex_is_an_error():
    with pytest.raises(DocumentError, match="never closed"):
        parse_timeml('<TEXT>on <TIMEX3 tid="t1" type="DATE" value="2025">2025</TEXT>', doc_id="u")


def test_read_event_links_gives_events_timexes_and_their_links(timeml_dir):
    from timeline.timeml import read_event_links

    doc, events, timexes, links = read_event_links(timeml_dir / "TimeBank" / "ABC19980108.1830.0711.tml")
    assert doc.id == "ABC19980108.1830.0711" and str(doc.date) == "1998-01-08"
    start, end, cls = events["e1"]
    assert doc.text[start:end] == "turning" and cls == "OCCURRENCE"
    assert doc.text[timexes["t85"].start:timexes["t85"].end] == "the last twenty four hours"
    assert links and all(tid in timexes for _, tid in links if tid != "t0")
