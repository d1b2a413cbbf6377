"""No cell of the priorities CSV becomes a formula, whether a spreadsheet splits it on `,`, `;` or tab."""

import csv
import io
import re

import pytest

from planner import ops
from planner.exporting import export_priorities_csv
from planner.exporting.safe import csv_cell

# What a spreadsheet takes for the start of a formula, once it has dropped blanks and quote marks.
FORMULA_LEADS = set("=+-@\uff1d\uff0b\uff0d\uff20")
NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")

# Text built to become a formula in a spreadsheet that splits on `;` or tab.
SPLIT_ATTACKS = [
    'SSO;=HYPERLINK("http://x";"y");x',
    "Evil;=2+3",
    "Tab\t=1+1",
    "Paste\t@SUM(A1)",
    "Semi; +1+cmd|' /C calc'!A0",
    'Quoted;"=1+1"',
    "Line\n-2+3",
    "Wide;＝1+1",
    "Wide2\t＠SUM(A1)",
    "Return\r+1",
    "Comma,=1+1",
    "Many;=1;=2\t=3",
]


def _cells(text: str, sep: str) -> list[str]:
    """Every cell a spreadsheet splitting on `sep` would see: `,` with real CSV quoting, `;` and tab naively."""
    if sep == ",":
        return [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    return [cell for line in re.split(r"\r\n|\r|\n", text) for cell in line.split(sep)]


def _starts_a_formula(cell: str) -> bool:
    shown = cell.lstrip(' \t\r\n"\u3000')  # a spreadsheet drops blanks and the quote marks around a field
    if not shown or shown[0] not in FORMULA_LEADS:
        return False
    return not NUMBER.fullmatch(shown.rstrip('"'))  # a genuine number is a number, not a formula


@pytest.fixture
def hostile_ws(small_ws):
    ws = small_ws
    from tests.planner.exporting.conftest import HOSTILE

    item_ids = []
    for n, text in enumerate(SPLIT_ATTACKS + HOSTILE):
        item = ops.add_item(ws, title=text, notes=SPLIT_ATTACKS[n % len(SPLIT_ATTACKS)], theme=text,
                            impact=1, confidence=50, effort=2)
        item_ids.append(item["id"])
    ops.upsert_company(ws, name="Evil;=2+3", segment="Enterprise", mrr=99999)
    req = ops.add_request(ws, title="Bad company", company="Evil;=2+3", created_at="2026-10-01")
    ops.link_request(ws, req["id"], item_ids[1], importance="critical")
    ws.attack_ids = item_ids
    return ws


def _export(ws, tmp_path, **kw) -> str:
    path = tmp_path / "priorities.csv"
    export_priorities_csv(ws, path, **kw)
    return path.read_bytes().decode("utf-8-sig")


@pytest.mark.parametrize("sep", [",", ";", "\t"])
@pytest.mark.parametrize("edition", ["internal", "business"])
def test_no_cell_starts_a_formula_however_the_csv_is_split(hostile_ws, tmp_path, sep, edition):
    text = _export(hostile_ws, tmp_path, edition=edition)
    cells = _cells(text, sep)
    assert sum("HYPERLINK" in cell for cell in cells) >= 2  # the hostile rows really are in the file
    bad = [cell for cell in cells if _starts_a_formula(cell)]
    assert bad == []


@pytest.mark.parametrize("sep, formulas", [(";", ['=HYPERLINK(""http://x""', "=2+3"]), ("\t", ["=1+1", "@SUM(A1)"])])
def test_the_check_catches_a_guard_that_looks_only_at_the_first_character(hostile_ws, tmp_path, monkeypatch, sep,
                                                                          formulas):
    """The check above can fail: with the old first-character guard, `;` and tab splits start formulas."""
    import planner.exporting.csv_export as csv_export
    from planner.exporting.safe import csv_text

    monkeypatch.setattr(csv_export, "csv_cell", csv_text)
    bad = [cell for cell in _cells(_export(hostile_ws, tmp_path), sep) if _starts_a_formula(cell)]
    for formula in formulas:
        assert formula in bad


def test_hostile_text_still_reads_the_same_to_a_comma_reader(hostile_ws, tmp_path):
    rows = list(csv.DictReader(io.StringIO(_export(hostile_ws, tmp_path))))
    titles = {r["title"] for r in rows}
    assert 'SSO;\'=HYPERLINK("http://x";"y");x' in titles
    assert "Evil;'=2+3" in titles
    assert "Tab\t'=1+1" in titles
    assert "'=1+1 dangerous title" in titles
    companies = {r["top_company"] for r in rows}
    assert "Evil;'=2+3" in companies


def test_numeric_columns_stay_numbers(hostile_ws, tmp_path):
    rows = list(csv.DictReader(io.StringIO(_export(hostile_ws, tmp_path))))
    sso = next(r for r in rows if r["title"] == "Single sign-on")
    for column in ("rank", "id", "score", "reach", "impact", "confidence", "effort", "requests", "companies", "mrr"):
        assert NUMBER.fullmatch(sso[column]), (column, sso[column])
    assert float(sso["impact"]) == 3 and float(sso["confidence"]) == 80 and float(sso["mrr"]) == 12500
    evil = next(r for r in rows if r["title"] == "Evil;'=2+3")
    assert evil["mrr"] == "99999" and evil["top_company"] == "Evil;'=2+3"


@pytest.mark.parametrize("value, written", [
    (-3, "-3"), (-3.0, "-3"), (12.5, "12.5"), (-12.5, "-12.5"), (0.1, "0.1"), (1234567.0, "1234567"),
    (2, "2"), (None, ""), ("-5", "-5"), ("+3.25", "+3.25"),
])
def test_numbers_are_written_as_plain_numbers_negative_ones_with_a_minus(value, written):
    assert csv_cell(value) == written


@pytest.mark.parametrize("text, written", [
    ('SSO;=HYPERLINK("http://x";"y");x', 'SSO;\'=HYPERLINK("http://x";"y");x'),
    ("Evil;=2+3", "Evil;'=2+3"),
    ("\t=1+1", "'\t'=1+1"),
    ('a; "=1"', "a; \"'=1\""),
    ("x\n-2", "x\n'-2"),
    ("10;-5", "10;'-5"),
    ("  =1", "  '=1"),
    ("Wide;＋1", "Wide;'＋1"),
    ("a=b; c+d", "a=b; c+d"),
    ("100% of users", "100% of users"),
])
def test_a_formula_character_after_any_split_gets_the_apostrophe(text, written):
    assert csv_cell(text) == written
