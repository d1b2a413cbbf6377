"""Hostile input on the command line: one line and exit 2, never a traceback; tables never obey escapes."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest

from planner import ops
from planner.storage import open_workspace

ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x9b31m\u202eevil\x7f"


def planner(*args, env=None):
    return subprocess.run([sys.executable, "-m", "planner", *args], capture_output=True, timeout=120, env=env, check=False)


def text(stream: bytes) -> str:
    return stream.decode("utf-8")


def one_line_error(result) -> str:
    """The user-error contract: exit 2, exactly one line on stderr starting 'planner: ', no traceback."""
    err = text(result.stderr)
    assert result.returncode == 2, err
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert err.startswith("planner: ")
    return err.rstrip("\n")


def parser_error(result) -> str:
    """argparse's refusal: usage, then one 'planner: error:' line; exit 2."""
    err = text(result.stderr)
    assert result.returncode == 2, err
    assert "Traceback" not in err
    return err.rstrip("\n").splitlines()[-1]


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "w.db"
    ws = open_workspace(path)
    ops.add_item(ws, title="Audit log", reach=100, impact=1, confidence=100, effort=2)
    ops.add_item(ws, title="SSO", reach=10, impact=1, confidence=100, effort=1)
    ws.close()
    return str(path)


def _items(db):
    return json.loads(planner("--db", db, "items", "--json").stdout)


# ---------------------------------------------------------------- 1. numbers


@pytest.mark.parametrize(
    ("flag", "value", "line"),
    [
        ("--effort", "1e-320", "planner: Effort must be more than 0 person-months: from 0.05 to 1000; got 1e-320."),
        ("--effort", "nan", "planner: Effort must be a finite number, more than 0 person-months: from 0.05 to 1000; got nan."),
        ("--reach", "1e308", "planner: Reach must be from 0 to 1,000,000,000; got 1e+308."),
        ("--value", "inf", "planner: Value must be a finite number, from 0 to 1,000,000,000; got inf."),
    ],
)
def test_item_set_refuses_an_estimate_outside_its_range(db, flag, value, line):
    before = _items(db)
    assert one_line_error(planner("--db", db, "item-set", "1", flag, value)) == line
    assert _items(db) == before


def test_a_hand_edited_tiny_effort_is_shown_unscored_by_score_and_items(db):
    con = sqlite3.connect(db)
    con.execute("UPDATE items SET effort = 1e-320 WHERE id = 1")
    con.execute("UPDATE items SET reach_manual = 1e308 WHERE id = 2")
    con.commit()
    con.close()
    table = planner("--db", db, "score")
    assert table.returncode == 0, text(table.stderr)
    assert text(table.stderr) == ""
    out = text(table.stdout)
    assert "unscored 1: effort is outside 0.05\u20131000\n" in out
    assert "unscored 2: reach is outside 0\u20131,000,000,000\n" in out
    scored = json.loads(planner("--db", db, "score", "--json").stdout)
    by_id = {r["id"]: r for r in scored}
    assert by_id[1]["score"] is None and by_id[1]["explanation"].startswith("Unscored: effort is outside 0.05\u20131000.")
    assert by_id[2]["score"] is None and by_id[2]["reach"] is None
    items = {r["id"]: r for r in _items(db)}
    assert items[1]["effort"] == 1e-320  # the stored number, exactly: --json hides nothing
    listing = planner("--db", db, "items")
    assert listing.returncode == 0
    assert text(listing.stdout).splitlines()[1].split()[-1] == "9.99989e-321"  # a denormal float, as %g shows it


# ---------------------------------------------------------------- 2. ids and ranks past 64 bits


def test_a_pinned_rank_past_64_bits_is_one_line(db):
    result = planner("--db", db, "item-set", "1", "--pin-rank", "99999999999999999999", "--rationale", "board")
    assert one_line_error(result) == "planner: A pinned rank is a whole number from 1 to 1,000,000; got 99999999999999999999."
    assert _items(db)[0]["pinned_rank"] is None


