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
def window(qtbot, demo_ws, settings, tmp_path, messages):
    from ui.main_window import MainWindow

    win = MainWindow(demo_ws, settings=settings, data_dir=tmp_path / "appdata")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def backlog(window):
    return window.backlog
