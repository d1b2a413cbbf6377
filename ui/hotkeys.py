"""Every keyboard shortcut of the app, in one place, each with what it does.

Standard keys come from `QKeySequence.StandardKey` so each platform gets its
own convention (Cmd on macOS); the rest are spelled once here so two features
never claim the same key and a user can find them all in one file.

`described(...)` records a shortcut with its section and description (both
marked for translation, shown with `tr(...)`) in `DESCRIBED`, in the order they
are defined, so the Keyboard Shortcuts dialog lists exactly what is bound here.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QKeySequence


@dataclass(frozen=True)
class Described:
    """One shortcut as the Keyboard Shortcuts dialog lists it. `keys` holds the alternatives (J or Down)."""

    section: str
    keys: tuple  # QKeySequence or QKeySequence.StandardKey values
    description: str

    def text(self, native: bool = True) -> str:
        """The keys as the user reads them ("Ctrl+Z", "J, Down"), in the platform's spelling when `native`."""
        fmt = QKeySequence.NativeText if native else QKeySequence.PortableText
        return ", ".join(QKeySequence(k).toString(fmt) for k in self.keys)


DESCRIBED: list[Described] = []


def described(section: str, description: str, *keys):
    """Record `keys` under `section` with `description`; returns the first key (what actions take)."""
    DESCRIBED.append(Described(section, tuple(keys), description))
    return keys[0]


WINDOW = QT_TRANSLATE_NOOP("", "Window")
BACKLOG = QT_TRANSLATE_NOOP("", "Backlog")
INBOX = QT_TRANSLATE_NOOP("", "Inbox")

NEW_ITEM = described(WINDOW, QT_TRANSLATE_NOOP("", "New backlog item"),  # the PdM adds items far more often than workspaces
                     QKeySequence.StandardKey.New)
NEW_WORKSPACE = described(WINDOW, QT_TRANSLATE_NOOP("", "New workspace"), QKeySequence("Ctrl+Shift+N"))
OPEN = described(WINDOW, QT_TRANSLATE_NOOP("", "Open a workspace"), QKeySequence.StandardKey.Open)
# Spelled out: some Linux desktops bind no standard Quit key ("Ctrl" is Cmd on macOS).
QUIT = described(WINDOW, QT_TRANSLATE_NOOP("", "Quit"), QKeySequence("Ctrl+Q"))
FIND = described(WINDOW, QT_TRANSLATE_NOOP("", "Search in the current view"), QKeySequence.StandardKey.Find)
UNDO = described(WINDOW, QT_TRANSLATE_NOOP("", "Undo the last change"), QKeySequence("Ctrl+Z"))
REDO = described(WINDOW, QT_TRANSLATE_NOOP("", "Redo"), QKeySequence("Ctrl+Shift+Z"))
IMPORT_CSV = described(WINDOW, QT_TRANSLATE_NOOP("", "Import a file"), QKeySequence("Ctrl+I"))
EXPORT = described(WINDOW, QT_TRANSLATE_NOOP("", "Export"), QKeySequence("Ctrl+E"))
OPEN_DEMO = described(WINDOW, QT_TRANSLATE_NOOP("", "Open the demo workspace"), QKeySequence("Ctrl+Shift+D"))
SCORING_SETTINGS = described(WINDOW, QT_TRANSLATE_NOOP("", "Scoring settings"), QKeySequence("Ctrl+,"))
IMPORT_BATCHES = described(WINDOW, QT_TRANSLATE_NOOP("", "Past imports"), QKeySequence("Ctrl+Shift+I"))
WORKSPACE_SETTINGS = described(WINDOW, QT_TRANSLATE_NOOP("", "Workspace settings"), QKeySequence("Ctrl+Shift+,"))
EDIT_LANES = described(WINDOW, QT_TRANSLATE_NOOP("", "Edit the roadmap's lanes"), QKeySequence("Ctrl+Shift+L"))
RELEASE_NOTES = described(WINDOW, QT_TRANSLATE_NOOP("", "Release notes and whom to tell"), QKeySequence("Ctrl+Shift+R"))
# One key per view, in the order of the navigation list.
VIEWS = tuple(QKeySequence(f"Ctrl+{n}") for n in range(1, 8))
described(WINDOW, QT_TRANSLATE_NOOP("", "Go to a view, in the order of the list on the left"), *VIEWS)

# Backlog
DELETE_ITEM = described(BACKLOG, QT_TRANSLATE_NOOP("", "Delete the selected items"), QKeySequence.StandardKey.Delete)
BULK_EDIT = described(BACKLOG, QT_TRANSLATE_NOOP("", "Edit the selected items together"), QKeySequence("Ctrl+B"))
PIN_ITEM = described(BACKLOG, QT_TRANSLATE_NOOP("", "Pin the item at a rank"), QKeySequence("Ctrl+P"))
CLEAR_SEARCH = described(BACKLOG, QT_TRANSLATE_NOOP("", "Clear the search"), QKeySequence("Escape"))

# Inbox: single keys, taken by the request list (the inbox puts the focus there when it opens),
# so triage needs no modifier. Arrows move as well as J/K; Down or Enter in the search box goes to the list.
TRIAGE_NEXT = described(INBOX, QT_TRANSLATE_NOOP("", "Next request"), QKeySequence("J"), QKeySequence("Down"))
TRIAGE_PREVIOUS = described(INBOX, QT_TRANSLATE_NOOP("", "Previous request"), QKeySequence("K"), QKeySequence("Up"))
TRIAGE_SUGGESTIONS = tuple(QKeySequence(str(n)) for n in range(1, 6))
described(INBOX, QT_TRANSLATE_NOOP("", "Link to the suggested item of that number"), *TRIAGE_SUGGESTIONS)
TRIAGE_LINK = described(INBOX, QT_TRANSLATE_NOOP("", "Link to an item chosen from a list, likeliest first"),
                        QKeySequence("L"))
TRIAGE_DUPLICATE = described(INBOX, QT_TRANSLATE_NOOP("", "Mark as a duplicate of another request"), QKeySequence("D"))
TRIAGE_ARCHIVE = described(INBOX, QT_TRANSLATE_NOOP("", "Archive: not actionable, kept for the record"),
                           QKeySequence("A"))
TRIAGE_NEW_ITEM = described(INBOX, QT_TRANSLATE_NOOP("", "Create a backlog item from the selected requests"),
                            QKeySequence("N"))
TRIAGE_SAME_TOO = described(INBOX, QT_TRANSLATE_NOOP("", "Do the same to the requests that say the same thing, when offered"),
                            QKeySequence("Y"))
# The triage action each single key asks for (arrows are the list's own: they move without a triage action).
TRIAGE_KEYS = {
    TRIAGE_NEXT: "next", TRIAGE_PREVIOUS: "previous", TRIAGE_LINK: "link", TRIAGE_DUPLICATE: "duplicate",
    TRIAGE_ARCHIVE: "archive", TRIAGE_NEW_ITEM: "new_item", TRIAGE_SAME_TOO: "same_too",
    **{key: f"suggestion:{n}" for n, key in enumerate(TRIAGE_SUGGESTIONS)},
}
