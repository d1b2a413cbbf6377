"""Undo and redo of every user action, in the core, without Qt.

Each case runs an operation on a small workspace, then checks that undo puts
every table back exactly as it was and that redo makes it exactly as the
operation left it, with the same ids.
"""

from __future__ import annotations

from datetime import date

import pytest

from planner import ops, releases
from planner.errors import ValidationError
from planner.ops import Entity
from planner.storage import open_workspace

TABLES = ("items", "requests", "links", "companies", "lanes", "settings", "import_batches", "metrics", "metric_values")


def dump(ws) -> dict:
    return {t: ws.db.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in TABLES}


@pytest.fixture
def world(ws):
    """Two lanes, three items, four requests from two companies, some links."""
    ops.add_default_lanes(ws, today=date(2026, 11, 23))
    sso = ops.add_item(ws, title="SSO", effort=3, impact=2, confidence=80, lane="2026 Q4")
    ops.add_item(ws, title="Audit log", effort=1, lane="2026 Q4")
    ops.add_item(ws, title="Dark mode", kind="improvement")
    a = ops.add_request(ws, title="We need SAML", company="Acme", source="zendesk", external_id="1")
    b = ops.add_request(ws, title="SSO with Okta", company="Globex", source="zendesk", external_id="2")
    ops.add_request(ws, title="SAML please", company="Acme", source="intercom", external_id="9")
    ops.add_request(ws, title="Export to PDF", company="Globex")
    ops.link_requests(ws, [a["id"], b["id"]], sso["id"], importance="critical")
    return ws


def _id(ws, table: str, title: str) -> int:
    column = "name" if table in ("lanes", "companies") else "title"
    return ws.db.execute(f"SELECT id FROM {table} WHERE {column} = ?", [title]).fetchone()[0]


CASES = {
    "add item": lambda ws: ops.add_item(ws, title="Gantt", effort=2, lane="Now"),
    "edit an estimate": lambda ws: ops.edit_item(ws, _id(ws, "items", "SSO"), effort=5),
    "edit several fields": lambda ws: ops.edit_item(ws, _id(ws, "items", "SSO"), title="Single sign-on", theme="Security",
                                                    status="planned"),
    "bulk edit": lambda ws: ops.edit_items(ws, [_id(ws, "items", "SSO"), _id(ws, "items", "Dark mode")], status="planned"),
    "bulk edit with a lane": lambda ws: ops.edit_items(ws, [_id(ws, "items", "Dark mode")], lane="2027 Q1"),
    "delete an item with links": lambda ws: ops.delete_item(ws, _id(ws, "items", "SSO")),
    "delete several items": lambda ws: ops.delete_items(ws, [_id(ws, "items", "SSO"), _id(ws, "items", "Audit log")]),
    "pin": lambda ws: ops.pin(ws, _id(ws, "items", "Dark mode"), 1, "Promised to Acme for the renewal"),
    "move to another lane": lambda ws: ops.move_items(ws, [_id(ws, "items", "SSO")], lane="2027 Q1"),
    "move before a neighbour": lambda ws: ops.move_items(ws, [_id(ws, "items", "Audit log")], lane="2026 Q4",
                                                         before_item_id=_id(ws, "items", "SSO")),
    "move off the roadmap": lambda ws: ops.move_items(ws, [_id(ws, "items", "SSO")], lane=None),
    "add request with a new company": lambda ws: ops.add_request(ws, title="Slack alerts", company="Initech"),
    "link": lambda ws: ops.link_requests(ws, [_id(ws, "requests", "Export to PDF")], _id(ws, "items", "Dark mode")),
    "unlink": lambda ws: ops.unlink_request(ws, _id(ws, "requests", "We need SAML"), _id(ws, "items", "SSO")),
    "mark duplicate": lambda ws: ops.mark_duplicate(ws, _id(ws, "requests", "SSO with Okta"),
                                                    of=_id(ws, "requests", "SAML please")),
    "archive": lambda ws: ops.set_request_status(ws, [_id(ws, "requests", "Export to PDF"),
                                                      _id(ws, "requests", "We need SAML")], "archived"),
    "item from requests": lambda ws: ops.create_item_from_requests(
        ws, [_id(ws, "requests", "SAML please"), _id(ws, "requests", "Export to PDF")], title="Enterprise pack"),
    "update a company": lambda ws: ops.upsert_company(ws, name="ACME", mrr=9000, segment="Enterprise"),
    "add lane": lambda ws: ops.add_lane(ws, name="v2.0", kind="release", capacity=6),
    "change scoring": lambda ws: ops.change_scoring(ws, method="value-effort", window_days=90),
    "rename a lane and set its capacity": lambda ws: ops.edit_lane(ws, _id(ws, "lanes", "2026 Q4"), name="Q4 FY26",
                                                                  capacity=14),
    "delete a lane with items": lambda ws: ops.delete_lane(ws, _id(ws, "lanes", "2026 Q4")),
    "add the next quarter": lambda ws: ops.add_next_quarter(ws),
    "add a metric template": lambda ws: ops.add_metric_template(ws, "aarrr"),
    "write an item's public words": lambda ws: ops.edit_item(ws, _id(ws, "items", "SSO"),
                                                           public_title="Sign in with your company account",
                                                           public_summary="Okta and Azure AD."),
    "mark a lane's requesters informed": lambda ws: releases.mark_informed(ws, "2026 Q4"),
}


