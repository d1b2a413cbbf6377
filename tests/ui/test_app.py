"""The app opens on a workspace and offers the demo when it is empty."""

from PySide6.QtWidgets import QMessageBox

from planner.storage import queries
from ui.app import offer_demo


def test_empty_workspace_offers_the_demo_and_loads_it(ws, make_window, monkeypatch):
    asked = []

    def answer_yes(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    window = make_window(ws)
    offer_demo(window)
    assert asked and "demo" in asked[0].lower()
    assert queries.counts(ws)["items"] >= 40
    assert f"{queries.counts(ws)['items']} items" in window.counts_label.text()


def test_a_workspace_with_data_is_not_offered_the_demo(demo_ws, make_window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: (_ for _ in ()).throw(AssertionError("asked")))
    window = make_window(demo_ws, show=False)
    offer_demo(window)
    assert window.windowTitle().startswith("Roadmap Planner")


def test_a_damaged_workspace_at_start_offers_its_newest_backup(qtbot, tmp_path, monkeypatch):
    from planner import ops
    from planner.storage import open_workspace
    from planner.storage.backups import make_backup
    from ui.app import open_or_explain

    path = tmp_path / "plan.db"
    with open_workspace(path) as ws:
        ops.add_item(ws, title="Kept in the backup")
        make_backup(ws, reason="manual")
        for n in range(150):
            ops.add_item(ws, title=f"Later {n}", description="x" * 400)
        ws.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 2, len(data), 4096):
        data[offset + 8: offset + 64] = b"\xff" * 56
    path.write_bytes(bytes(data))
    asked = []

    def accept_default(box):
        asked.append((box.text(), box.informativeText()))
        box.defaultButton().click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", accept_default)
    ws = open_or_explain(path)
    try:
        assert "is damaged" in asked[0][0] and "Restore the newest backup" in asked[0][1] and "items: 1," in asked[0][1]
        assert [i["title"] for i in ops.list_items(ws)] == ["Kept in the backup"]
        assert list(tmp_path.glob("plan.db.damaged-*"))  # the damaged file is kept, not deleted
    finally:
        ws.close()
