"""Undoing an import in the window: the question says first what work done since would be lost."""

from __future__ import annotations

import csv
import io
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from planner import importing, ops
from planner.storage import queries
from ui.dialogs.batches import BatchesDialog
from ui.context import AppContext
from qt_actions import click_undo_import

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _csv(path, ids, *, title="Request {}"):
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["ID", "Title", "Company"])
    writer.writerows([f"R-{i}", title.format(i), "Acme"] for i in ids)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


@pytest.fixture
def ctx(ws):
    return AppContext(ws)


def _open(qtbot, ctx) -> BatchesDialog:
    """The batch list as the menu opens it, showing the workspace as it is now."""
    shown = BatchesDialog(ctx)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def _requests(ws):
    return {r["external_id"]: r for r in queries.list_requests(ws)}


def _answer(monkeypatch, answer):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or answer)
    return asked


def test_the_question_names_hand_made_links_and_duplicates_and_no_keeps_them(qtbot, ctx, ws, tmp_path, monkeypatch):
    batch = importing.import_requests(ws, _csv(tmp_path / "a.csv", range(1, 4)), source="sheet")
    item = ops.add_item(ws, title="Dark mode")
    reqs = _requests(ws)
    ops.link_request(ws, reqs["R-1"]["id"], item["id"])
    manual = ops.add_request(ws, title="Asked on the phone")
    ops.mark_duplicate(ws, manual["id"], of=reqs["R-2"]["id"])
    d = _open(qtbot, ctx)
    d.select_batch(batch["batch_id"])
    asked = _answer(monkeypatch, QMessageBox.No)
    click_undo_import(qtbot, d)
    assert len(asked) == 1
    question = asked[0]
    assert "Remove the 3 requests that “a.csv” added (1 links, 1 companies nothing else uses)?" in question
    assert "This would also lose work done since the import:" in question
    assert f"• 1 links made since the import would be removed, e.g. request {reqs['R-1']['id']} “Request 1” → “Dark mode”." in question
    assert (f"• 1 requests marked duplicate of one of these would go back to new, e.g. request {manual['id']} "
            "“Asked on the phone”.") in question
    assert queries.counts(ws)["requests"] == 4
    assert ops.request(ws, manual["id"])["status"] == "duplicate"
    assert not d.model.rows[0]["undone_at"] and d.undo_button.isEnabled()


def test_yes_undoes_and_the_duplicate_goes_back_to_new(qtbot, ctx, ws, tmp_path, monkeypatch):
    batch = importing.import_requests(ws, _csv(tmp_path / "a.csv", range(1, 4)), source="sheet")
    manual = ops.add_request(ws, title="Asked on the phone")
    ops.mark_duplicate(ws, manual["id"], of=_requests(ws)["R-2"]["id"])
    d = _open(qtbot, ctx)
    d.select_batch(batch["batch_id"])
    _answer(monkeypatch, QMessageBox.Yes)
    click_undo_import(qtbot, d)
    assert queries.counts(ws)["requests"] == 1
    now = ops.request(ws, manual["id"])
    assert (now["status"], now["duplicate_of"]) == ("new", None)
    assert d.model.rows[0]["undone_at"] and not d.undo_button.isEnabled()


def test_with_nothing_to_lose_the_question_says_only_what_goes(qtbot, ctx, ws, tmp_path, monkeypatch):
    importing.import_requests(ws, _csv(tmp_path / "a.csv", range(1, 3)), source="sheet")
    d = _open(qtbot, ctx)
    asked = _answer(monkeypatch, QMessageBox.Yes)
    click_undo_import(qtbot, d)
    assert asked == ["Remove the 2 requests that “a.csv” added (0 links, 1 companies nothing else uses)? "
                     "Requests it only updated keep their values.\n\nEdit > Undo puts it all back."]
    assert queries.counts(ws)["requests"] == 0


def test_a_later_imports_updates_are_named(qtbot, ctx, ws, tmp_path, monkeypatch):
    import itertools

    import planner.importing.core as core

    minutes = itertools.count(1)
    monkeypatch.setattr(core, "now_iso", lambda: f"2026-12-01T10:{next(minutes):02d}:00+00:00")
    first = importing.import_requests(ws, _csv(tmp_path / "a.csv", range(1, 3)), source="sheet")
    second = importing.import_requests(ws, _csv(tmp_path / "b.csv", range(1, 3), title="Request {} v2"), source="sheet")
    assert second["updated"] == 2
    d = _open(qtbot, ctx)
    d.select_batch(first["batch_id"])
    asked = _answer(monkeypatch, QMessageBox.No)
    click_undo_import(qtbot, d)
    rid = _requests(ws)["R-1"]["id"]
    assert (f"• 2 of these requests were updated by a later import, whose changes would go with them, "
            f"e.g. request {rid} “Request 1 v2” (batch {second['batch_id']}).") in asked[0]


def test_a_batch_undone_elsewhere_meanwhile_is_said_and_not_undone_twice(qtbot, ctx, ws, tmp_path, monkeypatch, messages):
    batch = importing.import_requests(ws, _csv(tmp_path / "a.csv", range(1, 3)), source="sheet")
    d = _open(qtbot, ctx)
    importing.undo_import(ws, batch["batch_id"])  # the command line, say, while the window was open
    asked = _answer(monkeypatch, QMessageBox.Yes)
    click_undo_import(qtbot, d)
    assert asked == []
    assert messages and "already undone" in messages[-1]["text"]


def test_edit_undo_puts_an_undone_import_back_and_redo_removes_it_again(qtbot, ctx, ws, tmp_path, monkeypatch, dump):
    batch = importing.import_requests(ws, _csv(tmp_path / "a.csv", range(1, 4)), source="sheet")
    manual = ops.add_request(ws, title="Asked on the phone")
    item = ops.add_item(ws, title="Single sign-on")
    ops.link_request(ws, _requests(ws)["R-1"]["id"], item["id"])
    ops.mark_duplicate(ws, manual["id"], of=_requests(ws)["R-2"]["id"])
    before = dump(ws)
    d = _open(qtbot, ctx)
    d.select_batch(batch["batch_id"])
    _answer(monkeypatch, QMessageBox.Yes)
    click_undo_import(qtbot, d)
    assert queries.counts(ws)["requests"] == 1
    assert ctx.undo_stack.undoText() == "Undo import of “a.csv”"
    ctx.undo_stack.undo()
    after = dump(ws)
    for table in ("requests", "links", "companies", "import_batches"):
        assert after[table] == before[table], table  # every row back, with its id, status and duplicate mark
    assert not d.model.rows[0]["undone_at"] and d.undo_button.isEnabled()
    ctx.undo_stack.redo()
    assert queries.counts(ws)["requests"] == 1 and ops.request(ws, manual["id"])["duplicate_of"] is None
