"""The backlog driven as a user would: edit estimates, bulk edit, search, sort, pin, delete, undo."""

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox

from planner import ops
from ui.backlog import KEYS, NO_LANE, BacklogModel, BacklogView, BulkEditDialog, PinDialog
from ui.backlog import view as backlog_view
from ui.import_wizard import ImportWizard


def col(key):
    return KEYS.index(key)


def rank_of(view, item_id):
    return view.model.row_dict(view.model.row_of(item_id))["rank"]


def pick(view, predicate):
    for row in view.model.rows():
        if predicate(row):
            return row
    raise AssertionError("no such row")


def test_backlog_shows_scored_items_best_first(backlog, demo_ws):
    rows = backlog.model.rows()
    assert len(rows) == len(ops.list_items(demo_ws))
    ranks = [r["rank"] for r in rows]
    ranked = [r for r in ranks if r is not None]
    assert ranks == ranked + [None] * (len(ranks) - len(ranked))  # unscored items last
    assert ranked == sorted(ranked)
    assert rows[0]["score"] is not None
    title = backlog.model.index(0, col("title")).data()
    assert title == rows[0]["title"]
    # The score's tooltip explains it.
    assert backlog.model.index(0, col("score")).data(Qt.ToolTipRole)


def test_editing_effort_inline_moves_the_row_to_its_new_rank_and_undo_puts_it_back(qtbot, window, backlog):
    row = pick(backlog, lambda r: r["score"] is not None and r["rank"] > 8 and not r.get("pinned_rank")
               and (r.get("effort") or 0) >= 1)
    item_id, old_rank, title, old_effort = row["id"], row["rank"], row["title"], row["effort"]
    backlog.select_item(item_id)
    index = backlog.model.index(backlog.model.row_of(item_id), col("effort"))
    backlog.table.setCurrentIndex(index)
    backlog.table.edit(index)
    editor = backlog.table.findChild(QDoubleSpinBox)
    assert editor is not None
    editor.setValue(0.1)
    qtbot.keyClick(editor, Qt.Key_Return)
    qtbot.waitUntil(lambda: rank_of(backlog, item_id) < old_rank, timeout=3000)

    assert ops.get_item(backlog.ctx.ws, item_id)["effort"] == 0.1
    assert backlog.current_id() == item_id  # the selection followed the item
    assert window.undo_action.text() == f"&Undo Set effort of “{title}” to 0.1"

    window.undo_action.trigger()
    qtbot.waitUntil(lambda: rank_of(backlog, item_id) == old_rank, timeout=3000)
    assert ops.get_item(backlog.ctx.ws, item_id)["effort"] == old_effort
    assert backlog.current_id() == item_id
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: rank_of(backlog, item_id) < old_rank, timeout=3000)


def test_impact_is_chosen_from_the_rice_scale(qtbot, backlog):
    row = pick(backlog, lambda r: r.get("impact") == 1.0)
    index = backlog.model.index(backlog.model.row_of(row["id"]), col("impact"))
    backlog.table.setCurrentIndex(index)
    backlog.table.edit(index)
    combos = [c for c in backlog.table.findChildren(QComboBox) if c.isVisible()]
    editor = combos[-1]
    assert [editor.itemData(i) for i in range(editor.count())] == list(ops.IMPACTS)
    editor.setCurrentIndex(editor.findData(3.0))
    qtbot.keyClick(editor, Qt.Key_Return)
    qtbot.waitUntil(lambda: backlog.model.row_dict(backlog.model.row_of(row["id"]))["impact"] == 3.0, timeout=3000)
    assert "massive" in backlog.model.index(backlog.model.row_of(row["id"]), col("impact")).data()


