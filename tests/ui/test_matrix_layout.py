"""The matrix's geometry without a window: what the user sees of quadrants, bubbles and axes."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QRectF, QSize, QSizeF

from ui.matrix.layout import MAX_R, MIN_R, MatrixLayout, bubble_radius, quadrant_label_pos

SIZES = [QSize(1300, 820), QSize(800, 500), QSize(420, 300)]
E_SPLIT, V_SPLIT = 5.0, 40.0
QUADRANT = {(True, False): "quick win", (True, True): "big bet", (False, False): "fill-in", (False, True): "time sink"}


def point(item_id: int, effort: float, value: float, quadrant: str | None = None) -> dict:
    # Scoring's rule: value at the split counts as high, effort at the split as low.
    quadrant = quadrant or QUADRANT[(value >= V_SPLIT, effort > E_SPLIT)]
    return dict(id=item_id, effort=effort, value=value, quadrant=quadrant)


def matrix_data(points: list[dict]) -> dict:
    return dict(points=points, effort_split=E_SPLIT, value_split=V_SPLIT)


SPREAD = [point(1, 0.5, 95.0), point(2, 13.0, 88.0), point(3, 2.0, 12.0), point(4, 21.0, 30.0), point(5, 8.0, 60.0)]


@pytest.mark.parametrize("size", SIZES)
def test_the_four_quadrants_fill_the_plot_without_overlapping(size):
    layout = MatrixLayout.fit(size, matrix_data(SPREAD))
    boxes = [box.normalized() for box in layout.quadrant_boxes().values()]
    assert sum(box.width() * box.height() for box in boxes) == pytest.approx(layout.plot.width() * layout.plot.height())
    for n, box in enumerate(boxes):
        assert layout.plot.contains(box)
        for other in boxes[n + 1:]:
            shared = box.intersected(other)
            assert shared.width() * shared.height() == pytest.approx(0)


@pytest.mark.parametrize("size", SIZES)
def test_quick_wins_are_top_left_and_time_sinks_bottom_right(size):
    layout = MatrixLayout.fit(size, matrix_data(SPREAD))
    boxes = layout.quadrant_boxes()
    assert boxes["quick win"].center().x() < boxes["time sink"].center().x()
    assert boxes["quick win"].center().y() < boxes["time sink"].center().y()
    assert boxes["big bet"].center().x() > boxes["fill-in"].center().x()
    assert boxes["big bet"].center().y() < boxes["fill-in"].center().y()


@settings(max_examples=150, deadline=None)
@given(
    efforts=st.lists(st.sampled_from([0.5, 1.0, 4.9, E_SPLIT, 5.1, 8.0, 20.0]), min_size=1, max_size=40),
    values=st.lists(st.sampled_from([3.0, 39.9, V_SPLIT, 40.1, 75.0, 100.0]), min_size=1, max_size=40),
    size=st.sampled_from(SIZES),
)
def test_a_bubble_stays_on_its_quadrant_side_of_both_split_lines(efforts, values, size):
    """Equal estimates are spread apart, but a point on or next to a split line never crosses it."""
    points = [point(n, e, v) for n, (e, v) in enumerate(zip(efforts, values), start=1)]
    layout = MatrixLayout.fit(size, matrix_data(points))
    for p in points:
        at = layout.bubble_pos(p)
        high_value, high_effort = p["quadrant"] in ("quick win", "big bet"), p["quadrant"] in ("big bet", "time sink")
        assert (at.y() <= layout.split.y()) == high_value, p
        assert (at.x() > layout.split.x()) == high_effort, p


def test_equal_estimates_do_not_draw_as_one_bubble():
    twins = [point(n, 2.0, 60.0) for n in range(1, 6)]
    layout = MatrixLayout.fit(QSize(1300, 820), matrix_data(twins))
    centres = {(round(layout.bubble_pos(p).x()), round(layout.bubble_pos(p).y())) for p in twins}
    assert len(centres) == len(twins)


@pytest.mark.parametrize("size", SIZES)
def test_bubbles_of_the_highest_and_lowest_items_stay_inside_the_frame(size):
    layout = MatrixLayout.fit(size, matrix_data(SPREAD))
    for p in SPREAD:
        assert layout.plot.contains(layout.bubble_pos(p)), p
    assert layout.plot.contains(layout.split)


def test_an_item_of_almost_no_value_stays_above_the_effort_axis():
    low = point(55, 2.0, 0.2)
    layout = MatrixLayout.fit(QSize(1300, 820), matrix_data(SPREAD + [low]))
    assert layout.bubble_pos(low).y() <= layout.plot.bottom()


@pytest.mark.parametrize("size", SIZES)
def test_axis_ticks_are_evenly_spaced_round_numbers_along_the_frame(size):
    layout = MatrixLayout.fit(size, matrix_data(SPREAD))
    for axis in ("x", "y"):
        ticks = layout.ticks(axis)
        assert len(ticks) >= 3
        values = [value for value, _ in ticks]
        steps = {round(b - a, 9) for a, b in zip(values, values[1:])}
        assert len(steps) == 1 and next(iter(steps)) in {1, 2, 2.5, 5, 10, 20, 25, 50}
        for _, at in ticks:
            if axis == "x":
                assert layout.plot.left() - 0.01 <= at.x() <= layout.plot.right() + 0.01
                assert at.y() == pytest.approx(layout.plot.bottom())
            else:
                assert layout.plot.top() - 0.01 <= at.y() <= layout.plot.bottom() + 0.01
                assert at.x() == pytest.approx(layout.plot.left())


def test_a_tiny_view_still_gets_a_plot_to_draw_in():
    layout = MatrixLayout.fit(QSize(40, 30), matrix_data(SPREAD))
    assert layout.plot.width() >= 50 and layout.plot.height() >= 50


def test_more_demand_draws_a_bigger_bubble_within_the_size_range():
    radii = [bubble_radius(share) for share in (0.0, 0.3, 0.7, 1.0)]
    assert radii == sorted(radii) and len(set(radii)) == 4
    assert radii[0] == MIN_R and radii[-1] == MAX_R


@pytest.mark.parametrize("quadrant", ["quick win", "big bet", "fill-in", "time sink"])
def test_a_quadrant_name_sits_inside_its_box_away_from_the_split_lines(quadrant):
    layout = MatrixLayout.fit(QSize(1300, 820), matrix_data(SPREAD))
    box = layout.quadrant_boxes()[quadrant].normalized()
    label = QSizeF(120, 20)
    where = QRectF(quadrant_label_pos(quadrant, box, label), label)
    assert box.contains(where)
    split = layout.split
    assert abs(where.center().x() - split.x()) > box.width() / 2 - 1
    assert abs(where.center().y() - split.y()) > box.height() / 2 - 1
