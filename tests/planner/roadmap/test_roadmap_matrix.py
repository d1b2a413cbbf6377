from collections import Counter

import pytest

from planner import roadmap
from planner.errors import ValidationError
from planner.roadmap.matrix import QUADRANTS
from planner.scoring import score_items, set_scoring_settings

PLACES = {"quick win": (True, False), "big bet": (True, True), "fill-in": (False, False), "time sink": (False, True)}


def test_quadrant_counts_match_scoring(demo_ws):
    data = roadmap.matrix_points(demo_ws)
    expected = Counter(r["quadrant"] for r in score_items(demo_ws) if r["quadrant"])
    assert data["counts"] == {q: expected.get(q, 0) for q in QUADRANTS}
    assert sum(data["counts"].values()) == len(data["points"])


@pytest.mark.parametrize("split", ["median", {"value": 7, "effort": 3}])
def test_split_lines_put_every_point_in_its_scoring_quadrant(demo_ws, split):
    set_scoring_settings(demo_ws, quadrant_split=split)
    data = roadmap.matrix_points(demo_ws)
    if split != "median":
        assert (data["value_split"], data["effort_split"]) == (7.0, 3.0)
    for point in data["points"]:
        high_value, high_effort = PLACES[point["quadrant"]]
        assert (point["value"] >= data["value_split"]) == high_value
        assert (point["effort"] > data["effort_split"]) == high_effort


def test_bubble_size_by_companies_or_mrr(demo_ws):
    by_companies = roadmap.matrix_points(demo_ws, size_by="companies")
    by_mrr = roadmap.matrix_points(demo_ws, size_by="mrr")
    assert all(0 <= p["bubble"] <= 1 for p in by_companies["points"] + by_mrr["points"])
    assert max(p["size"] for p in by_companies["points"]) == by_companies["max_size"] == max(p["companies"] for p in by_companies["points"])
    assert by_mrr["max_size"] == max(p["mrr"] for p in by_mrr["points"])
    with pytest.raises(ValidationError):
        roadmap.matrix_points(demo_ws, size_by="votes")


def test_points_carry_explanation_and_status(demo_ws):
    point = roadmap.matrix_points(demo_ws)["points"][0]
    assert point["explanation"] and point["status"] and point["title"]
