"""Time item suggestions for a request on a 10k-item workspace (a benchmark, not a test).

Prints one JSON line: {"benchmark": "triage", "items", "linked_requests", "index_s", "suggest_ms", "suggest_cold_s"}.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from planner import ops, triage  # noqa: E402
from planner.storage.db import open_workspace  # noqa: E402

WORDS = ("sso saml okta audit log export csv excel report dashboard gantt timeline task project board slack teams "
         "webhook api mobile offline push search filter view bulk edit custom field workflow status approval guest "
         "comment mention attachment upload import calendar holiday timezone date format invoice billing seat plan "
         "permission role admin user group team notification email digest template recurring dependency milestone "
         "budget cost time tracking kanban swimlane sprint backlog release portal brand domain latency cache sync").split()
JAPANESE = ["請求書", "通知", "検索", "権限", "一括編集", "帳票", "承認", "祝日", "文字化け", "連携"]


def build(ws, n_items: int, n_requests: int, rng: random.Random) -> None:
    stamp = "2026-01-01T00:00:00+00:00"
    items, requests, links = [], [], []
    for i in range(1, n_items + 1):
        words = rng.sample(WORDS, 4)
        title = " ".join(words).capitalize() + (f" {rng.choice(JAPANESE)}" if i % 10 == 0 else "") + f" {i}"
        items.append(dict(id=i, title=title, description=f"{title}. " + " ".join(rng.sample(WORDS, 8)),
                          kind="feature", status="idea", created_at=stamp, updated_at=stamp))
    for r in range(1, n_requests + 1):
        item = rng.randint(1, n_items)
        words = items[item - 1]["title"].split()[:3] + rng.sample(WORDS, 3)
        rng.shuffle(words)
        requests.append(dict(id=r, source="bench", external_id=str(r), title="Please " + " ".join(words), body=None,
                             status="linked", imported_at=stamp, updated_at=stamp))
        links.append(dict(request_id=r, item_id=item, importance="important", created_at=stamp))
    with ws.db.atomic():
        ws.db["items"].insert_all(items, batch_size=2000)
        ws.db["requests"].insert_all(requests, batch_size=2000)
        ws.db["links"].insert_all(links, batch_size=2000)


def main() -> None:
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        ws = open_workspace(Path(tmp) / "bench.db")
        build(ws, 10_000, 30_000, rng)
        probe = ops.add_request(ws, title="Need SAML SSO with Okta and audit log export for admins",
                                body="Our security team asks for it before renewal.")
        t = time.perf_counter()
        triage.suggest_items(ws, probe["id"])
        cold = time.perf_counter() - t
        t = time.perf_counter()
        index = triage.suggestion_index(ws)
        index_s = time.perf_counter() - t
        times = []
        for title in ("Bulk edit custom field permission", "Slack webhook notification digest", "請求書の一括編集",
                      "Gantt timeline milestone dependency", "Offline mobile sync is slow"):
            req = ops.add_request(ws, title=title)
            triage.suggest_items(ws, req["id"])  # the add changed the signature: rebuild once
            t = time.perf_counter()
            triage.suggest_items(ws, req["id"])
            times.append(time.perf_counter() - t)
        ws.close()
    print(json.dumps({"benchmark": "triage", "items": len(index.titles), "linked_requests": 30_000,
                      "index_s": round(index_s, 3), "suggest_cold_s": round(cold, 3),
                      "suggest_ms": round(1000 * max(times), 1)}))


if __name__ == "__main__":
    main()
