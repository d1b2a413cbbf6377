"""Scoring Settings ▸ Your own formula: checked as typed, previewed on the workspace's items, refused when wrong."""

from planner import ops
from planner.scoring import get_scoring_settings

RICE = "reach * impact * confidence / effort"


def _intercom_window(make_window, ws):
    ops.add_item(ws, title="A", reach=450, impact=3, confidence=100, effort=2)
    ops.add_item(ws, title="B", reach=2000, impact=1, confidence=80, effort=4)
    ops.add_item(ws, title="C", reach=800, impact=2, confidence=50, effort=1)
    return make_window(ws)


def _choose_custom(dialog):
    dialog.method.setCurrentIndex(dialog.method.findData("custom"))


def test_the_formula_is_checked_as_typed_and_previewed(qtbot, make_window, ws):
    window = _intercom_window(make_window, ws)
    dialog = window.open_scoring_settings()
    assert not dialog.formula_box.isVisible()
    assert dialog.method.itemText(dialog.method.findData("custom")) == "Your own formula"
    _choose_custom(dialog)
    assert dialog.formula_box.isVisible()
    assert dialog.formula_message.text() == "Write a formula, such as reach * impact * confidence / effort."
    qtbot.keyClicks(dialog.formula, "reach * impact * confidence / efort")
    assert dialog.formula_message.text() == "Unknown factor 'efort' at 31–35; did you mean effort?"
    dialog.formula.setText(RICE)
    qtbot.waitUntil(lambda: dialog.formula_message.text() == "Scores: 800, 675, 400 for the top items.")
    dialog.formula.setText("reach / (impact - 1)")
    # B's impact is 1: it divides by zero and has no score, so two items are scored
    qtbot.waitUntil(lambda: dialog.formula_message.text() == "Scores: 800, 225 for the top items.")
    dialog.formula.setText("reach * __import__('os')")
    assert dialog.formula_message.text() == "'__import__' at 9–18 is not a factor or a function."
    dialog.close()


def test_the_factors_are_listed_beside_the_field(make_window, ws):
    dialog = _intercom_window(make_window, ws).open_scoring_settings()
    _choose_custom(dialog)
    shown = " ".join(label.text() for label in dialog.formula_box.findChildren(type(dialog.formula_message)))
    for name in ("reach", "impact", "confidence", "effort", "mrr", "time_criticality", 'metric("name")',
                 'field("name")', "80% is 0.8"):
        assert name in shown
    dialog.close()


def test_apply_refuses_a_wrong_formula_and_saves_a_right_one_as_one_undo_step(qtbot, make_window, ws):
    window = _intercom_window(make_window, ws)
    dialog = window.open_scoring_settings()
    _choose_custom(dialog)
    dialog.formula.setText("reach *")
    assert dialog.apply() is False
    assert dialog.formula_message.text() == "The formula ends after '*': a factor, a number or '(' must follow."
    assert (get_scoring_settings(ws)["method"], get_scoring_settings(ws)["formula"]) == ("rice", "")
    dialog.formula.setText("reach   / effort")
    assert dialog.apply()
    assert (get_scoring_settings(ws)["method"], get_scoring_settings(ws)["formula"]) == ("custom", "reach / effort")
    assert window.undo_action.text().endswith("Change scoring method, formula")
    backlog = window.backlog
    qtbot.waitUntil(lambda: [r["title"] for r in backlog.model.rows()] == ["C", "B", "A"]
                    and backlog.model.rows()[0]["method"] == "custom")
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: get_scoring_settings(ws)["method"] == "rice")
    assert get_scoring_settings(ws)["formula"] == ""
    dialog.close()


def test_the_saved_formula_comes_back_and_an_empty_one_is_refused(qtbot, make_window, ws):
    window = _intercom_window(make_window, ws)
    ops.change_scoring(ws, method="custom", formula=RICE)
    dialog = window.open_scoring_settings()
    dialog.load()
    assert dialog.method.currentData() == "custom" and dialog.formula.text() == RICE
    assert dialog.formula_box.isVisible()
    dialog.formula.clear()
    assert dialog.apply() is False
    assert dialog.formula_message.text() == "Write a formula, such as reach * impact * confidence / effort."
    assert get_scoring_settings(ws)["formula"] == RICE
    dialog.close()


def test_the_detail_panel_explains_a_formula_factor_by_factor(qtbot, make_window, ws):
    window = _intercom_window(make_window, ws)
    ops.change_scoring(ws, method="custom", formula="0.5*reach + 100*impact - effort")
    backlog = window.backlog
    backlog.refresh()
    qtbot.waitUntil(lambda: bool(backlog.model.rows()) and backlog.model.rows()[0]["method"] == "custom")
    top = backlog.model.rows()[0]
    assert (top["title"], top["score"]) == ("B", 1096)  # 1000 + 100 - 4
    backlog.select_item(top["id"])
    qtbot.waitUntil(lambda: backlog.detail.item_id == top["id"])
    shown = backlog.detail.explain.factor_rows()
    assert [(name, value, share) for name, value, _source, share in shown] == [
        ("Reach", "2,000 companies", "91%"), ("Impact", "1 (medium)", "9%"), ("Effort", "4 person-months", "0%")]
    assert backlog.detail.score.text().startswith("1,096")


def test_the_reach_unit_is_chosen_in_the_dialog_and_undone_in_one_step(qtbot, make_window, ws):
    window = _intercom_window(make_window, ws)
    dialog = window.open_scoring_settings()
    assert dialog.reach_unit.currentText() == "Automatic: the unit most items use"
    assert dialog.users_per_customer.text() == "Automatic, from the metric"
    dialog.reach_unit.setCurrentIndex(dialog.reach_unit.findData("people"))
    dialog.users_per_customer.setValue(25)
    assert dialog.apply()
    settings = get_scoring_settings(ws)
    assert (settings["reach_unit"], settings["users_per_customer"]) == ("people", 25.0)
    assert window.undo_action.text().endswith("Change scoring reach unit, users per customer")
    backlog = window.backlog
    qtbot.waitUntil(lambda: {r["reach_unit"] for r in backlog.model.rows()} == {"people"})
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: get_scoring_settings(ws)["reach_unit"] is None)
    assert get_scoring_settings(ws)["users_per_customer"] is None
    dialog.load()
    assert dialog.reach_unit.currentText() == "Automatic: the unit most items use"
    dialog.close()
