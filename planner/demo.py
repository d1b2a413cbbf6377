"""The demo workspace: a realistic B2B SaaS backlog, the same every time.

A new user should see the product's value in the first minute: items that
many customers ask for next to items only one big customer wants, bugs
against features, a quarter that is over capacity, requests still to triage.
Dates are laid out backwards from today so the demand stays inside the
default 12-month window; everything else comes from one seeded generator.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from planner import ops
from planner.storage import queries, writes
from planner.storage.activity import announce
from planner.storage.db import Workspace
from planner.text import now_iso

SEED = 20240312

SEGMENTS = {
    "Enterprise": (8000, 40000, ["Enterprise"]),
    "Mid-market": (1500, 8000, ["Business", "Pro"]),
    "SMB": (150, 1500, ["Starter", "Pro"]),
}

_COMPANY_STEMS = [
    "Acme", "Globex", "Initech", "Umbrella", "Stark Logistics", "Wayne Retail", "Hooli", "Vandelay Imports",
    "Soylent Foods", "Tyrell Systems", "Cyberdyne Health", "Wonka Confectionery", "Oceanic Air", "Monarch Labs",
    "Blue Sun", "Gringotts Finance", "Pied Piper", "Aperture Science", "Black Mesa", "Nakatomi Trading",
    "Massive Dynamic", "Dunder Paper", "Bluth Homes", "Sterling Cooper", "Prestige Worldwide", "Krusty Foods",
    "Sirius Cybernetics", "Virtucon", "Gekko Capital", "Nordic Timber", "Helios Energy", "Polaris Maritime",
    "Atlas Freight", "Zenith Clinics", "Orion Insurance", "Apex Fitness", "Lumen Education", "Verdant Farms",
    "Cobalt Mining", "Summit Legal", "Harbor Hotels", "Quantum Retail", "Silverline Bank", "Evergreen Care",
    "Falcon Aerospace", "Northwind Traders", "Contoso Pharma", "Fabrikam Works", "Tailspin Toys", "Litware",
    "Adventure Works", "Proseware", "Woodgrove Bank", "Alpine Ski Resorts", "Coho Vineyard", "Lucerne Publishing",
    "Margie Travel", "Trey Research", "Wingtip Toys", "Fourth Coffee", "Graphic Design Institute", "Humongous Insurance",
    "School of Fine Art", "Relecloud", "Southridge Video", "Datum Corp", "Bellows College", "Consolidated Messenger",
    "City Power & Light", "Best For You Organics",
]
_JAPANESE_COMPANIES = [
    "株式会社さくら物流", "株式会社ひかり通信", "髙橋製作所", "株式会社みらい不動産", "日本橋フーズ株式会社",
    "株式会社青空クリニック", "京都テキスタイル株式会社", "株式会社港北システムズ", "株式会社富士ソリューション",
    "北海道ミルク株式会社",
]

# title, kind, status, theme, impact, confidence, effort, demand (how many companies ask), request phrasings
_ITEMS = [
    ("Single sign-on with SAML and Okta", "feature", "planned", "Security", 3, 80, 3, 34,
     ["We need SSO before security will approve the renewal", "SAML SSO with Okta please", "SSOに対応してほしい（Azure AD）"]),
    ("Audit log export", "feature", "candidate", "Security", 2, 80, 2, 18,
     ["Auditors ask for an export of who changed what", "Need audit trail CSV for SOC 2", "監査ログをCSVで出力したい"]),
    ("Two-factor authentication for all users", "feature", "shipped", "Security", 2, 100, 1.5, 22,
     ["Enforce 2FA for our workspace", "Authenticator app support"]),
    ("SCIM user provisioning", "feature", "idea", "Security", 2, 50, 4, 6,
     ["Provision users from Azure AD via SCIM", "Auto-deprovision leavers"]),
    ("IP allow-list for admins", "feature", "idea", "Security", 1, 80, 1, 1,
     ["We must restrict admin access to our office IPs"]),
    ("Bulk edit in the project list", "improvement", "in_progress", "Productivity", 2, 100, 1, 29,
     ["Let me change the owner of 50 tasks at once", "Bulk status change", "一括編集がほしい"]),
    ("Keyboard shortcuts for triage", "improvement", "candidate", "Productivity", 1, 80, 0.5, 12,
     ["Power users want shortcuts", "Keyboard navigation in lists"]),
    ("Saved filters and views", "feature", "planned", "Productivity", 2, 80, 2, 25,
     ["Save my filter so I do not rebuild it every Monday", "Share a view with my team", "フィルタを保存したい"]),
    ("Recurring tasks", "feature", "candidate", "Productivity", 1, 80, 2, 16,
     ["Monthly close tasks should repeat", "Weekly recurring checklist"]),
    ("Dark mode", "improvement", "idea", "Productivity", 0.5, 100, 1, 14,
     ["Dark mode please", "Eyes hurt at night"]),
    ("Gantt chart view", "feature", "idea", "Planning", 2, 50, 5, 19,
     ["We need a Gantt view to present plans", "Timeline with dependencies", "ガントチャート表示"]),
    ("Task dependencies", "feature", "candidate", "Planning", 2, 80, 3, 15,
     ["Block a task until another finishes", "Dependencies between tasks"]),
    ("Workload view per person", "feature", "idea", "Planning", 1, 50, 3, 9,
     ["See who is overloaded this week", "Capacity per person"]),
    ("Custom fields on tasks", "feature", "planned", "Customisation", 3, 80, 4, 31,
     ["We track cost centre on every task", "Custom dropdown field", "カスタム項目を追加したい"]),
    ("Custom workflow statuses", "feature", "candidate", "Customisation", 2, 80, 2, 17,
     ["Our process has a QA step", "Rename statuses to match our workflow"]),
    ("White-label portal for our clients", "feature", "idea", "Customisation", 2, 50, 6, 1,
     ["Our clients must see our brand, not yours", "Custom domain and logo for the client portal",
      "White-label is a condition of the enterprise renewal"]),
    ("Salesforce integration", "feature", "candidate", "Integrations", 3, 50, 5, 11,
     ["Sync accounts and opportunities with Salesforce", "Create a project when a deal closes"]),
    ("Slack notifications", "feature", "shipped", "Integrations", 1, 100, 1, 27,
     ["Post updates to a Slack channel", "Slack alerts on mentions"]),
    ("Microsoft Teams notifications", "feature", "planned", "Integrations", 1, 80, 1.5, 20,
     ["We use Teams, not Slack", "Teams通知に対応してほしい"]),
    ("Public REST API v2 with webhooks", "feature", "candidate", "Integrations", 2, 80, 4, 21,
     ["Webhooks on task changes", "API rate limits too low for our sync", "Need an API to create tasks"]),
    ("Zapier app", "feature", "idea", "Integrations", 1, 50, 1, 8,
     ["Connect to Zapier", "Automate with Zapier"]),
    ("Google Drive attachments", "feature", "idea", "Integrations", 0.5, 80, 1, 7,
     ["Attach files from Google Drive"]),
    ("Custom reports builder", "feature", "idea", "Reporting", 3, 50, 6, 24,
     ["Executives want a weekly report we can configure", "Pivot-style reports", "レポートを自由に作りたい"]),
    ("Scheduled PDF report e-mails", "feature", "candidate", "Reporting", 1, 80, 1.5, 10,
     ["Email the dashboard every Monday", "Scheduled report to management"]),
    ("Export to Excel with formatting", "improvement", "planned", "Reporting", 1, 100, 1, 23,
     ["CSV export breaks Japanese characters in Excel", "Excelで文字化けする", "Export keeps losing formatting"]),
    ("Time tracking per task", "feature", "idea", "Reporting", 2, 50, 3, 13,
     ["Log hours against tasks", "Billable time reports"]),
    ("Japanese UI translation review", "improvement", "candidate", "Localisation", 1, 100, 1, 9,
     ["日本語訳が不自然な箇所がある", "Some Japanese labels are cut off"]),
    ("Japanese holidays in calendars", "improvement", "idea", "Localisation", 0.5, 100, 0.5, 6,
     ["祝日をカレンダーに表示してほしい", "Japanese public holidays"]),
    ("Date format per locale", "improvement", "idea", "Localisation", 0.5, 80, 0.5, 5,
     ["Show dates as YYYY/MM/DD", "Date format setting"]),
    ("Mobile app offline mode", "feature", "idea", "Mobile", 2, 50, 5, 8,
     ["Field staff have no signal on site", "Offline mode for the iOS app"]),
    ("Mobile push notifications", "improvement", "shipped", "Mobile", 1, 100, 1, 11,
     ["Push notifications on Android"]),
    ("Faster loading of large projects", "tech_debt", "in_progress", "Performance", 2, 80, 3, 19,
     ["Projects with 5k tasks take 10 seconds to open", "The board is slow", "表示が遅い"]),
    ("Search returns results in under a second", "tech_debt", "candidate", "Performance", 1, 80, 2, 12,
     ["Search is slow", "Searching attachments times out"]),
    ("Upgrade database to the new cluster", "tech_debt", "planned", "Platform", 0.5, 100, 2, 0, []),
    ("Remove legacy v1 API", "tech_debt", "idea", "Platform", 0.25, 80, 1.5, 0, []),
    ("Notifications sent twice after edit", "bug", "in_progress", "Quality", 1, 100, 0.5, 15,
     ["I get every e-mail twice", "Duplicate notifications", "通知が二重に届く"]),
    ("CSV import fails on Shift-JIS files", "bug", "planned", "Quality", 2, 100, 0.5, 12,
     ["Import of our Excel CSV shows garbage", "CSVインポートで文字化け"]),
    ("Timezone off by one day in due dates", "bug", "candidate", "Quality", 1, 80, 0.5, 9,
     ["Due dates shift by a day for our Tokyo office", "Timezone bug in due dates"]),
    ("Attachments over 20 MB fail silently", "bug", "idea", "Quality", 0.5, 80, 0.5, 4,
     ["Large uploads vanish without an error"]),
    ("Dedicated data residency in Japan", "feature", "idea", "Security", 3, 50, 8, 1,
     ["データを国内リージョンに保管する必要がある", "Data must stay in Japan for our regulator",
      "Residency in Tokyo region is a contract requirement"]),
    ("Guest access for external partners", "feature", "candidate", "Collaboration", 2, 80, 2, 20,
     ["Invite our agency without a paid seat", "Guest users with limited rights", "外部パートナーを招待したい"]),
    ("Comments with @mentions in documents", "feature", "shipped", "Collaboration", 1, 100, 1, 16,
     ["Mention a colleague in a comment"]),
    ("Approval workflow", "feature", "idea", "Collaboration", 2, 50, 4, 14,
     ["Manager must approve before a task is done", "Approval step for purchases", "承認フローがほしい"]),
    ("Research: AI summary of task threads", "research", "idea", "Productivity", 1, 50, 1, 7,
     ["Summarise long comment threads", "AI to draft status updates"]),
    ("Research: usage-based pricing signals", "research", "idea", "Platform", 0.5, 50, 1, 0, []),
    ("Accessibility: screen reader support", "improvement", "candidate", "Quality", 1, 80, 2, 5,
     ["Our public-sector customers require WCAG 2.1 AA", "Screen reader cannot read the board"]),
]

_SOURCES = [("zendesk", 0.35), ("salesforce", 0.25), ("intercom", 0.2), ("canny", 0.12), ("google-forms", 0.08)]
_PEOPLE = ["Aiko Tanaka", "Ben Carter", "Chloe Martin", "Daiki Sato", "Emma Wilson", "Felix Braun", "Grace Lee",
           "Haruto Suzuki", "Isla Brown", "Jun Watanabe", "Kate Miller", "Liam Davis", "Mei Ito", "Noah Smith",
           "Olivia Garcia", "Priya Patel", "Ren Kobayashi", "Sofia Rossi", "Takumi Yamamoto", "Yuki Nakamura"]
_UNLINKED = [
    "Can we change the colour of the sidebar?", "Login page is slow on Monday mornings", "Please add a Kanban swimlane by assignee",
    "Invoices should show our tax registration number", "インボイス制度に対応した請求書がほしい", "Export a project as a template",
    "The mobile app logs me out every day", "Allow emoji reactions on comments", "Print view for task lists",
    "Custom fields should be required on create", "Link two tasks as duplicates", "Hide archived projects from search",
    "Show task age in the list", "We need SSO for our subsidiary too", "Need Gantt baseline comparison",
    "Import tasks from Trello", "会議メモからタスクを作りたい", "Weekly digest e-mail is too long",
    "Sort comments newest first", "Allow more than 10 custom fields",
]
_METRICS = [
    ("Weekly active users", "users", "Retention", 4200, 180),
    ("Activation rate", "%", "Activation", 38.0, 0.8),
    ("NPS", "score", "Referral", 24.0, 0.7),
    ("Projects completed per week", "projects", "North star", 910, 35),
]


def load_demo(ws: Workspace, *, today: date | None = None, seed: int = SEED) -> dict:
    """Fill the workspace with the demo backlog; returns the counts. All or nothing."""
    today = today or date.today()
    rng = random.Random(seed)
    stamp = now_iso()
    with announce(ws.path, "loading the demo"), ws.db.atomic():
        ops.add_default_lanes(ws, today=today, capacity=10.0)
        for name, start, end in (("v4.2", 0, 45), ("v4.3", 46, 120), ("v5.0", 121, 240)):
            if queries.lane_named(ws, name, "release") is None:
                ops.add_lane(ws, name=name, kind="release", start_date=(today + timedelta(days=start)).isoformat(),
                             end_date=(today + timedelta(days=end)).isoformat(), capacity=8.0)
        quarters = queries.lane_ids(ws, "quarter")

        companies = _make_companies(ws, rng, stamp)
        metric_ids = _make_metrics(ws, rng, today)

        enterprise = [c for c in companies if c["segment"] == "Enterprise"]
        items, requests_made, links_made = [], 0, 0
        next_req_id = writes.max_request_id(ws) + 1
        request_rows, link_rows = [], []
        for n, (title, kind, status, theme, impact, conf, effort, demand, phrases) in enumerate(_ITEMS):
            lane = None
            if status in ("planned", "in_progress"):
                lane = quarters[0] if status == "in_progress" or n % 3 == 0 else quarters[1]
            elif status == "candidate" and n % 2 == 0:
                lane = quarters[2 + n % 2]
            elif status == "shipped":
                lane = quarters[0]
            fields = dict(
                title=title, kind=kind, status=status, theme=theme, impact=float(impact), confidence=float(conf),
                effort=float(effort), description=f"{title}. " + (phrases[0] if phrases else "Internal platform work."),
                reach_mode="companies" if n % 4 == 1 else "requests",
                owner=rng.choice(["Platform team", "Core team", "Growth team", "Mobile team"]),
            )
            if kind == "tech_debt" or not phrases:
                typed = float(rng.choice([6, 12, 20]))  # drawn for every tech-debt item: keeps the seed's sequence
                if not phrases:
                    # Typed by hand in the same unit as the other items' reach (customers
                    # affected), or internal work would outrank what customers ask for.
                    fields.update(reach_mode="manual", reach_manual=typed)
            if title.startswith("Faster loading"):
                fields.update(reach_mode="metric", metric_id=metric_ids["Weekly active users"], metric_share=0.01)
            if title.startswith("White-label"):
                fields.update(notes="Only Nakatomi asks; they pay well but it is a platform fork.")
            item = ops.add_item(ws, **fields).value
            if lane is not None:
                ops.move_items(ws, [item["id"]], lane=lane)
            items.append(item)
            if not phrases:
                continue
            if demand == 1:  # one big customer asking again and again
                askers = [rng.choice(enterprise)] * rng.randint(5, 8)
            else:
                pool = companies[:]
                rng.shuffle(pool)
                askers = pool[:demand] + [rng.choice(pool[:demand]) for _ in range(demand // 4)]
            for company in askers:
                created = today - timedelta(days=rng.randint(1, 360))
                source = _pick_source(rng)
                person = rng.choice(_PEOPLE)
                text = rng.choice(phrases)
                request_rows.append(_request_row(next_req_id, source, text, company, person, created, rng, stamp))
                importance = rng.choices(["nice_to_have", "important", "critical"], [3, 5, 2])[0]
                if company["segment"] == "Enterprise" and rng.random() < 0.4:
                    importance = "critical"
                link_rows.append(dict(request_id=next_req_id, item_id=item["id"], importance=importance, created_at=stamp))
                next_req_id += 1

        # Requests still to triage, and duplicates that came in through a second channel.
        for n in range(60):
            company = rng.choice(companies)
            created = today - timedelta(days=rng.randint(0, 60))
            text = _UNLINKED[n % len(_UNLINKED)]
            request_rows.append(_request_row(next_req_id, _pick_source(rng), text, company, rng.choice(_PEOPLE), created, rng, stamp))
            next_req_id += 1
        linked = [r for r in request_rows if any(l["request_id"] == r["id"] for l in link_rows[:40])]
        duplicates = []
        for original in linked[:12]:
            dup = dict(original, id=next_req_id, source="intercom" if original["source"] != "intercom" else "zendesk",
                       external_id=f"DUP-{next_req_id}", status="new")
            request_rows.append(dup)
            duplicates.append((next_req_id, original["id"]))
            next_req_id += 1
        writes.insert_many(ws, "requests", request_rows)
        writes.insert_many(ws, "links", link_rows)
        writes.mark_linked_requests(ws)
        for dup_id, original_id in duplicates:
            writes.set_request_state(ws, dup_id, {"status": "duplicate", "duplicate_of": original_id})
        requests_made, links_made = len(request_rows), len(link_rows)

    counts = queries.counts(ws)
    return dict(counts, requests_added=requests_made, links_added=links_made)


def _pick_source(rng: random.Random) -> str:
    return rng.choices([s for s, _ in _SOURCES], [w for _, w in _SOURCES])[0]


def _request_row(rid, source, text, company, person, created, rng, stamp) -> dict:
    body = f"{text}.\n\nFrom {person} at {company['name']}." if text.isascii() else f"{text}\n\n{company['name']} {person}"
    ext = f"{source[:2].upper()}-{rid:05d}"
    return dict(
        id=rid, source=source, external_id=ext, title=text, body=body, requester=person,
        email=f"{person.split()[0].lower()}@{company['domain']}", company_id=company["id"],
        created_at=created.isoformat(), votes=rng.randint(0, 12) if source == "canny" else None,
        importance=None, url=None, tags=None, status="new", raw=None, batch_id=None,
        content_hash=ops.content_hash(source, ext), imported_at=stamp, updated_at=stamp,
    )


def _make_companies(ws: Workspace, rng: random.Random, stamp: str) -> list[dict]:
    names = _COMPANY_STEMS + _JAPANESE_COMPANIES
    made = []
    for n, stem in enumerate(names[:80]):
        segment = "Enterprise" if n % 6 == 0 or stem in ("Nakatomi Trading",) else ("Mid-market" if n % 3 == 0 else "SMB")
        if stem in _JAPANESE_COMPANIES:
            segment = rng.choice(["Enterprise", "Mid-market", "SMB"])
        low, high, plans = SEGMENTS[segment]
        mrr = round(rng.uniform(low, high), -1)
        name = stem if not stem.isascii() else f"{stem} {rng.choice(['Inc.', 'Ltd.', 'GmbH', 'Corp.', 'K.K.'])}"
        domain = f"{''.join(ch for ch in stem.lower() if ch.isalnum())}.example" if stem.isascii() else f"jp{n}.example.jp"
        row, _ = ops.upsert_company(ws, name=name, segment=segment, plan=rng.choice(plans), mrr=mrr, domain=domain).value
        made.append(row)
    return made


def _make_metrics(ws: Workspace, rng: random.Random, today: date) -> dict:
    ids = {}
    for name, unit, stage, start, step in _METRICS:
        existing = queries.metric_named(ws, name)
        if existing is not None:
            ids[name] = existing
            continue
        metric_id = writes.insert_row(ws, "metrics", dict(name=name, unit=unit, stage=stage, description=f"{stage} metric"))
        ids[name] = metric_id
        value = start
        rows = []
        for months_back in range(12, 0, -1):
            period = date(today.year, today.month, 1) - timedelta(days=30 * months_back)
            value = value + step * rng.uniform(-0.4, 1.0)
            rows.append(dict(metric_id=metric_id, period=period.replace(day=1).isoformat(), segment="", value=round(value, 1)))
        writes.insert_many(ws, "metric_values", rows)
    return ids