@pytest.mark.parametrize("args", [("item-set", "99999999999999999999", "--effort", "1"), ("link", "1", "99999999999999999999")])
def test_an_id_past_64_bits_is_refused_by_the_parser(db, args):
    line = parser_error(planner("--db", db, *args))
    assert line == "planner: error: argument item_id: 99999999999999999999 is not an id: ids are whole numbers from 1 to 9223372036854775807"


def test_an_id_of_zero_is_refused_by_the_parser(db):
    line = parser_error(planner("--db", db, "item-set", "0", "--effort", "1"))
    assert line == "planner: error: argument item_id: 0 is not an id: ids are whole numbers from 1 to 9223372036854775807"


# ---------------------------------------------------------------- 3. undecodable bytes


def test_a_title_with_a_byte_that_is_not_utf8_is_refused(db):
    result = subprocess.run([sys.executable, "-m", "planner", "--db", db, "item-add", b"Caf\xe9"], capture_output=True, timeout=120, check=False)
    assert one_line_error(result) == "planner: The title is not valid text (it holds a byte that is not UTF-8); type it again."
    assert [i["title"] for i in _items(db)] == ["Audit log", "SSO"]


# ---------------------------------------------------------------- 4. --db


def test_an_empty_db_path_is_refused_and_the_default_workspace_is_not_touched(app_data):
    result = planner("--db", "", "status", env=dict(os.environ, XDG_DATA_HOME=str(app_data)))
    assert one_line_error(result) == "planner: --db needs a workspace file path; it was given an empty one."
    assert not (app_data / "RoadmapPlanner" / "workspace.db").exists()


def test_a_db_path_in_the_home_of_a_user_that_does_not_exist_is_one_line():
    result = planner("--db", "~nouser-roadmap-planner/x.db", "status")
    assert one_line_error(result) == (
        "planner: The folder of --db ~nouser-roadmap-planner/x.db does not exist "
        "(there is no home folder for ~nouser-roadmap-planner)."
    )


# ---------------------------------------------------------------- 5. terminal escapes


@pytest.fixture
def hostile_db(tmp_path):
    path = tmp_path / "hostile.db"
    ws = open_workspace(path)
    ops.add_item(ws, title="Item " + ESCAPES, reach=10, impact=1, confidence=100, effort=1)
    ops.upsert_company(ws, name="Co " + ESCAPES, segment="smb")
    ops.add_request(ws, title="Req " + ESCAPES, company="Co " + ESCAPES)
    ops.add_lane(ws, name="Lane " + ESCAPES)
    ws.close()
    return str(path)


@pytest.mark.parametrize("command", ["items", "requests", "companies", "lanes", "score"])
def test_tables_show_control_characters_as_replacements_never_raw(hostile_db, command):
    result = planner("--db", hostile_db, command)
    assert result.returncode == 0, text(result.stderr)
    out = text(result.stdout)
    for raw in ("\x1b", "\x07", "\x9b", "\u202e", "\x7f"):
        assert raw not in out
    assert "\ufffd]0;pwned\ufffd\ufffd[2J\ufffd31m\ufffdevil\ufffd" in out


@pytest.mark.parametrize(("command", "key"), [("items", "title"), ("requests", "title"), ("companies", "name"), ("lanes", "name")])
def test_json_output_keeps_the_text_exactly(hostile_db, command, key):
    rows = json.loads(planner("--db", hostile_db, command, "--json").stdout)
    assert rows[0][key].endswith(" " + ESCAPES)


# ---------------------------------------------------------------- 6. segments


def test_an_unknown_segment_is_refused_listing_the_known_ones(hostile_db):
    result = planner("--db", hostile_db, "score", "--segment", "enterprize")
    assert one_line_error(result) == "planner: There is no segment 'enterprize'. Known segments: smb, or 'all'."
    ok = planner("--db", hostile_db, "score", "--segment", "SMB", "--json")
    assert ok.returncode == 0
    assert "segment SMB" in json.loads(ok.stdout)[0]["explanation"]
