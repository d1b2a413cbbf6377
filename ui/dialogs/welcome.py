"""The first start on an empty workspace: three ways in, each a big button with one line on what it does.

Try the demo (a B2B SaaS backlog with customer requests), import what the
user already has (the import wizard), or start empty with a guided first
item. Escape starts empty without the guide: the user chose to look around.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCommandLinkButton, QDialog, QLabel, QVBoxLayout

from planner.storage import queries
from ui.i18n import tr

WAYS = ("demo", "import", "empty")


def first_item_hint() -> str:
    """What the guided first item asks for, above the New Item form."""
    return tr("Your first item: something to build that customers ask for, in a few words, such as “Single sign-on "
              "with Okta”. Only the title is needed; estimates can wait until you score it.")


class WelcomeDialog(QDialog):
    """Three ways in; `choice` is the one clicked ("demo", "import" or "empty"), None after Escape."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.choice: str | None = None
        self.setWindowTitle(tr("Welcome to Roadmap Planner"))
        self.setMinimumWidth(600)
        intro = QLabel(tr("This workspace is empty. How would you like to start?"))
        intro.setWordWrap(True)
        intro.setStyleSheet("font-size: 12pt")
        texts = {
            "demo": (tr("Try the demo"),
                     tr("A B2B SaaS backlog with customer requests, scored and planned, to look around.")),
            "import": (tr("Import what you have"),
                       tr("A backlog, customer requests or a CRM account list, from a CSV or Excel file.")),
            "empty": (tr("Start empty"),
                      tr("Add your first item now; import and score when you are ready.")),
        }
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        self.buttons: dict[str, QCommandLinkButton] = {}
        for way in WAYS:
            title, line = texts[way]
            button = QCommandLinkButton(title, line)
            button.clicked.connect(lambda checked=False, way=way: self.choose(way))
            layout.addWidget(button)
            self.buttons[way] = button
        self.buttons["demo"].setDefault(True)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.buttons["demo"].setFocus()  # Enter takes the demo; focus set before showing does not hold

    def choose(self, way: str) -> None:
        self.choice = way
        self.accept()


def welcome(window) -> str | None:
    """On an empty workspace, ask how to start and do it; returns the way taken (None: nothing asked, or Escape).

    Called by the app's start only, never when a test builds a window, unless the test asks.
    """
    if not queries.is_empty(window.ctx.ws):
        return None
    dialog = WelcomeDialog(window)
    dialog.exec()
    way = dialog.choice
    dialog.deleteLater()
    if way == "demo":
        window.load_demo()
    elif way == "import":
        window.open_import_wizard()
    elif way == "empty":
        window.new_item(hint=first_item_hint())
    return way