@pytest.mark.parametrize("name", CASES)
def test_undo_puts_every_row_back_and_redo_does_it_again(world, name):
    before = dump(world)
    done = CASES[name](world)
    after = dump(world)
    assert after != before, "the operation changed nothing"
    assert done.changed and done.text

    undone = ops.undo(world, done)
    assert dump(world) == before
    assert undone.changes.ids.keys() == done.changes.ids.keys()

    ops.redo(world, undone)
    assert dump(world) == after  # the same ids: nothing made anew


def test_undo_and_redo_walk_back_over_several_steps_in_order(world):
    start = dump(world)
    steps = [ops.add_item(world, title="Gantt"), ops.add_item(world, title="Kanban")]
    steps.append(ops.link_requests(world, [_id(world, "requests", "Export to PDF")], steps[1]["id"]))
    end = dump(world)
    undone = [ops.undo(world, step) for step in reversed(steps)]
    assert dump(world) == start
    for step in reversed(undone):
        ops.redo(world, step)
    assert dump(world) == end
    assert [i["title"] for i in ops.list_items(world)][-2:] == ["Gantt", "Kanban"]
    assert ops.get_item(world, steps[1]["id"])["title"] == "Kanban"


def test_changes_name_what_moved(world):
    sso = _id(world, "items", "SSO")
    effort = ops.edit_item(world, sso, effort=8).changes
    assert effort.of_kind(Entity.ITEMS) == {sso} and effort.scores
    assert not effort.touches(Entity.LANES, Entity.REQUESTS)
    moved = ops.move_items(world, [sso], lane="2027 Q1").changes
    assert moved.touches(Entity.ITEMS) and not moved.scores  # a card changing place moves no score
    linked = ops.link_requests(world, [_id(world, "requests", "Export to PDF")], sso).changes
    assert linked.touches(Entity.LINKS, Entity.REQUESTS) and linked.scores
    company = ops.upsert_company(world, name="Acme", mrr=100).changes
    assert company.of_kind(Entity.COMPANIES) == {_id(world, "companies", "Acme")}


def test_a_failed_operation_changes_nothing_and_leaves_no_trace_in_the_next(world):
    before = dump(world)
    with pytest.raises(ValidationError, match="Impact"):
        ops.edit_items(world, [_id(world, "items", "SSO"), _id(world, "items", "Dark mode")], impact=7)
    assert dump(world) == before
    edited = ops.edit_item(world, _id(world, "items", "Audit log"), effort=2)
    assert edited.changes.of_kind(Entity.ITEMS) == {_id(world, "items", "Audit log")}


