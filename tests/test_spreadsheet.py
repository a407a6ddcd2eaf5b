"""Exports as spreadsheets see them: CSV text never runs as a formula, the XLSX workbook is typed,
linked and exact, and both are opened in LibreOffice Calc (headless) as a reader would."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import lxml.html
import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.errors import ExportError, TableError
from timeline.spreadsheet import guard_cell, is_web_url, plain_text, unguard_cell, xml_text
from timeline.table import events_frame, read_events, validate_events, write_events

ARTICLE = '=HYPERLINK("http://evil.example","click") Rubio met Bukele at Lake Coatepeque on Monday.'
HOSTILE = [ARTICLE, '=HYPERLINK("http://evil.example","click")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3",
           "'quoted already", "''two quotes", "=1+1", "#N/A", "a_x0041_b literal escape", "café Ελλάδα 🙂",
           "\t=1+1 after a tab"]
# texts Calc turns into numbers or dates shown otherwise ("Jan. 20" -> 01/20/26) unless marked as text
CONVERTED = ["007", "12345678901234567890", "1,000", "1.50", "Jan. 20", "February 3, 2025", "14:30", "3/2/2025",
             "(5)", "12%"]
TEXTS = HOSTILE + CONVERTED
TEXT_COLUMNS = ("event_id", "title", "description", "place", "category", "evidence", "evidence_doc", "time_text")
SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "events_sample.csv"
SAFE_URL, EVIL_URL = "https://news.example/a?b=1&c=2", "javascript:alert(1)"


def hostile_frame() -> pd.DataFrame:
    rows = []
    for k, text in enumerate(TEXTS):
        row = {c: text for c in TEXT_COLUMNS}
        row.update(event_id=f"{text.strip()} #{k}", date="2025-02-03", start="2025-02-03", end="2025-02-03",
                   granularity="day", certainty="explicit", confidence=0.5, actors=[text, "Nayib Bukele"],
                   sources=[text, "doc b"], urls=[SAFE_URL if k % 2 else EVIL_URL, ""],
                   mentions=[{"doc_id": text, "evidence": text, "url": SAFE_URL if k % 2 else EVIL_URL,
                              "confidence": 1.0, "evidence_start": k}])
        rows.append(row)
    return events_frame(rows)


# ---------------------------------------------------------------- the CSV guard

@pytest.mark.parametrize("text, cell", [
    ("=SUM(A1)", "'=SUM(A1)"), ("+1", "'+1"), ("-2+3", "'-2+3"), ("@SUM(1+1)", "'@SUM(1+1)"),
    ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("'tis", "''tis"), ("Rubio = Bukele", "Rubio = Bukele"), ("", ""),
    ("007", "'007"), ("Jan. 20", "'Jan. 20"), ("2025-02-03T14:30", "'2025-02-03T14:30"),
    ("2025-02-03T14:30:00", "2025-02-03T14:30:00"), ("1,000", "'1,000"),
    ("2023", "2023"), ("0.5", "0.5"), ("2025-02-03", "2025-02-03"), ("2025-W05", "2025-W05"), ("May", "May"),
    ("3 people", "3 people")])
def test_guard_cell(text, cell):
    assert guard_cell(text) == cell
    assert unguard_cell(cell) == text


@given(st.text(max_size=20) | st.tuples(st.sampled_from("=+-@\t\r'"), st.text(max_size=10)).map("".join))
@settings(max_examples=300, deadline=None)
def test_guard_cell_is_undone_exactly_and_never_leaves_a_formula(text):
    cell = guard_cell(text)
    assert unguard_cell(cell) == text
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_csv_cells_start_with_an_apostrophe_only_where_needed(tmp_path):
    frame = events_frame([{"title": "-2+3", "description": "Rubio met Bukele.", "actors": ["@x", "y"],
                           "date": "2025-02-03", "sources": ["a", "b"], "urls": ["", ""], "confidence": 0.5}])
    raw = pd.read_csv(write_events(frame, tmp_path / "e.csv"), dtype=str, keep_default_na=False)
    assert raw.loc[0, "title"] == "'-2+3" and raw.loc[0, "description"] == "Rubio met Bukele."
    assert raw.loc[0, "actors"] == "'@x;y"
    assert raw.loc[0, "urls"] == ""  # unknown URLs: an empty cell, not a lone backslash
    assert raw.loc[0, "confidence"] == "0.5"
    assert read_events(tmp_path / "e.csv").loc[0, "urls"] == ["", ""]


def test_unknown_urls_stay_aligned_with_sources():
    frame = events_frame([{"title": "x", "sources": ["a", "b"], "urls": []},
                          {"title": "y", "sources": [], "urls": []}])
    assert frame["urls"].tolist() == [["", ""], []]


def test_csv_warns_of_cells_excel_would_cut(tmp_path, caplog):
    many = [{"doc_id": f"doc{k}", "evidence": "Rubio met Bukele at his lakeside residence. " * 8} for k in range(100)]
    frame = events_frame([{"event_id": "big", "title": "t", "date": "2025", "mentions": many},
                          {"event_id": "small", "title": "u", "date": "2025", "mentions": many[:3]}])
    with caplog.at_level("WARNING", logger="timeline.spreadsheet"):
        path = write_events(frame, tmp_path / "e.csv")
    assert [r.getMessage() for r in caplog.records] == [
        f"{path}: mentions of row(s) 1 is longer than the 32,767 characters Excel keeps in a cell; "
        "open the .xlsx export in Excel instead (it gives mentions their own sheet)"]
    frame = validate_events(frame)
    pd.testing.assert_frame_equal(read_events(write_events(frame, tmp_path / "e.xlsx")), frame)


def test_csv_in_utf16_with_tabs_reads_back(tmp_path):
    """Excel's "Unicode Text": UTF-16 with a BOM, a tab between cells."""
    frame = hostile_frame()
    cells = pd.read_csv(write_events(frame, tmp_path / "e.csv"), dtype=str, keep_default_na=False)
    cells.to_csv(tmp_path / "u.csv", sep="\t", index=False, encoding="utf-16")
    assert (tmp_path / "u.csv").read_bytes()[:2] == b"\xff\xfe"
    pd.testing.assert_frame_equal(read_events(tmp_path / "u.csv"), frame)


