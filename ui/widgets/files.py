"""Files and folders: choosing a file to save to (adding the suffix the name typed lacks), showing a folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from planner.errors import PlannerError
from ui.context import show_error
from ui.i18n import tr


def ask_save_path(parent: QWidget, title: str, default: str, *, file_filter: str, suffix: str) -> str | None:
    """The path the user chose, ending in `suffix`; None when the dialog was cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, title, default, file_filter)
    if not path:
        return None
    if not path.lower().endswith(suffix.lower()):
        path += suffix
    return path


def save_png_as(parent: QWidget, title: str, default: str, write: Callable[[str], object]) -> None:
    """Ask where to save a PNG image, then `write(path)`; a `PlannerError` is shown, not raised."""
    path = ask_save_path(parent, title, default, file_filter=tr("PNG images (*.png)"), suffix=".png")
    if path is None:
        return
    try:
        write(path)
    except PlannerError as exc:
        show_error(parent, exc)


def open_folder(path: Path | str) -> bool:
    """Show a folder in the desktop's file manager (tests replace QDesktopServices.openUrl)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
