"""The roadmap workbook read back with openpyxl and pandas and checked against the workspace."""

from __future__ import annotations

import re
from datetime import datetime

import openpyxl
import pandas as pd
import pytest

from planner.exporting import EDITIONS, LANE_MODES, export_roadmap
from planner.scoring import score_items
from tests.planner.exporting.conftest import HOSTILE

SCORE_FORMULA = re.compile(r"^=[A-Z]{1,2}(\d+)\*[A-Z]{1,2}\1\*[A-Z]{1,2}\1/[A-Z]{1,2}\1$")


def all_text(wb) -> list[str]:
    return [str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None]


def headers(ws, row: int = 1) -> list[str]:
    """The table's header: row 1 in the internal edition, row 3 (under a title and a legend) in the business one."""
    return [c.value for c in next(ws.iter_rows(min_row=row, max_row=row))]


def column(ws, name: str, row: int = 1) -> list:
    idx = headers(ws, row).index(name)
    return [r[idx].value for r in ws.iter_rows(min_row=row + 1)]


@pytest.fixture
def internal(small_ws, tmp_path):
    path = tmp_path / "internal.xlsx"
    result = export_roadmap(small_ws, path)
    return path, result


def test_public_constants():
    assert EDITIONS == ("internal", "business")
    assert LANE_MODES == ("quarters", "releases", "now-next-later")


def test_result_describes_what_was_written(internal, small_ws):
    path, result = internal
    assert result["file"] == str(path)
    assert result["edition"] == "internal" and result["lanes"] == "quarters"
    assert result["sheets"] == ["Roadmap", "Changes", "Priorities", "Demand", "Requests", "Who to tell", "About"]
    assert result["items"] == 4 and result["requests"] == 5
    assert result["seconds"] >= 0
    assert openpyxl.load_workbook(path).sheetnames == result["sheets"]


def test_every_sheet_reads_back_with_pandas(internal):
    path, result = internal
    frames = pd.read_excel(path, sheet_name=None)
    assert list(frames) == result["sheets"]
    assert len(frames["Priorities"]) == 4
    assert len(frames["Requests"]) == 5


def test_priorities_follow_the_planner_ranking(internal, small_ws):
    path, _ = internal
    ws = openpyxl.load_workbook(path)["Priorities"]
    scored = score_items(small_ws)
    assert column(ws, "ID") == [str(s["id"]) for s in scored]  # ids as text
    assert column(ws, "Rank") == [s["rank"] for s in scored]
    assert column(ws, "Title") == [s["title"] for s in scored]


def test_internal_score_is_a_live_formula_equal_to_the_planner_score(internal, small_ws):
    path, _ = internal
    ws = openpyxl.load_workbook(path)["Priorities"]
    cached = openpyxl.load_workbook(path, data_only=True)["Priorities"]
    head = headers(ws)
    col = {name: head.index(name) for name in ("Score", "Reach", "Impact", "Confidence", "Effort")}
    scores = {str(s["id"]): s["score"] for s in score_items(small_ws)}
    checked = 0
    for row, row_cached in zip(ws.iter_rows(min_row=2), cached.iter_rows(min_row=2)):
        planner_score = scores[row[1].value]
        cell = row[col["Score"]]
        if planner_score is None:
            assert cell.value is None
            continue
        assert cell.data_type == "f" and SCORE_FORMULA.match(cell.value), cell.value
        assert row[col["Confidence"]].number_format == "0%"
        reach, impact, conf, effort = (row[col[n]].value for n in ("Reach", "Impact", "Confidence", "Effort"))
        assert 0 <= conf <= 1  # a % cell holds a fraction
        recomputed = reach * impact * conf / effort
        assert recomputed == pytest.approx(planner_score, abs=0.006)
        assert row_cached[col["Score"]].value == pytest.approx(planner_score, abs=0.006)
        checked += 1
    assert checked == 3


def test_business_priorities_keep_the_order_without_scores(small_ws, tmp_path):
    """Sales reads the order the product team reached, not the score arithmetic behind it."""
    path = tmp_path / "b.xlsx"
    export_roadmap(small_ws, path, edition="business")
    ws = openpyxl.load_workbook(path)["Priorities"]
    assert "Score" not in headers(ws, 3)
    ranked = [s for s in score_items(small_ws)]
    assert column(ws, "Title", 3) == [s["title"] for s in ranked]
    assert column(ws, "Rank", 3) == [s["rank"] for s in ranked]
    assert not any(isinstance(c.value, str) and c.value.startswith("=") and c.data_type == "f"
                   for row in ws.iter_rows() for c in row)