def test_confidence_and_status_edit_through_the_model(qtbot, backlog):
    row = pick(backlog, lambda r: r.get("status") == "idea" and r.get("confidence") != 30.0)
    r = backlog.model.row_of(row["id"])
    assert backlog.model.setData(backlog.model.index(r, col("confidence")), 30.0)
    qtbot.waitUntil(lambda: ops.get_item(backlog.ctx.ws, row["id"])["confidence"] == 30.0)
    r = backlog.model.row_of(row["id"])
    assert backlog.model.setData(backlog.model.index(r, col("status")), "candidate")
    qtbot.waitUntil(lambda: backlog.model.row_dict(backlog.model.row_of(row["id"]))["status"] == "candidate")
    assert backlog.ctx.undo_stack.count() == 2


def test_an_invalid_estimate_shows_why_and_changes_nothing(qtbot, backlog, messages, dump):
    before = dump(backlog.ctx.ws)
    assert not backlog.edit_field(backlog.model.item_id(0), "confidence", 150)
    assert messages and "Confidence" in messages[-1]["text"]
    assert backlog.ctx.undo_stack.count() == 0
    assert dump(backlog.ctx.ws) == before


def test_bulk_edit_sets_status_lane_and_theme_in_one_undo_step(qtbot, window, backlog, monkeypatch):
    lane = next(l for l in ops.list_lanes(backlog.ctx.ws) if l["kind"] == "horizon")

    def fill_and_accept(dialog):
        dialog.use_status.setChecked(True)
        dialog.status.setCurrentIndex(dialog.status.findData("planned"))
        dialog.use_lane.setChecked(True)
        dialog.lane.setCurrentIndex(dialog.lane.findData(lane["id"]))
        dialog.use_theme.setChecked(True)
        dialog.theme.setCurrentText("Q-focus")
        return QDialog.Accepted

    monkeypatch.setattr(BulkEditDialog, "exec", fill_and_accept)
    ids = [backlog.model.item_id(r) for r in (0, 2, 4)]
    before = {i: ops.get_item(backlog.ctx.ws, i) for i in ids}
    backlog.table.clearSelection()
    for r in (0, 2, 4):
        backlog.table.selectionModel().select(backlog.model.index(r, 0),
                                              QItemSelectionModel.Select | QItemSelectionModel.Rows)
    assert sorted(backlog.selected_ids()) == sorted(ids)
    backlog.bulk_action.trigger()
    qtbot.waitUntil(lambda: all(backlog.model.row_dict(backlog.model.row_of(i))["status"] == "planned" for i in ids))
    for i in ids:
        item = ops.get_item(backlog.ctx.ws, i)
        assert (item["status"], item["lane_id"], item["theme"]) == ("planned", lane["id"], "Q-focus")
    assert sorted(backlog.selected_ids()) == sorted(ids)  # still selected after the rescore
    assert "3 items" in window.undo_action.text()

    window.undo_action.trigger()
    qtbot.waitUntil(lambda: ops.get_item(backlog.ctx.ws, ids[0])["status"] == before[ids[0]]["status"])
    for i in ids:
        item = ops.get_item(backlog.ctx.ws, i)
        assert (item["status"], item["lane_id"], item["theme"]) == (
            before[i]["status"], before[i]["lane_id"], before[i]["theme"])


def test_search_is_instant_and_filters_combine(qtbot, backlog):
    total = backlog.model.rowCount()
    qtbot.keyClicks(backlog.filters.search, "export")
    titles = [r["title"] for r in backlog.model.rows()]
    assert titles and all("export" in (t + str(r.get("theme"))).lower() for t, r in zip(titles, backlog.model.rows()))
    assert "of" in backlog.count.text()
    backlog.filters.search.clear()
    assert backlog.model.rowCount() == total

    backlog.filters.status_filter.setCurrentIndex(backlog.filters.status_filter.findData("planned"))
    assert backlog.model.rowCount() and all(r["status"] == "planned" for r in backlog.model.rows())
    backlog.filters.status_filter.setCurrentIndex(0)

    backlog.filters.kind_filter.setCurrentIndex(backlog.filters.kind_filter.findData("bug"))
    assert backlog.model.rowCount() and all(r["kind"] == "bug" for r in backlog.model.rows())
    backlog.filters.kind_filter.setCurrentIndex(0)

    theme = backlog.filters.theme_filter.itemData(1)
    backlog.filters.theme_filter.setCurrentIndex(1)
    assert backlog.model.rowCount() and all(r["theme"] == theme for r in backlog.model.rows())
    backlog.filters.theme_filter.setCurrentIndex(0)

    backlog.filters.lane_filter.setCurrentIndex(backlog.filters.lane_filter.findData(NO_LANE))
    assert all(r.get("lane") is None for r in backlog.model.rows())
    backlog.filters.lane_filter.setCurrentIndex(0)

    backlog.filters.single_filter.setChecked(True)
    assert all(r["single_customer"] for r in backlog.model.rows())
    backlog.filters.single_filter.setChecked(False)
    assert backlog.model.rowCount() == total


