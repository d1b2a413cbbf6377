"""Importing backlog items from a RICE sheet (CSV or Excel, English or Japanese) or a tracker's export."""

import csv
import io
import json

import openpyxl
import pytest

from planner import ops
from planner.errors import ImportFailed
from planner.importing.batch import list_batches, redo_import, undo_import
from planner.importing.items import header_hits, import_items, preview_items
from planner.ops.imports import import_items as import_items_op
from planner.scoring import score_items
from planner.scoring.numbers import round_score
from planner.storage.queries import get_setting, list_items


def write_csv(path, rows):
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def by_title(ws) -> dict:
    return {i["title"]: i for i in list_items(ws)}


def rice_scores(ws) -> dict:
    """Each item's RICE score as the planner computes and shows it (the `score` command's own function): two decimals
    below 100, whole from 100 up."""
    return {r["title"]: r["score"] for r in score_items(ws, method="rice")}


# The English RICE template: impact in words, confidence as "80%"; the numbers the words stand for, to check against.
ENGLISH = [
    # feature, reach, impact as written, confidence as written, effort, (impact, confidence %) meant
    ("Single sign-on", "2,000", "Massive", "80%", "4", (3, 80)),
    ("CSV export", "500", "High", "100%", "1", (2, 100)),
    ("Dark mode", "1200", "Medium", "50%", "2.5", (1, 50)),
    ("Audit log", "300", "Low", "80%", "0.5", (0.5, 80)),
    ("Emoji reactions", "800", "Minimal", "50%", "1", (0.25, 50)),
]


def english_sheet(path, rows=ENGLISH, *, scores=None):
    """The template with its Score column worked out as a spreadsheet would (reach × impact × confidence ÷ effort)."""
    lines = [["Feature", "Reach", "Impact", "Confidence", "Effort", "Score"]]
    for n, (title, reach, impact, confidence, effort, (i, c)) in enumerate(rows):
        score = float(reach.replace(",", "")) * i * c / 100 / float(effort)
        lines.append([title, reach, impact, confidence, effort, (scores or {}).get(n, f"{score:g}")])
    return write_csv(path, lines)


def test_an_english_rice_sheet_scores_every_item_as_the_sheet_did(ws, tmp_path):
    report = import_items(ws, english_sheet(tmp_path / "rice-template.csv"))

    assert (report["new"], report["updated"], report["failed"]) == (5, 0, 0)
    assert report["mapping"] == {"title": "Feature", "reach": "Reach", "impact": "Impact", "confidence": "Confidence",
                                 "effort": "Effort", "score": "Score"}
    assert not [w for w in report["warnings"] if "score" in w]  # every row's score agrees with ours
    scores = rice_scores(ws)
    assert len(scores) == len(ENGLISH)
    for title, reach, _, _, effort, (impact, confidence) in ENGLISH:
        sheet = float(reach.replace(",", "")) * impact * (confidence / 100) / float(effort)
        assert scores[title] == pytest.approx(sheet, abs=0.005), title
    sso = by_title(ws)["Single sign-on"]
    assert (sso["reach_mode"], sso["reach_manual"], sso["impact"], sso["confidence"], sso["effort"]) == (
        "manual", 2000, 3, 80, 4)
    assert (sso["source"], sso["batch_id"], sso["kind"], sso["status"]) == ("rice-template", report["batch_id"],
                                                                            "feature", "idea")
    assert json.loads(sso["fields"]) == {"sheet_score": 1200}  # kept to read, never as a score of ours


def test_a_score_the_sheet_got_wrong_is_named_with_its_row_and_both_figures(ws, tmp_path):
    report = import_items(ws, english_sheet(tmp_path / "rice.csv", scores={1: "60"}))

    assert "row 3: the sheet's score 60 differs from reach × impact × confidence ÷ effort = 1,000." in report["warnings"]
    assert [w for w in report["warnings"] if "differs" in w] == [report["warnings"][-1]]
    assert rice_scores(ws)["CSV export"] == 1000  # ours, not the sheet's


def test_a_rounded_score_is_not_a_difference(ws, tmp_path):
    rows = [("Search", "100", "High", "80%", "3", (2, 80))]  # 53.333...
    report = import_items(ws, english_sheet(tmp_path / "rice.csv", rows, scores={0: "53.3"}))

    assert not [w for w in report["warnings"] if "differs" in w]