def test_only_formulas_the_planner_wrote(internal):
    path, _ = internal
    wb = openpyxl.load_workbook(path)
    for ws in wb:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    assert ws.title == "Priorities" and headers(ws)[c.column - 1] == "Score", (ws.title, c.coordinate)
                    assert SCORE_FORMULA.match(c.value)


def test_hostile_strings_come_back_as_text(internal):
    path, _ = internal
    wb = openpyxl.load_workbook(path)
    seen = {}
    for ws in wb:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value in HOSTILE + ["=1+1 dangerous title", "@evil corp", "-Dee"]:
                    assert c.data_type == "s", (ws.title, c.coordinate, c.value)
                    assert c.quotePrefix, (ws.title, c.coordinate)  # still text after the reader edits it
                    seen[c.value] = ws.title
    assert HOSTILE[0] in seen and HOSTILE[4] in seen and "=1+1 dangerous title" in seen
    assert "@evil corp" in seen and "-Dee" in seen
    frames = pd.read_excel(path, sheet_name=None)
    requests = frames["Requests"]
    assert HOSTILE[0] in set(requests["Title"])
    assert "=1+1 dangerous title" in set(frames["Priorities"]["Title"])


def test_plain_text_is_not_quote_prefixed(internal):
    path, _ = internal
    ws = openpyxl.load_workbook(path)["Requests"]
    for c in ws["F"][1:]:
        if c.value == "SSO please":
            assert not c.quotePrefix
            break
    else:
        pytest.fail("request title not found")


def test_business_edition_leaves_out_internal_detail(small_ws, tmp_path):
    path = tmp_path / "b.xlsx"
    result = export_roadmap(small_ws, path, edition="business")
    assert result["sheets"] == ["Roadmap", "Changes", "Priorities", "Demand", "Who to tell", "About"]
    wb = openpyxl.load_workbook(path)
    head = headers(wb["Priorities"], 3)
    for hidden in ("Effort", "Confidence", "Notes", "How the score was computed", "Score", "Reach", "Impact",
                   "Quadrant"):
        assert hidden not in head
    assert head[:2] == ["Rank", "Title"] and "MRR at stake" in head
    text = "\n".join(all_text(wb))
    for secret in ("Secret internal note", "Ann Example", "ann@acme.example", "Bob Example", "田中", "person-months"):
        assert secret not in text
    assert "Acme GmbH" in text  # companies allowed by default
    assert "People who asked" not in headers(wb["Who to tell"], 3)


def test_business_without_companies_names_none(small_ws, tmp_path):
    path = tmp_path / "b.xlsx"
    result = export_roadmap(small_ws, path, edition="business", include_companies=False)
    assert "Who to tell" not in result["sheets"]
    text = "\n".join(all_text(openpyxl.load_workbook(path)))
    for name in ("Acme GmbH", "Globex", "@evil corp"):
        assert name not in text
    assert "Top companies asking" not in text


def test_internal_edition_keeps_companies_even_when_asked_not_to(small_ws, tmp_path):
    path = tmp_path / "i.xlsx"
    export_roadmap(small_ws, path, include_companies=False)
    assert "Acme GmbH" in "\n".join(all_text(openpyxl.load_workbook(path)))


def test_demand_counts_match_the_workspace(internal, small_ws):
    path, _ = internal
    df = pd.read_excel(path, sheet_name="Demand", dtype={"ID": str})
    a = df[df["ID"] == str(small_ws.ids["a"])].iloc[0]
    assert a["Requests"] == 3 and a["Companies"] == 2 and a["Critical"] == 1
    assert a["MRR at stake"] == 12500
    assert a["Segments"] == "Enterprise, SMB"
    assert a["Top companies asking"].split("\n") == ["Acme GmbH (2)", "Globex (1)"]
    assert pd.Timestamp(a["Last asked"]) == pd.Timestamp("2026-10-05")
    assert str(small_ws.ids["d"]) not in set(df["ID"])  # no demand, no row


def test_requests_sheet_lists_every_link_with_types(internal):
    path, _ = internal
    ws = openpyxl.load_workbook(path)["Requests"]
    assert len(column(ws, "Title")) == 5
    assert "00123" in column(ws, "External ID")  # leading zeros kept: ids are text
    dates = [d for d in column(ws, "Asked on") if d is not None]
    assert dates and all(isinstance(d, datetime) for d in dates)
    idx = headers(ws).index("MRR")
    mrr_cells = [row[idx] for row in ws.iter_rows(min_row=2) if row[idx].value is not None]
    assert mrr_cells and all('"$"' in c.number_format for c in mrr_cells)
    assert set(column(ws, "Importance")) == {"Critical", "Important", "Nice to have"}


