"""The menu of a lane header on the board: rename, capacity, add the next quarter, delete (asking where the items go),
the Lanes editor, and the lane's release notes and whom to tell; each change one undo step."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMenu

from ui.dialogs.lanes import delete_lane_asking
from ui.i18n import tr
from ui.operations import lanes as actions


def lane_menu(view, lane: dict) -> QMenu:
    """The actions for `lane` (a board column; the Not planned column has only the Lanes editor, when the window has one)."""
    menu = QMenu(view)
    editor = getattr(view.window(), "open_lanes_editor", None)
    if lane.get("id") is None:
        if editor is not None:
            menu.addAction(tr("Edit Lanes…"), editor)
        return menu
    menu.addAction(tr("Rename Lane…"), lambda: ask_name(view, lane))
    if not view.business:  # the business view hides capacity: nothing to start from
        menu.addAction(tr("Set Capacity…"), lambda: ask_capacity(view, lane))
    if lane.get("kind") == "quarter":
        menu.addAction(tr("Add the Next Quarter"), lambda: actions.add_next_quarter(view.ctx, view))
    if editor is not None:
        menu.addAction(tr("Edit Lanes…"), editor)
    notes = getattr(view.window(), "open_release_notes", None)
    if notes is not None:
        menu.addAction(tr("Release Notes and Whom to Tell…"), lambda: notes(lane["id"]))
    menu.addSeparator()
    menu.addAction(tr("Delete Lane…"), lambda: confirm_delete(view, lane))
    return menu


def ask_name(view, lane: dict) -> None:
    name, ok = QInputDialog.getText(view, tr("Rename Lane"), tr("New name of the lane “{lane}”:").format(lane=lane["name"]),
                                    QLineEdit.Normal, lane["name"])
    if ok and name.strip() and name.strip() != lane["name"]:
        actions.rename(view.ctx, view, lane, name.strip())


def ask_capacity(view, lane: dict) -> None:
    capacity, ok = QInputDialog.getDouble(
        view, tr("Set Capacity"), tr("Capacity of “{lane}” in person-months:").format(lane=lane["name"]),
        float(lane.get("capacity") or 0), 0, 10_000, 1)
    if ok:
        actions.set_capacity(view.ctx, view, lane, capacity)


def confirm_delete(view, lane: dict) -> None:
    """Delete the lane; when it holds items, ask first where they go (another lane, or off the roadmap)."""
    delete_lane_asking(view.ctx, view, lane)