# ---------------------------------------------------------------- XLSX

def test_xml_escape_round_trips_control_characters_and_literal_escapes():
    text = "a\x01b\x1f_x0041_ _x005F_ \ufffe\ttab\nline"
    assert "\x01" not in xml_text(text)
    assert plain_text(xml_text(text)) == text
    assert plain_text("_x0041_") == "A"  # what Excel writes for a character it escapes


def test_web_urls_only():
    assert is_web_url(SAFE_URL) and is_web_url("HTTP://x.example")
    for url in (EVIL_URL, "file:///etc/passwd", "data:text/html,x", "http://", "https://x.example/a b", "//x.example"):
        assert not is_web_url(url), url


def test_xlsx_cells_are_typed_text_dates_and_links(tmp_path):
    frame = hostile_frame()
    path = write_events(frame, tmp_path / "events.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Events", "Mentions"]
    events, mentions = book["Events"], book["Mentions"]
    header = [c.value for c in events[1]]
    assert "mentions" not in header
    col = {name: k + 1 for k, name in enumerate(header)}
    for row, text in enumerate(TEXTS, start=2):
        cell = events.cell(row, col["evidence"])
        assert cell.data_type == "s" and plain_text(cell.value) == text  # never "f", a formula
        assert cell.number_format == ("@" if guard_cell(text) != text else "General")  # stays text when edited
        start = events.cell(row, col["start"])
        assert start.is_date and start.number_format == "yyyy-mm-dd"
        assert events.cell(row, col["confidence"]).value == 0.5
        link = events.cell(row, col["urls"]).hyperlink
        assert (link.target if link else None) == (SAFE_URL if row % 2 else None)
    m_header = [c.value for c in mentions[1]]
    assert m_header == ["event_id", "doc_id", "evidence", "url", "confidence", "evidence_start"]
    links = [mentions.cell(r, 4).hyperlink for r in range(2, len(TEXTS) + 2)]
    assert [bool(x) for x in links] == [bool(k % 2) for k in range(len(TEXTS))]
    assert not any(x.target == EVIL_URL for x in links if x)
    assert mentions.cell(2, 1).value == f"{HOSTILE[0]} #0"  # the key back to the Events sheet
    assert all(c.data_type != "f" for sheet in book for r in sheet.iter_rows() for c in r)
    pd.testing.assert_frame_equal(read_events(path), frame)


def test_xlsx_old_dates_are_text_and_times_keep_their_clock(tmp_path):
    frame = events_frame([
        {"event_id": "a", "title": "Columbus", "date": "1492-10-12", "start": "1492-10-12", "end": "1492-10-12",
         "granularity": "day"},
        {"event_id": "b", "title": "timed", "date": "2025-02-03T14:30:01", "start": "2025-02-03 14:30:01",
         "end": "2025-02-03 14:30:01", "granularity": "time"}])
    path = write_events(frame, tmp_path / "t.xlsx")
    sheet = openpyxl.load_workbook(path)["Events"]
    assert sheet["C2"].value == "1492-10-12" and sheet["C2"].data_type == "s"
    assert sheet["C3"].is_date and sheet["C3"].number_format == "yyyy-mm-dd hh:mm:ss"
    back = read_events(path)
    pd.testing.assert_frame_equal(back, frame)
    assert back.loc[1, "start"] == pd.Timestamp("2025-02-03 14:30:01")