def test_roadmap_shows_lanes_side_by_side_with_items(internal, small_ws):
    path, _ = internal
    ws = openpyxl.load_workbook(path)["Roadmap"]
    values = [[c.value for c in row] for row in ws.iter_rows()]
    lane_row = next(n for n, row in enumerate(values) if row[:2] == ["2027 Q1", "2027 Q2"])
    assert "1 Jan – 31 Mar 2027" in values[lane_row + 1][0]
    under_q1 = [row[0] for row in values[lane_row + 2:] if row[0]]
    assert under_q1 == ["Single sign-on", "=1+1 dangerous title"]
    assert values[lane_row + 2][1] == "日本語の請求書"
    assert values[0][0].startswith("Roadmap")  # title block
    legend = {v for row in values[2:lane_row] for v in row if v}
    assert {"Planned", "Shipped", "Candidate"} <= legend
    # Each item is filled in its status colour.
    fills = {ws.cell(lane_row + 3, 1).fill.fgColor.rgb, ws.cell(lane_row + 4, 1).fill.fgColor.rgb}
    assert len(fills) == 2
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == f"${lane_row + 1}:${lane_row + 2}"


@pytest.mark.parametrize("lanes, names", [("releases", ["v1.0"]), ("now-next-later", ["Now"])])
def test_lane_modes_pick_their_lanes(small_ws, tmp_path, lanes, names):
    path = tmp_path / "l.xlsx"
    assert export_roadmap(small_ws, path, lanes=lanes)["lanes"] == lanes
    values = [c.value for row in openpyxl.load_workbook(path)["Roadmap"].iter_rows() for c in row]
    assert names[0] in values and "2027 Q1" not in values


def test_table_sheets_have_filters_frozen_headers_and_print_titles(internal):
    path, _ = internal
    wb = openpyxl.load_workbook(path)
    for name in ("Priorities", "Demand", "Requests", "Who to tell"):
        ws = wb[name]
        assert ws.auto_filter.ref.startswith("A1:")
        assert ws.freeze_panes and ws.freeze_panes.endswith("2")
        assert ws.print_title_rows == "$1:$1"
        assert ws.page_setup.orientation == "landscape"
        assert ws["A1"].font.b
        widths = [d.width for d in ws.column_dimensions.values()]
        assert widths and all(5 <= w <= 61 for w in widths)
    assert wb["Priorities"].conditional_formatting  # colour scale on the scores


def test_who_to_tell_lists_planned_and_shipped_items_with_companies(internal, small_ws):
    path, _ = internal
    df = pd.read_excel(path, sheet_name="Who to tell", dtype={"Item ID": str})
    assert set(df["Item ID"]) == {str(small_ws.ids["a"]), str(small_ws.ids["b"])}  # c is only a candidate
    acme = df[df["Company"] == "Acme GmbH"].iloc[0]
    assert acme["Requests"] == 2 and acme["Lane"] == "2027 Q1"
    assert set(acme["People who asked"].split("\n")) == {"Ann Example", "Bob Example"}


def test_about_says_how_it_was_made(internal):
    path, _ = internal
    rows = {r[0]: r[1] for r in openpyxl.load_workbook(path)["About"].iter_rows(values_only=True) if r[0]}
    assert rows["Scoring method"].startswith("RICE")
    assert "365 days" in rows["Demand window"]
    assert isinstance(rows["Exported"], datetime)
    assert rows["Linked requests"] == 5


def test_japanese_workspace_gets_a_japanese_font(internal):
    path, _ = internal
    ws = openpyxl.load_workbook(path)["Priorities"]
    assert ws["C2"].font.name == "Yu Gothic"


def test_latin_workspace_keeps_the_latin_font(ws, tmp_path):
    from planner import ops

    ops.add_item(ws, title="Plain", impact=1, confidence=50, effort=1)
    path = tmp_path / "l.xlsx"
    export_roadmap(ws, path)
    assert openpyxl.load_workbook(path)["Priorities"]["C2"].font.name == "Calibri"


def test_empty_workspace_exports(ws, tmp_path):
    path = tmp_path / "e.xlsx"
    result = export_roadmap(ws, path)
    assert result["items"] == 0
    values = [c.value for c in openpyxl.load_workbook(path)["Roadmap"]["A"]]
    assert any("no quarters lanes" in str(v) for v in values)


