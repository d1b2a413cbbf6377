"""Every field of an item edited in the backlog's detail panel, and the estimates of each scoring method in the table.

Driven as a user would, from an empty workspace: the New Item form, typing in the
panel's fields (Return, Ctrl+Enter, a calendar click, a choice picked), Edit ▸ Undo.
"""

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QSpinBox

from planner import ops
from planner.storage import queries
from ui.backlog.detail_form import ChoiceField, DateField, NumberField, TextField, ThemeField
from ui.backlog.model import KEYS, METHOD_INPUTS
from ui.backlog.new_item import NewItemDialog


@pytest.fixture
def window(make_window, ws):
    return make_window(ws)


@pytest.fixture
def backlog(window):
    return window.backlog


@pytest.fixture
def form(backlog):
    return backlog.detail.form


def new_item(qtbot, backlog, monkeypatch, title, **choices):
    """An item made with the New Item form, selected in the backlog."""

    def fill(dialog):
        dialog.title.setText(title)
        for name, data in choices.items():
            combo = getattr(dialog, name)
            combo.setCurrentIndex(combo.findData(data))
        return QDialog.Accepted

    monkeypatch.setattr(NewItemDialog, "exec", fill)
    item_id = backlog.new_item()
    assert item_id is not None
    qtbot.waitUntil(lambda: backlog.current_id() == item_id and backlog.detail.item_id == item_id)
    return item_id


def stored(backlog, item_id, key):
    return ops.get_item(backlog.ctx.ws, item_id)[key]


def row(backlog, item_id):
    return backlog.model.row_dict(backlog.model.row_of(item_id))


def typing_widget(field):
    if isinstance(field, NumberField):
        return field.line
    if isinstance(field, DateField):
        return field.editor.line
    if isinstance(field, ThemeField):
        return field.editor.lineEdit()
    return field.editor


def type_in(qtbot, field, text, *, commit=True):
    """Type over what the field holds; commit with Return (Ctrl+Enter in the description)."""
    widget = typing_widget(field)
    widget.setFocus()
    widget.selectAll()
    if text:
        qtbot.keyClicks(widget, text)
    else:
        qtbot.keyClick(widget, Qt.Key_Delete)
    if commit:
        qtbot.keyClick(widget, Qt.Key_Return, Qt.ControlModifier if isinstance(field, TextField) else Qt.NoModifier)


def choose(field, data):
    """Pick the entry holding `data`, as a click in the combo's list does."""
    combo = field.editor
    at = combo.findData("" if data is None else data)
    assert at >= 0, data
    combo.setCurrentIndex(at)
    combo.activated.emit(at)


def shown(field):
    if isinstance(field, ChoiceField):
        return field.editor.currentText()
    if isinstance(field, ThemeField):
        return field.editor.currentText()
    if isinstance(field, TextField):
        return field.editor.toPlainText()
    return typing_widget(field).text()


def settle(qtbot, backlog):
    """Let the refresh that follows a change run."""
    qtbot.waitUntil(lambda: not backlog._refresh_timer.isActive() and not backlog.scores_pending)
    qtbot.wait(5)