def test_escape_clears_the_search_and_ctrl_f_focuses_it(qtbot, window, backlog):
    window.find_action.trigger()
    assert window.focusWidget() is backlog.filters.search
    qtbot.keyClicks(backlog.filters.search, "zzz-nothing")
    assert backlog.model.rowCount() == 0
    qtbot.keyClick(backlog.filters.search, Qt.Key_Escape)
    assert backlog.filters.search.text() == ""


def test_clicking_a_header_sorts_in_the_model_and_keeps_the_selection(qtbot, backlog):
    item_id = backlog.model.item_id(5)
    backlog.select_item(item_id)
    header = backlog.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.LeftButton, pos=QPoint(header.sectionViewportPosition(col("title")) + 20, 5))
    titles = [r["title"].casefold() for r in backlog.model.rows()]
    assert titles == sorted(titles)
    assert backlog.current_id() == item_id
    backlog.table.sortByColumn(col("score"), Qt.DescendingOrder)
    scores = [r["score"] for r in backlog.model.rows() if r["score"] is not None]
    assert scores == sorted(scores, reverse=True)
    rows = backlog.model.rows()
    unscored = [r for r in rows if r["score"] is None]
    assert rows[len(rows) - len(unscored):] == unscored  # items without a score come last, whichever way it sorts


def test_delete_and_undo_restore_the_item_and_its_links(qtbot, window, backlog, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)  # "requests will go back to the inbox"
    row = pick(backlog, lambda r: (r.get("requests") or 0) > 3)
    links = len(ops.list_requests(backlog.ctx.ws, item_id=row["id"]))
    backlog.select_item(row["id"])
    window.activateWindow()
    backlog.table.setFocus()
    qtbot.keyClick(backlog.table, Qt.Key_Delete)
    qtbot.waitUntil(lambda: backlog.model.row_of(row["id"]) is None)
    assert window.undo_action.text() == f"&Undo Delete “{row['title']}”"
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: backlog.model.row_of(row["id"]) is not None)
    assert len(ops.list_requests(backlog.ctx.ws, item_id=row["id"])) == links


def test_pin_with_rationale_shows_in_the_detail_panel_and_unpin_undoes(qtbot, window, backlog, monkeypatch):
    row = pick(backlog, lambda r: r["rank"] > 10)

    def pin_at_two(dialog):
        assert not dialog.buttons.button(QDialogButtonBox.Ok).isEnabled()  # no reason, no pin
        dialog.rank.setValue(2)
        dialog.rationale.setPlainText("Contract commitment to Acme")
        return QDialog.Accepted

    monkeypatch.setattr(PinDialog, "exec", pin_at_two)
    backlog.select_item(row["id"])
    backlog.detail.pin_button.click()
    qtbot.waitUntil(lambda: rank_of(backlog, row["id"]) == 2)
    assert "Contract commitment to Acme" in backlog.detail.pin_text.text()
    assert backlog.model.index(backlog.model.row_of(row["id"]), col("pinned")).data()
    backlog.detail.unpin_button.click()
    qtbot.waitUntil(lambda: rank_of(backlog, row["id"]) == row["rank"])
    assert ops.get_item(backlog.ctx.ws, row["id"])["pin_rationale"] is None
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: rank_of(backlog, row["id"]) == 2)


