"""A faster build must suggest exactly what the build it replaced suggested: same items, order, scores and reasons.

The expectations were taken from the build before the speed work, on a generated
backlog that has what ranking is sensitive to: repeated phrasings, upper-cased
and full-width text, Japanese, the text separator inside a description, shipped
and won't-do items, and items with the same title (a tie, broken by id).
"""

from __future__ import annotations

import random

import pytest

from planner import suggest
from planner.storage.bulk import insert_workspace_rows
from planner.storage.db import open_workspace

WORDS = ("invoice export gantt slack webhook saml okta sso audit timeline calendar holiday timezone mobile offline "
         "sync report dashboard filter search permission role bulk edit custom field notification email digest "
         "budget cost tracking kanban swimlane sprint backlog release portal brand domain latency cache").split()
JAPANESE = ["請求書", "通知", "検索", "権限", "一括編集", "帳票", "承認", "祝日", "文字化け", "連携"]
PROBES = ("Bulk edit custom field permission", "Slack webhook notification digest", "請求書の一括編集がほしい",
          "Gantt timeline milestone dependency", "Offline mobile sync is slow!", "Need SAML SSO with Okta",
          "ＫＡＮＢＡＮ swimlane per sprint", "Budget and cost tracking per project", "承認の通知をメールで受け取りたい",
          "Calendar holiday timezone is wrong", "Can't export the invoice report", "zzz qqq")


def rows(n_items=500, n_links=5000, seed=11):
    rng = random.Random(seed)
    items, links = [], []
    statuses = ["idea"] * 6 + ["planned", "shipped", "wont_do"]
    for i in range(1, n_items + 1):
        ws = rng.sample(WORDS, 4)
        title = " ".join(ws).capitalize() + (f" {rng.choice(JAPANESE)}" if i % 7 == 0 else "") + f" #{i % 50}"
        if i % 97 == 0:
            title = items[i - 2][1]  # the same title as the item before: a tie, broken by id
        desc = "" if i % 5 == 0 else f"{title}. " + " ".join(rng.sample(WORDS, 6))
        desc += "\x1f, it's" if i % 31 == 0 and desc else ""
        items.append((i, title, desc, rng.choice(statuses)))
    phr = []
    for r in range(1, n_links + 1):
        item = rng.randint(1, n_items)
        if phr and rng.random() < 0.3:
            item, text = rng.choice(phr)  # the same need worded the same way again
            text = text.upper() if rng.random() < 0.3 else text
        else:
            ws = items[item - 1][1].split()[:3] + rng.sample(WORDS, 3)
            rng.shuffle(ws)
            text = ("Please " if r % 3 else "お願い: ") + " ".join(ws) + ("" if r % 11 else " 通知を追加してほしい")
            phr.append((item, text))
        links.append((item, r, text))
    links.sort()
    return items, links


# (item_id, score, matched, requests worded alike, terms, similar request id, its score), best first.
EXPECTED = {
    'Bulk edit custom field permission': [],
    'Slack webhook notification digest': [
        [309, 44.8, "requests", 5, ["slack", "notification", "digest"], 4412, 51],
        [382, 40.4, "requests", 2, ["slack", "digest"], 4199, 38],
        [101, 40.3, "requests", 2, ["slack", "webhook", "notification", "digest"], 1350, 50],
        [242, 37.6, "requests", 11, ["slack", "digest"], 2905, 46],
        [202, 36.4, "requests", 2, ["slack", "notification"], 4671, 49],
    ],
    '請求書の一括編集がほしい': [
        [252, 66.7, "title", 0, ["一括編集"], 400, 0],
        [154, 65.4, "title", 0, ["一括編集"], 2305, 0],
        [371, 60.4, "title", 0, ["一括編集"], 260, 0],
        [189, 57.6, "title", 0, ["一括編集"], 573, 0],
        [168, 57.2, "title", 0, ["一括編集"], 2627, 0],
    ],
    'Gantt timeline milestone dependency': [],
    'Offline mobile sync is slow!': [],
    'Need SAML SSO with Okta': [],
    'ＫＡＮＢＡＮ swimlane per sprint': [
        [209, 100.0, "requests", 5, ["kanban", "swimlane"], 1198, 64],
        [399, 100.0, "requests", 4, ["kanban", "swimlane"], 2892, 54],
        [68, 100.0, "requests", 7, ["kanban", "swimlane"], 2889, 47],
        [43, 88.7, "requests", 3, ["kanban", "swimlane", "per"], 1673, 51],
        [351, 80.7, "requests", 3, ["kanban", "swimlane"], 1630, 55],
    ],
    'Budget and cost tracking per project': [
        [423, 38.6, "requests", 2, ["cost", "tracking", "per"], 4639, 47],
        [404, 37.1, "requests", 2, ["budget", "cost"], 229, 35],
        [136, 36.4, "requests", 2, ["cost"], 1951, 27],
        [339, 36.2, "requests", 1, ["cost", "per"], 3603, 26],
        [102, 36.1, "requests", 2, ["cost"], 3723, 18],
    ],
    '承認の通知をメールで受け取りたい': [
        [203, 50.0, "title", 0, ["承認"], 2090, 12],
        [231, 36.8, "title", 0, ["承認"], 294, 0],
        [224, 35.7, "title", 0, ["承認"], 67, 0],
        [427, 34.3, "title", 0, ["承認"], 277, 0],
    ],
    'Calendar holiday timezone is wrong': [],
    "Can't export the invoice report": [
        [102, 85.6, "requests", 3, ["invoice", "report"], 4908, 57],
        [59, 77.1, "requests", 5, ["invoice"], 4724, 32],
        [422, 73.8, "requests", 3, ["export", "invoice", "report"], 1280, 59],
        [244, 73.8, "requests", 4, ["export", "invoice", "report"], 3368, 56],
        [104, 73.8, "requests", 4, ["export", "invoice"], 2472, 58],
    ],
    'zzz qqq': [],
}


def _shown(found: list[dict]) -> list[list]:
    return [[s["item_id"], s["score"], s["matched"], s["reason"]["count"], s["terms"],
             (s["similar_request"] or {}).get("id"), (s["similar_request"] or {}).get("score")] for s in found]


@pytest.fixture(scope="module")
def index():
    items, links = rows()
    return suggest.SuggestionIndex(items, links)


@pytest.mark.parametrize("probe", PROBES)
def test_a_build_suggests_what_it_always_did(index, probe):
    assert _shown(suggest.rank_text(index, probe, limit=5)) == EXPECTED[probe]


def test_a_cold_workspace_suggests_what_it_always_did(tmp_path, monkeypatch):
    monkeypatch.setattr(suggest, "DISK_CACHE_FROM", 10**9)  # nothing kept on disk: every call here is cold
    suggest._cache.clear()
    items, links = rows()
    ws = open_workspace(tmp_path / "w.db")
    try:
        insert_workspace_rows(
            ws, items=({"id": i, "title": t, "description": d, "status": st} for i, t, d, st in items),
            requests=({"id": r, "title": t, "status": "linked"} for _i, r, t in links),
            links=({"request_id": r, "item_id": i} for i, r, _t in links))
        for probe in PROBES:
            assert _shown(suggest.suggest_for_text(ws, probe)) == EXPECTED[probe], probe
    finally:
        suggest._cache.clear()
        ws.close()
