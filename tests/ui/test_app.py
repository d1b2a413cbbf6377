"""The app opens on a workspace, restoring a damaged one from its backup (the first start's welcome: test_welcome.py)."""

from PySide6.QtWidgets import QMessageBox


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
