"""Duplicating and merging items: what is copied or moved, what is refused, and undo and redo of each."""

from __future__ import annotations

import pytest

from planner import ops
from planner.errors import NotFoundError, ValidationError
from planner.ops import Entity
from tests.planner import test_history as history
from tests.planner.test_history import _id, dump

world = history.world  # the fixture: two lanes, three items, four requests, some links


def _raw_links_of_item(ws, item_id) -> list[dict]:
    from planner.storage import queries

    return queries.links_of(ws, item_id=item_id)


def _lane_order(ws, lane_name) -> list[str]:
    """Titles of a lane's items in board order."""
    rows = [i for i in ops.list_items(ws) if i["lane"] == lane_name]
    return [i["title"] for i in sorted(rows, key=lambda i: (i["lane_position"], i["id"]))]


# ---------------------------------------------------------------- duplicate


def test_a_copy_has_every_user_field_but_not_the_pin_nor_the_links(world):
    from planner.scoring.metrics import add_template
    from planner.storage import demand

    add_template(world, "aarrr")
    metric = demand.list_metrics(world)[0]
    sso = _id(world, "items", "SSO")
    ops.edit_item(world, sso, metric_id=metric["id"], metric_share=0.25)
    ops.edit_item(world, sso, description="Sign in with the company's identity provider.", notes="Ask legal",
                  theme="Security", tags="enterprise, auth", owner="Platform team", start_date="2026-10-01",
                  end_date="2026-12-15", status="planned", kind="improvement", value=40, impact_low=1, impact_high=3,
                  confidence_low=50, confidence_high=90, effort_low=2, effort_high=5, ice_impact=7, ice_confidence=6,
                  ice_ease=4, wsjf_value=8, wsjf_time=5, wsjf_risk=3, wsjf_size=8, reach=250)
    ops.pin(world, sso, 1, "Promised to Acme")
    original = ops.get_item(world, sso)

    copy = ops.duplicate_item(world, sso).value

    assert copy["id"] != sso and copy["title"] == "SSO (copy)"
    for field in ops.ITEM_FIELDS - {"title", "pinned_rank", "pin_rationale", "lane_position"}:
        assert copy[field] == original[field], field
    assert (copy["pinned_rank"], copy["pin_rationale"]) == (None, None)
    assert copy["reach_mode"] == "manual" and copy["reach_manual"] == 250
    assert (copy["metric"], copy["metric_share"]) == (metric["name"], 0.25)
    assert ops.list_requests(world, item_id=copy["id"]) == []  # demand counted once, on the original
    assert len(ops.list_requests(world, item_id=sso)) == 2
    assert ops.get_item(world, sso) == original


def test_a_copy_sits_in_the_same_lane_just_after_the_original(world):
    audit = _id(world, "items", "Audit log")
    ops.add_item(world, title="Gantt", lane="2026 Q4")
    assert _lane_order(world, "2026 Q4") == ["SSO", "Audit log", "Gantt"]
    ops.duplicate_item(world, _id(world, "items", "SSO"))
    assert _lane_order(world, "2026 Q4") == ["SSO", "SSO (copy)", "Audit log", "Gantt"]
    ops.duplicate_item(world, _id(world, "items", "Gantt"))
    assert _lane_order(world, "2026 Q4")[-2:] == ["Gantt", "Gantt (copy)"]
    assert ops.get_item(world, audit)["lane"] == "2026 Q4"


def test_a_copy_of_an_item_off_the_roadmap_stays_off_it(world):
    copy = ops.duplicate_item(world, _id(world, "items", "Dark mode")).value
    assert (copy["lane_id"], copy["lane_position"], copy["kind"]) == (None, None, "improvement")


def test_duplicating_a_missing_item_says_so(world):
    with pytest.raises(NotFoundError, match="There is no item 999"):
        ops.duplicate_item(world, 999)


# ---------------------------------------------------------------- merge


