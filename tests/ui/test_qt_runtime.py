"""PySide6 6.12.0 returned None from void methods without a reference on Python 3.11:
after enough paint calls the interpreter aborted. The pin in pyproject.toml keeps it out."""

import sys

from PySide6.QtWidgets import QWidget


def test_void_qt_calls_do_not_drain_none(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(20000):
        widget.update()
    assert abs(sys.getrefcount(None) - before) < 1000