def japanese_book(path, *, effort_of_sso=2):
    """A Japanese RICE workbook: a title row above the header, a confidence cell formatted as a percentage, and a
    score column of formulas that no spreadsheet app ever calculated (no saved value)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "バックログ"
    sheet["A1"] = "2027年度 施策の優先順位(RICE)"
    sheet.merge_cells("A1:F1")
    sheet.append(["施策名", "リーチ", "インパクト", "確信度", "工数(人月)", "スコア"])
    sheet.append(["シングルサインオン", 1500, "極大", 0.8, effort_of_sso, "=B3*C3*D3/E3"])
    sheet["D3"].number_format = "0%"
    sheet.append(["CSV出力", 400, 2, "50%", "1.5人月", "=B4*C4*D4/E4"])
    sheet.append(["監査ログ", 250, "小", "高", 0.5, "=B5*C5*D5/E5"])
    book.save(path)
    return path


JAPANESE_ARITHMETIC = {  # the sheet's own formula with the values its cells mean
    "シングルサインオン": 1500 * 3 * 0.8 / 2,
    "CSV出力": 400 * 2 * 0.5 / 1.5,
    "監査ログ": 250 * 0.5 * 1.0 / 0.5,
}


def test_a_japanese_workbook_under_a_title_scores_every_item_as_its_formulas_would(ws, tmp_path):
    report = import_items(ws, japanese_book(tmp_path / "施策一覧.xlsx"))

    assert (report["sheet"], report["new"], report["failed"]) == ("バックログ", 3, 0)
    assert report["mapping"] == {"title": "施策名", "reach": "リーチ", "impact": "インパクト", "confidence": "確信度",
                                 "effort": "工数(人月)", "score": "スコア"}
    assert "Skipped 1 row(s) above the header (row 2)." in report["warnings"]
    assert any(w.startswith("3 formula cell(s) have no saved value") for w in report["warnings"])
    scores = rice_scores(ws)
    assert scores.keys() == JAPANESE_ARITHMETIC.keys()
    for title, expected in JAPANESE_ARITHMETIC.items():
        assert scores[title] == round_score(expected), title  # 266.67 in the sheet reads 267, as everywhere
    items = by_title(ws)
    assert items["シングルサインオン"]["confidence"] == 80  # 0.8 in a cell shown as 80 %
    assert items["CSV出力"]["effort"] == 1.5
    assert items["シングルサインオン"]["fields"] is None  # a formula with no value is no score to keep


def test_the_same_file_again_adds_nothing_and_changes_nothing(ws, tmp_path):
    path = japanese_book(tmp_path / "施策一覧.xlsx")
    import_items(ws, path)
    before = list_items(ws)

    again = import_items(ws, path)

    assert (again["new"], again["updated"], again["unchanged"], again["failed"]) == (0, 0, 3, 0)
    assert list_items(ws) == before


def test_an_edited_row_updates_only_that_item(ws, tmp_path):
    import_items(ws, japanese_book(tmp_path / "施策一覧.xlsx"))
    before = by_title(ws)

    again = import_items(ws, japanese_book(tmp_path / "施策一覧.xlsx", effort_of_sso=3))

    assert (again["new"], again["updated"], again["unchanged"]) == (0, 1, 2)
    after = by_title(ws)
    assert after["シングルサインオン"]["effort"] == 3
    assert after["シングルサインオン"]["id"] == before["シングルサインオン"]["id"]
    assert {k: v for k, v in after.items() if k != "シングルサインオン"} == {
        k: v for k, v in before.items() if k != "シングルサインオン"}
    assert rice_scores(ws)["シングルサインオン"] == pytest.approx(1500 * 3 * 0.8 / 3, abs=0.005)


JIRA_HEADER = ["Issue key", "Summary", "Issue Type", "Status", "Story Points", "Sprint", "Assignee", "Labels", "Labels"]


def jira_export(path, rows):
    return write_csv(path, [JIRA_HEADER] + rows)


def test_a_jira_backlog_maps_types_and_states_and_keeps_story_points_out_of_effort(ws, tmp_path):
    path = jira_export(tmp_path / "Jira.csv", [
        ["PLAT-1", "SAML login", "Story", "To Do", "5", "PLAT Sprint 12", "mika", "security", "sso"],
        ["PLAT-2", "Crash on export", "Bug", "In Progress", "2", "PLAT Sprint 12", "", "", ""],
        ["PLAT-3", "Drop the old API", "Tech Debt", "Selected for Development", "", "", "", "", ""],
        ["PLAT-4", "Try a vector index", "Spike", "Won't Do", "1", "PLAT Sprint 13", "", "", ""],
        ["PLAT-5", "Quarterly access review", "Access", "Done", "3", "", "", "", ""],
    ])

    report = import_items(ws, path)

    assert (report["preset"], report["source"], report["new"], report["failed"]) == ("jira", "jira", 5, 0)
    items = {i["external_id"]: i for i in list_items(ws)}
    assert {k: (i["kind"], i["status"]) for k, i in items.items()} == {
        "PLAT-1": ("feature", "idea"), "PLAT-2": ("bug", "in_progress"), "PLAT-3": ("tech_debt", "candidate"),
        "PLAT-4": ("research", "wont_do"), "PLAT-5": ("feature", "shipped")}
    assert json.loads(items["PLAT-1"]["fields"]) == {"story_points": 5}
    assert items["PLAT-3"]["fields"] is None
    assert all(i["effort"] is None for i in items.values())
    assert (items["PLAT-1"]["owner"], items["PLAT-1"]["tags"]) == ("mika", "security, sso")
    assert (items["PLAT-1"]["lane"], items["PLAT-1"]["lane_kind"]) == ("PLAT Sprint 12", "release")
    assert items["PLAT-2"]["lane"] == "PLAT Sprint 12" and items["PLAT-3"]["lane"] is None
    assert report["lanes_new"] == ["PLAT Sprint 12", "PLAT Sprint 13"]
    assert any(w.startswith("New lanes made for this file's lane names: PLAT Sprint 12 (release); PLAT Sprint 13")
               for w in report["warnings"])
    assert ("Issue Type: 'Access' (1 row) is not a kind this importer knows; those rows were imported as features "
            "(kinds: feature, improvement, bug, tech_debt, research).") in report["warnings"]


def test_a_renamed_issue_is_updated_by_its_key_and_story_points_can_be_the_effort_when_asked(ws, tmp_path):
    rows = [["PLAT-1", "SAML login", "Story", "To Do", "5", "", "", "", ""]]
    import_items(ws, jira_export(tmp_path / "Jira.csv", rows))
    rows[0][1] = "SAML and OIDC login"

    again = import_items(ws, jira_export(tmp_path / "Jira.csv", rows), mapping={"effort": "Story Points"})

    assert (again["new"], again["updated"]) == (0, 1)
    [item] = list_items(ws)
    assert (item["title"], item["effort"], item["external_id"]) == ("SAML and OIDC login", 5, "PLAT-1")
    assert get_setting(ws, "import.items.mapping.jira") == {"effort": "Story Points"}


def test_a_bad_optional_cell_keeps_its_row_and_says_which_cell(ws, tmp_path):
    path = write_csv(tmp_path / "rice.csv", [
        ["Feature", "Reach", "Impact", "Confidence", "Effort"],
        ["Search", "100", "Huge-ish", "80%", "2"],
        ["Filters", "lots", "High", "80%", "0"],
    ])

    report = import_items(ws, path)

    assert (report["new"], report["failed"]) == (2, 0)
    items = by_title(ws)
    assert (items["Search"]["impact"], items["Search"]["reach_manual"], items["Search"]["effort"]) == (None, 100, 2)
    assert (items["Filters"]["reach_manual"], items["Filters"]["reach_mode"], items["Filters"]["effort"]) == (
        None, "requests", None)
    assert ("row 2, Impact: 'Huge-ish' is not an impact on the RICE scale: 3 massive, 2 high, 1 medium, 0.5 low, "
            "0.25 minimal; the row was imported without this cell.") in report["warnings"]
    assert any(w.startswith("row 3, Reach: 'lots' is not a number") for w in report["warnings"])
    assert any(w.startswith("row 3, Effort: Effort must be more than 0 person-months") for w in report["warnings"])


def test_a_row_without_a_title_fails_with_its_row_number_and_blank_rows_are_skipped(ws, tmp_path):
    path = write_csv(tmp_path / "rice.csv", [
        ["Feature", "Reach"], ["Search", "100"], ["", ""], ["", "50"], ["Filters", "10"]])

    report = import_items(ws, path)

    assert (report["rows_read"], report["new"], report["failed"]) == (3, 2, 1)
    assert report["errors"] == [{"row": 4, "column": "Feature", "message": (
        "no title: every item needs one. Fill the cell, or map another column with --map title=COLUMN.")}]


def test_an_item_typed_by_hand_is_matched_by_title_and_joins_the_source(ws, tmp_path):
    typed = ops.add_item(ws, title="Dark  Mode", effort=5, theme="UI")["id"]

    report = import_items(ws, english_sheet(tmp_path / "rice.csv"))

    assert (report["new"], report["updated"]) == (4, 1)
    item = ops.get_item(ws, typed)
    assert (item["title"], item["effort"], item["theme"], item["source"], item["batch_id"]) == (
        "Dark mode", 2.5, "UI", "rice", None)
    assert import_items(ws, english_sheet(tmp_path / "rice.csv"))["unchanged"] == 5


def test_a_title_twice_in_a_file_without_ids_fails_the_second_row(ws, tmp_path):
    path = write_csv(tmp_path / "rice.csv", [["Feature", "Reach"], ["Search", "100"], ["search", "10"]])

    report = import_items(ws, path)

    assert (report["new"], report["failed"]) == (1, 1)
    assert report["errors"][0]["row"] == 3 and report["errors"][0]["message"].startswith("the title is also on row 2")


def test_quarters_are_found_or_made_in_the_workspaces_fiscal_year(ws, tmp_path):
    ops.change_settings(ws, fiscal_year_start=4)
    ops.add_lane(ws, name="FY2027 Q1", start_date="2027-04-01", end_date="2027-06-30")
    path = write_csv(tmp_path / "plan.csv", [
        ["Title", "Quarter"], ["Search", "Q1 FY2027"], ["Filters", "2027年度 Q2"], ["Export", "next"], ["Tabs", "2027 Q1"]])

    report = import_items(ws, path)

    lanes = {lane["name"]: lane for lane in ops.list_lanes(ws)}
    items = by_title(ws)
    assert items["Search"]["lane"] == "FY2027 Q1"  # the existing lane, named another way
    assert items["Filters"]["lane"] == "2027年度 第2四半期"
    assert (lanes["2027年度 第2四半期"]["start_date"], lanes["2027年度 第2四半期"]["end_date"]) == ("2027-07-01", "2027-09-30")
    assert (items["Export"]["lane"], items["Export"]["lane_kind"]) == ("Next", "horizon")
    assert items["Tabs"]["lane"] == "FY2027 Q1"
    assert report["lanes_new"] == ["2027年度 第2四半期", "Next"]


def test_an_ice_sheet_fills_the_ice_parts(ws, tmp_path):
    path = write_csv(tmp_path / "ice.csv", [["Idea", "Impact", "Confidence", "Ease", "ICE Score"],
                                            ["Onboarding tour", "8", "6", "7", "336"]])

    report = import_items(ws, path)

    assert report["mapping"] == {"title": "Idea", "ice_impact": "Impact", "ice_confidence": "Confidence",
                                 "ice_ease": "Ease", "score": "ICE Score"}
    item = by_title(ws)["Onboarding tour"]
    assert (item["ice_impact"], item["ice_confidence"], item["ice_ease"], item["impact"]) == (8, 6, 7, None)
    assert [r["score"] for r in score_items(ws, method="ice")] == [336]
    assert not [w for w in report["warnings"] if "differs" in w]


def test_preview_and_dry_run_write_nothing(ws, tmp_path, dump):
    path = english_sheet(tmp_path / "rice.csv")
    before = dump(ws)

    preview = preview_items(path, rows=2, ws=ws)
    dry = import_items(ws, path, dry_run=True)

    assert dump(ws) == before
    assert preview["rows"] == [
        {"title": "Single sign-on", "reach": 2000, "impact": 3, "confidence": 80, "effort": 4, "score": 1200},
        {"title": "CSV export", "reach": 500, "impact": 2, "confidence": 100, "effort": 1, "score": 1000},
    ]
    assert (preview["rows_read"], preview["source"], preview["columns"][0]) == (5, "rice", "Feature")
    assert (dry["new"], dry["batch_id"], dry["dry_run"]) == (5, None, True)


def test_a_file_without_a_title_column_says_how_to_name_one(ws, tmp_path):
    with pytest.raises(ImportFailed) as err:
        import_items(ws, write_csv(tmp_path / "x.csv", [["Reach", "Effort"], ["1", "2"]]))
    assert "no column can be an item title" in str(err.value) and "--map title=COLUMN" in str(err.value)


def test_header_hits_counts_item_column_names():
    assert header_hits(["Issue key", "Summary", "Custom field (Story Points)", "Reporter"]) == 3
    assert header_hits(["施策名", "工数（人月）", "メモ"]) == 2


def test_the_import_is_one_step_of_the_history(ws, tmp_path):
    ops.add_item(ws, title="CSV export", effort=9)
    done = import_items_op(ws, english_sheet(tmp_path / "rice.csv"))
    assert done.value["new"] == 4 and done.changes.scores
    assert {e.value for e in done.changes.ids} >= {"items", "lanes", "batches"}
    after = list_items(ws)

    undone = ops.undo(ws, done)
    items = list_items(ws)
    assert [(i["title"], i["effort"], i["source"]) for i in items] == [("CSV export", 9, None)]
    assert list_batches(ws) == []

    ops.redo(ws, undone)
    assert list_items(ws) == after


def test_undoing_an_items_batch_removes_what_it_added_and_frees_their_requests(ws, tmp_path):
    kept = ops.add_item(ws, title="CSV export", effort=9)["id"]
    batch = import_items(ws, english_sheet(tmp_path / "rice.csv"))["batch_id"]
    sso = by_title(ws)["Single sign-on"]["id"]
    asked = ops.add_request(ws, title="We need SAML")["id"]
    ops.link_request(ws, asked, sso)

    removed = undo_import(ws, batch, keep_snapshot=True)

    assert (removed["items"], removed["links"], removed["requests_back_in_inbox"]) == (4, 1, 1)
    assert [(i["id"], i["effort"]) for i in list_items(ws)] == [(kept, 1)]  # updated by the file: kept, as updated
    assert ops.request(ws, asked)["status"] == "new"
    assert list_batches(ws)[0]["undone_at"] is not None

    redo_import(ws, removed["snapshot"])
    assert len(list_items(ws)) == 5 and ops.request(ws, asked)["status"] == "linked"


def test_a_linear_export_keeps_its_ids_cycles_and_estimates_as_points(ws, tmp_path):
    path = write_csv(tmp_path / "Export Dec 5 2026.csv", [
        ["ID", "Team", "Title", "Description", "Status", "Estimate", "Priority", "Project", "Creator", "Assignee",
         "Labels", "Cycle Number", "Cycle Name", "Created", "Completed", "Canceled"],
        ["ENG-12", "Engineering", "Bulk edit", "Edit many rows at once", "Todo", "3", "High", "Editor", "aiko",
         "ren", "Feature", "14", "Cycle 14", "2026-11-02", "", ""],
        ["ENG-13", "Engineering", "Fix the export crash", "", "In Progress", "1", "Urgent", "Editor", "aiko", "",
         "Bug", "14", "Cycle 14", "2026-11-03", "", ""],
        ["ENG-9", "Engineering", "Old importer", "", "Canceled", "", "Low", "", "ren", "", "", "", "", "2026-09-01",
         "", "2026-10-01"],
    ])

    report = import_items(ws, path)
    again = import_items(ws, path)

    assert (report["preset"], report["new"], report["failed"]) == ("linear", 3, 0)
    items = {i["external_id"]: i for i in list_items(ws)}
    assert {k: (i["title"], i["status"]) for k, i in items.items()} == {
        "ENG-12": ("Bulk edit", "idea"), "ENG-13": ("Fix the export crash", "in_progress"),
        "ENG-9": ("Old importer", "wont_do")}
    assert items["ENG-13"]["kind"] == "bug"
    assert json.loads(items["ENG-12"]["fields"]) == {"story_points": 3}
    assert items["ENG-12"]["effort"] is None  # points are not person-months unless the user says so
    assert (items["ENG-12"]["theme"], items["ENG-12"]["lane"]) == ("Editor", "Cycle 14")
    assert (again["new"], again["updated"], again["unchanged"]) == (0, 0, 3)


def test_a_github_issues_export_is_matched_by_number_and_keeps_its_links(ws, tmp_path):
    path = write_csv(tmp_path / "issues.csv", [
        ["number", "title", "state", "created_at", "updated_at", "labels", "html_url", "milestone"],
        ["11441", "Enable native SOCKS support by default", "open", "2024-08-23T02:11:15Z", "2024-08-23T02:13:08Z",
         "", "https://github.com/acme/app/issues/11441", "v3.4"],
        ["11440", "Tweaks to Array#combination docs", "closed", "2024-08-22T22:10:33Z", "2024-08-23T03:47:00Z",
         "Documentation", "https://github.com/acme/app/issues/11440", ""],
    ])

    report = import_items(ws, path)

    assert (report["preset"], report["new"], report["failed"]) == ("github", 2, 0)
    items = {i["external_id"]: i for i in list_items(ws)}
    assert items["11441"]["url"] == "https://github.com/acme/app/issues/11441"
    assert (items["11441"]["status"], items["11440"]["status"]) == ("idea", "shipped")
    assert items["11441"]["lane"] == "v3.4"
    edited = path.read_text(encoding="utf-8").replace("Enable native SOCKS support by default", "Native SOCKS")
    path.write_text(edited, encoding="utf-8")
    assert import_items(ws, path)["updated"] == 1
    assert {i["external_id"]: i["title"] for i in list_items(ws)}["11441"] == "Native SOCKS"
