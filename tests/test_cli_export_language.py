"""`planner export FILE.xlsx --language en|ja`, through a real subprocess as a user runs it."""

import json

import openpyxl
import pytest

from planner import ops
from planner.storage import open_workspace
from tests.cli_run import planner


@pytest.fixture
def db(tmp_path):
    """A named workspace with one planned item a company asked for."""
    path = tmp_path / "cli.db"
    with open_workspace(path) as ws:
        ops.change_settings(ws, name="Roadmap for sales")
        ops.add_lane(ws, name="2027 Q1", kind="quarter", start_date="2027-01-01", end_date="2027-03-31")
        item = ops.add_item(ws, title="Single sign-on", status="planned", lane="2027 Q1", impact=1, confidence=100,
                            effort=1)
        request = ops.add_request(ws, title="SSO please", company="Kita Foods", created_at="2026-10-01", source="csv")
        ops.link_request(ws, request["id"], item["id"])
    return str(path)


def test_export_in_japanese(db, tmp_path):
    out = tmp_path / "ja.xlsx"
    doc = json.loads(planner("--db", db, "export", str(out), "--edition", "business", "--language", "ja",
                             "--json").stdout)
    assert doc["language"] == "ja"
    assert doc["sheets"] == ["ロードマップ", "変更点", "優先順位", "需要", "連絡先", "このブックについて"]
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == doc["sheets"]
    assert wb["ロードマップ"]["A1"].value == "ロードマップ · Roadmap for sales"
    assert [c.value for c in wb["優先順位"][3]][:4] == ["順位", "タイトル", "種類", "ステータス"]


def test_english_is_the_default_and_the_second_workbook_lists_what_moved(db, tmp_path):
    planner("--db", db, "export", str(tmp_path / "first.xlsx"))
    with open_workspace(db) as ws:  # shipped between the two workbooks
        ops.edit_item(ws, ops.list_items(ws)[0]["id"], status="shipped")
    out = tmp_path / "second.xlsx"
    result = planner("--db", db, "export", str(out))
    assert "Changes" in result.stdout
    sheet = openpyxl.load_workbook(out)["Changes"]
    assert [r[:2] for r in sheet.iter_rows(min_row=4, values_only=True)] == [
        ("Shipped (1)", None), ("Single sign-on", "Shipped in 2027 Q1.")]


def test_an_unknown_language_is_refused_in_one_line(db, tmp_path):
    result = planner("--db", db, "export", str(tmp_path / "fr.xlsx"), "--language", "fr", check=False)
    assert result.returncode == 2
    assert "--language" in result.stderr and "'en', 'ja'" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "fr.xlsx").exists()
