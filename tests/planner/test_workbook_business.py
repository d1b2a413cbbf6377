"""The workbook as a business reader gets it: what changed since the last one, in their language and currency.

Every check reads the written .xlsx back with openpyxl, as the reader's spreadsheet would.
"""

from __future__ import annotations

import openpyxl
import pytest

from planner import ops
from planner.errors import ValidationError
from planner.exporting import export_roadmap

# Words of the product team's own working that a sales reader must not meet.
INTERNAL_WORDS = ("Time sink", "Quick win", "Big bet", "Fill in", "Stays in top", "score", "Score", "effort", "Effort",
                  "person-months", "Confidence", "Reach source", "Quadrant", "RICE", "Why pinned")
INTERNAL_WORDS_JA = ("時間の浪費", "クイックウィン", "大きな賭け", "上位", "スコア", "工数", "確度", "人月", "象限")


@pytest.fixture
def plan(tmp_path):
    """A named yen workspace, fiscal year from April: two dated quarters, five items, two companies asking."""
    from planner.storage import open_workspace

    ws = open_workspace(tmp_path / "zz-file-name.db")
    ops.change_settings(ws, name="Acme Cloud roadmap", currency="JPY", fiscal_year_start=4)
    q1 = ops.add_lane(ws, name="FY2026 Q4", kind="quarter", start_date="2027-01-01", end_date="2027-03-31", capacity=6)
    q2 = ops.add_lane(ws, name="FY2027 Q1", kind="quarter", start_date="2027-04-01", end_date="2027-06-30", capacity=6)
    ids = {}
    for key, title, lane, effort in (("sso", "Single sign-on", q1, 2), ("pdf", "PDF invoices", q1, 1),
                                     ("audit", "Audit log", q2, 4), ("dark", "Dark mode", q2, 1),
                                     ("api", "Public API", q2, 3)):
        ids[key] = ops.add_item(ws, title=title, status="planned", lane=lane["id"], impact=2, confidence=80,
                                effort=effort)["id"]
    ops.upsert_company(ws, name="Kita Foods", segment="Enterprise", plan="Pro", mrr=250000)
    ops.upsert_company(ws, name="Minami Bank", segment="Enterprise", plan="Enterprise", mrr=900000)
    for company, keys in (("Kita Foods", ("sso", "pdf", "audit")), ("Minami Bank", ("sso", "dark"))):
        for key in keys:
            r = ops.add_request(ws, title=f"{company} wants {key}", requester="Ann Example", email="ann@example.com",
                                company=company, created_at="2026-10-01", source="csv")
            ops.link_request(ws, r["id"], ids[key])
    ws.lanes = {"q1": q1["id"], "q2": q2["id"]}
    ws.ids = ids
    yield ws
    ws.close()


def rows(sheet) -> list[tuple]:
    return [r for r in sheet.iter_rows(values_only=True) if any(v is not None for v in r)]


def every_cell_text(wb) -> str:
    return "\n".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None)


def replan(ws) -> None:
    """After the first workbook: one slips, one is pulled in, one ships, one is dropped, one is new, one rank moves."""
    ops.edit_item(ws, ws.ids["pdf"], lane=ws.lanes["q2"])
    ops.edit_item(ws, ws.ids["audit"], lane=ws.lanes["q1"])
    ops.edit_item(ws, ws.ids["sso"], status="shipped")
    ops.edit_item(ws, ws.ids["dark"], status="wont_do")
    ops.add_item(ws, title="Mobile app", status="planned", lane=ws.lanes["q2"], impact=1, confidence=50, effort=3)
    ops.edit_item(ws, ws.ids["api"], impact=3, effort=1)  # ranks and estimates move, the lane does not


def changes_sheet(path, name="Changes") -> dict[str, list[tuple]]:
    """The Changes sheet as {heading: [(item, what changed)]}, each heading's count checked against its rows."""
    sheet = openpyxl.load_workbook(path)[name]
    groups: dict[str, list[tuple]] = {}
    counts: dict[str, int] = {}
    current = None
    for item, what in [r[:2] for r in rows(sheet)][3:]:  # title, legend, header
        if what is None:
            heading, count = item.rsplit(" (", 1)
            current = groups[heading] = []
            counts[heading] = int(count.rstrip(")"))
            continue
        current.append((item, what))
    assert counts == {heading: len(entries) for heading, entries in groups.items()}
    return groups


def test_the_first_workbook_says_there_is_nothing_to_compare_with(plan, tmp_path):
    path = tmp_path / "first.xlsx"
    result = export_roadmap(plan, path, edition="business")
    assert result["sheets"][:3] == ["Roadmap", "Changes", "Priorities"]  # right after the Roadmap
    sheet = openpyxl.load_workbook(path)["Changes"]
    assert rows(sheet) == [
        ("Changes · Acme Cloud roadmap", None),
        ("This is the first workbook exported from this workspace: the next one will list what changed since this one.", None),
    ]