def test_undo_keeps_what_another_connection_changed_in_other_columns(world):
    sso = _id(world, "items", "SSO")
    done = ops.edit_item(world, sso, effort=5)
    other = open_workspace(world.path, migrate=False)
    try:
        ops.edit_item(other, sso, title="Single sign-on (SAML)")
    finally:
        other.close()
    ops.undo(world, done)
    item = ops.get_item(world, sso)
    assert (item["effort"], item["title"]) == (3, "Single sign-on (SAML)")


def test_undo_refuses_when_the_same_value_was_changed_elsewhere_and_changes_nothing(world):
    sso = _id(world, "items", "SSO")
    done = ops.edit_item(world, sso, effort=5)
    other = open_workspace(world.path, migrate=False)
    try:
        ops.edit_item(other, sso, effort=13)
    finally:
        other.close()
    before = dump(world)
    with pytest.raises(ops.StaleUndo, match="item .* “SSO” was changed since") as refused:
        ops.undo(world, done)
    assert "another window or by the command line" in refused.value.hint
    assert dump(world) == before


def test_redo_of_a_new_item_refuses_when_its_id_was_taken_meanwhile(world):
    done = ops.add_item(world, title="Gantt")
    undone = ops.undo(world, done)
    taken = ops.add_item(world, title="Kanban")  # SQLite hands out the freed id again
    assert taken["id"] == done["id"]
    with pytest.raises(ops.StaleUndo, match="item .* “Kanban” exists now"):
        ops.redo(world, undone)
    assert ops.get_item(world, done["id"])["title"] == "Kanban"


def test_an_import_joins_the_history(world, tmp_path):
    path = tmp_path / "tickets.csv"
    path.write_text("id,subject,organization\n71,Gantt chart,Acme\n72,Slack alerts,Initech\n", encoding="utf-8")
    before = dump(world)
    imported = ops.import_requests(world, path, preset="zendesk")
    after = dump(world)
    assert imported.value["new"] == 2 and imported.changes.touches(Entity.REQUESTS, Entity.SCORES)
    undone = ops.undo(world, imported)
    assert [r["title"] for r in ops.list_requests(world) if r["source"] == "zendesk" and r["external_id"] in ("71", "72")] == []
    assert dump(world)["links"] == before["links"]
    ops.redo(world, undone)
    assert dump(world)["requests"] == after["requests"]


def test_lanes_are_edited_with_checks_and_the_next_quarter_follows_the_last(world):
    q4 = _id(world, "lanes", "2026 Q4")
    with pytest.raises(ValidationError, match="already a quarter lane named '2027 q1'"):
        ops.edit_lane(world, q4, name="2027 q1")
    with pytest.raises(ValidationError, match="end before it starts"):
        ops.edit_lane(world, q4, end_date="2026-09-30")
    with pytest.raises(ValidationError, match="person-months"):
        ops.edit_lane(world, q4, capacity=-2)
    next_one = ops.add_next_quarter(world)
    assert (next_one["name"], next_one["start_date"], next_one["end_date"]) == ("2027 Q4", "2027-10-01", "2027-12-31")
    assert next_one["capacity"] == 12.0  # the last quarter's
    gone = ops.delete_lane(world, q4)
    assert gone.value == {"lane": "2026 Q4", "items_off_the_roadmap": 2}
    assert {i["lane"] for i in ops.list_items(world)} == {None}


def test_an_edit_to_the_values_an_item_already_has_changes_nothing(world):
    sso = ops.get_item(world, _id(world, "items", "SSO"))
    before = dump(world)
    same = ops.edit_items(world, [sso["id"]], status=sso["status"], effort=sso["effort"], lane=sso["lane_id"])
    assert not same.changed and dump(world) == before


def test_importing_metrics_is_one_step_to_undo_and_redo(world, tmp_path):
    source = tmp_path / "metrics.csv"
    source.write_text("date,Weekly active users,Trials\n2026-09,5100,40\n2026-10,5190,44\n", encoding="utf-8")
    before = dump(world)
    done = ops.import_metrics(world, source)
    assert done["metrics_new"] == ["Trials", "Weekly active users"] and done["values_new"] == 4
    after = dump(world)
    undone = ops.undo(world, done)
    assert dump(world) == before
    ops.redo(world, undone)
    assert dump(world) == after
