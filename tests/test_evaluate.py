"""timeline.evaluate: TempEval-3 entity metrics on hand-checkable cases and on the real data."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from timeline.errors import DocumentError
from timeline.evaluate import errors, match, read_dirs, score, score_dirs
from timeline.timeml import read_timeml, write_timeml
from timeline.timex.model import Timex
from timeline.timex.values import granularity_of

HEIDELTIME_RUN = Path(__file__).resolve().parent / "data" / "heideltime_timebank_aquaint.tsv.gz"
# shared/data/README.md: HeidelTime measured with the TE3 entity metrics, (value, strict,
# relaxed, type) F1 per part.
README_TABLE = {"TimeBank": (0.794, 0.852, 0.918, 0.895), "AQUAINT": (0.729, 0.812, 0.924, 0.843),
                "all": (0.773, 0.839, 0.920, 0.878)}

TEXT = "Rubio met Bukele late on Monday, 2025-02-03, and left for Costa Rica the next week."
#       0         1         2         3         4         5         6         7         8


def tx(phrase: str, value: str, type_: str = "DATE", text: str = TEXT) -> Timex:
    start = text.index(phrase)
    return Timex(start, start + len(phrase), phrase, type_, value, "day")


MONDAY = tx("Monday", "2025-02-03")
LATE_MONDAY = tx("late on Monday", "2025-02-03")
ISO = tx("2025-02-03", "2025-02-03")
NEXT_WEEK = tx("the next week", "2025-W07")


def test_exact_match_is_perfect():
    s = score({"d": [MONDAY, ISO]}, {"d": [MONDAY, ISO]})
    assert (s.gold, s.system, s.strict, s.relaxed, s.value_correct, s.type_correct) == (2, 2, 2, 2, 2, 2)
    assert s.strict_f1 == s.relaxed_f1 == s.value_f1 == s.type_f1 == 1.0


def test_overlap_is_relaxed_not_strict():
    s = score({"d": [MONDAY]}, {"d": [LATE_MONDAY]})
    assert (s.strict, s.relaxed) == (0, 1)
    assert s.strict_f1 == 0.0 and s.relaxed_f1 == 1.0 and s.value_f1 == 1.0


def test_white_space_at_the_ends_does_not_break_a_strict_match():
    start = TEXT.index(" Monday")
    padded = Timex(start, start + 8, " Monday,", "DATE", "2025-02-03", "day")
    assert score({"d": [MONDAY]}, {"d": [padded]}).strict == 0  # the comma is a token
    padded = Timex(start, start + 7, " Monday", "DATE", "2025-02-03", "day")
    assert score({"d": [MONDAY]}, {"d": [padded]}).strict == 1


def test_miss_and_spurious():
    # gold: Monday, ISO, next week; system: Monday (right), "Costa" (spurious)
    spurious = tx("Costa", "XXXX")
    s = score({"d": [MONDAY, ISO, NEXT_WEEK]}, {"d": [MONDAY, spurious]})
    assert (s.gold, s.system, s.relaxed, s.strict) == (3, 2, 1, 1)
    assert s.relaxed_precision == pytest.approx(1 / 2)
    assert s.relaxed_recall == pytest.approx(1 / 3)
    assert s.relaxed_f1 == pytest.approx(2 * (1 / 2) * (1 / 3) / (1 / 2 + 1 / 3))  # = 0.4
    assert s.relaxed_f1 == pytest.approx(0.4)


def test_wrong_value_and_type_count_over_relaxed_matches():
    # 4 gold, 4 system, all overlapping; 3 values right, 2 types right
    sys_ = [MONDAY, tx("2025-02-03", "2025-02-04"), tx("the next week", "P1W", "DURATION"),
            tx("Rubio", "2025", "TIME")]
    gold = [MONDAY, ISO, NEXT_WEEK, tx("Rubio", "2025")]
    s = score({"d": gold}, {"d": sys_})
    assert (s.relaxed, s.value_correct, s.type_correct) == (4, 2, 2)
    assert s.value_f1 == pytest.approx(0.5) and s.type_f1 == pytest.approx(0.5)


def test_attribute_f1_is_accuracy_times_relaxed_f1():
    # TE3: value F1 = value accuracy over relaxed matches x relaxed F1 (= 2*correct/(gold+system))
    gold = [MONDAY, ISO, NEXT_WEEK]
    sys_ = [LATE_MONDAY, tx("2025-02-03", "2025-02"), tx("Bukele", "XXXX"), tx("Costa Rica", "XXXX")]
    s = score({"d": gold}, {"d": sys_})
    assert (s.relaxed, s.value_correct) == (2, 1)
    relaxed_f1 = 2 * (2 / 4) * (2 / 3) / (2 / 4 + 2 / 3)
    assert s.relaxed_f1 == pytest.approx(relaxed_f1)
    assert s.value_f1 == pytest.approx(0.5 * relaxed_f1)
    assert s.value_f1 == pytest.approx(2 * 1 / (3 + 4))


def test_matching_is_one_to_one():
    # One system span covering two gold spans is credited once; the other gold is a miss.
    text = "from Monday to Friday"
    gold = [tx("Monday", "2025-02-03", text=text), tx("Friday", "2025-02-07", text=text)]
    system = [tx("Monday to Friday", "P5D", "DURATION", text=text)]
    assert len(match(gold, system)) == 1
    s = score({"d": gold}, {"d": system})
    assert (s.relaxed, s.strict, s.gold, s.system) == (1, 0, 2, 1)


def test_exact_pair_wins_over_larger_overlap():
    text = "late on Monday night"
    gold = [tx("late on Monday", "2025-02-03", text=text)]
    system = [tx("late on Monday night", "2025-02-03TNI", "TIME", text=text), tx("late on Monday", "2025-02-03", text=text)]
    # the two system spans overlap each other here only to test the tie-break
    assert match(gold, system) == [(0, 1)]


def test_counts_are_micro_summed_over_documents():
    s = score({"a": [MONDAY], "b": [ISO, NEXT_WEEK]}, {"a": [MONDAY], "b": []})
    assert (s.docs, s.gold, s.system, s.relaxed) == (2, 3, 1, 1)
    assert s.relaxed_recall == pytest.approx(1 / 3) and s.relaxed_precision == 1.0


def test_empty_everywhere_scores_one_as_the_toolkit_does():
    s = score({"a": []}, {"a": []})
    assert s.strict_f1 == s.relaxed_f1 == s.value_f1 == 1.0
    nothing_found = score({"a": [MONDAY]}, {"a": []})
    assert nothing_found.relaxed_f1 == 0.0 and nothing_found.value_f1 == 0.0


def test_system_document_without_gold_is_an_error():
    with pytest.raises(DocumentError, match="no gold"):
        score({"a": []}, {"a": [], "b": [MONDAY]})


def test_errors_list_each_kind_with_context():
    gold = [MONDAY, ISO, NEXT_WEEK]
    system = [LATE_MONDAY, tx("2025-02-03", "2025-02"), tx("Costa", "XXXX")]
    found = errors({"d": gold}, {"d": system}, {"d": TEXT})
    kinds = [e.kind for e in found]
    assert kinds == ["span", "value", "spurious", "missed"]
    span = found[0]
    assert span.gold == MONDAY and span.system == LATE_MONDAY
    assert "[late on Monday]" in span.context and "Bukele" in span.context
    assert found[3].gold == NEXT_WEEK and "[the next week]" in found[3].context
    assert len(found[3].context) <= 60 + len("[the next week]")
    assert "value" in found[1].line() and "2025-02" in found[1].line()


def test_gold_against_itself_is_perfect_on_the_real_data(timeml_dir):
    gold = {p.name: read_timeml(p).timexes for p in sorted(timeml_dir.glob("*/*.tml"))}
    s = score(gold, gold)
    assert (s.docs, s.gold, s.relaxed, s.strict) == (256, 1822, 1822, 1822)
    assert s.strict_f1 == s.relaxed_f1 == s.value_f1 == s.type_f1 == 1.0
    assert errors(gold, gold) == []


def test_score_dirs_on_real_files(timeml_dir, tmp_path):
    gold_dir, sys_dir = tmp_path / "gold", tmp_path / "sys"
    gold_dir.mkdir()
    files = sorted((timeml_dir / "AQUAINT").glob("*.tml"))[:6]
    for p in files:
        shutil.copy(p, gold_dir / p.name)
    # system: the gold of every file but with the first timex of each dropped, and one file missing
    for p in files[:-1]:
        doc = read_timeml(p)
        write_timeml(doc, doc.timexes[1:], sys_dir / p.name)
    (sys_dir / "unrelated.tml").write_text((gold_dir / files[0].name).read_text())
    pair = read_dirs(gold_dir, sys_dir)
    assert pair.missing == [files[-1].name]
    assert pair.extra == ["unrelated.tml"]
    s = score_dirs(gold_dir, sys_dir)
    n_gold = sum(len(read_timeml(p).timexes) for p in files)
    n_missing_doc = len(read_timeml(files[-1]).timexes)
    assert s.gold == n_gold and s.docs == 6
    assert s.system == n_gold - n_missing_doc - sum(1 for p in files[:-1] if read_timeml(p).timexes)
    assert s.relaxed == s.strict == s.system == s.value_correct
    assert s.relaxed_precision == 1.0


def test_two_files_are_one_pair(timeml_dir, tmp_path):
    gold = timeml_dir / "AQUAINT" / "APW19980807.0261.tml"
    doc = read_timeml(gold)
    system = write_timeml(doc, [], tmp_path / "mine.tml")
    pair = read_dirs(gold, system)
    assert list(pair.gold) == [gold.name] and pair.system == {gold.name: []}
    s = score_dirs(gold, system)
    assert (s.docs, s.gold, s.system, s.relaxed_recall) == (1, len(doc.timexes), 0, 0.0)


def test_score_dirs_refuses_changed_text(timeml_dir, tmp_path):
    gold_dir, sys_dir = tmp_path / "gold", tmp_path / "sys"
    gold_dir.mkdir()
    sys_dir.mkdir()
    src = timeml_dir / "AQUAINT" / "APW19980807.0261.tml"
    shutil.copy(src, gold_dir / src.name)
    (sys_dir / src.name).write_text(src.read_text().replace("Suspected bombs", "Bombs"))
    with pytest.raises(DocumentError, match="differs from the gold"):
        score_dirs(gold_dir, sys_dir)


def test_reproduces_the_heideltime_reference_table(timeml_dir):
    """An independent check of the scorer: HeidelTime's saved output on TimeBank+AQUAINT
    (benchmarks/heideltime_reference.py) scores as the data README says, to within the README's
    rounding plus the odd expression whose offsets had to be re-found in the input."""
    run: dict[str, list[tuple[int, int, str, str]]] = {}
    with gzip.open(HEIDELTIME_RUN, "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#") and line.strip():
                key, start, end, typ, value = line.rstrip("\n").split("\t")
                run.setdefault(key, [])
                if start:
                    run[key].append((int(start), int(end), typ, value))
    gold, system = {}, {}
    for path in sorted(timeml_dir.glob("*/*.tml")):
        key = f"{path.parent.name}/{path.name}"
        doc = read_timeml(path)
        gold[key] = doc.timexes
        system[key] = [Timex(a, b, doc.text[a:b], t, v, granularity_of(v, t)) for a, b, t, v in run.get(key, [])]
    assert len(gold) == 256 and sum(map(len, system.values())) == 1797
    for part, expected in README_TABLE.items():
        keys = [k for k in gold if part == "all" or k.startswith(part + "/")]
        s = score({k: gold[k] for k in keys}, {k: system[k] for k in keys})
        got = (s.value_f1, s.strict_f1, s.relaxed_f1, s.type_f1)
        assert got == pytest.approx(expected, abs=0.003), (part, got)
