"""Same rounding everywhere: a score reads the same in the explanation, the CLI, the JSON and the workbook."""

from __future__ import annotations

import json
import re
from decimal import ROUND_HALF_UP, Decimal

import openpyxl
import pytest

from planner import ops
from planner.exporting import export_roadmap
from planner.scoring import score_items
from planner.scoring.numbers import format_score, round_score
from planner.storage import open_workspace
from tests.cli_run import planner

TODAY = "2026-11-01"
# (reach, effort) -> the RICE score with impact 1 and confidence 100 %, and how it must read.
CASES = [
    ((29, 4), "7.25"),            # the 7.2 against 7.25
    ((14.49, 2), "7.25"),          # 7.245: half up, as a spreadsheet rounds
    ((135, 2), "67.50"),
    ((2, 3), "0.67"),
    ((299.988, 3), "100"),          # 99.996: from here whole numbers, never "100.00"
    ((1351, 2), "676"),
    ((24600.912, 2), "12,300"),
]


@pytest.mark.parametrize("value, shown", [
    (7.245, "7.25"), (7.25, "7.25"), (67.5, "67.50"), (99.994, "99.99"), (99.995, "100"), (675.5, "676"),
    (674.5, "675"), (12300.456, "12,300"), (0, "0.00"), (None, ""), (float("nan"), ""),
])
def test_the_rule(value, shown):
    assert format_score(value) == shown
    assert format_score(round_score(value)) == shown  # reading a rounded score again changes nothing


def excel_shows(value: float, number_format: str) -> str:
    """What a spreadsheet shows for `value` under a format of sections like '[>=99.995]#,##0;#,##0.00'."""
    sections = number_format.split(";")
    chosen = sections[-1]
    for section in sections[:-1]:
        cond = re.match(r"\[>=([\d.]+)\](.*)", section)
        assert cond, f"a format this test does not read: {number_format}"
        if value >= float(cond.group(1)):
            chosen = cond.group(2)
            break
    assert chosen in ("#,##0", "#,##0.00"), chosen
    places = 2 if chosen.endswith(".00") else 0
    rounded = Decimal(format(value, ".15g")).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return f"{rounded:,.{places}f}"


@pytest.fixture
def scored_db(tmp_path):
    db = tmp_path / "r.db"
    ws = open_workspace(db)
    for n, ((reach, effort), _) in enumerate(CASES):
        ops.add_item(ws, title=f"case {n}", reach=reach, impact=1, confidence=100, effort=effort)
    ws.close()
    return db


def test_explanation_cli_json_and_workbook_show_the_same_figure(scored_db, tmp_path):
    expected = {f"case {n}": shown for n, (_, shown) in enumerate(CASES)}
    ws = open_workspace(scored_db)
    rows = {r["title"]: r for r in score_items(ws, stability=False)}
    path = tmp_path / "w.xlsx"
    export_roadmap(ws, path, edition="internal")
    ws.close()
    for title, shown in expected.items():
        row = rows[title]
        assert format_score(row["score"]) == shown, title
        assert row["explanation"].startswith(f"RICE {shown} = "), row["explanation"]

    table = planner("--db", str(scored_db), "score").stdout
    for title, shown in expected.items():
        line = next(line for line in table.splitlines() if title in line)
        assert f" {shown} " in f" {line} ", line
    as_json = {r["title"]: r["score"] for r in json.loads(planner("--db", str(scored_db), "score", "--json").stdout)}
    assert {t: format_score(s) for t, s in as_json.items()} == expected

    sheet = openpyxl.load_workbook(path, data_only=True)["Priorities"]
    formulas = openpyxl.load_workbook(path)["Priorities"]
    head = [c.value for c in sheet[1]]
    title_col, score_col = head.index("Title"), head.index("Score")
    seen = {}
    for cached, written in zip(sheet.iter_rows(min_row=2), formulas.iter_rows(min_row=2)):
        cell = cached[score_col]
        seen[cached[title_col].value] = excel_shows(cell.value, cell.number_format)
        assert written[score_col].data_type == "f"  # a live formula, shown by the same rule
    assert seen == expected
