"""The request commands (unlink, request-set, same-requests), through a real subprocess."""

import json

import pytest

from cli_run import planner

from planner import ops
from planner.storage import open_workspace


@pytest.fixture
def db(tmp_path):
    """Item 1 'SSO' holds request 1 (Acme); requests 2 (Acme) and 3 (Globex) wait in the inbox, 3 says what 1 says."""
    path = tmp_path / "requests.db"
    ws = open_workspace(path)
    sso = ops.add_item(ws, title="SSO")["id"]
    a = ops.add_request(ws, title="SAML with Okta please", company="Acme")["id"]
    ops.add_request(ws, title="Gantt view", company="Acme")
    ops.add_request(ws, title="SAML with Okta, please!", company="Globex")
    ops.link_requests(ws, [a], sso)
    ws.close()
    return str(path)


def requests(db) -> dict:
    return {r["id"]: r for r in json.loads(planner("--db", db, "requests", "--json").stdout)}


def one_line_error(result) -> str:
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    return result.stderr.strip()


def test_unlink_removes_the_link_and_says_the_request_is_back_in_the_inbox(db):
    out = planner("--db", db, "unlink", "1", "1").stdout
    assert out.strip() == "Unlinked request 1 from item 1 (SSO). It is back in the inbox."
    assert requests(db)[1]["status"] == "new"
    assert sorted(r["id"] for r in json.loads(planner("--db", db, "requests", "--unlinked", "--json").stdout)) == [1, 2, 3]


def test_unlink_of_a_request_not_linked_to_that_item_changes_nothing(db):
    gantt = json.loads(planner("--db", db, "item-add", "Gantt", "--json").stdout)["id"]
    line = one_line_error(planner("--db", db, "unlink", "1", str(gantt), check=False))
    assert line == f"planner: Request 1 is not linked to item {gantt}; nothing was changed. It is linked to item 1."
    assert requests(db)[1]["status"] == "linked"


@pytest.mark.parametrize("args, message", [
    (["unlink", "9", "1"], "planner: There is no request 9. List them with `planner requests`."),
    (["unlink", "1", "9"], "planner: There is no item 9. List them with `planner items`."),
    (["request-set", "9", "--status", "archived"], "planner: There is no request 9. List them with `planner requests`."),
    (["request-set", "2", "--duplicate-of", "9"], "planner: There is no request 9. List them with `planner requests`."),
    (["request-set", "2", "--duplicate-of", "2"], "planner: A request cannot be a duplicate of itself."),
    (["request-set", "2"], "planner: Nothing to change: give --status new|archived or --duplicate-of REQUEST_ID."),
])
def test_request_commands_refuse_in_one_line(db, args, message):
    assert one_line_error(planner("--db", db, *args, check=False)) == message


def test_request_set_archives_and_brings_back(db):
    assert planner("--db", db, "request-set", "2", "--status", "archived").stdout.strip() == "Archived request 2."
    assert requests(db)[2]["status"] == "archived"
    shown = json.loads(planner("--db", db, "request-set", "2", "--status", "new", "--json").stdout)
    assert (shown["id"], shown["status"]) == (2, "new")


def test_request_set_duplicate_of_counts_the_request_once_on_the_original(db):
    out = planner("--db", db, "request-set", "3", "--duplicate-of", "1").stdout.strip()
    assert out == "Request 3 is now a duplicate of request 1. Its demand counts once, on the original."
    row = requests(db)[3]
    assert (row["status"], row["duplicate_of"]) == ("duplicate", 1)


def test_same_requests_lists_the_inbox_s_repeats(db):
    rows = json.loads(planner("--db", db, "same-requests", "1", "--json").stdout)
    assert [(r["request_id"], r["company"], r["identical"]) for r in rows] == [(3, "Globex", True)]
    assert planner("--db", db, "same-requests", "2").stdout.strip() == "(none)"