def test_demo_workspace_exports_every_edition(demo_ws, tmp_path):
    for edition in EDITIONS:
        for lanes in LANE_MODES:
            path = tmp_path / f"{edition}-{lanes}.xlsx"
            result = export_roadmap(demo_ws, path, edition=edition, lanes=lanes)
            assert pd.ExcelFile(path).sheet_names == result["sheets"]
            priorities = pd.read_excel(path, sheet_name="Priorities", header=0 if edition == "internal" else 2)
            assert len(priorities) == result["items"]


def test_duplicate_requests_count_once(small_ws, tmp_path):
    from planner import ops

    extra = ops.add_request(small_ws, title="SSO again", company="Globex", created_at="2026-10-09", source="csv")
    ops.link_request(small_ws, extra["id"], small_ws.ids["a"])
    ops.mark_duplicate(small_ws, extra["id"], of=1)
    path = tmp_path / "d.xlsx"
    result = export_roadmap(small_ws, path)
    assert result["requests"] == 5
    wb = openpyxl.load_workbook(path)
    assert "SSO again" not in column(wb["Requests"], "Title")
    demand = dict(zip(column(wb["Demand"], "ID"), column(wb["Demand"], "Requests")))
    assert demand[str(small_ws.ids["a"])] == 3


def test_business_edition_says_nothing_of_dropped_work(small_ws, tmp_path):
    from planner import ops

    ops.edit_item(small_ws, small_ws.ids["b"], status="wont_do")
    internal, business = tmp_path / "i.xlsx", tmp_path / "b.xlsx"
    export_roadmap(small_ws, internal)
    export_roadmap(small_ws, business, edition="business")
    assert "=1+1 dangerous title" in all_text(openpyxl.load_workbook(internal))
    assert "=1+1 dangerous title" not in all_text(openpyxl.load_workbook(business))


def test_empty_cells_keep_the_table_grid(internal):
    path, _ = internal
    ws = openpyxl.load_workbook(path)["Priorities"]
    lane = headers(ws).index("Lane")
    empty = [row[lane] for row in ws.iter_rows(min_row=2) if row[lane].value is None]
    assert empty and all(c.border.left.style for c in empty)


@pytest.mark.parametrize("method, formula", [
    ("value-effort", r"^=([A-Z]+)(\d+)/([A-Z]+)\2$"),
    ("ice", r"^=([A-Z]+)(\d+)\*([A-Z]+)\2\*([A-Z]+)\2$"),
    ("wsjf", r"^=\(([A-Z]+)(\d+)\+([A-Z]+)\2\+([A-Z]+)\2\)/([A-Z]+)\2$"),
])
def test_every_method_gets_a_live_formula_equal_to_its_score(small_ws, tmp_path, method, formula):
    from planner import ops
    from planner.scoring import set_scoring_settings

    for item_id in small_ws.ids.values():
        ops.edit_item(small_ws, item_id, value=6, effort=3, ice_impact=7, ice_confidence=5, ice_ease=4,
                      wsjf_value=8, wsjf_time=3, wsjf_risk=2, wsjf_size=5)
    set_scoring_settings(small_ws, method=method)
    path = tmp_path / f"{method}.xlsx"
    export_roadmap(small_ws, path)
    ws = openpyxl.load_workbook(path)["Priorities"]
    scores = {str(s["id"]): s["score"] for s in score_items(small_ws)}
    assert all(v is not None for v in scores.values())
    score_col = headers(ws).index("Score")
    for row in ws.iter_rows(min_row=2):
        cell = row[score_col]
        match = re.match(formula, cell.value)
        assert match, cell.value
        refs = re.findall(r"([A-Z]+)\d+", cell.value)
        v = [ws[f"{col}{cell.row}"].value for col in refs]
        result = {"value-effort": lambda: v[0] / v[1], "ice": lambda: v[0] * v[1] * v[2],
                  "wsjf": lambda: (v[0] + v[1] + v[2]) / v[3]}[method]()
        assert result == pytest.approx(scores[row[1].value], abs=0.006)


def test_numpy_numbers_are_written_as_numbers(small_ws, tmp_path, monkeypatch):
    import numpy as np

    import planner.exporting.snapshot as snapshot

    real = snapshot._scores

    def numpy_scores(ws):
        items, settings = real(ws)
        items = [dict(item, requests=np.int64(item["requests"] or 0), mrr=np.float64(item["mrr"] or 0)) for item in items]
        return items, settings

    monkeypatch.setattr(snapshot, "_scores", numpy_scores)
    path = tmp_path / "np.xlsx"
    export_roadmap(small_ws, path)
    ws = openpyxl.load_workbook(path)["Priorities"]
    assert all(isinstance(v, (int, float)) for v in column(ws, "Requests"))
    assert all(isinstance(v, (int, float)) for v in column(ws, "MRR at stake"))
