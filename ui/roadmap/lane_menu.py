"""The menu of a lane header on the board: rename, capacity, add the next quarter, delete; each one undoable."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMenu, QMessageBox

from ui.i18n import tr
from ui.operations import lanes as actions


def lane_menu(view, lane: dict) -> QMenu:
    """The actions for `lane` (a board column; the Not planned column has none)."""
    menu = QMenu(view)
    if lane.get("id") is None:
        return menu
    menu.addAction(tr("Rename Lane…"), lambda: ask_name(view, lane))
    if not view.business:  # the business view hides capacity: nothing to start from
        menu.addAction(tr("Set Capacity…"), lambda: ask_capacity(view, lane))
    if lane.get("kind") == "quarter":
        menu.addAction(tr("Add the Next Quarter"), lambda: actions.add_next_quarter(view.ctx, view))
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
    n = lane.get("item_count") or 0
    if n:
        answer = QMessageBox.question(
            view, tr("Delete Lane"),
            tr("Delete the lane “{lane}”? Its {n} items stay in the backlog, off the roadmap. "
               "Edit > Undo puts the lane and its items back.").format(lane=lane["name"], n=n),
            QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        if answer != QMessageBox.Yes:
            return
    actions.delete(view.ctx, view, lane)
