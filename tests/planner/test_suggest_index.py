"""A big workspace's suggestion index is kept on disk: the next process reads it back and catches up, never stale."""

from __future__ import annotations

import pytest

from planner import ops, suggest
from planner.storage.db import open_workspace


@pytest.fixture(autouse=True)
def every_index_kept(monkeypatch):
    """Every index counts as big here, and no process has one in memory yet."""
    monkeypatch.setattr(suggest, "DISK_CACHE_FROM", 1)
    suggest._cache.clear()
    yield
    suggest._cache.clear()


@pytest.fixture
def ws(tmp_path):
    ws = open_workspace(tmp_path / "w.db")
    yield ws
    ws.close()


def _item(ws, title, *requests):
    item = ops.add_item(ws, title=title).value
    for text in requests:
        ops.link_request(ws, ops.add_request(ws, title=text).value["id"], item["id"])
    return item


def _no_build(monkeypatch):
    """A full build from here on fails the test: the index must come from the disk."""
    def refuse(*args, **kwargs):
        raise AssertionError("the index was built again instead of read back")

    monkeypatch.setattr(suggest.SuggestionIndex, "__init__", refuse)


def _new_process():
    suggest._cache.clear()  # what a second window or `planner suggest` starts with


def test_the_next_process_reads_the_index_back_and_suggests_the_same(ws, monkeypatch):
    ledger = _item(ws, "Finance close checklist", "Reconcile invoices automatically", "Invoices reconciled each month")
    _item(ws, "Repeat tasks on a schedule", "Recurring tasks every week")
    first = suggest.suggest_for_text(ws, "Automatically reconcile our invoices")
    suggest.wait_saved()  # written on a thread of its own, finished before the process ends
    assert suggest.saved_index_path(ws).exists()
    _new_process()
    _no_build(monkeypatch)
    again = suggest.suggest_for_text(ws, "Automatically reconcile our invoices")
    assert again == first
    assert again[0]["item_id"] == ledger["id"]


def test_links_and_items_made_since_it_was_saved_are_caught_up_from_the_change_log(ws, monkeypatch):
    _item(ws, "Finance close checklist", "Reconcile invoices automatically")
    sched = _item(ws, "Repeat tasks on a schedule", "Recurring tasks every week")
    suggest.suggestion_index(ws)
    # Another window links a new way of asking, and adds an item, while no index is in memory here.
    ops.link_request(ws, ops.add_request(ws, title="Cron style repetition of chores").value["id"], sched["id"])
    sso = _item(ws, "Single sign-on with Okta")
    _new_process()
    _no_build(monkeypatch)
    assert suggest.suggest_for_text(ws, "Cron style repetition for chores")[0]["item_id"] == sched["id"]
    assert suggest.suggest_for_text(ws, "Okta single sign-on please")[0]["item_id"] == sso["id"]


def test_another_file_put_at_the_same_path_is_not_given_the_old_index(tmp_path):
    path = tmp_path / "w.db"
    ws = open_workspace(path)
    _item(ws, "Finance close checklist", "Reconcile invoices automatically")
    suggest.suggestion_index(ws)
    ws.close()
    for old in tmp_path.glob("w.db*"):
        if old.is_file():
            old.unlink()
    ws = open_workspace(path)  # a new workspace where the old one was (a restore, a copy over it)
    try:
        gantt = _item(ws, "Gantt chart view", "Show tasks on a timeline")
        _new_process()
        found = suggest.suggest_for_text(ws, "Reconcile invoices automatically")
        assert found == []  # the old file's checklist is not offered
        assert suggest.suggest_for_text(ws, "A timeline of the tasks")[0]["item_id"] == gantt["id"]
    finally:
        ws.close()


def test_a_damaged_saved_index_is_built_again(ws):
    ledger = _item(ws, "Finance close checklist", "Reconcile invoices automatically")
    suggest.suggestion_index(ws)
    suggest.wait_saved()
    suggest.saved_index_path(ws).write_bytes(b"not an index")
    _new_process()
    assert suggest.suggest_for_text(ws, "Reconcile the invoices")[0]["item_id"] == ledger["id"]
    assert suggest.read_saved_index(ws) is not None  # and saved again, whole


def test_a_small_workspace_s_index_is_not_kept(ws, monkeypatch):
    monkeypatch.setattr(suggest, "DISK_CACHE_FROM", 1000)
    _item(ws, "Finance close checklist", "Reconcile invoices automatically")
    suggest.suggestion_index(ws)
    assert not suggest.saved_index_path(ws).exists()
