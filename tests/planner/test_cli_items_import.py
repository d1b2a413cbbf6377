"""`planner items-import`, `batches` and `undo-import` of an items batch, run as a user runs them."""

import json

import openpyxl
import pytest

from cli_run import planner

RICE = """Feature,Reach,Impact,Confidence,Effort,Score,Quarter
Single sign-on,2000,Massive,80%,4,1200,2027 Q1
CSV export,500,High,100%,1,1000,2027 Q1
Dark mode,1200,Medium,50%,2.5,240,Beta
"""
JIRA = """Issue key,Summary,Issue Type,Status,Story Points,Sprint
PLAT-1,SAML login,Story,To Do,5,PLAT Sprint 12
PLAT-2,Crash on export,Bug,In Progress,2,PLAT Sprint 12
PLAT-3,Try a vector index,Spike,Done,,
"""


def _file(tmp_path, text, name):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _json(*args):
    return json.loads(planner(*args).stdout)


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "ws.db")


def test_the_json_report_and_the_items_listing_carry_every_imported_field(tmp_path, db):
    report = _json("--db", db, "items-import", _file(tmp_path, JIRA, "jira-backlog.csv"), "--json")

    assert (report["batch_id"], report["rows_read"], report["new"], report["updated"], report["unchanged"],
            report["failed"], report["errors"]) == (1, 3, 3, 0, 0, 0, [])
    assert report["mapping"] == {"title": "Summary", "kind": "Issue Type", "status": "Status", "lane": "Sprint",
                                 "story_points": "Story Points", "external_id": "Issue key"}
    items = {i["external_id"]: i for i in _json("--db", db, "items", "--json")}
    assert {k: (i["title"], i["kind"], i["status"], i["source"], i["lane"]) for k, i in items.items()} == {
        "PLAT-1": ("SAML login", "feature", "idea", "jira", "PLAT Sprint 12"),
        "PLAT-2": ("Crash on export", "bug", "in_progress", "jira", "PLAT Sprint 12"),
        "PLAT-3": ("Try a vector index", "research", "shipped", "jira", None),
    }
    assert (items["PLAT-1"]["fields"], items["PLAT-1"]["effort"]) == ({"story_points": 5}, None)
    assert items["PLAT-3"]["fields"] == {}


def test_the_same_file_again_changes_nothing_and_the_summary_says_so(tmp_path, db):
    path = _file(tmp_path, RICE, "rice.csv")
    first = planner("--db", db, "items-import", path).stdout

    again = planner("--db", db, "items-import", path).stdout

    assert first.splitlines()[:2] == [
        "Imported items from " + path + " into source 'rice' (generic; batch 1):",
        "  3 rows read: 3 new, 0 updated, 0 unchanged, 0 failed.",
    ]
    assert "  new lanes: 2027 Q1, Beta" in first.splitlines()
    assert "  3 rows read: 0 new, 0 updated, 3 unchanged, 0 failed." in again.splitlines()
    assert "new lanes" not in again


def test_scores_after_import_are_the_sheets_own(tmp_path, db):
    planner("--db", db, "items-import", _file(tmp_path, RICE, "rice.csv"))

    scores = {r["title"]: r["score"] for r in _json("--db", db, "score", "--method", "rice", "--json")}

    assert scores == {"Single sign-on": 1200, "CSV export": 1000, "Dark mode": 240}


def test_a_dry_run_writes_nothing(tmp_path, db):
    path = _file(tmp_path, RICE, "rice.csv")
    planner("--db", db, "items")  # makes the workspace

    report = _json("--db", db, "items-import", path, "--dry-run", "--json")

    assert (report["new"], report["batch_id"]) == (3, None)
    assert _json("--db", db, "items", "--json") == []
    assert _json("--db", db, "batches", "--json") == []


def test_map_names_a_column_and_is_remembered_for_the_source(tmp_path, db):
    text = "Name,Points\nSearch,3\n"
    report = _json("--db", db, "items-import", _file(tmp_path, text, "a.csv"), "--source", "sheet",
                   "--map", "effort=Points", "--json")
    assert report["mapping"] == {"title": "Name", "effort": "Points"}

    again = _json("--db", db, "items-import", _file(tmp_path, "Name,Points\nSearch,4\n", "b.csv"), "--source", "sheet",
                  "--json")

    assert (again["mapping"], again["updated"]) == ({"title": "Name", "effort": "Points"}, 1)
    assert [i["effort"] for i in _json("--db", db, "items", "--json")] == [4]


def test_an_unknown_field_or_column_is_one_line_of_error(tmp_path, db):
    path = _file(tmp_path, RICE, "rice.csv")
    for args, words in ((["--map", "cost=Effort"], "There is no item field 'cost' to map."),
                        (["--map", "effort=Cost"], "there is no column 'Cost' to map to effort.")):
        result = planner("--db", db, "items-import", path, *args, check=False)
        assert result.returncode == 2 and words in result.stderr and "Traceback" not in result.stderr


def test_a_workbook_sheet_is_read_by_name(tmp_path, db):
    book = openpyxl.Workbook()
    book.active.title = "Notes"
    sheet = book.create_sheet("Backlog")
    sheet.append(["Feature", "Effort"])
    sheet.append(["Search", 2])
    path = tmp_path / "plan.xlsx"
    book.save(path)

    report = _json("--db", db, "items-import", str(path), "--sheet", "backlog", "--json")

    assert (report["sheet"], report["new"]) == ("Backlog", 1)


def test_undo_import_removes_exactly_the_items_the_batch_added(tmp_path, db):
    planner("--db", db, "item-add", "CSV export", "--effort", "9")
    planner("--db", db, "item-add", "Typed by hand")
    batch = _json("--db", db, "items-import", _file(tmp_path, RICE, "rice.csv"), "--json")["batch_id"]
    listed = _json("--db", db, "batches", "--json")
    assert (listed[0]["kind"], listed[0]["items_now"], listed[0]["new"], listed[0]["updated"]) == ("items", 2, 2, 1)
    assert "[items, generic]" in planner("--db", db, "batches").stdout

    done = planner("--db", db, "undo-import", str(batch)).stdout

    assert done.splitlines()[0] == (f"Undid import batch {batch} (rice.csv): removed 2 items and 0 links; "
                                    "items it only updated keep their new values.")
    left = {i["title"]: i["effort"] for i in _json("--db", db, "items", "--json")}
    assert left == {"CSV export": 1, "Typed by hand": None}


def test_undo_import_of_items_asks_first_when_requests_were_linked_to_them(tmp_path, db):
    batch = _json("--db", db, "items-import", _file(tmp_path, RICE, "rice.csv"), "--json")["batch_id"]
    sso = next(i["id"] for i in _json("--db", db, "items", "--json") if i["title"] == "Single sign-on")
    planner("--db", db, "import", _file(tmp_path, "ID,Title\nR-1,We need SAML\n", "requests.csv"))
    [request] = [r["id"] for r in _json("--db", db, "requests", "--json")]
    planner("--db", db, "link", str(request), str(sso))

    refused = planner("--db", db, "undo-import", str(batch), check=False)
    assert refused.returncode == 2
    assert "1 request link" in refused.stdout and "would lose 1 request link" in refused.stderr
    assert len(_json("--db", db, "items", "--json")) == 3

    done = planner("--db", db, "undo-import", str(batch), "--yes").stdout
    assert "removed 3 items and 1 link" in done and "1 request went back to the inbox." in done
    assert _json("--db", db, "items", "--json") == []