def test_every_field_is_edited_in_place_one_undo_step_each_and_undone(qtbot, window, backlog, form, monkeypatch,
                                                                      tmp_path):
    from planner.scoring.metrics import import_metrics

    ctx = backlog.ctx
    item_id = new_item(qtbot, backlog, monkeypatch, "SSO")
    lane = ops.add_lane(ctx.ws, name="2027 Q1", kind="quarter")
    source = tmp_path / "metrics.csv"
    source.write_text("metric,date,value\nWAU,2026-10-01,5190\nWAU,2026-11-01,5400\n")
    import_metrics(ctx.ws, source)
    ctx.broadcast(ops.Changes.all())
    settle(qtbot, backlog)
    wau = queries.metric_named(ctx.ws, "WAU")
    f = form.fields
    before = ops.get_item(ctx.ws, item_id)
    steps = []  # (field, stored before, stored after)

    def step(key, act, expect, *, show=None, also=()):
        """Do one edit; it is stored, shown in its field, and is exactly one undo step."""
        count = ctx.undo_stack.count()
        was = {k: stored(backlog, item_id, k) for k in (key, *also)}
        act()
        settle(qtbot, backlog)
        assert stored(backlog, item_id, key) == expect, key
        assert ctx.undo_stack.count() == count + 1, key
        if show is not None:
            assert shown(f[key]) == show, key
        steps.append((key, was, {k: stored(backlog, item_id, k) for k in (key, *also)}))

    step("title", lambda: type_in(qtbot, f["title"], "Single sign-on"), "Single sign-on", show="Single sign-on")
    assert backlog.detail.title.text() == "Single sign-on"
    assert row(backlog, item_id)["title"] == "Single sign-on"
    step("description", lambda: type_in(qtbot, f["description"], "Security asks for it before the renewal"),
         "Security asks for it before the renewal")
    step("kind", lambda: choose(f["kind"], "improvement"), "improvement", show="Improvement")
    step("status", lambda: choose(f["status"], "candidate"), "candidate", show="Candidate")
    assert row(backlog, item_id)["status"] == "candidate"
    step("theme", lambda: type_in(qtbot, f["theme"], "Security"), "Security", show="Security")
    assert window.undo_action.text() == "&Undo Set theme of “Single sign-on” to Security"
    assert "Security" in backlog.detail.meta.text()
    step("tags", lambda: type_in(qtbot, f["tags"], " sso,  security , SSO,"), "sso, security", show="sso, security")
    step("owner", lambda: type_in(qtbot, f["owner"], "Platform team"), "Platform team", show="Platform team")
    step("lane_id", lambda: choose(f["lane_id"], lane["id"]), lane["id"], show="2027 Q1")
    assert row(backlog, item_id)["lane"] == "2027 Q1"
    step("start_date", lambda: type_in(qtbot, f["start_date"], "2027/1/15"), "2027-01-15", show="2027-01-15")
    step("end_date", lambda: f["end_date"].editor.calendar.clicked.emit(QDate(2027, 3, 31)), "2027-03-31",
         show="2027-03-31")

    # Reach: typed by hand, then a share of a metric. Each source shows only its own fields.
    reach = form.sections["reach"]
    assert not reach.form.isRowVisible(f["reach_manual"].editor) and not reach.form.isRowVisible(f["metric_id"].editor)
    step("reach_mode", lambda: choose(f["reach_mode"], "manual"), "manual", show="Manual")
    assert reach.form.isRowVisible(f["reach_manual"].editor)
    step("reach_manual", lambda: type_in(qtbot, f["reach_manual"], "500"), 500, show="500")
    count = ctx.undo_stack.count()
    choose(f["reach_mode"], "metric")  # no metric chosen yet: nothing is saved until one is
    assert ctx.undo_stack.count() == count and stored(backlog, item_id, "reach_mode") == "manual"
    assert reach.form.isRowVisible(f["metric_id"].editor) and reach.form.isRowVisible(f["metric_share"].editor)
    assert not reach.form.isRowVisible(f["reach_manual"].editor)
    step("metric_id", lambda: choose(f["metric_id"], wau), wau, show="WAU", also=("reach_mode",))
    assert stored(backlog, item_id, "reach_mode") == "metric"
    assert window.undo_action.text() == "&Undo Set reach source of “Single sign-on” to Metric: WAU"
    step("metric_share", lambda: type_in(qtbot, f["metric_share"], "25"), 0.25, show="25")

    # The estimates of every method, and the ranges of the stability check.
    step("impact", lambda: choose(f["impact"], 2.0), 2.0, show="2 — high")
    step("confidence", lambda: type_in(qtbot, f["confidence"], "80%"), 80, show="80")
    step("effort", lambda: type_in(qtbot, f["effort"], "2.5"), 2.5, show="2.5")
    qtbot.waitUntil(lambda: row(backlog, item_id)["score"] is not None)
    assert row(backlog, item_id)["reach"] == 1350  # 25 % of the metric's latest 5,400
    step("value", lambda: type_in(qtbot, f["value"], "7"), 7, show="7")
    form.sections["ranges"].set_expanded(True)
    step("impact_low", lambda: choose(f["impact_low"], 1.0), 1.0)
    step("impact_high", lambda: choose(f["impact_high"], 3.0), 3.0)
    step("confidence_low", lambda: type_in(qtbot, f["confidence_low"], "50"), 50, show="50")
    step("confidence_high", lambda: type_in(qtbot, f["confidence_high"], "90"), 90, show="90")
    step("effort_low", lambda: type_in(qtbot, f["effort_low"], "2"), 2, show="2")
    step("effort_high", lambda: type_in(qtbot, f["effort_high"], "4"), 4, show="4")
    form.sections["ice"].set_expanded(True)
    step("ice_impact", lambda: type_in(qtbot, f["ice_impact"], "7"), 7, show="7")
    step("ice_confidence", lambda: type_in(qtbot, f["ice_confidence"], "6"), 6, show="6")
    step("ice_ease", lambda: type_in(qtbot, f["ice_ease"], "5"), 5, show="5")
    form.sections["wsjf"].set_expanded(True)
    step("wsjf_value", lambda: type_in(qtbot, f["wsjf_value"], "8"), 8, show="8")
    assert window.undo_action.text() == "&Undo Set business value of “Single sign-on” to 8"
    step("wsjf_time", lambda: type_in(qtbot, f["wsjf_time"], "5"), 5, show="5")
    step("wsjf_risk", lambda: type_in(qtbot, f["wsjf_risk"], "3"), 3, show="3")
    step("wsjf_size", lambda: choose(f["wsjf_size"], 5.0), 5, show="5")
    step("effort", lambda: type_in(qtbot, f["effort"], ""), None, show="")  # blank again: not estimated

    # Edit ▸ Undo takes each back, newest first, and the fields show it.
    for key, was, _now in reversed(steps):
        ctx.undo_stack.undo()
        settle(qtbot, backlog)
        for name, value in was.items():
            assert stored(backlog, item_id, name) == value, name
    after = ops.get_item(ctx.ws, item_id)
    assert {k: after[k] for k in ops.ITEM_FIELDS} == {k: before[k] for k in ops.ITEM_FIELDS}
    assert shown(f["title"]) == "SSO" and backlog.detail.title.text() == "SSO"
    assert shown(f["theme"]) == "" and shown(f["owner"]) == "" and shown(f["lane_id"]) == "Not planned"
    assert shown(f["reach_mode"]) == "Requests" and shown(f["effort"]) == ""


