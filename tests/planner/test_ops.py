import pytest

from planner import ops
from planner.errors import NotFoundError, ValidationError


def test_add_item_keeps_estimates_and_lane(ws):
    ops.add_default_lanes(ws)
    item = ops.add_item(ws, title="  Single sign-on  ", effort=2, impact=3, confidence=80, lane="Now")
    assert item["title"] == "Single sign-on"
    assert (item["effort"], item["impact"], item["confidence"]) == (2.0, 3.0, 80.0)
    assert item["lane"] == "Now"
    assert item["status"] == "idea" and item["kind"] == "feature"


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"title": " "}, "needs a title"),
        ({"title": "x", "impact": 4}, "RICE scale"),
        ({"title": "x", "confidence": 120}, "0 to 100"),
        ({"title": "x", "confidence": -1}, "0 to 100"),
        ({"title": "x", "effort": 0}, "more than 0"),
        ({"title": "x", "effort": "lots"}, "must be a number"),
        ({"title": "x", "kind": "epic"}, "Kind must be one of"),
        ({"title": "x", "status": "done"}, "Status must be one of"),
        ({"title": "x", "lane": "Q9"}, "no lane named"),
    ],
)
def test_add_item_rejects_bad_input_and_writes_nothing(ws, fields, message):
    with pytest.raises((ValidationError, NotFoundError), match=message):
        ops.add_item(ws, **fields)
    assert ops.list_items(ws) == []


def test_manual_reach_sets_reach_mode(ws):
    item = ops.add_item(ws, title="Dark mode", reach=300)
    assert item["reach_mode"] == "manual" and item["reach_manual"] == 300


def test_edit_item_changes_only_given_fields(ws):
    item = ops.add_item(ws, title="Audit log", effort=2, impact=2, confidence=80)
    edited = ops.edit_item(ws, item["id"], effort=3, status="planned")
    assert (edited["effort"], edited["status"], edited["impact"]) == (3.0, "planned", 2.0)
    with pytest.raises(NotFoundError):
        ops.edit_item(ws, 999, effort=1)


def test_pinned_rank_needs_a_rationale(ws):
    item = ops.add_item(ws, title="Audit log")
    with pytest.raises(ValidationError, match="rationale"):
        ops.edit_item(ws, item["id"], pinned_rank=1)
    pinned = ops.edit_item(ws, item["id"], pinned_rank=1, pin_rationale="Contractual for the renewal")
    assert pinned["pinned_rank"] == 1


def test_delete_item_then_undo_brings_links_back(ws):
    item = ops.add_item(ws, title="SSO")
    req = ops.add_request(ws, title="We need SSO", company="Acme")
    ops.link_request(ws, req["id"], item["id"], importance="critical")
    deleted = ops.delete_item(ws, item["id"])
    assert deleted["requests_back_in_inbox"] == 1
    assert ops.list_items(ws) == []
    assert ops.list_requests(ws)[0]["status"] == "new"
    ops.undo(ws, deleted)
    assert [r["status"] for r in ops.list_requests(ws, item_id=item["id"])] == ["linked"]


@pytest.mark.parametrize("variant", ["ACME Inc", "  acme   inc ", "ＡＣＭＥ　Ｉｎｃ"])
def test_company_matched_on_normalised_name_and_shown_as_first_written(ws, variant):
    first, created = ops.upsert_company(ws, name="Acme Inc", segment="SMB", mrr=500)
    again, created_again = ops.upsert_company(ws, name=variant, mrr=900)
    assert created and not created_again
    assert again["id"] == first["id"]
    assert again["name"] == "Acme Inc"
    assert again["mrr"] == 900 and again["segment"] == "SMB"
    assert len(ops.list_companies(ws)) == 1


def test_company_arr_fills_mrr(ws):
    company, _ = ops.upsert_company(ws, name="Globex", arr=120000)
    assert company["mrr"] == 10000


def test_link_and_unlink_keep_request_status(ws):
    item = ops.add_item(ws, title="SSO")
    req = ops.add_request(ws, title="SSO please")
    ops.link_request(ws, req["id"], item["id"])
    assert ops.list_requests(ws, unlinked=True) == []
    ops.link_request(ws, req["id"], item["id"], importance="critical")  # change importance, not a second link
    assert ws.db["links"].count == 1
    assert ws.db["links"].get((req["id"], item["id"]))["importance"] == "critical"
    old = ops.unlink_request(ws, req["id"], item["id"])
    assert old["importance"] == "critical"
    assert [r["id"] for r in ops.list_requests(ws, unlinked=True)] == [req["id"]]


def test_link_rejects_bad_importance_and_missing_ids(ws):
    item = ops.add_item(ws, title="SSO")
    req = ops.add_request(ws, title="SSO please")
    with pytest.raises(ValidationError, match="Importance"):
        ops.link_request(ws, req["id"], item["id"], importance="urgent")
    with pytest.raises(NotFoundError, match="no request 99"):
        ops.link_request(ws, 99, item["id"])
    with pytest.raises(NotFoundError, match="no item 99"):
        ops.link_request(ws, req["id"], 99)


