"""Bytes to text: BOMs, UTF-8, cp1252, detected encodings, and refusals."""

from __future__ import annotations

import pytest

from timeline.documents.decode import NotText, decode

TEXT = "Rubio said “we can send them” — Bukele’s offer, 40,000 inmates, naïve or not."


@pytest.mark.parametrize("data, encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8"),
    (TEXT.encode("utf-16"), "utf-16-le"),
    (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16-be"),
    (TEXT.encode("utf-32"), "utf-32-le"),
    (TEXT.encode("utf-16-le"), "utf-16-le"),       # no BOM: NULs in every other byte
    (TEXT.encode("cp1252"), "cp1252"),
])
def test_round_trip(data, encoding):
    assert decode(data) == (TEXT, encoding)


def test_latin1_text():
    text = "Ein schöner Tag für Straße und Bürger in München."
    assert decode(text.encode("latin-1"))[0] == text


def test_cyrillic_in_its_code_page_is_not_read_as_cp1252():
    text = "Президент Сальвадора предложил принять заключённых из США, сообщил Рубио в понедельник."
    decoded, encoding = decode(text.encode("cp1251"))
    assert decoded == text and encoding == "cp1251"


def test_a_few_broken_bytes_in_utf8_are_replaced_not_mojibaked():
    data = TEXT.encode("utf-8") * 20 + b"\xff" + TEXT.encode("utf-8")
    text, encoding = decode(data)
    assert text.count("“") == 21 and text.count("\ufffd") == 1 and encoding.startswith("utf-8")


@pytest.mark.parametrize("data, words", [
    (b"", "empty"),
    (b"   \n\t ", "empty"),
    (b"\xa0\xa0", "empty"),                                   # cp1252 no-break spaces only
    (b"\x00\x01\x02PK\x03\x04" * 100, "binary"),
    (b"\xff\xfe\x00\xd8", "byte order mark"),                 # UTF-16 BOM then a lone surrogate
    (b"Report: " + bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x83, 0x98]) * 60, "not valid UTF-8"),
    (b"ok text " + bytes(range(1, 9)) * 50, "control characters"),
])
def test_refusals(data, words):
    with pytest.raises(NotText, match=words):
        decode(data)


# --- no input makes the reader raise anything but a NotText with a reason ----------------

from hypothesis import given, settings, strategies as st  # noqa: E402

from timeline.documents import iter_documents  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_decode_or_are_refused(data):
    try:
        text, encoding = decode(data)
    except NotText as exc:
        assert str(exc)
    else:
        assert text.strip() and encoding


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400).filter(lambda s: any(c.isspace() for c in s) and s.strip()))
def test_any_text_loads_as_one_document_or_one_error(text):
    errors = []
    docs = list(iter_documents([text], on_error=errors.append))
    assert len(docs) + len(errors) == 1
    if docs:
        assert docs[0].text == text and docs[0].date_source in ("none", "header", "dateline", "text")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=1500), st.sampled_from(["a.jsonl", "a.csv", "a.html", "a.md", "a.json", "a.txt"]))
def test_any_file_content_never_raises(tmp_path_factory, data, name):
    path = tmp_path_factory.mktemp("fuzz") / name
    path.write_bytes(data)
    errors = []
    docs = list(iter_documents(path, on_error=errors.append))
    assert all(isinstance(d.text, str) and d.text.strip() for d in docs)
    assert all(str(path) in str(e) for e in errors)