@pytest.fixture
def trio(world):
    """SSO (2 critical links), "SAML login" linked to one of the same requests and a new one, "Okta login" with a third."""
    ws = world
    sso, audit = _id(ws, "items", "SSO"), _id(ws, "items", "Audit log")
    saml = ops.add_item(ws, title="SAML login", effort=2, theme="Security", owner="Identity squad",
                        description="SAML 2.0 with signed assertions.", impact_low=1, impact_high=2)["id"]
    okta = ops.add_item(ws, title="Okta login", description="Okta app in their catalogue.", tags="okta",
                        confidence_low=40, value=12)["id"]
    ops.link_requests(ws, [_id(ws, "requests", "SSO with Okta")], saml, importance="nice_to_have")
    ops.link_requests(ws, [_id(ws, "requests", "SAML please")], saml, importance="important")
    ops.link_requests(ws, [_id(ws, "requests", "SAML please")], okta, importance="critical")
    ops.link_requests(ws, [_id(ws, "requests", "Export to PDF")], okta, importance="nice_to_have")
    return {"sso": sso, "audit": audit, "saml": saml, "okta": okta}


def test_merging_moves_the_requests_fills_empty_fields_appends_descriptions_and_deletes_the_others(world, trio):
    ws = world
    sso_before = ops.get_item(ws, trio["sso"])
    merged = ops.merge_items(ws, trio["sso"], [trio["saml"], trio["okta"]])

    assert merged.value["kept"] == trio["sso"] and merged.value["merged"] == [trio["saml"], trio["okta"]]
    assert (merged.value["requests_moved"], merged.value["requests_already_linked"]) == (2, 1)
    links = {link["request_id"]: link["importance"] for link in _raw_links_of_item(ws, trio["sso"])}
    assert links == {_id(ws, "requests", "We need SAML"): "critical", _id(ws, "requests", "SSO with Okta"): "critical",
                     _id(ws, "requests", "SAML please"): "critical", _id(ws, "requests", "Export to PDF"): "nice_to_have"}
    assert {r["status"] for r in ops.list_requests(ws, item_id=trio["sso"])} == {"linked"}
    assert ops.list_requests(ws, unlinked=True) == []
    for gone in (trio["saml"], trio["okta"]):
        with pytest.raises(NotFoundError):
            ops.get_item(ws, gone)

    kept = ops.get_item(ws, trio["sso"])
    # Its own values stay; empty ones come from the first other that has them.
    assert (kept["title"], kept["effort"], kept["impact"], kept["confidence"]) == ("SSO", 3, 2, 80)
    assert (kept["theme"], kept["owner"], kept["tags"], kept["value"]) == ("Security", "Identity squad", "okta", 12)
    assert (kept["impact_low"], kept["impact_high"]) == (1, 2)
    assert (kept["confidence_low"], kept["confidence_high"]) == (40, None)  # a range is taken whole
    assert kept["lane_id"] == sso_before["lane_id"] and kept["lane_position"] == sso_before["lane_position"]
    assert kept["description"] == (
        f"Merged from #{trio['saml']} SAML login:\nSAML 2.0 with signed assertions.\n\n"
        f"Merged from #{trio['okta']} Okta login:\nOkta app in their catalogue."
    )
    assert set(merged.value["fields_filled"]) == {"theme", "owner", "tags", "value", "impact_low", "impact_high",
                                                  "confidence_low"}
    assert merged.value["item"]["id"] == trio["sso"]
    assert merged.changes.touches(Entity.ITEMS, Entity.LINKS, Entity.SCORES)


def test_the_kept_description_comes_first_and_others_without_one_add_nothing(world, trio):
    ws = world
    ops.edit_item(ws, trio["sso"], description="Single sign-on for enterprise plans.")
    ops.merge_items(ws, trio["sso"], [trio["audit"], trio["okta"]])
    assert ops.get_item(ws, trio["sso"])["description"] == (
        f"Single sign-on for enterprise plans.\n\nMerged from #{trio['okta']} Okta login:\nOkta app in their catalogue."
    )


def test_the_preview_says_what_a_merge_would_move_and_changes_nothing(world, trio):
    before = dump(world)
    preview = ops.merge_preview(world, trio["saml"], [trio["sso"], trio["okta"]])
    assert preview == {"kept": trio["saml"], "merged": [trio["sso"], trio["okta"]], "requests_moved": 2,
                       "requests_already_linked": 2}
    assert dump(world) == before


