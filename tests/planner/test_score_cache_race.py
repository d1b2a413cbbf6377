"""The scores held in memory never miss a change that another connection commits while they catch up."""

from planner import ops
from planner.scoring import score_items
from planner.storage import demand, open_workspace


def test_a_change_committed_while_the_change_log_is_read_is_not_lost(ws, monkeypatch):
    item = ops.add_item(ws, title="Single sign-on", reach=100, impact=1, confidence=100, effort=1).value
    assert [r["title"] for r in score_items(ws)] == ["Single sign-on"]  # the cache is warm
    other = open_workspace(ws.path)  # the command line, or the window's background task
    real_last_change = demand.last_change
    edited = []

    def commit_in_between(conn_ws):
        # The log was just found empty; before its newest number is read, someone else commits an edit.
        if not edited:
            edited.append(ops.edit_item(other, item["id"], title="SSO with SAML"))
        return real_last_change(conn_ws)

    monkeypatch.setattr(demand, "last_change", commit_in_between)
    score_items(ws)
    monkeypatch.undo()
    other.close()
    assert edited
    assert [r["title"] for r in score_items(ws)] == ["SSO with SAML"]
