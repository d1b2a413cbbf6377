"""The metrics view: a chart per metric and the items drawing their reach from it."""

import pytest

from planner import ops
from ui.context import AppContext


@pytest.fixture
def ctx(demo_ws):
    return AppContext(demo_ws)


@pytest.fixture
def metrics(qtbot, ctx):
    from ui.metrics_view import MetricsView

    view = MetricsView(ctx)
    qtbot.addWidget(view)
    view.resize(1200, 760)
    view.show()
    qtbot.waitExposed(view)
    return view


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
    ctx.notify("items")
    nps = next(p for p in metrics.panels if p.data["name"] == "NPS")
    assert item["title"] in nps.items_label.text()


def test_an_empty_workspace_says_how_to_get_metrics(qtbot, ws):
    from ui.metrics_view import MetricsView

    view = MetricsView(AppContext(ws))
    qtbot.addWidget(view)
    assert not view.panels
    view.grab()
