"""The export dialog's language chooser: it starts on the window's language and the workbook follows it."""

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox


def _run(qtbot, dialog, path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Close)
    dialog.path.setText(str(path))
    qtbot.mouseClick(dialog.export_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=30000)
    return dialog.result


def test_the_language_starts_on_the_windows_and_names_the_sheets(qtbot, ctx, tmp_path, monkeypatch):
    from ui.dialogs.export import ExportDialog

    monkeypatch.setenv("PLANNER_LANG", "ja")
    dialog = ExportDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "ja"
    result = _run(qtbot, dialog, tmp_path / "ja.xlsx", monkeypatch)
    assert result["language"] == "ja"
    assert openpyxl.load_workbook(tmp_path / "ja.xlsx").sheetnames[:3] == ["ロードマップ", "変更点", "優先順位"]


def test_english_can_be_chosen_and_a_language_without_workbook_words_falls_back_to_english(qtbot, ctx, tmp_path,
                                                                                          monkeypatch):
    from ui.dialogs.export import ExportDialog

    monkeypatch.setenv("PLANNER_LANG", "de")
    dialog = ExportDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "en"
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    _run(qtbot, dialog, tmp_path / "en.xlsx", monkeypatch)
    assert openpyxl.load_workbook(tmp_path / "en.xlsx").sheetnames[:3] == ["Roadmap", "Changes", "Priorities"]


def test_the_language_applies_to_the_workbook_only(qtbot, ctx):
    from ui.dialogs.export import ExportDialog

    dialog = ExportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    assert not dialog.language.isEnabled()
    dialog.format.setCurrentIndex(dialog.format.findData("xlsx"))
    assert dialog.language.isEnabled()
