"""The detail panel explains a score as a table: each factor, its value, where it came from and its share,
then the counts behind it, then the paragraph (folded) that the workbook and the command line give."""

from PySide6.QtCore import QThreadPool

from planner import ops
from ui.backlog.explanation import ExplanationTable, share_text


def rows_of(backlog):
    return backlog.model.rows()


def show_top(qtbot, backlog, n=0):
    row = rows_of(backlog)[n]
    backlog.select_item(row["id"])
    qtbot.waitUntil(lambda: backlog.detail.item_id == row["id"])
    return backlog.model.row_dict(backlog.model.row_of(row["id"]))


def test_the_top_items_factors_are_shown_row_by_row_with_their_source_and_share(qtbot, backlog):
    row = show_top(qtbot, backlog)
    table = backlog.detail.explain
    shown = table.factor_rows()
    assert [name for name, *_ in shown] == ["Reach", "Impact", "Confidence", "Effort"]  # RICE, in the core's order
    for factor, (_name, value, source, share) in zip(row["factors"], shown):
        assert value == factor["text"]  # the core's own rounding, unit included: "35 people", "2 (high)"
        assert source == factor["source"]
        assert share == share_text(factor["share"])
    reach = dict((name, (value, share)) for name, value, _s, share in shown)["Reach"]
    assert reach[0].endswith(row["factors"][0]["unit"])
    assert reach[1] == f"{round(row['factors'][0]['share'] * 100)}%"


def test_counts_follow_the_table_and_the_text_is_folded_until_asked_for(qtbot, backlog):
    row = show_top(qtbot, backlog)
    table = backlog.detail.explain
    counts = table.counts.text().splitlines()
    assert counts[:-1] == [c["text"] for c in row["counts"][:-1]]
    assert row["counts"][-1]["name"] == "MRR" and counts[-1] == f"MRR: ${row['mrr']:,.0f}"  # in the currency
    assert any(f"{row['requests']} requests" in line for line in counts)
    assert not table.text.isVisible()
    table.text_toggle.click()
    assert table.text.isVisible() and table.text.text() == row["explanation"]
    table.text_toggle.click()
    assert not table.text.isVisible()


def test_the_header_shows_the_score_as_the_table_column_does(qtbot, backlog):
    from ui.backlog.model import KEYS

    row = show_top(qtbot, backlog, 2)
    in_table = backlog.model.index(backlog.model.row_of(row["id"]), KEYS.index("score")).data()
    assert backlog.detail.score.text().startswith(f"{in_table} (RICE), rank {row['rank']}")


def test_an_unscored_item_says_why_in_words(qtbot, backlog):
    made = ops.add_item(backlog.ctx.ws, title="Offline sync").value
    backlog.refresh()
    qtbot.waitUntil(lambda: backlog.model.row_of(made["id"]) is not None)
    backlog.select_item(made["id"])
    panel = backlog.detail
    qtbot.waitUntil(lambda: panel.item_id == made["id"])
    assert panel.score.text() == "Not scored"
    assert panel.explain.text.isVisible()
    assert "missing" in panel.explanation.text()
    QThreadPool.globalInstance().waitForDone(10000)


def test_keys_the_core_does_not_give_show_blank(show):
    table = show(ExplanationTable(), size=(400, 300))
    table.show_row({"factors": [{"name": "story_points", "value": 8.0}, {"name": "effort"}],
                    "requests": 3, "companies": 2, "explanation": "Custom 4 = story points 8 / effort 2."})
    assert table.factor_rows() == [("story_points", "8", "", ""), ("Effort", "", "", "")]
    assert table.counts.text().splitlines() == ["Requests: 3", "Companies: 2"]
    assert not table.grab().isNull()  # the share column paints without a share


def test_the_table_fits_a_400_pixel_panel_without_scrolling_sideways(show):
    table = show(ExplanationTable(), size=(400, 400))
    table.show_row({"factors": [
        {"name": "reach", "value": 35.0, "text": "35 people", "share": 0.837, "unit": "people",
         "source": "companies asking, last 365 days since 2025-12-05; 29 companies asking counted as the 35 people"},
        {"name": "effort", "value": 1.0, "text": "1 person-month", "share": -0.0, "source": "estimate (person-months)"},
    ]})
    view = table.table
    widths = sum(view.columnWidth(c) for c in range(4))
    assert widths <= view.viewport().width()
    assert view.isColumnHidden(2) and view.columnWidth(0) >= 200  # the source, under the name, has the room
    assert view.rowHeight(0) > view.rowHeight(1)  # the long source wrapped onto more lines
    assert table.factor_rows()[1][3] == "0%"  # never "-0%"
    assert view.height() >= sum(view.rowHeight(r) for r in range(2))  # as tall as its rows: nothing hidden
