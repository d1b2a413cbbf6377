"""Triage core: the inbox, its filters, and the items suggested for a request."""

from __future__ import annotations

import random

import pytest

from planner import ops, triage
from planner.demo import load_demo
from planner.errors import NotFoundError
from planner.storage.db import open_workspace


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    ws = open_workspace(tmp_path_factory.mktemp("triage") / "demo.db")
    load_demo(ws)
    yield ws
    ws.close()


@pytest.fixture
def ws(tmp_path):
    ws = open_workspace(tmp_path / "w.db")
    yield ws
    ws.close()


def _inbox_request(ws, title):
    return next(r for r in triage.list_inbox(ws) if r["title"] == title)


def test_inbox_lists_only_new_unlinked_requests(demo):
    rows = triage.list_inbox(demo)
    assert len(rows) == 60
    assert {r["status"] for r in rows} == {"new"}
    linked = {row["request_id"] for row in demo.db["links"].rows}
    assert not linked & {r["id"] for r in rows}
    dates = [r["created_at"] for r in rows]
    assert dates == sorted(dates, reverse=True)  # newest first


def test_inbox_filters_narrow_the_list(demo):
    filters = triage.inbox_filters(demo)
    assert filters["segments"] == ["Enterprise", "Mid-market", "SMB"]
    assert set(filters["sources"]) <= {"zendesk", "salesforce", "intercom", "canny", "google-forms"}
    assert filters["first_date"] <= filters["last_date"]
    assert filters["total"] == 60
    everything = triage.list_inbox(demo)
    for key, value in (("source", filters["sources"][0]), ("company", filters["companies"][0]), ("segment", "SMB")):
        some = triage.list_inbox(demo, **{key: value})
        assert 0 < len(some) < len(everything)
        field = {"source": "source", "company": "company", "segment": "segment"}[key]
        assert {r[field] for r in some} == {value}
    mid = sorted(r["created_at"] for r in everything)[len(everything) // 2]
    later = triage.list_inbox(demo, since=mid)
    assert later and all(r["created_at"] >= mid for r in later)
    earlier = triage.list_inbox(demo, until=mid)
    assert earlier and all(r["created_at"] <= mid for r in earlier)


def test_inbox_search_matches_every_word_anywhere(demo):
    rows = triage.list_inbox(demo, search="sso subsidiary")
    assert rows and all("SSO" in r["title"] for r in rows)
    assert triage.list_inbox(demo, search="インボイス")
    assert triage.list_inbox(demo, search="100%_") == []  # wildcards are literal


def test_sso_request_suggests_the_sso_item(demo):
    req = _inbox_request(demo, "We need SSO for our subsidiary too")
    suggestions = triage.suggest_items(demo, req["id"])
    assert suggestions[0]["title"] == "Single sign-on with SAML and Okta"
    assert suggestions[0]["why"]
    assert set(suggestions[0]) >= {"item_id", "title", "score", "why"}


@pytest.mark.parametrize(
    "title, expected",
    [
        ("Custom fields should be required on create", "Custom fields on tasks"),
        ("Need Gantt baseline comparison", "Gantt chart view"),
        ("The mobile app logs me out every day", "Mobile app offline mode"),
    ],
)
def test_demo_requests_suggest_the_sensible_item(demo, title, expected):
    req = _inbox_request(demo, title)
    assert triage.suggest_items(demo, req["id"])[0]["title"] == expected


def test_japanese_request_matches_items_through_their_linked_requests(ws):
    item = ops.add_item(ws, title="Microsoft Teams notifications")
    linked = ops.add_request(ws, title="Teams通知に対応してほしい")
    ops.link_request(ws, linked["id"], item["id"])
    ops.add_item(ws, title="Dark mode")
    new = ops.add_request(ws, title="Teamsへの通知がほしい")
    top = triage.suggest_items(ws, new["id"])[0]
    assert top["item_id"] == item["id"]
    assert top["similar_request"]["id"] == linked["id"]
    assert top["matched"] == "requests"


def test_suggestions_leave_out_items_already_linked(ws):
    a = ops.add_item(ws, title="Audit log export")
    b = ops.add_item(ws, title="Audit log retention")
    req = ops.add_request(ws, title="Audit log export for SOC 2")
    assert triage.suggest_items(ws, req["id"])[0]["item_id"] == a["id"]
    ops.link_request(ws, req["id"], a["id"])
    assert [s["item_id"] for s in triage.suggest_items(ws, req["id"])] == [b["id"]]


def test_index_follows_new_items_and_links(ws):
    req = ops.add_request(ws, title="Kanban swimlanes by assignee")
    assert triage.suggest_items(ws, req["id"]) == []
    item = ops.add_item(ws, title="Swimlanes on the kanban board")
    assert triage.suggest_items(ws, req["id"])[0]["item_id"] == item["id"]


def test_suggest_for_unknown_request_is_a_clear_error(ws):
    with pytest.raises(NotFoundError):
        triage.suggest_items(ws, 999)


def test_similar_requests_find_the_original_of_a_duplicate(demo):
    req = _inbox_request(demo, "Allow more than 10 custom fields")
    similar = triage.similar_requests(demo, req["id"], limit=5)
    assert similar and similar[0]["title"] == "Allow more than 10 custom fields"
    assert req["id"] not in {s["request_id"] for s in similar}


def test_tokens_split_japanese_into_pairs_and_drop_particles():
    assert triage.tokens("SSOに対応してほしい（Azure AD）") == {"sso", "azure", "ad"}
    assert {"請求", "求書"} <= triage.tokens("請求書がほしい")
    assert triage.tokens("We need the reports") == {"report"}


def test_suggestions_on_10k_items_are_the_five_best(ws):
    rng = random.Random(3)
    words = ("sso saml audit export report gantt slack teams webhook api mobile offline search filter bulk field "
             "workflow approval guest comment upload import calendar invoice billing permission role admin").split()
    stamp = "2026-01-01T00:00:00+00:00"
    ws.db["items"].insert_all(
        [dict(id=i, title=" ".join(rng.sample(words, 4)) + f" {i}", kind="feature", status="idea",
              created_at=stamp, updated_at=stamp) for i in range(1, 10_001)], batch_size=2000)
    req = ops.add_request(ws, title="Bulk export of audit permission report")
    triage.suggest_items(ws, req["id"])  # builds the index once
    suggestions = triage.suggest_items(ws, req["id"])  # its speed: benchmarks/triage_bench.py
    assert len(suggestions) == 5
    asked = {"bulk", "export", "audit", "permission", "report"}
    assert all(len(asked & set(s["title"].split())) >= 3 for s in suggestions), suggestions