def test_duplicate_moves_links_to_the_original(ws):
    item = ops.add_item(ws, title="SSO")
    original = ops.add_request(ws, title="SSO please", source="zendesk", external_id="1")
    dup = ops.add_request(ws, title="SSO please", source="intercom", external_id="1")
    ops.link_request(ws, dup["id"], item["id"], importance="critical")
    result = ops.mark_duplicate(ws, dup["id"], of=original["id"])
    requests = {r["id"]: r for r in ops.list_requests(ws)}
    assert requests[dup["id"]]["status"] == "duplicate"
    assert requests[dup["id"]]["duplicate_of"] == original["id"]
    assert requests[original["id"]]["status"] == "linked"
    assert [r["id"] for r in ops.list_requests(ws, item_id=item["id"])] == [original["id"]]
    with pytest.raises(ValidationError, match="duplicate of request"):
        ops.link_request(ws, dup["id"], item["id"])
    assert result["links_moved"] == 1
    ops.undo(ws, result)
    assert ops.request(ws, dup["id"])["status"] == "linked"
    assert [r["id"] for r in ops.list_requests(ws, item_id=item["id"])] == [dup["id"]]


def test_same_request_twice_is_refused(ws):
    ops.add_request(ws, title="SSO", source="zendesk", external_id="42")
    with pytest.raises(ValidationError, match="already"):
        ops.add_request(ws, title="SSO again", source="zendesk", external_id="42")


def test_archive_and_bring_back(ws):
    req = ops.add_request(ws, title="Colour of the sidebar")
    ops.set_request_status(ws, req["id"], "archived")
    assert ops.list_requests(ws, unlinked=True) == []
    ops.set_request_status(ws, req["id"], "new")
    assert len(ops.list_requests(ws, unlinked=True)) == 1


def test_create_item_from_requests_links_them_all(ws):
    a = ops.add_request(ws, title="Gantt view", body="To present plans")
    b = ops.add_request(ws, title="Timeline with dependencies")
    item = ops.create_item_from_requests(ws, [a["id"], b["id"]], title="Gantt chart")
    assert item["description"] == "To present plans"
    assert {r["id"] for r in ops.list_requests(ws, item_id=item["id"])} == {a["id"], b["id"]}


def test_default_lanes_are_the_next_four_quarters_and_horizons(ws):
    from datetime import date

    ops.add_default_lanes(ws, today=date(2026, 11, 23))
    quarters = ops.list_lanes(ws, kind="quarter")
    assert [(q["name"], q["start_date"], q["end_date"]) for q in quarters] == [
        ("2026 Q4", "2026-10-01", "2026-12-31"),
        ("2027 Q1", "2027-01-01", "2027-03-31"),
        ("2027 Q2", "2027-04-01", "2027-06-30"),
        ("2027 Q3", "2027-07-01", "2027-09-30"),
    ]
    assert [h["name"] for h in ops.list_lanes(ws, kind="horizon")] == ["Now", "Next", "Later"]
    assert ops.add_default_lanes(ws, today=date(2026, 11, 23)).value == []  # idempotent


def test_lane_validation(ws):
    with pytest.raises(ValidationError, match="end before"):
        ops.add_lane(ws, name="Q", start_date="2026-05-01", end_date="2026-04-01")
    ops.add_lane(ws, name="v1.0", kind="release")
    with pytest.raises(ValidationError, match="already"):
        ops.add_lane(ws, name="V1.0", kind="release")


def test_move_item_between_lanes_and_off_the_roadmap(ws):
    ops.add_default_lanes(ws)
    item = ops.add_item(ws, title="SSO", effort=3, lane="Now")
    moved = ops.move_items(ws, [item["id"]], lane="Next")
    assert moved["lane"] == "Next" and ops.get_item(ws, item["id"])["lane"] == "Next"
    lanes = {l["name"]: l for l in ops.list_lanes(ws)}
    assert lanes["Next"]["effort_planned"] == 3 and lanes["Now"]["effort_planned"] == 0
    ops.move_items(ws, [item["id"]], lane=None)
    assert ops.get_item(ws, item["id"])["lane"] is None


def test_every_way_of_setting_a_lane_places_the_item_last_in_it(ws):
    ops.add_default_lanes(ws)
    first = ops.add_item(ws, title="First", lane="Now")
    by_edit = ops.add_item(ws, title="By edit")
    by_bulk = ops.add_item(ws, title="By bulk edit")
    ops.edit_item(ws, by_edit["id"], lane="Now")
    ops.edit_items(ws, [by_bulk["id"]], lane_id=first["lane_id"])
    positions = [ops.get_item(ws, i["id"])["lane_position"] for i in (first, by_edit, by_bulk)]
    assert positions == sorted(positions) and len(set(positions)) == 3


def test_bulk_edit_is_all_or_nothing(ws):
    a = ops.add_item(ws, title="A")
    b = ops.add_item(ws, title="B")
    with pytest.raises(NotFoundError):
        ops.edit_items(ws, [a["id"], 999], status="planned")
    assert {i["status"] for i in ops.list_items(ws)} == {"idea"}
    edited = ops.edit_items(ws, [a["id"], b["id"]], status="planned", theme="Security")
    assert [r["status"] for r in edited.value] == ["planned", "planned"]
    assert {(i["status"], i["theme"]) for i in ops.list_items(ws)} == {("planned", "Security")}
    ops.undo(ws, edited)
    assert {(i["status"], i["theme"]) for i in ops.list_items(ws)} == {("idea", None)}