def test_detail_panel_lists_linked_requests_and_their_companies(backlog):
    row = pick(backlog, lambda r: (r.get("requests") or 0) > 3)
    backlog.select_item(row["id"])
    panel = backlog.detail
    assert panel.title.text() == row["title"]
    requests = panel.requests_model.rows
    assert requests and all(r["id"] for r in requests)
    assert "companies" in panel.demand.text()
    assert panel.explanation.text()


def test_scoring_settings_rescore_at_once_and_undo(qtbot, window, backlog):
    dialog = window.open_scoring_settings()
    dialog.method.setCurrentIndex(dialog.method.findData("value-effort"))
    dialog.window_days.setValue(90)
    assert dialog.apply()
    qtbot.waitUntil(lambda: backlog.model.rows()[0].get("method") == "value-effort")
    assert "Change scoring method, time window" in window.undo_action.text()
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: backlog.model.rows()[0].get("method") == "rice")
    dialog.close()


def test_scoring_settings_segment_and_weights(qtbot, window, backlog):
    from planner.scoring import get_scoring_settings

    dialog = window.open_scoring_settings()
    assert dialog.segment.count() > 1
    dialog.segment.setCurrentIndex(1)
    dialog.weights["critical"].setValue(5)
    dialog.buttons.button(QDialogButtonBox.Ok).click()
    settings = get_scoring_settings(backlog.ctx.ws)
    assert settings["segment"] == dialog.segment.itemData(1)
    assert settings["importance_weights"]["critical"] == 5


def test_background_rescore_when_scoring_is_slow(qtbot, backlog):
    backlog.last_refresh_s = 10  # pretend the last rescore was slow
    item_id = backlog.model.item_id(3)
    backlog.select_item(item_id)
    backlog.refresh()
    assert "Rescoring…" in backlog.count.text()
    qtbot.waitUntil(lambda: "Rescoring…" not in backlog.count.text(), timeout=10000)
    assert backlog.current_id() == item_id
    assert backlog.model.rows()[0]["score"] is not None


def test_a_big_workspace_lists_its_items_first_and_scores_follow(qtbot, ctx, demo_ws, monkeypatch, messages):
    monkeypatch.setattr(backlog_view, "BIG_WORKSPACE", 10)
    view = BacklogView(ctx)
    qtbot.addWidget(view)
    assert view.model.rowCount() == len(ops.list_items(demo_ws))
    assert all(r.get("score") is None for r in view.model.rows())
    assert "Rescoring…" in view.count.text()
    qtbot.waitUntil(lambda: "Rescoring…" not in view.count.text(), timeout=10000)
    assert view.model.rows()[0]["score"] is not None
    ranked = [r["rank"] for r in view.model.rows() if r["rank"] is not None]
    assert ranked and ranked == sorted(ranked)


@pytest.mark.parametrize("which", ["backlog", "requests"])
def test_models_pass_qtmodeltester(qtmodeltester, backlog, which):
    if which == "backlog":
        qtmodeltester.check(backlog.model)
        backlog.model.set_filter(text="a")
        qtmodeltester.check(backlog.model)
        model = BacklogModel()
        model.set_rows([])
        qtmodeltester.check(model)
    else:
        row = pick(backlog, lambda r: (r.get("requests") or 0) > 0)
        backlog.select_item(row["id"])
        qtmodeltester.check(backlog.detail.requests_model)


def test_model_sort_puts_blanks_last_both_ways():
    model = BacklogModel()
    model.set_rows([{"id": 1, "title": "b", "score": 2.0}, {"id": 2, "title": "a", "score": None},
                    {"id": 3, "title": "C", "score": 5.0}])
    model.sort(col("score"), Qt.AscendingOrder)
    assert [r["id"] for r in model.rows()] == [1, 3, 2]
    model.sort(col("score"), Qt.DescendingOrder)
    assert [r["id"] for r in model.rows()] == [3, 1, 2]
    model.sort(col("title"), Qt.AscendingOrder)
    assert [r["id"] for r in model.rows()] == [2, 1, 3]


