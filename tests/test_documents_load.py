"""Loading documents: every kind of input, every format, and every kind of bad input of
issue 6 (each must be reported with the document's name and line, and lose nothing else)."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import sys
from pathlib import Path

import pytest

import timeline
from timeline.document import Document
from timeline.documents import iter_documents, load_documents
from timeline.errors import DocumentError, UsageError

SEED_IDS = ["000_21e3754d681186f4", "001_bbdadd3923b1f46e", "002_8a95150cd3a16d36",
            "003_344faf7fb9d5f692", "004_14d3067ffab1f62e"]


@pytest.fixture(scope="module")
def seed_texts(seeds_dir) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))}


class Errors(list):
    def __call__(self, error: DocumentError) -> None:
        self.append(error)


def _load(inputs, **kw):
    errors = Errors()
    docs = load_documents(inputs, on_error=errors, **kw)
    return docs, errors


# --- the seeds: ids, dates and where each date came from --------------------------------

def test_seed_directory_dates_and_sources(seeds_dir):
    docs, errors = _load(seeds_dir)
    assert errors == []  # README.md and gold.csv are not articles and are skipped quietly
    got = {d.id: (d.date, d.date_source) for d in docs}
    assert [d.id for d in docs] == SEED_IDS
    assert got["003_344faf7fb9d5f692"] == (dt.date(2025, 2, 4), "header")
    assert got["004_14d3067ffab1f62e"] == (dt.date(2025, 2, 3), "text")
    for doc_id in SEED_IDS[:3]:
        assert got[doc_id] == (dt.date(2025, 2, 4), "inferred"), doc_id


def test_seed_texts_are_kept_unchanged(seeds_dir, seed_texts):
    docs, _ = _load(seeds_dir)
    for doc in docs:
        assert doc.text == seed_texts[doc.id]  # the header line stays: offsets remain true
        assert doc.path.endswith(f"{doc.id}.txt")
    assert docs[3].meta["date_evidence"] == "date 2025-02-04"
    assert docs[4].meta["date_evidence"] == "February 3, 2025"


def test_seed_titles_from_headline_lines(seeds_dir):
    docs = {d.id: d for d in _load(seeds_dir)[0]}
    assert docs["001_bbdadd3923b1f46e"].title == (
        "Marco Rubio says El Salvador is willing to house America's criminals and deportees")
    assert docs["004_14d3067ffab1f62e"].title.startswith("‘Extraordinary friendship’: Marco Rubio")
    assert docs["000_21e3754d681186f4"].title == ""  # first line is a sentence, not a headline


def test_public_api_exports():
    assert timeline.load_documents is load_documents


# --- kinds of input --------------------------------------------------------------------

def test_glob_list_and_raw_text(seeds_dir):
    docs, errors = _load([str(seeds_dir / "00[34]_*.txt"),
                          "Rubio met Bukele on Monday at Lake Coatepeque.",
                          Path(seeds_dir / "000_21e3754d681186f4.txt")])
    assert errors == []
    assert [d.id for d in docs] == ["003_344faf7fb9d5f692", "004_14d3067ffab1f62e", "text-1",
                                    "000_21e3754d681186f4"]
    assert docs[2].text == "Rubio met Bukele on Monday at Lake Coatepeque."


def test_one_word_that_is_no_file_is_an_error_not_a_document(tmp_path):
    docs, errors = _load(["missing_file.txt", "Rubio met Bukele."])
    assert [d.id for d in docs] == ["text-1"]
    assert len(errors) == 1 and errors[0].doc == "missing_file.txt"
    assert "no such file" in str(errors[0])


def test_glob_matching_nothing_is_reported(tmp_path):
    docs, errors = _load([str(tmp_path / "*.jsonl")])
    assert docs == [] and "no file matches" in str(errors[0])


def test_documents_pass_through_and_undated_ones_are_dated(seed_texts):
    given = Document("mine", "Some text.", date=dt.date(2024, 1, 2), date_source="given")
    undated = Document("seed3", seed_texts["003_344faf7fb9d5f692"])
    docs, _ = _load([given, undated])
    assert docs[0] is given
    assert (docs[1].date, docs[1].date_source) == (dt.date(2025, 2, 4), "header")


def test_ref_date_is_a_given_date_for_documents_without_a_date_field(seeds_dir):
    docs, _ = _load(seeds_dir / "000_21e3754d681186f4.txt", ref_date="2025-02-04")
    assert (docs[0].date, docs[0].date_source) == (dt.date(2025, 2, 4), "given")
    with pytest.raises(UsageError):
        load_documents("x y", ref_date="2025-02-30")


def test_stdin_text_and_jsonl(monkeypatch, seed_texts):
    text = seed_texts["003_344faf7fb9d5f692"]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    docs, _ = _load("-")
    assert docs[0].id == "stdin" and docs[0].text == text and docs[0].date_source == "header"
    rows = "".join(json.dumps({"id": f"s{i}", "text": t}) + "\n" for i, t in enumerate(seed_texts.values()))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(rows.encode("utf-8"))))
    docs, _ = _load("-")
    assert [d.id for d in docs] == ["s0", "s1", "s2", "s3", "s4"]


def test_duplicate_ids_get_a_suffix(seeds_dir, tmp_path):
    path = seeds_dir / "003_344faf7fb9d5f692.txt"
    docs, errors = _load([path, path, path])
    assert [d.id for d in docs] == ["003_344faf7fb9d5f692", "003_344faf7fb9d5f692~2",
                                    "003_344faf7fb9d5f692~3"]
    assert docs[1].meta["original_id"] == "003_344faf7fb9d5f692" and errors == []


# --- corpora: JSONL, CSV, JSON, Markdown, gzip -----------------------------------------

def test_jsonl_corpus_from_seed_texts(tmp_path, seed_texts):
    path = tmp_path / "seeds.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i, (stem, text) in enumerate(seed_texts.items()):
            row = {"text": text, "url": f"https://example.org/{stem}", "source": "seed"}
            if i != 2:
                row["id"] = stem
            if stem.startswith("001"):
                row["date"] = "2025-02-04"
                row["title"] = "Rubio says El Salvador will house deportees"
            fh.write(json.dumps(row) + "\n")
    docs, errors = _load(path)
    assert errors == []
    assert [d.id for d in docs] == SEED_IDS[:2] + ["seeds:3"] + SEED_IDS[3:]
    by_id = {d.id: d for d in docs}
    assert (by_id["001_bbdadd3923b1f46e"].date, by_id["001_bbdadd3923b1f46e"].date_source) == (
        dt.date(2025, 2, 4), "given")
    assert by_id["001_bbdadd3923b1f46e"].title == "Rubio says El Salvador will house deportees"
    assert by_id["004_14d3067ffab1f62e"].title.startswith("‘Extraordinary friendship’")  # headline line
    assert by_id["seeds:3"].meta["source"] == "seed" and by_id["seeds:3"].meta["line"] == 3
    assert by_id["003_344faf7fb9d5f692"].url == "https://example.org/003_344faf7fb9d5f692"
    assert by_id["seeds:3"].text == seed_texts["002_8a95150cd3a16d36"]


def test_csv_corpus_with_multiline_texts(tmp_path, seed_texts):
    path = tmp_path / "seeds.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "title", "date", "text"])
        for stem, text in seed_texts.items():
            writer.writerow([stem, "", "2025-02-04" if stem.startswith("002") else "", text])
    docs, errors = _load(path)
    assert errors == [] and [d.id for d in docs] == SEED_IDS
    assert all(d.text == seed_texts[d.id] for d in docs)  # quoted newlines kept
    assert docs[2].date_source == "given" and docs[3].date_source == "header"


def test_json_list_and_gzip_jsonl(tmp_path, seed_texts):
    items = [{"id": k, "text": v} for k, v in seed_texts.items()]
    (tmp_path / "a.json").write_text(json.dumps(items), encoding="utf-8")
    with gzip.open(tmp_path / "b.jsonl.gz", "wt", encoding="utf-8") as fh:
        for item in items[:2]:
            fh.write(json.dumps({**item, "id": "gz-" + item["id"]}) + "\n")
    docs, errors = _load(tmp_path)
    assert errors == []
    assert [d.id for d in docs] == SEED_IDS + ["gz-" + SEED_IDS[0], "gz-" + SEED_IDS[1]]


def test_markdown_markup_removed_front_matter_read(tmp_path, seed_texts):
    body = seed_texts["000_21e3754d681186f4"].split("\n")[1]
    md = ("---\ntitle: Rubio in El Salvador\ndate: 2025-02-04\n---\n# Rubio meets **Bukele**\n\n"
          f"{body}\n\nSee [the State Department](https://state.gov) and `MS-13`.\n")
    (tmp_path / "story.md").write_text(md, encoding="utf-8")
    doc = _load(tmp_path / "story.md")[0][0]
    assert doc.title == "Rubio in El Salvador"
    assert (doc.date, doc.date_source) == (dt.date(2025, 2, 4), "header")
    assert doc.text.startswith("Rubio meets Bukele\n\nHe met with El Salvador's President")
    assert "See the State Department and MS-13." in doc.text
    assert "**" not in doc.text and "](" not in doc.text


# --- encodings -------------------------------------------------------------------------

def test_utf8_bom_and_utf16_bom(tmp_path, seed_texts):
    text = seed_texts["003_344faf7fb9d5f692"]
    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (tmp_path / "b.txt").write_bytes(text.encode("utf-16"))  # Python writes a BOM
    (tmp_path / "c.txt").write_bytes(b"\xfe\xff" + text.encode("utf-16-be"))
    docs, errors = _load(tmp_path)
    assert errors == [] and len(docs) == 3
    for doc in docs:
        assert doc.text == text  # BOM removed, so offsets start at the first real character
        assert (doc.date, doc.date_source) == (dt.date(2025, 2, 4), "header")


def test_cp1252_fallback(tmp_path):
    text = "Rubio said “we can send them” — Bukele’s café offer, naïve or not, stands."
    (tmp_path / "w.txt").write_bytes(text.encode("cp1252"))
    doc = _load(tmp_path / "w.txt")[0][0]
    assert doc.text == text and doc.meta["encoding"] == "cp1252"


def test_utf16_jsonl_corpus(tmp_path, seed_texts):
    rows = "".join(json.dumps({"id": k, "text": v}, ensure_ascii=False) + "\n" for k, v in seed_texts.items())
    (tmp_path / "u.jsonl").write_bytes(rows.encode("utf-16"))
    docs, errors = _load(tmp_path / "u.jsonl")
    assert errors == [] and [d.id for d in docs] == SEED_IDS


# --- bad input (issue 6 item 4): reported with the document's name, the rest still loaded --

@pytest.fixture
def corpus_with(tmp_path, seed_texts):
    """A folder with one bad file and two good seed articles."""
    def make(name: str, content: bytes) -> tuple[list[Document], Errors, Path]:
        (tmp_path / "003.txt").write_text(seed_texts["003_344faf7fb9d5f692"], encoding="utf-8")
        (tmp_path / "004.txt").write_text(seed_texts["004_14d3067ffab1f62e"], encoding="utf-8")
        bad = tmp_path / name
        bad.write_bytes(content)
        docs, errors = _load(tmp_path)
        return docs, errors, bad
    return make


def _assert_only_bad_reported(docs, errors, bad, *, expected_ids=("003", "004"), line=None):
    assert {d.id for d in docs} >= set(expected_ids)
    assert len(errors) == 1, [str(e) for e in errors]
    assert not errors[0].kept
    assert errors[0].doc == str(bad) and str(bad) in str(errors[0])
    assert errors[0].line == line
    if line is not None:
        assert f"line {line}" in str(errors[0])


def test_empty_file(corpus_with):
    docs, errors, bad = corpus_with("empty.txt", b"")
    _assert_only_bad_reported(docs, errors, bad)
    assert "empty" in errors[0].reason


def test_whitespace_only_file(corpus_with):
    docs, errors, bad = corpus_with("blank.txt", b"  \n\n\t \n")
    _assert_only_bad_reported(docs, errors, bad)
    assert "empty" in errors[0].reason


def test_binary_file(corpus_with):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"
    docs, errors, bad = corpus_with("photo.txt", png * 40)
    _assert_only_bad_reported(docs, errors, bad)
    assert "binary" in errors[0].reason


def test_invalid_utf8_no_fallback_explains(corpus_with):
    # bytes that are not UTF-8, undefined in cp1252, and C1 control codes in latin-1
    junk = b"Report: " + bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x83, 0x98]) * 60
    docs, errors, bad = corpus_with("junk.txt", junk)
    _assert_only_bad_reported(docs, errors, bad)
    assert "not valid UTF-8" in errors[0].reason


def test_fifty_megabyte_document(tmp_path, seed_texts):
    unit = seed_texts["002_8a95150cd3a16d36"] + "\n"
    big = tmp_path / "big.txt"
    with big.open("w", encoding="utf-8") as fh:
        fh.write(seed_texts["003_344faf7fb9d5f692"] + "\n")
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(unit * 50)
    (tmp_path / "004.txt").write_text(seed_texts["004_14d3067ffab1f62e"], encoding="utf-8")
    docs, errors = _load(tmp_path)
    assert errors == []
    assert [d.id for d in docs] == ["004", "big"]
    assert len(docs[1].text) >= 50 * 1024 * 1024 - 4 * len(unit) * 50
    assert (docs[1].date, docs[1].date_source) == (dt.date(2025, 2, 4), "header")


def test_malformed_html_without_text(corpus_with):
    docs, errors, bad = corpus_with("broken.html", b"<html><head><title></title></head><body><div><<<</div>"
                                                   b"<script>var a = '</p>';</script><table><tr><td></body>")
    _assert_only_bad_reported(docs, errors, bad)
    assert "HTML" in errors[0].reason


def test_broken_jsonl_line(tmp_path, seed_texts):
    path = tmp_path / "c.jsonl"
    lines = [json.dumps({"id": "a", "text": seed_texts["003_344faf7fb9d5f692"]}),
             '{"id": "b", "text": "unterminated',
             json.dumps({"id": "c", "text": seed_texts["004_14d3067ffab1f62e"]}),
             json.dumps({"id": "d", "title": "no text here"}),
             "[1, 2, 3]"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, errors = _load(path)
    assert [d.id for d in docs] == ["a", "c"]
    assert [(e.doc, e.line) for e in errors] == [(str(path), 2), (str(path), 4), (str(path), 5)]
    assert all(f"{path}, line" in str(e) for e in errors)
    assert "broken JSON" in errors[0].reason and "'text'" in errors[1].reason


def test_jsonl_line_with_bad_bytes_is_one_error(tmp_path, seed_texts):
    path = tmp_path / "bytes.jsonl"
    good = json.dumps({"id": "a", "text": seed_texts["003_344faf7fb9d5f692"]}).encode()
    bad = b'{"id": "b", "text": "' + bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 60 + b'"}'
    path.write_bytes(good + b"\n" + bad + b"\n" + good.replace(b'"a"', b'"c"') + b"\n")
    docs, errors = _load(path)
    assert [d.id for d in docs] == ["a", "c"]
    assert len(errors) == 1 and errors[0].line == 2


def test_broken_csv_rows(tmp_path, seed_texts):
    path = tmp_path / "c.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "date", "text"])
        writer.writerow(["a", "", seed_texts["003_344faf7fb9d5f692"]])   # starts on line 2
        writer.writerow(["b", "2025-02-04", ""])                        # no text
        fh.write("c,2025-02-04,Rubio met Bukele,and,more,fields\n")      # too many fields
        writer.writerow(["d", "", seed_texts["004_14d3067ffab1f62e"]])
    docs, errors = _load(path)
    assert [d.id for d in docs] == ["a", "d"]
    line_b = 2 + seed_texts["003_344faf7fb9d5f692"].count("\n") + 1
    assert [e.line for e in errors] == [line_b, line_b + 1]
    assert all(str(path) in str(e) for e in errors)


def test_csv_without_text_column_named_explicitly_is_an_error(seeds_dir):
    docs, errors = _load(seeds_dir / "gold.csv")
    assert docs == [] and "no 'text' column" in errors[0].reason


@pytest.mark.parametrize("value, why", [
    ("0000-01-01", "year 0"), ("99999-01-01", "year 99999"), ("2025-02-30", "not a calendar date"),
])
def test_absurd_date_field_keeps_the_document_undated(tmp_path, seed_texts, value, why):
    text = seed_texts["000_21e3754d681186f4"]  # no date of its own
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"id": "ok", "text": seed_texts["003_344faf7fb9d5f692"]}) + "\n"
                    + json.dumps({"id": "bad", "text": text, "date": value}) + "\n", encoding="utf-8")
    docs = list(iter_documents(path, on_error=(errors := Errors())))
    assert [d.id for d in docs] == ["ok", "bad"]
    assert docs[1].date is None and docs[1].date_source == "none" and docs[1].text == text
    assert docs[1].meta["bad_date"] == value
    assert len(errors) == 1 and errors[0].line == 2 and str(path) in str(errors[0])
    assert errors[0].kept  # reported, but the document is not counted as skipped
    assert "'bad'" in errors[0].reason and value in errors[0].reason


def test_default_error_handler_logs_a_warning(tmp_path, caplog):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "ok.txt").write_text("Rubio met Bukele on Monday.", encoding="utf-8")
    with caplog.at_level("WARNING"):
        docs = load_documents(tmp_path)
    assert [d.id for d in docs] == ["ok"]
    assert any(str(tmp_path / "empty.txt") in r.getMessage() for r in caplog.records)


def test_streaming_does_not_read_ahead(tmp_path, seed_texts):
    path = tmp_path / "s.jsonl"
    path.write_text("".join(json.dumps({"id": f"r{i}", "text": seed_texts["003_344faf7fb9d5f692"]}) + "\n"
                            for i in range(50)), encoding="utf-8")
    stream = iter_documents(path)
    first = next(stream)
    assert first.id == "r0"
    stream.close()


def test_other_field_names_are_understood(tmp_path, seed_texts):
    path = tmp_path / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["doc_id", "headline", "published", "link", "body"])
        writer.writerow(["n1", "Rubio in El Salvador", "2025-02-04", "https://example.org/n1",
                         seed_texts["001_bbdadd3923b1f46e"]])
    doc = _load(path)[0][0]
    assert (doc.id, doc.title, doc.url) == ("n1", "Rubio in El Salvador", "https://example.org/n1")
    assert (doc.date, doc.date_source) == (dt.date(2025, 2, 4), "given")
    assert doc.text == seed_texts["001_bbdadd3923b1f46e"]


def test_html_declared_charset_is_used(tmp_path):
    sentence = "Президент Сальвадора Букеле предложил США разместить заключённых в своей мегатюрьме."
    page = (f'<html><head><meta charset="koi8-r"><title>Рубио и Букеле</title></head><body>'
            f"<article><p>{sentence}</p><p>{sentence}</p></article></body></html>")
    (tmp_path / "ru.html").write_bytes(page.encode("koi8-r"))
    doc = _load(tmp_path / "ru.html")[0][0]
    assert sentence in doc.text and doc.meta["encoding"] == "koi8-r"


def test_unknown_ending_is_sniffed(tmp_path, seed_texts):
    rows = "".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in seed_texts.items())
    (tmp_path / "corpus.dat").write_text(rows, encoding="utf-8")
    docs, errors = _load(tmp_path / "corpus.dat")
    assert errors == [] and [d.id for d in docs] == SEED_IDS


@pytest.mark.parametrize("content, fmt", [
    (b'{"id": "a", "text": "Rubio met Bukele."}\n', "jsonl"),
    (b"{Breaking} Rubio met Bukele on Monday.", "text"),
    (b'[{"id": "a", "text": "Rubio met Bukele."}]', "json"),
    (b"[Update] Rubio met Bukele on Monday.", "text"),
    (b"<!DOCTYPE html><html><body><p>Rubio</p></body></html>", "html"),
    (b'{"id": "a", "text": "' + b"x " * 40000 + b'"}\n', "jsonl"),   # first line beyond the sample
])
def test_sniffed_formats(content, fmt):
    from timeline.documents.readers import sniff
    assert sniff(content) == fmt


def test_a_stray_nul_byte_costs_one_row(tmp_path, seed_texts):
    path = tmp_path / "nul.jsonl"
    good = json.dumps({"id": "a", "text": seed_texts["003_344faf7fb9d5f692"]}).encode()
    path.write_bytes(b'{"id": "z", "text": "Rubio\x00 met Bukele."}\n' + good + b"\n")
    docs, errors = _load(path)
    assert [d.id for d in docs] == ["a"] and [e.line for e in errors] == [1]


def test_a_binary_file_named_jsonl_is_one_error(tmp_path):
    path = tmp_path / "image.jsonl"
    path.write_bytes((b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)) * 100)
    docs, errors = _load(path)
    assert docs == [] and len(errors) == 1 and "binary" in errors[0].reason


def test_jsonl_rows_holding_html_pages(tmp_path):
    page = (Path(__file__).parent / "data" / "html" / "salon.com.emissions.html").read_text(encoding="utf-8")
    path = tmp_path / "scraped.jsonl"
    path.write_text(json.dumps({"id": "salon", "html": page}) + "\n"
                    + json.dumps({"id": "empty", "html": "<html><body></body></html>"}) + "\n",
                    encoding="utf-8")
    docs, errors = _load(path)
    assert [d.id for d in docs] == ["salon"]
    assert docs[0].title == "Despite everything, U.S. emissions dipped in 2019"
    assert (docs[0].date, docs[0].date_source) == (dt.date(2020, 1, 10), "html-meta")
    assert "total emissions fell 2 percent" in docs[0].text
    assert [(e.line, "HTML" in e.reason) for e in errors] == [(2, True)]
