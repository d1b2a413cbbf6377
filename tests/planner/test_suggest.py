"""Item suggestions learnt from the links made: what the PdM sees offered for a request, and why."""

from __future__ import annotations

import pytest

from planner import ops, suggest, triage
from planner.demo import load_demo
from planner.storage.db import open_workspace


@pytest.fixture
def ws(tmp_path):
    ws = open_workspace(tmp_path / "w.db")
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    ws = open_workspace(tmp_path_factory.mktemp("suggest") / "demo.db")
    load_demo(ws)
    yield ws
    ws.close()


def _linked(ws, item_id, *titles):
    for title in titles:
        req = ops.add_request(ws, title=title).value
        ops.link_request(ws, req["id"], item_id)


def test_request_worded_like_linked_ones_finds_their_item_though_its_title_shares_no_word(ws):
    ledger = ops.add_item(ws, title="Finance close checklist").value
    ops.add_item(ws, title="Repeat tasks on a schedule").value
    _linked(ws, ledger["id"], "Reconcile invoices automatically", "Invoices reconciled automatically each month",
            "Automatic reconciliation of invoices", "Send the ledger to our accountant")
    new = ops.add_request(ws, title="Automatically reconcile our invoices").value
    top = suggest.suggest_items(ws, new["id"])[0]
    assert top["item_id"] == ledger["id"]
    assert top["reason"]["kind"] == "requests"
    assert top["reason"]["count"] == 3  # three of the four linked requests are worded like it
    assert top["reason"]["linked"] == 4
    assert top["why"].startswith("Like 3 requests you linked to this item")


def test_allow_more_custom_fields_does_not_get_the_ip_allow_list_first(demo):
    found = suggest.suggest_for_text(demo, "Allow more than 10 custom fields")
    assert found[0]["title"] == "Custom fields on tasks"
    assert "IP allow-list for admins" not in [s["title"] for s in found]


def test_two_in_a_title_does_not_pull_two_factor(ws):
    two_factor = ops.add_item(ws, title="Two-factor authentication").value
    deps = ops.add_item(ws, title="Task dependencies").value
    _linked(ws, deps["id"], "Link tasks so one waits for another", "Dependencies between tasks")
    found = suggest.suggest_for_text(ws, "Link two tasks together")
    assert found[0]["item_id"] == deps["id"]
    assert two_factor["id"] not in [s["item_id"] for s in found]


def test_japanese_request_finds_the_japanese_item(ws):
    invoices = ops.add_item(ws, title="請求書の自動発行").value
    ops.add_item(ws, title="ダークモード").value
    ops.add_item(ws, title="Automatic reports").value
    req = ops.add_request(ws, title="請求書を自動で発行したい").value
    found = suggest.suggest_items(ws, req["id"])
    assert [s["item_id"] for s in found] == [invoices["id"]]
    assert found[0]["reason"] == {"kind": "title", "count": 0, "linked": 0, "text": "請求書の自動発行", "request_id": None}


def test_japanese_request_learns_from_japanese_requests_linked_to_an_english_item(ws):
    teams = ops.add_item(ws, title="Microsoft Teams notifications").value
    ops.add_item(ws, title="Dark mode").value
    _linked(ws, teams["id"], "Teams通知に対応してほしい")
    req = ops.add_request(ws, title="Teamsへの通知がほしい").value
    top = suggest.suggest_items(ws, req["id"])[0]
    assert top["item_id"] == teams["id"]
    assert top["why"] == "Like 1 request you linked to this item: “Teams通知に対応してほしい”"


def test_shipped_items_rank_below_open_ones_worded_as_alike(ws):
    shipped = ops.add_item(ws, title="Export the board to Excel", status="shipped").value
    open_one = ops.add_item(ws, title="Export the board to Excel sheets").value
    found = suggest.suggest_for_text(ws, "Export the board to Excel")
    assert [s["item_id"] for s in found] == [open_one["id"], shipped["id"]]


def test_nothing_is_suggested_when_no_item_is_worded_alike(demo):
    assert suggest.suggest_for_text(demo, "Please add a Kanban swimlane by assignee") == []


def test_a_new_link_teaches_the_next_suggestion(ws):
    approvals = ops.add_item(ws, title="Approval workflow").value
    ops.add_item(ws, title="Purchase orders module").value
    first = ops.add_request(ws, title="Sign-off by a manager before purchase orders go out").value
    assert suggest.suggest_items(ws, first["id"])[0]["item_id"] != approvals["id"]
    assert suggest.index_is_current(ws)
    built = suggest.suggestion_index(ws)
    ops.link_request(ws, first["id"], approvals["id"])
    assert suggest.index_is_current(ws)  # a link is learnt at once: the window does not wait for a rebuild
    second = ops.add_request(ws, title="Manager sign-off before purchase orders go out").value
    assert suggest.suggest_items(ws, second["id"])[0]["item_id"] == approvals["id"]
    assert suggest.suggestion_index(ws) is built and built.updates == 1  # updated in place, not built again


