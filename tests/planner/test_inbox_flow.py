"""The inbox flow's core: the waiting requests that say what a triaged one said, and the duplicate picker's order."""

from __future__ import annotations

import pytest

from planner import inbox_flow, ops, triage
from planner.errors import NotFoundError


def add(ws, title, body=None, company=None, requester=None, email=None):
    return ops.add_request(ws, title=title, body=body, company=company, requester=requester, email=email,
                           source="form", external_id=f"{title}|{body}|{company}|{requester}").value["id"]


def same_ids(ws, request_id):
    return [r["request_id"] for r in inbox_flow.same_requests(ws, request_id)]


def test_identical_after_folding_case_width_and_punctuation_are_found_first(ws):
    asked = add(ws, "Export to Excel", "We need the report as an .xlsx file.", "Acme")
    shouting = add(ws, "EXPORT TO EXCEL!!", "we need the report as an xlsx file", "Globex")
    wide = add(ws, "Ｅｘｐｏｒｔ　ｔｏ　Ｅｘｃｅｌ", "We need the report, as an .xlsx file", "Initech")
    near = add(ws, "Export to Excel", "We need the report as an .xlsx file please.", "Umbrella")
    add(ws, "Export to Excel", "And to PDF, with our logo on every page and a cover sheet.", "Hooli")
    add(ws, "Export", None, "Acme")
    found = inbox_flow.same_requests(ws, asked)
    assert [r["request_id"] for r in found] == [shouting, wide, near]
    assert [r["identical"] for r in found] == [True, True, False]
    assert [r["company"] for r in found] == ["Globex", "Initech", "Umbrella"]
    assert found[2]["score"] >= inbox_flow.NEAR_SET


def test_a_short_request_contained_in_a_longer_one_is_not_the_same(ws):
    short = add(ws, "SSO", None, "Acme")
    add(ws, "SSO for the mobile app", "Our field staff sign in on phones.", "Globex")
    assert same_ids(ws, short) == []


def test_only_requests_still_in_the_inbox_are_offered(ws):
    item = ops.add_item(ws, title="Dark mode")["id"]
    asked = add(ws, "Dark mode please", None, "Acme")
    linked = add(ws, "Dark mode please", None, "Globex")
    archived = add(ws, "Dark mode please!", None, "Initech")
    waiting = add(ws, "dark mode, please", None, "Hooli")
    ops.link_requests(ws, [linked], item)
    ops.set_request_status(ws, [archived], "archived")
    assert same_ids(ws, asked) == [waiting]


def test_the_request_just_linked_still_finds_its_repeats(ws):
    item = ops.add_item(ws, title="Dark mode")["id"]
    asked = add(ws, "Dark mode please", None, "Acme")
    repeat = add(ws, "Dark mode please", None, "Globex")
    ops.link_requests(ws, [asked], item)
    assert same_ids(ws, asked) == [repeat]
    assert inbox_flow.waiting(ws) == 1


def test_limit_caps_the_list_and_an_unknown_request_is_a_clear_error(ws):
    asked = add(ws, "Gantt chart", None, "Acme")
    for n in range(5):
        add(ws, "Gantt chart", None, f"Company {n}")
    assert len(inbox_flow.same_requests(ws, asked, limit=3)) == 3
    with pytest.raises(NotFoundError, match="no request 999"):
        inbox_flow.same_requests(ws, 999)


def test_companies_named_lists_distinct_companies_and_counts_the_rest():
    rows = [{"company": c} for c in ("Acme", "Globex", "Acme", None, "Initech", "Hooli")]
    assert inbox_flow.companies_named(rows) == (["Acme", "Globex", "Initech"], 1)


def test_waiting_counts_the_inbox_and_one_company_s_share(ws):
    add(ws, "A", None, "Acme")
    add(ws, "B", None, "Acme")
    add(ws, "C", None, "Globex")
    acme = ops.find_company(ws, "Acme")["id"]
    assert (inbox_flow.waiting(ws), inbox_flow.waiting(ws, company_id=acme)) == (3, 2)


# ---------------------------------------------------------------- the duplicate picker's order


def test_a_same_company_repeat_ranks_above_another_company_s_near_identical_request(ws):
    asked = add(ws, "Single sign-on with Okta", None, "Acme", "Ann")
    other = add(ws, "Single sign-on with Okta", None, "Globex", "Bob")
    repeat = add(ws, "We need single sign-on with Okta", None, "Acme", "Carl")
    similar = triage.similar_requests(ws, asked)
    assert [s["request_id"] for s in similar[:2]] == [repeat, other]
    assert similar[0]["same_company"] and not similar[1]["same_company"]
    assert similar[1]["score"] > similar[0]["score"]  # ranked by customer, not by wording alone
    assert similar[0]["why"] == "Same company (Acme)"


def test_the_same_requester_ranks_above_a_colleague_and_unrelated_titles_stay_out(ws):
    asked = add(ws, "Bulk edit tasks", None, "Acme", "Ann", "ann@acme.test")
    colleague = add(ws, "Bulk edit of tasks", None, "Acme", "Carl", "carl@acme.test")
    same_person = add(ws, "Bulk editing for tasks", None, "Acme", "Ann Lee", "ANN@acme.test")
    add(ws, "Can we change the colour of the sidebar?", None, "Acme", "Ann", "ann@acme.test")
    similar = triage.similar_requests(ws, asked)
    assert [s["request_id"] for s in similar] == [same_person, colleague]
    assert similar[0]["why"] == "Same requester"


def test_a_same_company_request_worded_differently_does_not_jump_the_queue(ws):
    asked = add(ws, "Hide archived projects from search", None, "Acme")
    other = add(ws, "Hide archived projects from search", None, "Globex")
    add(ws, "Search is slow", None, "Acme")
    assert triage.similar_requests(ws, asked)[0]["request_id"] == other


def test_signatures_naming_the_sender_do_not_make_the_same_request_different(ws):
    asked = add(ws, "Link two tasks as duplicates", "Link two tasks as duplicates.\n\nFrom Noah Smith at Bluth Homes Corp.",
                "Bluth Homes Corp.", "Noah Smith")
    other = add(ws, "Link two tasks as duplicates", "Link two tasks as duplicates.\n\nFrom Ann Lee at Fabrikam Works GmbH.",
                "Fabrikam Works GmbH", "Ann Lee")
    add(ws, "Link two tasks", "From Ann Lee at Fabrikam Works GmbH.", "Fabrikam Works GmbH", "Ann Lee")
    found = inbox_flow.same_requests(ws, asked)
    assert [(r["request_id"], r["identical"]) for r in found] == [(other, True)]
    assert inbox_flow.text_key("Dark mode", "Thanks, Noah", sender=("Noah Smith", None, None)) == "dark mode thanks"
