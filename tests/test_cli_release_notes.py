"""release-notes and informed, through a real subprocess as a user runs them."""

import codecs
import csv
import io
import json
from datetime import date

import pytest
from openpyxl import load_workbook

from planner.storage import open_workspace
from tests.planner.test_releases import build_release_workspace
from tests.test_cli import planner


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "releases.db"
    ws = open_workspace(path)
    try:
        ids = build_release_workspace(ws)
    finally:
        ws.close()
    return str(path), ids


def test_markdown_starts_with_a_heading_and_text_is_for_chat(db):
    path, _ = db
    md = planner("--db", path, "release-notes", "v4.2").stdout
    assert md.startswith("# v4.2 · 2026-12-01 – 2027-01-15\n")
    assert "- **Sign in with your company account** (shipped)" in md
    text = planner("--db", path, "release-notes", "v4.2", "--format", "text").stdout
    assert text.startswith("v4.2 (2026-12-01 – 2027-01-15)\n") and "• Audit log (planned)" in text


def test_csv_is_utf8_with_a_bom_and_has_the_mail_merge_columns(db):
    path, ids = db
    raw = planner("--db", path, "release-notes", "v4.2", "--format", "csv").stdout
    assert raw.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(raw[1:])))
    assert list(rows[0]) == ["company", "item_id", "item", "requests", "requesters", "emails", "owner", "words",
                             "informed_at"]
    acme = rows[0]
    assert (acme["company"], acme["item_id"], acme["requests"]) == ("Acme", str(ids["sso"]), "2")
    assert (acme["requesters"], acme["emails"]) == ("Ann; Bob", "ann@acme.example; bob@acme.example")
    assert [r["company"] for r in rows] == ["Acme", "Globex", "Globex", "株式会社ひかり", ""]


def test_csv_written_to_a_file_opens_in_excel_with_japanese_intact(db, tmp_path):
    path, _ = db
    out = tmp_path / "tell.csv"
    said = planner("--db", path, "release-notes", "v4.2", "--format", "csv", "--output", str(out)).stdout
    assert said == f"Wrote whom to tell for v4.2 (5 rows) to {out}.\n"
    data = out.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    assert "株式会社ひかり" in data.decode("utf-8-sig")


def test_business_edition_lists_companies_without_people(db):
    path, _ = db
    rows = json.loads(planner("--db", path, "release-notes", "v4.2", "--format", "json", "--edition", "business").stdout)
    assert [r["company"] for r in rows] == ["Acme", "Globex", "Globex", "株式会社ひかり", ""]
    assert set(rows[0]) == {"company", "item_id", "item", "requests", "informed_at", "request_ids"}
    raw = planner("--db", path, "release-notes", "v4.2", "--format", "csv", "--edition", "business").stdout
    assert "@" not in raw and "Ann" not in raw


def test_informed_rows_leave_the_list_and_come_back_with_all(db):
    path, ids = db
    said = planner("--db", path, "informed", "v4.2", "--item", str(ids["sso"])).stdout
    assert said == f"Marked 3 requests from 2 companies informed for v4.2 (item {ids['sso']}) on {date.today()}.\n"
    left = json.loads(planner("--db", path, "release-notes", "v4.2", "--format", "json").stdout)
    assert [(r["company"], r["item_id"]) for r in left] == [
        ("Globex", ids["dark"]), ("株式会社ひかり", ids["audit"]), ("", ids["dark"])]
    every = json.loads(planner("--db", path, "release-notes", "v4.2", "--format", "json", "--all").stdout)
    assert len(every) == 5 and every[0]["informed_at"] == date.today().isoformat()
    rest = json.loads(planner("--db", path, "informed", "v4.2", "--json").stdout)
    assert (rest["requests"], rest["companies"], rest["people"], rest["already"]) == (3, 2, 1, 3)
    assert planner("--db", path, "informed", "v4.2").stdout == (
        "Nothing to mark: every request for v4.2 was already informed.\n")
    assert json.loads(planner("--db", path, "release-notes", "v4.2", "--format", "json").stdout) == []


def test_xlsx_output_has_the_notes_and_whom_to_tell(db, tmp_path):
    path, _ = db
    out = tmp_path / "v4.2.xlsx"
    planner("--db", path, "release-notes", "v4.2", "--output", str(out))
    book = load_workbook(out)
    assert book.sheetnames == ["Release notes", "Whom to tell"]
    notes, tell = book["Release notes"], book["Whom to tell"]
    assert [c.value for c in notes[1]] == ["Theme", "Title", "Summary", "Status", "Requests", "Asked for by"]
    assert [c.value for c in notes[2]][:4] == ["Security", "Sign in with your company account",
                                               "Use Okta or Azure AD to sign in.", "shipped"]
    assert notes.freeze_panes == tell.freeze_panes == "A2"
    assert tell["A2"].value == "Acme" and tell["E2"].value == "Ann; Bob"
    assert tell["H2"].alignment.wrap_text and tell.column_dimensions["H"].width >= 40


def test_item_set_writes_the_public_texts(db):
    path, ids = db
    said = planner("--db", path, "item-set", str(ids["dark"]), "--public-title", "A dark theme",
                   "--public-summary", "Easy on the eyes at night.").stdout
    assert said == f"Item {ids['dark']} (Dark mode): public title A dark theme, public summary (26 characters).\n"
    assert "• A dark theme (in progress): Easy on the eyes at night." in planner(
        "--db", path, "release-notes", "v4.2", "--format", "text").stdout


@pytest.mark.parametrize("args, message", [
    (("release-notes", "v9"), "planner: There is no lane 'v9'."),
    (("release-notes", "v4.3"), "planner: Lane 'v4.3' has no items to announce"),
    (("informed", "v4.3"), "planner: Lane 'v4.3' has no items"),
])
def test_unknown_or_empty_lanes_are_one_clear_line_and_exit_2(db, args, message):
    path, _ = db
    result = planner("--db", path, *args, check=False)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith(message) and len(result.stderr.strip().splitlines()) == 1