def test_a_refused_value_shows_the_cores_message_and_the_field_goes_back(qtbot, backlog, form, monkeypatch, messages):
    item_id = new_item(qtbot, backlog, monkeypatch, "Audit log")
    ctx = backlog.ctx
    type_in(qtbot, form.fields["confidence"], "60")
    settle(qtbot, backlog)
    count = ctx.undo_stack.count()

    type_in(qtbot, form.fields["confidence"], "150")
    assert messages and "Confidence is a percentage from 0 to 100" in messages[-1]["text"]
    assert shown(form.fields["confidence"]) == "60"
    assert stored(backlog, item_id, "confidence") == 60 and ctx.undo_stack.count() == count

    type_in(qtbot, form.fields["title"], "")
    assert messages[-1]["text"] == "An item needs a title."
    assert shown(form.fields["title"]) == "Audit log"

    type_in(qtbot, form.fields["start_date"], "next week")
    assert "Start date must be a date like 2026-04-01" in messages[-1]["text"]
    assert shown(form.fields["start_date"]) == ""
    assert ctx.undo_stack.count() == count


def test_a_refresh_while_typing_keeps_the_text_and_saves_nothing(qtbot, backlog, form, monkeypatch):
    item_id = new_item(qtbot, backlog, monkeypatch, "Dark mode")
    ctx = backlog.ctx
    count = ctx.undo_stack.count()
    type_in(qtbot, form.fields["title"], "Dark mode for the editor", commit=False)  # still in the field
    # Another window changes the same item meanwhile: every view refreshes.
    ops.edit_item(ctx.ws, item_id, effort=3, theme="Look and feel")
    ctx.broadcast(ops.Changes.all())
    backlog.refresh()
    settle(qtbot, backlog)
    assert shown(form.fields["title"]) == "Dark mode for the editor"
    assert shown(form.fields["effort"]) == "3" and shown(form.fields["theme"]) == "Look and feel"  # the rest is fresh
    assert stored(backlog, item_id, "title") == "Dark mode" and ctx.undo_stack.count() == count  # no edit fired
    qtbot.keyClick(form.fields["title"].editor, Qt.Key_Return)
    assert stored(backlog, item_id, "title") == "Dark mode for the editor"
    assert ctx.undo_stack.count() == count + 1


