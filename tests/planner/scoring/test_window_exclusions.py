"""Nothing hidden by the window: linked requests that do not count are counted, said, and linking one says so."""

from __future__ import annotations

import json

from planner import ops
from planner.scoring import score_items, set_scoring_settings
from planner.storage import open_workspace
from tests.cli_run import planner

TODAY = "2026-11-01"


def test_older_requests_are_counted_and_the_explanation_says_to_widen_the_window(ws, ask):
    item = ops.add_item(ws, title="X", impact=1, confidence=100, effort=1, reach_mode="companies")
    ask(item["id"], company="Acme", created="2026-10-01")
    for n, created in enumerate(("2024-03-01", "2024-05-01", "2025-01-01")):
        ask(item["id"], company=f"Old{n}", created=created)
    row = score_items(ws, today=TODAY, stability=False)[0]
    assert (row["reach"], row["older_requests"], row["off_segment_requests"]) == (1, 3, 0)
    assert "3 older requests not counted \u2014 widen the window (Edit \u25b8 Workspace Settings)." in row["explanation"]
    older = [c for c in row["counts"] if c["name"] == "older requests not counted"]
    assert older == [{"name": "older requests not counted", "value": 3,
                      "text": "3 older requests not counted \u2014 widen the window (Edit \u25b8 Workspace Settings)"}]
    wide = score_items(ws, today=TODAY, window_days=3000, stability=False)[0]
    assert (wide["reach"], wide["older_requests"]) == (4, 0) and "older request" not in wide["explanation"]


def test_requests_outside_the_segment_are_counted_apart(ws, ask):
    ops.upsert_company(ws, name="Big", segment="Enterprise")
    ops.upsert_company(ws, name="Small", segment="SMB")
    item = ops.add_item(ws, title="X", impact=1, confidence=100, effort=1, reach_mode="companies")
    ask(item["id"], company="Big")
    ask(item["id"], company="Small")
    ask(item["id"], company="Small", created="2020-01-01")  # older and outside: neither figure claims it twice
    row = score_items(ws, today=TODAY, segment="Enterprise", stability=False)[0]
    assert (row["reach"], row["off_segment_requests"], row["older_requests"]) == (1, 1, 0)
    assert "1 request from outside the segment Enterprise not counted" in row["explanation"]


def test_linking_an_old_request_says_it_is_not_counted(ws):
    item = ops.add_item(ws, title="X")
    old = ops.add_request(ws, title="old ask", company="Acme", created_at="2024-01-15")
    fresh = ops.add_request(ws, title="new ask", company="Acme")
    result = ops.link_request(ws, old["id"], item["id"])
    assert result.value["not_counted"]["reason"] == "older"
    assert result.value["not_counted"]["text"].startswith(
        f"Request {old['id']} (asked 2024-01-15) is older than the scoring window (the last 365 days, since ")
    assert ops.link_request(ws, fresh["id"], item["id"]).value["not_counted"] is None


def test_linking_a_request_from_another_segment_says_so(ws):
    ops.upsert_company(ws, name="Small", segment="SMB")
    ops.upsert_company(ws, name="Big", segment="Enterprise")
    set_scoring_settings(ws, segment="Enterprise")
    item = ops.add_item(ws, title="X")
    req = ops.add_request(ws, title="ask", company="Small")
    note = ops.link_request(ws, req["id"], item["id"]).value["not_counted"]
    assert note["reason"] == "segment" and "not from the segment Enterprise" in note["text"]


def test_the_link_command_says_an_old_request_is_not_counted(tmp_path):
    db = tmp_path / "w.db"
    ws = open_workspace(db)
    item = ops.add_item(ws, title="X")
    old = ops.add_request(ws, title="old ask", company="Acme", created_at="2023-06-01")
    fresh = ops.add_request(ws, title="new ask", company="Acme")
    ws.close()
    said = planner("--db", str(db), "link", str(old["id"]), str(item["id"])).stdout
    assert f"Linked request {old['id']} to item {item['id']} (important)." in said
    assert "(asked 2023-06-01) is older than the scoring window" in said and "--window-days N" in said
    said = planner("--db", str(db), "link", str(fresh["id"]), str(item["id"])).stdout
    assert "not counted" not in said
    rows = json.loads(planner("--db", str(db), "score", "--json").stdout)
    assert rows[0]["requests"] == 1