def test_an_edit_shows_at_once_while_a_slow_rescore_runs(qtbot, backlog):
    backlog.last_refresh_s = 10  # as on a big workspace: rescoring goes to the background
    row = pick(backlog, lambda r: r.get("effort") not in (None, 7.0))
    assert backlog.edit_field(row["id"], "effort", 7.0)
    cell = backlog.model.index(backlog.model.row_of(row["id"]), col("effort"))
    assert cell.data() == "7"
    qtbot.waitUntil(lambda: "Rescoring…" in backlog.count.text())
    qtbot.waitUntil(lambda: "Rescoring…" not in backlog.count.text(), timeout=10000)
    assert backlog.model.row_dict(backlog.model.row_of(row["id"]))["effort"] == 7.0


def test_delete_key_in_a_cell_editor_edits_the_text_not_the_backlog(qtbot, window, backlog):
    from PySide6.QtWidgets import QSpinBox

    item_id = backlog.model.item_id(0)
    index = backlog.model.index(0, col("confidence"))
    backlog.table.setCurrentIndex(index)
    backlog.table.edit(index)
    editor = backlog.table.findChild(QSpinBox)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key_Delete)
    qtbot.wait(20)
    assert backlog.model.row_of(item_id) is not None
    assert backlog.ctx.undo_stack.count() == 0


def test_a_burst_of_changes_during_a_slow_rescore_costs_two_runs_and_shows_the_last(qtbot, backlog, monkeypatch):
    import threading

    runs = []
    first_read = threading.Event()  # the first rescore has read the workspace (with the first edit only)
    edits_done = threading.Event()  # and hands its answer back only after every edit: it is stale by then
    real_load_rows = backlog_view.load_rows

    def counted(ws):
        runs.append(1)
        rows = real_load_rows(ws)
        if len(runs) == 1:
            first_read.set()
            edits_done.wait(10)
        return rows

    monkeypatch.setattr(backlog_view, "load_rows", counted)
    backlog.last_refresh_s = 10  # as on a big workspace: rescoring goes to the background
    row = pick(backlog, lambda r: r.get("effort") not in (None, 5.0, 6.0, 7.0))
    for effort in (5.0, 6.0, 7.0):
        ops.edit_item(backlog.ctx.ws, row["id"], effort=effort)
        backlog.refresh()
        if effort == 5.0:
            assert first_read.wait(10)
    edits_done.set()
    assert backlog.scores_pending and "Rescoring…" in backlog.count.text()
    qtbot.waitUntil(lambda: not backlog.scores_pending, timeout=10000)
    assert len(runs) == 2  # the first run, then the newest request once: the middle one never ran
    assert backlog.model.row_dict(backlog.model.row_of(row["id"]))["effort"] == 7.0  # the stale answer was dropped
    assert "Rescoring…" not in backlog.count.text()


def test_a_new_workspace_during_a_slow_rescore_shows_its_own_items(qtbot, backlog, tmp_path):
    from planner.storage import open_workspace

    backlog.last_refresh_s = 10
    backlog.refresh()
    assert backlog.scores_pending
    other = open_workspace(tmp_path / "other.db")
    ops.add_item(other, title="Only in the other workspace")
    backlog.ctx.replace_workspace(other)
    qtbot.waitUntil(lambda: [r["title"] for r in backlog.model.rows()] == ["Only in the other workspace"], timeout=10000)
    qtbot.waitUntil(lambda: not backlog.scores_pending, timeout=10000)
    assert "Rescoring…" not in backlog.count.text()


