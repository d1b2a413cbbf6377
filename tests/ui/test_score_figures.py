"""The window shows a score as everywhere else, and says when a linked request is not counted."""

from __future__ import annotations

from planner import ops
from planner.scoring import score_items
from ui.backlog.model import format_value
from ui.operations.requests import link


def test_backlog_score_column_reads_as_the_explanation(blank_ctx):
    ws = blank_ctx.ws
    for reach, effort in ((29, 4), (135, 2), (299.988, 3), (1351, 2)):
        ops.add_item(ws, title=f"r{reach}", reach=reach, impact=1, confidence=100, effort=effort)
    rows = score_items(ws, stability=False)
    shown = {r["title"]: format_value("score", r) for r in rows}
    assert shown == {"r29": "7.25", "r135": "67.50", "r299.988": "100", "r1351": "676"}
    for r in rows:
        assert r["explanation"].startswith(f"RICE {shown[r['title']]} = ")


def test_linking_an_old_request_says_why_the_score_did_not_move(qtbot, blank_ctx):
    ws = blank_ctx.ws
    item = ops.add_item(ws, title="SSO")
    old = ops.add_request(ws, title="old ask", company="Acme", created_at="2023-02-01")
    heard = []
    blank_ctx.said.connect(heard.append)
    result = link(blank_ctx, None, [old["id"]], item["id"])
    assert result is not None and result.value["item_id"] == item["id"]
    assert heard[-1] == (f"Done: Link request {old['id']} to “SSO” \u2014 request {old['id']} (asked 2023-02-01) is "
                         "older than the 365-day window and is not counted; widen the window (Edit ▸ Workspace Settings)")


def test_linking_a_counted_request_says_only_done(qtbot, blank_ctx):
    ws = blank_ctx.ws
    item = ops.add_item(ws, title="SSO")
    fresh = ops.add_request(ws, title="new ask", company="Acme")
    heard = []
    blank_ctx.said.connect(heard.append)
    link(blank_ctx, None, [fresh["id"]], item["id"])
    assert heard == [f"Done: Link request {fresh['id']} to “SSO”"]