def test_a_users_own_workbook_is_read(tmp_path):
    """A sheet typed by hand: any name, real dates in `date`, numbers, lists joined with ';'."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "my events"
    sheet.append(["title", "date", "actors", "confidence"])
    sheet.append(["Rubio meets Bukele", pd.Timestamp("2025-02-03").to_pydatetime(), "Marco Rubio;Nayib Bukele", 1])
    sheet.append(["CECOT opens", "2023", None, None])
    book.save(tmp_path / "mine.xlsx")
    df = read_events(tmp_path / "mine.xlsx")
    assert df["date"].tolist() == ["2025-02-03", "2023"]
    assert df.loc[0, "actors"] == ["Marco Rubio", "Nayib Bukele"] and df.loc[1, "actors"] == []
    assert df["confidence"].tolist()[0] == 1.0 and df["mentions"].tolist() == [[], []]


def test_xlsx_refuses_what_a_cell_cannot_hold_and_bad_files(tmp_path):
    with pytest.raises(ExportError, match="more than a spreadsheet cell holds"):
        write_events(events_frame([{"title": "x" * 40_000}]), tmp_path / "big.xlsx")
    with pytest.raises(ExportError, match="needs its own event_id"):
        write_events(events_frame([{"title": "a", "mentions": [{"evidence": "x"}]},
                                   {"title": "b", "mentions": [{"evidence": "y"}]}]), tmp_path / "ids.xlsx")
    assert not list(tmp_path.iterdir())
    (tmp_path / "fake.xlsx").write_text("title,date\nx,2025\n", encoding="utf-8")
    with pytest.raises(TableError, match="cannot read it as XLSX"):
        read_events(tmp_path / "fake.xlsx")


def test_mentions_that_are_no_plain_cells_go_as_json(tmp_path):
    frame = events_frame([{"event_id": "e", "title": "t", "date": "2025", "mentions": [
        {"evidence": "a", "extra": None, "nested": {"list": [1, 2.5]}, "big": 2 ** 60},
        {"evidence": "b", "confidence": 1.0}]}])
    path = write_events(frame, tmp_path / "m.xlsx")
    header = [c.value for c in openpyxl.load_workbook(path)["Mentions"][1]]
    assert header == ["event_id", "evidence", "extra (JSON)", "nested (JSON)", "big (JSON)", "confidence (JSON)"]
    back = read_events(path).loc[0, "mentions"]
    assert back == frame.loc[0, "mentions"]
    assert isinstance(back[1]["confidence"], float) and back[0]["big"] == 2 ** 60


# ---------------------------------------------------------------- in LibreOffice Calc

@pytest.fixture(scope="module")
def soffice() -> str:
    path = shutil.which("soffice")
    if not path:  # CI installs it (.ci/run); a missing office must not pass silently
        pytest.fail("LibreOffice is missing: apt-get install libreoffice-calc-nogui")
    return path


# CSV import as a demanding user sets it: UTF-8, "Evaluate formulas" and "Detect special numbers" on
# (the filter's 3rd, 8th and 13th tokens), the settings under which injected formulas would run.
CSV_IMPORT = "Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,false,true"


def calc_convert(soffice: str, path: Path, out: Path, to: str, infilter: str | None = None) -> Path:
    """Open `path` in LibreOffice Calc (headless, a fresh profile so parallel tests do not collide)
    and save it into `out` as `to` (a suffix, optionally with ':filter:options')."""
    command = [soffice, f"-env:UserInstallation=file://{out}/profile", "--headless", "--norestore"]
    command += [f"--infilter={infilter}"] if infilter else []
    subprocess.run(command + ["--convert-to", to, "--outdir", str(out), str(path)], check=True,
                   capture_output=True, timeout=120, env={**os.environ, "HOME": str(out)})
    return out / f"{path.stem}.{to.split(':')[0]}"


def calc_tables(soffice: str, path: Path, tmp_path: Path, infilter: str | None = None) -> list[list[list]]:
    """Each sheet of `path` as Calc shows it: rows of <td> elements of its HTML export."""
    page = lxml.html.parse(str(calc_convert(soffice, path, tmp_path / "calc-html", "html", infilter)))
    return [[row.findall("td") for row in table.iter("tr")] for table in page.iter("table")]


def calc_frame() -> pd.DataFrame:
    """The hostile rows, a timed event, one before AD 1, and the real sample table."""
    timed = events_frame([{"event_id": "timed", "title": "Press conference", "date": "2025-02-03T14:30",
                           "start": "2025-02-03 14:30", "end": "2025-02-03 14:30", "granularity": "time",
                           "sources": ["007"], "evidence_doc": "007", "importance": 0.25},
                          {"event_id": "bc", "title": "Caesar is killed", "date": "BC0044-03-15",
                           "start": "-0043-03-15", "end": "-0043-03-15", "granularity": "day"}])
    return pd.concat([hostile_frame(), timed, read_events(SAMPLE)], ignore_index=True)


def _check_shown(table: list[list], frame: pd.DataFrame, show) -> None:
    header = [td.text_content() for td in table[0]]
    assert len(table) == len(frame) + 1
    for k, row in enumerate(table[1:]):
        shown = dict(zip(header, (td.text_content() for td in row)))
        for column in TEXT_COLUMNS:
            assert shown[column] == show(frame.loc[k, column]), (column, shown[column])
        assert shown["actors"] == show(f"{TEXTS[k]};Nayib Bukele")
        assert shown["start"] == "2025-02-03" and shown["confidence"] in ("0.5", "0.50")
    cells = [td for row in table for td in row]
    assert not [td.text_content() for td in cells if td.text_content().startswith(("Err:", "#NAME", "#VALUE"))]
    assert not any(td.get("sdval") == "2" for td in cells)  # =1+1 or @SUM(1+1) computed
    links = {a.get("href") for td in cells for a in td.iter("a")}
    assert links <= {SAFE_URL}, links


@pytest.mark.slow
def test_calc_shows_hostile_csv_text_and_runs_no_formula(soffice, tmp_path):
    frame = calc_frame()
    path = write_events(frame, tmp_path / "events.csv")
    [table] = calc_tables(soffice, path, tmp_path, CSV_IMPORT)
    # Calc shows the text, after an apostrophe where it would run or convert it
    _check_shown(table[:len(TEXTS) + 1], frame.iloc[:len(TEXTS)], guard_cell)
    # and every cell of every row, the real sample's too, exactly as the file holds it
    written = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    shown = pd.DataFrame([[td.text_content() for td in row] for row in table[1:]], columns=written.columns)
    pd.testing.assert_frame_equal(shown, written)


@pytest.mark.slow
def test_calc_shows_hostile_xlsx_text_dates_and_only_web_links(soffice, tmp_path):
    frame = hostile_frame()
    path = write_events(frame, tmp_path / "events.xlsx")
    events, mentions = calc_tables(soffice, path, tmp_path)
    _check_shown(events, frame, lambda text: text)  # typed text: shown exactly, no apostrophe
    header = [td.text_content() for td in events[0]]
    starts = [row[header.index("start")] for row in events[1:]]
    assert all(td.get("sdval") == "45691" for td in starts)  # a real date (day 45691), shown as ISO
    urls = [row[header.index("urls")] for row in events[1:]]
    assert [bool(list(td.iter("a"))) for td in urls] == [bool(k % 2) for k in range(len(TEXTS))]
    m_header = [td.text_content() for td in mentions[0]]
    assert [row[m_header.index("evidence")].text_content() for row in mentions[1:]] == TEXTS
    assert [bool(list(row[m_header.index("url")].iter("a"))) for row in mentions[1:]] == \
        [bool(k % 2) for k in range(len(TEXTS))]
    with zipfile.ZipFile(path) as z:  # and the file itself holds no formula at all
        assert not any(b"<f>" in z.read(n) or b"<f " in z.read(n) for n in z.namelist())


# how Calc saves a table: UTF-8 CSV; the CSV of a Western European Windows desktop (';' between
# cells, Windows-1252); XLSX
SAVED_AS = {"csv": "csv:Text - txt - csv (StarCalc):44,34,76,1", "csv-1252": "csv:Text - txt - csv (StarCalc):59,34,1,1",
            "xlsx": "xlsx"}


@pytest.mark.slow
@pytest.mark.parametrize("saved_as", SAVED_AS)
def test_a_table_opened_and_saved_in_calc_reads_back_the_same(soffice, tmp_path, saved_as):
    """A reader who opens the export in Calc and saves it keeps the table."""
    frame = calc_frame()
    # Calc reads a literal "_x0041_" right but writes it back unescaped, so that one text cannot survive;
    # Windows-1252 has no Greek or emoji
    lost = frame["title"].str.contains("_x0041_") | (saved_as == "csv-1252") & ~frame["title"].map(_in_cp1252)
    frame = frame[~lost].reset_index(drop=True)
    fmt = saved_as.split("-")[0]
    path = write_events(frame, tmp_path / f"events.{fmt}")
    saved = calc_convert(soffice, path, tmp_path / "saved", SAVED_AS[saved_as], CSV_IMPORT if fmt == "csv" else None)
    assert saved.read_bytes() != path.read_bytes()
    pd.testing.assert_frame_equal(read_events(saved), frame)


def _in_cp1252(text: str) -> bool:
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True