@pytest.mark.parametrize(("keep", "others", "message"), [
    ("sso", ["sso"], "cannot be merged into itself"),
    ("sso", ["saml", "sso"], "cannot be merged into itself"),
    ("sso", [], "Pick at least one other item to merge into item"),
])
def test_merging_an_item_into_itself_or_nothing_is_refused_and_changes_nothing(world, trio, keep, others, message):
    before = dump(world)
    with pytest.raises(ValidationError, match=message):
        ops.merge_items(world, trio[keep], [trio[o] for o in others])
    assert dump(world) == before


def test_merging_a_missing_item_says_which_and_changes_nothing(world, trio):
    before = dump(world)
    with pytest.raises(NotFoundError, match="There is no item 999"):
        ops.merge_items(world, trio["sso"], [trio["saml"], 999])
    with pytest.raises(NotFoundError, match="There is no item 998"):
        ops.merge_items(world, 998, [trio["saml"]])
    assert dump(world) == before


def test_an_other_named_twice_is_merged_once(world, trio):
    merged = ops.merge_items(world, trio["sso"], [trio["okta"], trio["okta"]])
    assert merged.value["merged"] == [trio["okta"]]
    assert merged.text == "Merge “Okta login” into “SSO”"


# ---------------------------------------------------------------- undo and redo


CASES = {
    "duplicate an item in a lane": lambda ws, t: ops.duplicate_item(ws, t["sso"]),
    "duplicate an item off the roadmap": lambda ws, t: ops.duplicate_item(ws, t["okta"]),
    "merge two items into one": lambda ws, t: ops.merge_items(ws, t["sso"], [t["saml"], t["okta"]]),
    "merge into an item with no links": lambda ws, t: ops.merge_items(ws, t["audit"], [t["sso"], t["saml"]]),
}


@pytest.mark.parametrize("name", CASES)
def test_undo_puts_every_row_back_and_redo_does_it_again(world, trio, name):
    before = dump(world)
    done = CASES[name](world, trio)
    after = dump(world)
    assert after != before and done.changed and done.text

    undone = ops.undo(world, done)
    assert dump(world) == before
    assert undone.changes.ids.keys() == done.changes.ids.keys()

    ops.redo(world, undone)
    assert dump(world) == after  # the same ids: nothing made anew


def test_a_merge_is_one_undo_step_that_brings_back_the_others_with_their_links(world, trio):
    links = {i: _raw_links_of_item(world, trio[i]) for i in ("saml", "okta")}
    merged = ops.merge_items(world, trio["sso"], [trio["saml"], trio["okta"]])
    assert merged.text == "Merge 2 items into “SSO”"
    ops.undo(world, merged)
    for name in ("saml", "okta"):
        assert _raw_links_of_item(world, trio[name]) == links[name]
    assert ops.get_item(world, trio["okta"])["title"] == "Okta login"


def test_deleting_an_item_counts_only_the_requests_that_really_go_back_to_the_inbox(world, trio):
    # "SAML please" is linked to SAML login and Okta login; "SSO with Okta" to SSO and SAML login.
    assert ops.requests_freed(world, [trio["saml"]]) == 0  # what the window's question says, before deleting
    assert ops.requests_freed(world, [trio["saml"], trio["okta"]]) == 2
    gone = ops.delete_item(world, trio["saml"])
    assert gone.value["requests_back_in_inbox"] == 0
    assert ops.requests_freed(world, [trio["okta"]]) == 2
    gone = ops.delete_item(world, trio["okta"])
    assert gone.value["requests_back_in_inbox"] == 2  # "SAML please" and "Export to PDF"
    assert {r["title"] for r in ops.list_requests(world, unlinked=True)} == {"SAML please", "Export to PDF"}


def test_an_item_cannot_end_before_it_starts(world):
    sso = _id(world, "items", "SSO")
    ops.edit_item(world, sso, start_date="2027-01-10", end_date="2027-03-31")
    with pytest.raises(ValidationError, match="cannot end before it starts: it starts 2027-01-10 and ends 2026-12-01"):
        ops.edit_item(world, sso, end_date="2026-12-01")
    with pytest.raises(ValidationError, match="cannot end before it starts"):
        ops.add_item(world, title="Gantt", start_date="2027-02-01", end_date="2027-01-01")
    assert ops.get_item(world, sso)["end_date"] == "2027-03-31"