def test_triage_keeps_its_suggestion_names_for_the_window(ws):
    item = ops.add_item(ws, title="Audit log export").value
    req = ops.add_request(ws, title="Export of the audit log").value
    assert triage.suggest_items is suggest.suggest_items
    assert triage.suggest_items(ws, req["id"])[0]["item_id"] == item["id"]
    assert triage.suggestion_index(ws) is suggest.suggestion_index(ws)


def test_japanese_text_is_cut_into_character_grams_without_particles():
    assert suggest.words("請求書を自動で発行したい") == ["請求書を自動で発行したい"]
    grams = suggest.word_grams("請求書を自動で発行したい")
    assert {"請求", "請求書", "自動", "発行"} <= set(grams)
    assert "した" not in grams and "たい" not in grams  # kana only: grammar, not meaning
    assert suggest.words("Please ADD the Ｒｅｐｏｒｔｓ") == ["reports"]  # full-width folded, stopwords dropped


def test_new_and_edited_items_are_learnt_in_place(ws):
    ops.add_item(ws, title="Dark mode")
    built = suggest.suggestion_index(ws)
    gantt = ops.add_item(ws, title="Gantt chart view").value
    assert suggest.index_is_current(ws)
    assert suggest.suggest_for_text(ws, "Show a Gantt chart")[0]["item_id"] == gantt["id"]
    ops.edit_item(ws, gantt["id"], title="Timeline of milestones")
    assert suggest.suggest_for_text(ws, "Show a Gantt chart") == []  # the old title is forgotten
    assert suggest.suggest_for_text(ws, "Milestones on a timeline")[0]["item_id"] == gantt["id"]
    assert suggest.suggestion_index(ws) is built and built.updates == 2


def test_unlinked_duplicate_and_deleted_are_forgotten_in_place(ws):
    ledger = ops.add_item(ws, title="Finance close checklist").value
    other = ops.add_item(ws, title="Quarterly board pack").value
    first = ops.add_request(ws, title="Reconcile invoices automatically").value
    ops.link_request(ws, first["id"], ledger["id"])
    built = suggest.suggestion_index(ws)
    assert suggest.suggest_for_text(ws, "Automatic invoice reconciliation")[0]["item_id"] == ledger["id"]
    ops.unlink_request(ws, first["id"], ledger["id"])
    assert suggest.suggest_for_text(ws, "Automatic invoice reconciliation") == []
    ops.link_request(ws, first["id"], ledger["id"])
    original = ops.add_request(ws, title="Close the books faster").value
    ops.mark_duplicate(ws, first["id"], of=original["id"])  # a duplicate's wording does not teach
    assert suggest.suggest_for_text(ws, "Automatic invoice reconciliation") == []
    ops.delete_item(ws, other["id"])
    assert suggest.suggest_for_text(ws, "Quarterly board pack") == []
    assert suggest.suggestion_index(ws) is built and built.updates == 3  # one per suggestion that found changes


def test_many_changed_items_call_for_a_full_build(ws, monkeypatch):
    ops.add_item(ws, title="Dark mode")
    built = suggest.suggestion_index(ws)
    monkeypatch.setattr(suggest, "MAX_DELTA_ITEMS", 2)
    for title in ("Gantt chart view", "Recurring tasks", "Time tracking per task"):
        ops.add_item(ws, title=title)
    assert not suggest.index_is_current(ws)  # the window builds it again off the GUI thread
    rebuilt = suggest.suggestion_index(ws)
    assert rebuilt is not built and rebuilt.updates == 0
    assert suggest.suggest_for_text(ws, "Track time per task")[0]["title"] == "Time tracking per task"


def test_an_updated_index_ranks_like_a_full_build(ws):
    items = [(1, "Audit log export", "", "idea"), (2, "Dark mode", "", "idea"), (3, "Recurring tasks", "", "idea")]
    links = [(1, 10, "Download the audit trail"), (3, 11, "Repeat a task every month")]
    index = suggest.SuggestionIndex(items, links)
    index.update([(2, "Dark mode", "", "shipped"), (4, "Night theme for the app", "", "idea")],
                 [(2, 12, "A darker theme at night")])
    updated = suggest.rank_text(index, "A darker theme at night")
    fresh = suggest.rank_text(suggest.SuggestionIndex(
        items[:1] + [(2, "Dark mode", "", "shipped"), items[2], (4, "Night theme for the app", "", "idea")],
        links + [(2, 12, "A darker theme at night")]), "A darker theme at night")
    assert [s["item_id"] for s in updated] == [s["item_id"] for s in fresh] == [2, 4]
    assert updated[0]["why"] == fresh[0]["why"] == "Like 1 request you linked to this item: “A darker theme at night”"