@pytest.mark.parametrize("edition", ["internal", "business"])
def test_changes_since_the_last_workbook_after_a_replanning(plan, tmp_path, edition):
    export_roadmap(plan, tmp_path / "before.xlsx", edition=edition)
    replan(plan)
    path = tmp_path / "after.xlsx"
    export_roadmap(plan, path, edition=edition)
    groups = changes_sheet(path)
    assert list(groups) == ["New on the roadmap", "Moved", "Shipped", "Dropped"]
    assert groups["New on the roadmap"] == [("Mobile app", "Added to FY2027 Q1.")]
    assert sorted(groups["Moved"]) == [("Audit log", "FY2027 Q1 → FY2026 Q4: earlier than planned."),
                                       ("PDF invoices", "FY2026 Q4 → FY2027 Q1: later than planned.")]
    assert groups["Shipped"] == [("Single sign-on", "Shipped in FY2026 Q4.")]
    assert groups["Dropped"] == [("Dark mode", "No longer planned.")]
    wb = openpyxl.load_workbook(path)
    sheet_text = "\n".join(str(v) for r in rows(wb["Changes"]) for v in r if v is not None)
    assert "Public API" in every_cell_text(wb) and "Public API" not in sheet_text  # a rank move is no news to sales
    for word in ("effort", "rank", "up ", "down "):
        assert word not in sheet_text


def test_changes_compare_with_the_last_export_not_a_later_manual_snapshot(plan, tmp_path):
    from planner.history import take_snapshot

    export_roadmap(plan, tmp_path / "before.xlsx")
    ops.edit_item(plan, plan.ids["pdf"], lane=plan.lanes["q2"])
    take_snapshot(plan, note="mid-week look")  # not a workbook anyone received
    path = tmp_path / "after.xlsx"
    export_roadmap(plan, path)
    groups = changes_sheet(path)
    assert groups == {"Moved": [("PDF invoices", "FY2026 Q4 → FY2027 Q1: later than planned.")]}


def test_a_workbook_right_after_another_says_nothing_moved(plan, tmp_path):
    export_roadmap(plan, tmp_path / "a.xlsx")
    path = tmp_path / "b.xlsx"
    export_roadmap(plan, path)
    lines = rows(openpyxl.load_workbook(path)["Changes"])
    assert len(lines) == 2 and lines[1][0].startswith("Nothing on the roadmap moved since the last workbook, ")


def test_removed_items_are_dropped(plan, tmp_path):
    export_roadmap(plan, tmp_path / "a.xlsx")
    ops.delete_item(plan, plan.ids["api"])
    path = tmp_path / "b.xlsx"
    export_roadmap(plan, path, edition="business")
    groups = changes_sheet(path)
    assert groups == {"Dropped": [("Public API", "Removed from the plan.")]}


def test_japanese_workbook_names_sheets_and_headers_in_japanese(plan, tmp_path):
    export_roadmap(plan, tmp_path / "before.xlsx")
    replan(plan)
    path = tmp_path / "ja.xlsx"
    result = export_roadmap(plan, path, edition="business", language="ja")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == result["sheets"] == ["ロードマップ", "変更点", "優先順位", "需要", "連絡先", "このブックについて"]
    assert [c.value for c in wb["優先順位"][3]] == ["順位", "タイトル", "種類", "ステータス", "時期", "要望",
                                                  "要望した企業", "関連MRR"]
    assert [c.value for c in wb["連絡先"][3]] == ["企業 / 項目", "時期", "ステータス", "要望", "最終要望日"]
    statuses = {r[3] for r in wb["優先順位"].iter_rows(min_row=4, values_only=True)}
    assert statuses == {"リリース済み", "計画済み"}
    groups = changes_sheet(path, "変更点")
    assert groups["リリース済み"] == [("Single sign-on", "FY2026 Q4でリリースされました。")]
    assert groups["時期の変更"] and groups["取りやめ"] == [("Dark mode", "対応しないことになりました。")]
    roadmap = rows(wb["ロードマップ"])
    assert roadmap[0][0] == "ロードマップ · Acme Cloud roadmap"
    assert any(str(v).startswith("2027/01/01 – 2027/03/31\n") for r in roadmap for v in r)  # the first lane's dates
    assert "年度 第" in roadmap[1][0]  # the export's fiscal quarter, named in Japanese
    assert wb["連絡先"]["E4"].number_format == "yyyy/mm/dd"
    text = every_cell_text(wb)
    for word in ("Planned", "Shipped", "Priorities", "Who to tell", "exported"):
        assert word not in text


def test_the_language_is_checked(plan, tmp_path):
    with pytest.raises(ValidationError, match="English \\(en\\) or Japanese \\(ja\\)"):
        export_roadmap(plan, tmp_path / "x.xlsx", language="fr")
    assert not (tmp_path / "x.xlsx").exists()


