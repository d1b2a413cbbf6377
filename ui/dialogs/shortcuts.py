"""Help ▸ Keyboard Shortcuts: every key of `ui/hotkeys.py` with what it does, by section (the window, each view).

The list is `hotkeys.DESCRIBED` itself: a key is bound and described in one
place, so the dialog cannot miss one or name one that is not bound.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHeaderView, QLabel, QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
)

from ui import hotkeys
from ui.i18n import tr


def shortcut_rows() -> list[tuple[str, str, str]]:
    """(section, what it does, keys) for every shortcut of `ui/hotkeys.py`, in the interface's language, sections
    together in the order they first appear."""
    rows = [(tr(d.section), tr(d.description), d.text()) for d in hotkeys.DESCRIBED]
    order = {}
    for section, _text, _keys in rows:
        order.setdefault(section, len(order))
    return sorted(rows, key=lambda r: order[r[0]])  # stable: within a section, the order of ui/hotkeys.py


class ShortcutsDialog(QDialog):
    """The shortcuts by group, with a search field that narrows them by name, key or group."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(tr("Keyboard Shortcuts"))
        self.resize(780, 700)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search by name or key, e.g. undo or Ctrl+I"))
        self.search.setClearButtonEnabled(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([tr("Action"), tr("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        # What a key does is read whole; the keys take the rest (a view's six keys are one long line).
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.none_found = QLabel(tr("No shortcut matches."))
        self.none_found.setStyleSheet("color: palette(mid)")
        self.none_found.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.none_found)
        layout.addWidget(buttons)

        self.rows = shortcut_rows()
        groups: dict[str, QTreeWidgetItem] = {}
        for group, text, keys in self.rows:
            parent_item = groups.get(group)
            if parent_item is None:
                parent_item = groups[group] = QTreeWidgetItem(self.tree, [group])
                parent_item.setFirstColumnSpanned(True)
                parent_item.setFlags(Qt.ItemIsEnabled)
                font = parent_item.font(0)
                font.setBold(True)
                parent_item.setFont(0, font)
            row = QTreeWidgetItem(parent_item, [text, keys])
            row.setToolTip(0, text)
            row.setToolTip(1, keys)
        self.tree.expandAll()
        self.search.textChanged.connect(self.narrow)
        self.search.setFocus()

    def narrow(self, text: str) -> None:
        """Show the shortcuts whose name, keys or group hold every word typed (in any case)."""
        words = text.casefold().split()
        shown = 0
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            visible = 0
            for c in range(group.childCount()):
                child = group.child(c)
                haystack = f"{group.text(0)} {child.text(0)} {child.text(1)}".casefold()
                match = all(w in haystack for w in words)
                child.setHidden(not match)
                visible += match
            group.setHidden(not visible)
            shown += visible
        self.none_found.setVisible(not shown)

    def shown_rows(self) -> list[tuple[str, str, str]]:
        """(group, action, keys) of the rows on screen now, in order."""
        out = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            for c in range(group.childCount()):
                child = group.child(c)
                if not group.isHidden() and not child.isHidden():
                    out.append((group.text(0), child.text(0), child.text(1)))
        return out
