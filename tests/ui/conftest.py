import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox


@pytest.fixture
def messages(monkeypatch):
    """Every message box the app would show (shown boxes return at once with their default)."""
    shown = []

    def fake_exec(box):
        shown.append({"text": box.text(), "informative": box.informativeText(), "details": box.detailedText()})
        return QMessageBox.Ok

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append({"text": a[2] if len(a) > 2 else ""}) or QMessageBox.Ok)
    return shown


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)


@pytest.fixture
def show(qtbot):
    """Put a widget on screen as a user would see it, owned by the test: `show(widget, size=(w, h))`."""

    def show_widget(widget, *, size=None):
        qtbot.addWidget(widget)
        if size is not None:
            widget.resize(*size)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    return show_widget


@pytest.fixture
def ctx(demo_ws):
    """The app's context on the demo workspace, for a view or dialog tested on its own."""
    from ui.context import AppContext

    return AppContext(demo_ws)


@pytest.fixture
def blank_ctx(ws):
    """The app's context on a new, empty workspace."""
    from ui.context import AppContext

    return AppContext(ws)


@pytest.fixture
def make_window(qtbot, settings, tmp_path, messages):
    """`make_window(workspace)`: a main window on it with the test's own settings and app-data folder."""
    from ui.main_window import MainWindow

    def make(workspace, *, show=True):
        win = MainWindow(workspace, settings=settings, data_dir=tmp_path / "appdata")
        qtbot.addWidget(win)
        if show:
            win.show()
            qtbot.waitExposed(win)
        return win

    return make


@pytest.fixture
def window(make_window, demo_ws):
    return make_window(demo_ws)


@pytest.fixture
def backlog(window):
    return window.backlog



@pytest.fixture(autouse=True)
def dollars_after():
    """The currency money is shown in belongs to the app, not to one test: put it back."""
    yield
    from ui.roadmap.style import SHOWN_CURRENCY

    SHOWN_CURRENCY.set("USD")