def test_typing_then_clicking_another_item_saves_it_for_the_item_it_was_typed_for(qtbot, window, backlog, form,
                                                                                    monkeypatch):
    first = new_item(qtbot, backlog, monkeypatch, "Gantt chart")
    second = new_item(qtbot, backlog, monkeypatch, "Time tracking")
    backlog.select_item(first)
    qtbot.waitUntil(lambda: backlog.detail.item_id == first)
    window.activateWindow()
    type_in(qtbot, form.fields["owner"], "Platform team", commit=False)
    type_in(qtbot, form.fields["effort"], "4", commit=False)
    rect = backlog.table.visualRect(backlog.model.index(backlog.model.row_of(second), KEYS.index("title")))
    qtbot.mouseClick(backlog.table.viewport(), Qt.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: backlog.detail.item_id == second)
    settle(qtbot, backlog)
    assert stored(backlog, first, "owner") == "Platform team" and stored(backlog, first, "effort") == 4
    assert stored(backlog, second, "owner") is None and stored(backlog, second, "effort") is None
    assert shown(form.fields["owner"]) == "" and shown(form.fields["title"]) == "Time tracking"


def test_closing_the_window_while_typing_saves_what_was_typed(qtbot, window, backlog, form, monkeypatch, ws):
    item_id = new_item(qtbot, backlog, monkeypatch, "Webhooks")
    type_in(qtbot, form.fields["description"], "Outgoing, signed", commit=False)
    window.close()
    assert ops.get_item(ws, item_id)["description"] == "Outgoing, signed"


def test_tab_walks_the_fields_in_order(qtbot, window, backlog, form, monkeypatch):
    new_item(qtbot, backlog, monkeypatch, "Zapier app")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    form.fields["title"].editor.setFocus()
    walked = []
    for _ in range(9):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        focus = QApplication.focusWidget()
        walked.append(next(k for k, fld in form.fields.items() if fld.editor is focus or fld.editor.isAncestorOf(focus)))
    assert walked == ["description", "kind", "status", "theme", "tags", "owner", "lane_id", "start_date", "end_date"]


def test_the_owner_field_offers_the_owners_in_use(qtbot, backlog, form, monkeypatch):
    item_id = new_item(qtbot, backlog, monkeypatch, "Recurring tasks")
    other = ops.add_item(backlog.ctx.ws, title="Task dependencies", owner="Core team")
    backlog.ctx.broadcast(other.changes)
    form.fields["owner"].editor.setFocus()
    completer = form.fields["owner"].editor.completer()
    qtbot.waitUntil(lambda: completer.model().stringList() == ["Core team"])
    qtbot.keyClicks(form.fields["owner"].editor, "co")
    completer.activated.emit("Core team")  # picked from the list: saved at once
    assert stored(backlog, item_id, "owner") == "Core team"


def test_escape_takes_back_what_was_typed(qtbot, backlog, form, monkeypatch):
    item_id = new_item(qtbot, backlog, monkeypatch, "Dark mode")
    type_in(qtbot, form.fields["effort"], "3")
    type_in(qtbot, form.fields["effort"], "12", commit=False)
    qtbot.keyClick(form.fields["effort"].line, Qt.Key_Escape)
    assert shown(form.fields["effort"]) == "3"
    form.fields["title"].editor.setFocus()  # leaving the field saves nothing more
    assert stored(backlog, item_id, "effort") == 3 and backlog.ctx.undo_stack.count() == 2