def test_a_chosen_theme_that_disappears_falls_back_to_all_themes(backlog):
    themes = backlog.filters.theme_filter
    gone = themes.itemData(1)
    themes.setCurrentIndex(1)
    assert backlog.model.rowCount() < backlog.model.total()
    for row in backlog.model.rows():
        ops.edit_item(backlog.ctx.ws, row["id"], theme="Renamed")
    backlog.refresh()
    assert themes.currentData() is None
    assert backlog.model.rowCount() == backlog.model.total()
    assert themes.findData(gone) < 0 and themes.findData("Renamed") > 0


def test_ctrl_n_opens_the_new_item_form_which_needs_only_a_title_and_the_item_is_selected_and_undoable(
        qtbot, window, backlog, demo_ws, monkeypatch):
    from PySide6.QtWidgets import QDialog, QDialogButtonBox

    from ui.backlog.new_item import NewItemDialog

    def fill(dialog):
        ok = dialog.buttons.button(QDialogButtonBox.Ok)
        assert not ok.isEnabled()  # nothing to add without a title
        dialog.title.setText("  Slack digest of new requests ")
        dialog.effort.setValue(2)
        dialog.lane.setCurrentIndex(dialog.lane.findText("2027 Q1", Qt.MatchStartsWith))
        assert ok.isEnabled() and ok.text() == "Add Item"
        return QDialog.Accepted

    monkeypatch.setattr(NewItemDialog, "exec", fill)
    window.show_view(2)  # from another view: Ctrl+N comes back to the backlog
    before = len(ops.list_items(demo_ws))
    qtbot.keyClick(window, Qt.Key_N, Qt.ControlModifier)
    made = ops.list_items(demo_ws)[-1]
    assert len(ops.list_items(demo_ws)) == before + 1
    assert (made["title"], made["effort"], made["lane"], made["kind"], made["status"]) == (
        "Slack digest of new requests", 2, "2027 Q1", "feature", "idea")
    assert window.current_view_key() == "backlog"
    qtbot.waitUntil(lambda: backlog.current_id() == made["id"])  # selected once the rescore lists it
    assert window.undo_action.text() == "&Undo Add item “Slack digest of new requests”"
    window.undo_action.trigger()
    assert len(ops.list_items(demo_ws)) == before


def test_deleting_an_item_with_requests_asks_first_and_says_what_happened(qtbot, window, backlog, demo_ws, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    item_id = backlog.model.item_id(0)
    linked = len(ops.list_requests(demo_ws, item_id=item_id))
    assert linked > 0
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.No)
    assert not backlog.delete_items([item_id])
    assert f"{linked} linked requests will go back to the inbox" in asked[0]
    assert ops.get_item(demo_ws, item_id)  # still there
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    assert backlog.delete_items([item_id])
    assert window.statusBar().currentMessage() == f"Deleted 1 item(s); {linked} requests went back to the inbox."
    window.undo_action.trigger()
    assert len(ops.list_requests(demo_ws, item_id=item_id)) == linked


def test_an_empty_backlog_offers_its_own_new_item_button(qtbot, make_window, tmp_path):
    from planner.storage import open_workspace

    empty = make_window(open_workspace(tmp_path / "empty.db"))
    assert empty.backlog.empty_hint.isVisible() and empty.backlog.new_item_button.text() == "New Item…"
    qtbot.mouseClick(empty.backlog.import_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: empty.findChild(ImportWizard) is not None, timeout=3000)
    wizard = empty.findChild(ImportWizard)
    assert wizard.isVisible()
    assert wizard.windowTitle() == "Import"
    wizard.reject()
    ops.add_item(empty.ctx.ws, title="First")
    empty.ctx.broadcast(ops.Changes.all())
    qtbot.waitUntil(lambda: not empty.backlog.empty_hint.isVisible(), timeout=3000)


def test_an_edit_that_changes_nothing_is_no_step_to_undo(window, backlog, demo_ws):
    item_id = backlog.model.item_id(0)
    status = ops.get_item(demo_ws, item_id)["status"]
    assert backlog.bulk_edit([item_id], {"status": status})  # done, and nothing to take back
    assert window.ctx.undo_stack.count() == 0 and not window.undo_action.isEnabled()
