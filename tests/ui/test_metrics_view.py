"""The metrics view: a chart per metric and the items drawing their reach from it."""

import pytest
from PySide6.QtCore import Qt

from planner import ops
from planner.ops import Changes, Entity
from ui.metrics import MetricsView

HOW_TO_GET_METRICS = ("No metrics yet. Import a file of metric values (period, metric, value), or start from the "
                      "AARRR metrics and import their values later.")


@pytest.fixture
def metrics(show, ctx):
    return show(MetricsView(ctx), size=(1200, 760))


def test_every_metric_has_a_chart_of_its_values(metrics):
    names = [panel.data["name"] for panel in metrics.panels]
    assert names == ["Weekly active users", "Activation rate", "NPS", "Projects completed per week"]
    wau = metrics.panels[0]
    assert len(wau.chart.values) == 12
    assert wau.chart.values == sorted(wau.chart.values)
    image = wau.chart.grab().toImage()
    assert image.width() >= 320
    # The line is drawn: some pixels carry the line colour.
    blue = sum(1 for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
               if image.pixelColor(x, y).blue() > 180 and image.pixelColor(x, y).red() < 100)
    assert blue > 10


def test_items_drawing_reach_are_listed_and_open_in_the_backlog(qtbot, metrics, ctx):
    wau = metrics.panels[0]
    assert "Faster loading of large projects" in wau.items_label.text()
    item_id = next(i["id"] for i in wau.data["items"] if i["draws_reach"])
    with qtbot.waitSignal(ctx.item_selected) as signal:
        wau.items_label.linkActivated.emit(f"item:{item_id}")
    assert signal.args == [item_id]


def test_setting_an_items_reach_source_updates_the_view(metrics, ctx, demo_ws):
    nps = next(p for p in metrics.panels if p.data["name"] == "NPS")
    item = ops.list_items(demo_ws)[0]
    ops.edit_item(demo_ws, item["id"], reach_mode="metric", metric_id=nps.data["id"], metric_share=0.2)
    ctx.broadcast(Changes.of(Entity.ITEMS))
    nps = next(p for p in metrics.panels if p.data["name"] == "NPS")
    assert item["title"] in nps.items_label.text()


def test_an_empty_workspace_says_how_to_get_metrics(show, blank_ctx):
    view = show(MetricsView(blank_ctx))
    assert not view.panels
    assert view.empty.isVisible()
    assert view.empty.label.text() == HOW_TO_GET_METRICS
    assert list(view.empty.buttons) == ["Import Metrics…", "Add the AARRR Metrics"]


def test_the_empty_views_button_adds_the_aarrr_metrics_and_undo_takes_them_back(qtbot, show, blank_ctx):
    view = show(MetricsView(blank_ctx))
    qtbot.mouseClick(view.empty.buttons["Add the AARRR Metrics"], Qt.LeftButton)
    names = [panel.data["name"] for panel in view.panels]
    assert names[0] == "Acquisition: new sign-ups" and names[-1] == "Revenue: MRR" and len(names) == 5
    assert not view.empty.isVisible()
    assert blank_ctx.undo_stack.undoText() == "Add the AARRR metrics"
    blank_ctx.undo_stack.undo()
    assert view.panels == [] and view.empty.isVisible()


def test_the_how_to_message_goes_once_metrics_arrive(show, blank_ctx, tmp_path):
    from planner.scoring.metrics import import_metrics

    view = show(MetricsView(blank_ctx))
    source = tmp_path / "metrics.csv"
    source.write_text("metric,date,value\nWAU,2026-10-01,5190\nWAU,2026-11-01,5400\n")
    import_metrics(blank_ctx.ws, source)
    view.refresh()
    assert [panel.data["name"] for panel in view.panels] == ["WAU"]
    assert not view.empty.isVisible()