def test_wsjf_shows_its_inputs_in_the_backlog_and_every_item_is_scored_once_they_are_entered(
        qtbot, window, backlog, form, monkeypatch):
    ctx = backlog.ctx
    titles = ["Bulk edit", "CSV export", "Slack digest"]
    ids = [new_item(qtbot, backlog, monkeypatch, title) for title in titles]
    ctx.runner.run(window, "Change scoring method", lambda ws: ops.change_scoring(ws, method="wsjf"))
    qtbot.waitUntil(lambda: backlog.model.method == "wsjf")
    settle(qtbot, backlog)

    table = backlog.table
    headers = [backlog.model.headerData(c, Qt.Horizontal) for c in range(len(KEYS)) if not table.isColumnHidden(c)]
    assert {"Business value", "Time criticality", "Risk reduction", "Job size"} <= set(headers)
    for method, keys in METHOD_INPUTS.items():
        if method != "wsjf":
            assert all(table.isColumnHidden(KEYS.index(k)) for k in keys if k not in METHOD_INPUTS["wsjf"]), method
    # Unscored items say what they lack.
    score = backlog.model.index(backlog.model.row_of(ids[0]), KEYS.index("score"))
    assert score.data() == "—" and "WSJF job size missing" in score.data(Qt.ToolTipRole)
    # The panel puts the WSJF section first, open, and folds the other methods' away.
    assert form.order[0] == "wsjf" and form.sections["wsjf"].is_expanded()
    assert not form.sections["ice"].is_expanded() and not form.sections["estimates"].is_expanded()

    sizes = [5.0, 8.0, 13.0]
    for n, item_id in enumerate(ids):
        for key, value in {"wsjf_value": 8 + n, "wsjf_time": 5 + n, "wsjf_risk": 3 + n, "wsjf_size": sizes[n]}.items():
            index = backlog.model.index(backlog.model.row_of(item_id), KEYS.index(key))
            table.setCurrentIndex(index)
            table.edit(index)
            editor = QApplication.focusWidget()
            if isinstance(editor, QComboBox):
                assert [editor.itemData(i) for i in range(editor.count())] == [float(s) for s in ops.WSJF_SIZES]
                editor.setCurrentIndex(editor.findData(value))
            else:
                assert isinstance(editor, QSpinBox) and (editor.minimum(), editor.maximum()) == (1, 20)
                editor.setValue(value)
            qtbot.keyClick(editor, Qt.Key_Return)
            qtbot.waitUntil(lambda: stored(backlog, item_id, key) == value)
    settle(qtbot, backlog)
    assert window.undo_action.text() == "&Undo Set job size of “Slack digest” to 13"
    scores = [backlog.model.index(r, KEYS.index("score")).data() for r in range(backlog.model.rowCount())]
    assert len(scores) == 3 and "—" not in scores
    assert row(backlog, ids[0])["score"] == pytest.approx((8 + 5 + 3) / 5)
    assert backlog.model.index(backlog.model.row_of(ids[2]), KEYS.index("wsjf_size")).data() == "13"

    ctx.runner.run(window, "Change scoring method", lambda ws: ops.change_scoring(ws, method="ice"))
    qtbot.waitUntil(lambda: backlog.model.method == "ice")
    shown_keys = [k for c, k in enumerate(KEYS) if not table.isColumnHidden(c)]
    assert {"ice_impact", "ice_confidence", "ice_ease"} <= set(shown_keys)
    assert not {"wsjf_value", "reach", "impact", "effort"} & set(shown_keys)
    assert form.order[0] == "ice"


def test_with_rice_a_reach_typed_in_the_table_becomes_the_items_own_reach(qtbot, backlog, form, monkeypatch):
    typed = new_item(qtbot, backlog, monkeypatch, "Offline mode")
    settle(qtbot, backlog)
    asked = new_item(qtbot, backlog, monkeypatch, "Dark mode")
    model = backlog.model
    assert [k for c, k in enumerate(KEYS) if k in METHOD_INPUTS["rice"] and not backlog.table.isColumnHidden(c)] == [
        "reach", "impact", "confidence", "effort"]
    assert backlog.table.isColumnHidden(KEYS.index("value"))
    assert stored(backlog, typed, "reach_mode") == "requests" == stored(backlog, asked, "reach_mode")
    cell = model.index(model.row_of(typed), KEYS.index("reach"))
    assert model.flags(cell) & Qt.ItemIsEditable
    assert model.setData(cell, 1200.0)
    assert stored(backlog, typed, "reach_manual") == 1200 and stored(backlog, typed, "reach_mode") == "manual"
    assert stored(backlog, asked, "reach_mode") == "requests"  # still counted from its requests
    assert backlog.window().undo_action.text() == "&Undo Set reach of “Offline mode” to 1200"
    settle(qtbot, backlog)
    assert model.index(model.row_of(typed), KEYS.index("reach")).data() == "1,200"
    backlog.select_item(typed)
    qtbot.waitUntil(lambda: backlog.detail.item_id == typed)
    assert form.fields["reach_manual"].line.text() == "1200"
    backlog.window().undo_action.trigger()
    assert stored(backlog, typed, "reach_mode") == "requests" and stored(backlog, typed, "reach_manual") is None
