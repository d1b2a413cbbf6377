"""Edit ▸ Workspace Settings…: fiscal year start, currency and reach window (and the scoring form on its own tab),
saved as one undo step; money in the inbox and the matrix is shown in the workspace's currency."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from planner import ops
from planner.money import format_money
from planner.storage import open_workspace
from ui.dialogs.workspace_settings import WorkspaceSettingsDialog


def _dialog(window, qtbot) -> WorkspaceSettingsDialog:
    dialog = WorkspaceSettingsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def _ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)


def _inbox_with_a_paying_company(window):
    window.show_view(1)
    inbox = window.views["inbox"]
    row = next(n for n, r in enumerate(inbox.model.rows) if r.get("mrr"))
    inbox.select_row(row)
    return inbox, inbox.model.rows[row]


def _company_tooltip(inbox, row: dict) -> str:
    n, column = inbox.model.row_of(row["id"]), [c[0] for c in inbox.model.COLUMNS].index("company")
    return inbox.model.data(inbox.model.index(n, column), Qt.ToolTipRole)


def _shown_matrix(window, qtbot):
    window.show_view(3)
    matrix = window.views["matrix"]
    qtbot.waitUntil(lambda: matrix.data is not None and not matrix.scores_pending, timeout=20000)
    return matrix


def _bubble_tooltip(matrix, qtbot) -> str:
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    shown = []
    original = QToolTip.showText
    QToolTip.showText = lambda pos, text, *a: shown.append(text)
    try:
        point = max(matrix.data["points"], key=lambda p: p["mrr"] or 0)
        pos = matrix.point_pos(point["id"])
        QApplication.sendEvent(matrix.canvas.viewport(),
                               QHelpEvent(QEvent.ToolTip, pos, matrix.canvas.viewport().mapToGlobal(pos)))
    finally:
        QToolTip.showText = original
    assert shown
    return shown[-1]


def test_the_dialog_shows_the_settings_and_what_q1_and_money_will_look_like(window, qtbot):
    dialog = _dialog(window, qtbot)
    assert dialog.fiscal_year_start.currentText() == "January"
    assert dialog.quarter_hint.text() == "Q1 is January–March"
    assert dialog.currency.currentText() == "USD — $ US dollar"
    assert dialog.window_days.value() == 365
    assert [dialog.tabs.tabText(n) for n in range(dialog.tabs.count())] == ["General", "Scoring"]
    _choose(dialog.fiscal_year_start, 4)
    assert dialog.quarter_hint.text() == "Q1 is April–June"
    _choose(dialog.fiscal_year_start, 11)
    assert dialog.quarter_hint.text() == "Q1 is November–January"
    _choose(dialog.currency, "JPY")
    assert dialog.currency.currentText() == "JPY — ¥ Japanese yen"
    assert dialog.currency_hint.text() == "Shown as ¥1,234,568; on boards and bubbles ¥1.2M"
    # One time window, on both tabs.
    dialog.window_days.setValue(90)
    assert dialog.scoring.window_days.value() == 90
    dialog.scoring.window_days.setValue(30)
    assert dialog.window_days.value() == 30


def test_yen_shows_in_the_inbox_and_the_matrix_and_undo_brings_dollars_back(window, qtbot):
    inbox, row = _inbox_with_a_paying_company(window)
    dollars = ops.workspace_settings(window.ctx.ws)
    assert dollars["currency"] == "USD"
    assert f"MRR {format_money(row['mrr'], 'USD', trim=True)}" in inbox.detail.meta_label.text()
    assert f"MRR {format_money(row['mrr'], 'USD', trim=True)}" in _company_tooltip(inbox, row)

    dialog = _dialog(window, qtbot)
    _choose(dialog.currency, "JPY")
    _ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert window.ctx.undo_stack.undoText() == "Change currency to JPY"
    assert window.statusBar().currentMessage() == "Done: Change currency to JPY"
    assert ops.workspace_settings(window.ctx.ws)["currency"] == "JPY"
    yen = f"MRR ¥{round(row['mrr']):,}"
    assert yen in inbox.detail.meta_label.text()  # the shown request is redrawn at once
    assert yen in _company_tooltip(inbox, row)

    matrix = _shown_matrix(window, qtbot)
    assert "MRR ¥" in _bubble_tooltip(matrix, qtbot)
    _choose(matrix.size_box, "mrr")
    legend = [i.text() for i in matrix.canvas.scene().items() if hasattr(i, "text") and "Bubble size" in i.text()]
    assert legend and "(largest ¥" in legend[0]

    window.ctx.undo_stack.undo()
    assert ops.workspace_settings(window.ctx.ws)["currency"] == "USD"
    qtbot.waitUntil(lambda: not matrix.scores_pending, timeout=20000)
    assert "MRR $" in _bubble_tooltip(matrix, qtbot)
    window.show_view(1)
    assert f"MRR {format_money(row['mrr'], 'USD', trim=True)}" in inbox.detail.meta_label.text()
    window.ctx.undo_stack.redo()
    assert yen in inbox.detail.meta_label.text()
    QThreadPool.globalInstance().waitForDone(20000)


def test_fiscal_year_start_window_and_scoring_method_are_one_undo_step(window, qtbot):
    before = ops.workspace_settings(window.ctx.ws)
    steps = window.ctx.undo_stack.count()
    dialog = _dialog(window, qtbot)
    _choose(dialog.fiscal_year_start, 4)
    dialog.window_days.setValue(90)
    dialog.tabs.setCurrentIndex(1)
    _choose(dialog.scoring.method, "ice")
    _ok(qtbot, dialog)
    assert window.ctx.undo_stack.count() == steps + 1
    assert window.ctx.undo_stack.undoText() == ("Change fiscal year start to April, time window to 90 days, "
                                                "scoring method")
    now = ops.workspace_settings(window.ctx.ws)
    assert (now["fiscal_year_start"], now["window_days"], now["method"]) == (4, 90, "ice")

    window.ctx.undo_stack.undo()
    assert ops.workspace_settings(window.ctx.ws) == before
    assert window.statusBar().currentMessage().startswith("Undone: Change fiscal year start to April")
    again = _dialog(window, qtbot)  # opened again, it shows what the workspace holds now
    assert (again.fiscal_year_start.currentData(), again.window_days.value()) == (1, 365)
    assert again.scoring.method.currentData() == before["method"]


def test_cancel_and_an_unchanged_ok_change_nothing(window, qtbot, dump):
    before, steps = dump(window.ctx.ws), window.ctx.undo_stack.count()
    dialog = _dialog(window, qtbot)
    _choose(dialog.currency, "EUR")
    _choose(dialog.fiscal_year_start, 7)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Cancel), Qt.LeftButton)
    assert not dialog.isVisible()
    unchanged = _dialog(window, qtbot)
    _ok(qtbot, unchanged)
    assert not unchanged.isVisible()
    assert dump(window.ctx.ws) == before and window.ctx.undo_stack.count() == steps


def test_a_currency_changed_by_the_command_line_shows_after_the_next_look(window, qtbot):
    inbox, row = _inbox_with_a_paying_company(window)
    _dialog(window, qtbot).reject()
    other = open_workspace(window.ctx.ws.path, migrate=False)
    try:
        ops.change_settings(other, currency="EUR")
    finally:
        other.close()
    assert window.ctx.check_external_changes()
    assert f"MRR {format_money(row['mrr'], 'EUR', trim=True)}" in inbox.detail.meta_label.text()


def test_enter_and_escape_on_the_scoring_tab_are_ok_and_cancel_of_the_whole_dialog(window, qtbot):
    dialog = _dialog(window, qtbot)
    dialog.tabs.setCurrentIndex(1)
    _choose(dialog.scoring.method, "ice")
    _choose(dialog.currency, "GBP")
    qtbot.keyClick(dialog.scoring.window_days, Qt.Key_Escape)
    assert not dialog.isVisible() and ops.workspace_settings(window.ctx.ws)["method"] == "rice"
    dialog = _dialog(window, qtbot)
    dialog.tabs.setCurrentIndex(1)
    _choose(dialog.scoring.method, "ice")
    qtbot.keyClick(dialog.scoring.window_days, Qt.Key_Return)
    assert not dialog.isVisible()
    assert window.ctx.undo_stack.undoText() == "Change scoring method"
    assert ops.workspace_settings(window.ctx.ws)["method"] == "ice"