def test_money_in_yen_without_decimals(plan, tmp_path):
    path = tmp_path / "b.xlsx"
    export_roadmap(plan, path, edition="business")
    wb = openpyxl.load_workbook(path)
    head = [c.value for c in wb["Priorities"][3]]
    col = head.index("MRR at stake")
    cells = [r[col] for r in wb["Priorities"].iter_rows(min_row=4) if r[col].value is not None]
    assert cells and {c.number_format for c in cells} == {'"¥"#,##0;-"¥"#,##0'}
    assert max(c.value for c in cells) == 1150000  # both companies behind Single sign-on
    assert "Minami Bank  ·  Enterprise · MRR ¥900,000" in [c.value for c in wb["Who to tell"]["A"]]


def test_the_title_is_the_workspace_name_not_the_file_name(plan, tmp_path):
    path = tmp_path / "b.xlsx"
    export_roadmap(plan, path, edition="business")
    wb = openpyxl.load_workbook(path)
    assert wb.properties.title == "Roadmap: Acme Cloud roadmap"
    for name in ("Roadmap", "Changes", "Priorities", "Demand", "Who to tell"):
        assert wb[name]["A1"].value.endswith(" · Acme Cloud roadmap"), name
    assert "zz-file-name" not in every_cell_text(wb)
    assert wb["Priorities"].oddFooter.left.text.startswith("Acme Cloud roadmap")


@pytest.mark.parametrize("language, words", [("en", INTERNAL_WORDS), ("ja", INTERNAL_WORDS_JA)])
def test_the_business_edition_is_free_of_internal_words(plan, tmp_path, language, words):
    ops.add_item(plan, title="Rewrite the importer", status="candidate", impact=0.25, confidence=50, effort=8)
    export_roadmap(plan, tmp_path / "before.xlsx", edition="business")
    replan(plan)
    internal, business = tmp_path / "i.xlsx", tmp_path / "b.xlsx"
    export_roadmap(plan, internal, language=language)
    export_roadmap(plan, business, edition="business", language=language)
    assert any(w in every_cell_text(openpyxl.load_workbook(internal)) for w in words)  # the internal one has them
    text = every_cell_text(openpyxl.load_workbook(business))
    for word in words:
        assert word not in text, word
    for secret in ("Ann Example", "ann@example.com"):
        assert secret not in text


def test_who_to_tell_is_one_block_per_company(plan, tmp_path):
    path = tmp_path / "b.xlsx"
    export_roadmap(plan, path, edition="business")
    sheet = openpyxl.load_workbook(path)["Who to tell"]
    assert [c.value for c in sheet[3]] == ["Company / item", "When", "Status", "Requests", "Last asked"]
    blocks, current = {}, None
    for row in sheet.iter_rows(min_row=4):
        if row[0].font.b:  # a company's heading row
            current = row[0].value.split("  ·  ")[0]
            blocks[current] = {"requests": row[3].value, "items": []}
        else:
            blocks[current]["items"].append((row[0].value, row[1].value, row[2].value, row[3].value))
    assert list(blocks) == ["Minami Bank", "Kita Foods"]  # the biggest account first
    assert blocks["Minami Bank"] == {"requests": 2, "items": [("Single sign-on", "FY2026 Q4", "Planned", 1),
                                                              ("Dark mode", "FY2027 Q1", "Planned", 1)]}
    assert [i[0] for i in blocks["Kita Foods"]["items"]] == ["Single sign-on", "PDF invoices", "Audit log"]
    assert sheet.print_title_rows == "$3:$3"
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage


def test_business_tables_have_a_title_a_legend_and_print_their_header(plan, tmp_path):
    path = tmp_path / "b.xlsx"
    export_roadmap(plan, path, edition="business")
    wb = openpyxl.load_workbook(path)
    for name in ("Priorities", "Demand"):
        sheet = wb[name]
        assert sheet["A1"].value == f"{name} · Acme Cloud roadmap"
        assert sheet["A2"].value and sheet["A2"].value.endswith(".")
        assert "A2:" in str(sheet.merged_cells)
        assert sheet.print_title_rows == "$3:$3" and sheet.freeze_panes == "C4"
        assert sheet.auto_filter.ref.startswith("A3:")
        assert sheet["A3"].font.b
    assert len(wb["Priorities"][3]) <= 9  # fewer, wider columns than the internal edition's


def test_a_history_that_cannot_be_read_costs_only_the_changes(plan, tmp_path, monkeypatch):
    from planner import history

    export_roadmap(plan, tmp_path / "a.xlsx")

    def damaged(ws, *, since=None):
        raise ValueError("snapshot 1 is damaged")

    monkeypatch.setattr(history, "changes", damaged)
    path = tmp_path / "b.xlsx"
    result = export_roadmap(plan, path, edition="business")
    assert result["snapshot"] is not None
    lines = rows(openpyxl.load_workbook(path)["Changes"])
    assert lines[1][0] == ("The changes since the last workbook could not be read (snapshot 1 is damaged); "
                           "the other sheets are complete.")
