"""The app opens on a workspace and offers the demo when it is empty."""

from PySide6.QtWidgets import QMessageBox

from planner.storage import queries
from ui.app import offer_demo
from ui.main_window import MainWindow


def test_empty_workspace_offers_the_demo_and_loads_it(qtbot, ws, monkeypatch):
    asked = []

    def answer_yes(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show()
    offer_demo(window)
    assert asked and "demo" in asked[0].lower()
    assert queries.counts(ws)["items"] >= 40
    assert "items" in window.counts_label.text()


def test_a_workspace_with_data_is_not_offered_the_demo(qtbot, demo_ws, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: (_ for _ in ()).throw(AssertionError("asked")))
    window = MainWindow(demo_ws)
    qtbot.addWidget(window)
    offer_demo(window)
    assert window.windowTitle().startswith("Roadmap Planner")
