"""snapshot, snapshots, changes and the export's snapshot, through a real subprocess as a user runs them."""

import json
import sqlite3
from datetime import date

import pytest

from planner import ops
from planner.storage import open_workspace
from tests.cli_run import planner


@pytest.fixture
def db(tmp_path):
    """Three items ranked SSO (1000), Audit log (500), Dark mode (100) on two dated quarters."""
    path = tmp_path / "history.db"
    with open_workspace(path) as ws:
        ops.add_lane(ws, name="2027 Q1", kind="quarter", start_date="2027-01-01", end_date="2027-03-31")
        ops.add_lane(ws, name="2027 Q2", kind="quarter", start_date="2027-04-01", end_date="2027-06-30")
        for title, reach in (("SSO", 1000), ("Audit log", 500), ("Dark mode", 100)):
            ops.add_item(ws, title=title, reach=reach, impact=1, confidence=100, effort=1, lane="2027 Q1")
    return str(path)


def _json(*args):
    return json.loads(planner(*args, "--json").stdout)


def test_snapshot_prints_its_record_and_snapshots_lists_it(db):
    taken = _json("--db", db, "snapshot", "--note", "before the board review")

    assert set(taken) == {"id", "taken_at", "note", "items"}
    assert (taken["id"], taken["note"], taken["items"]) == (1, "before the board review", 3)
    assert _json("--db", db, "snapshots") == [{"id": 1, "taken_at": taken["taken_at"], "note": "before the board review",
                                               "kind": "manual", "items": 3, "method": "rice"}]
    text = planner("--db", db, "snapshot").stdout
    assert text.startswith("Snapshot 2 taken at ") and text.rstrip().endswith(": 3 items.")
    table = planner("--db", db, "snapshots").stdout.splitlines()
    assert table[0].split() == ["id", "taken_at", "kind", "method", "items", "note"]
    assert [line.split()[0] for line in table[1:]] == ["2", "1"]


def test_an_effort_edit_and_a_slipped_item_show_in_changes(db):
    planner("--db", db, "snapshot")
    planner("--db", db, "item-set", "3", "--effort", "0.1")        # Dark mode: 100 -> 1000, above Audit log
    planner("--db", db, "item-set", "1", "--lane", "2027 Q2")

    rows = _json("--db", db, "changes")

    assert [(r["item_id"], r["title"], r["change"], r["before"], r["after"]) for r in rows] == [
        (3, "Dark mode", "rank", 3, 2),
        (2, "Audit log", "rank", 2, 3),
        (1, "SSO", "lane", "2027 Q1", "2027 Q2"),
        (3, "Dark mode", "estimate", "effort 1", "effort 0.1"),
    ]
    assert rows[2]["detail"] == "slipped"
    only_lanes = _json("--db", db, "changes", "--change", "lane")
    assert [r["title"] for r in only_lanes] == ["SSO"]
    text = planner("--db", db, "changes").stdout.splitlines()
    assert text[0].split() == ["item_id", "title", "change", "before", "after", "detail"]
    assert text[3].split() == ["1", "SSO", "lane", "2027", "Q1", "2027", "Q2", "slipped"]
    assert text[-1] == "2 rank; 1 lane; 1 estimate"


def test_changes_since_a_snapshot_id_or_a_date(db):
    planner("--db", db, "snapshot")
    planner("--db", db, "item-add", "Exports", "--reach", "700", "--impact", "1", "--confidence", "100", "--effort", "1")
    planner("--db", db, "snapshot")

    assert _json("--db", db, "changes") == []
    added = _json("--db", db, "changes", "--since", "1", "--change", "added")
    assert [(r["title"], r["before"], r["after"]) for r in added] == [("Exports", None, 2)]
    # today's last snapshot is the second one: nothing changed since it
    assert _json("--db", db, "changes", "--since", date.today().isoformat()) == []


@pytest.mark.parametrize("since, message", [
    ("1999-01-01", "planner: No snapshot was taken on or before 1999-01-01. The first was taken on "),
    ("42", "planner: There is no snapshot 42. List them with `planner snapshots`."),
    ("next week", "planner: A date is written like 2026-04-01; got 'next week'."),
])
def test_an_unknown_snapshot_or_date_is_one_line_and_exit_2(db, since, message):
    planner("--db", db, "snapshot")
    refused = planner("--db", db, "changes", "--since", since, check=False)
    assert refused.returncode == 2
    assert refused.stderr.startswith(message) and len(refused.stderr.splitlines()) == 1
    assert refused.stdout == ""


def test_changes_before_any_snapshot_says_how_to_take_one(db):
    refused = planner("--db", db, "changes", check=False)
    assert (refused.returncode, refused.stderr.strip()) == (
        2, "planner: There is no snapshot yet to compare with. Take one with `planner snapshot`.")


def test_exporting_the_workbook_takes_a_snapshot(db, tmp_path):
    planner("--db", db, "export", str(tmp_path / "q1-review.xlsx"))

    [snap] = _json("--db", db, "snapshots")
    assert (snap["kind"], snap["note"], snap["items"]) == ("export", "q1-review.xlsx", 3)


def test_an_export_whose_snapshot_fails_is_written_and_warns(db, tmp_path):
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TRIGGER no_snapshots BEFORE INSERT ON snapshots BEGIN SELECT RAISE(ABORT, 'refused'); END")
    conn.close()

    done = planner("--db", db, "export", str(tmp_path / "roadmap.xlsx"))

    assert (tmp_path / "roadmap.xlsx").stat().st_size > 0
    assert done.stdout.startswith("Wrote ")
    assert done.stderr.startswith("warning: The export was written, but no snapshot of the ranking was taken:")
    assert len(done.stderr.splitlines()) == 1
    assert _json("--db", db, "snapshots") == []
