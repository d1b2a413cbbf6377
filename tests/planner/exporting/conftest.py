import pytest

from planner import ops
from planner.storage import open_workspace

# Text a CSV dump can carry that a spreadsheet would run as a formula or command.
HOSTILE = [
    "=HYPERLINK(\"http://evil.example\",\"click\")",
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1,2)",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    "＝1+1",
    "＋1",
    "－1+1",
    "＠SUM(A1)",
]


@pytest.fixture
def small_ws(tmp_path):
    """A workspace small enough to check every cell: 3 quarters, 4 items, 6 requests."""
    ws = open_workspace(tmp_path / "small.db")
    q1 = ops.add_lane(ws, name="2027 Q1", kind="quarter", start_date="2027-01-01", end_date="2027-03-31", capacity=6)
    ops.add_lane(ws, name="2027 Q2", kind="quarter", start_date="2027-04-01", end_date="2027-06-30", capacity=6)
    ops.add_lane(ws, name="Now", kind="horizon")
    ops.add_lane(ws, name="v1.0", kind="release")
    a = ops.add_item(ws, title="Single sign-on", status="planned", lane=q1["id"], impact=3, confidence=80, effort=2,
                     theme="Security", notes="Secret internal note")
    b = ops.add_item(ws, title="=1+1 dangerous title", status="shipped", lane=q1["id"], impact=1, confidence=50, effort=1)
    c = ops.add_item(ws, title="日本語の請求書", status="candidate", lane="2027 Q2", impact=2, confidence=100, effort=4)
    d = ops.add_item(ws, title="No estimates yet", status="idea")
    ops.upsert_company(ws, name="Acme GmbH", segment="Enterprise", mrr=12000)
    ops.upsert_company(ws, name="Globex", segment="SMB", mrr=500)
    ops.upsert_company(ws, name="@evil corp", segment="SMB", mrr=100)
    reqs = [
        ops.add_request(ws, title="SSO please", body="We need SAML", requester="Ann Example", email="ann@acme.example",
                        company="Acme GmbH", created_at="2026-10-01", external_id="T-001", source="helpdesk"),
        ops.add_request(ws, title="SSO with Okta", requester="Bob Example", email="bob@acme.example",
                        company="Acme GmbH", created_at="2026-10-05", external_id="T-002", source="helpdesk"),
        ops.add_request(ws, title="Need SSO", requester="Cy Example", email="cy@globex.example", company="Globex",
                        created_at="2026-09-01", external_id="00123", source="chat"),
        ops.add_request(ws, title=HOSTILE[0], body=HOSTILE[4], requester="-Dee", email="dee@evil.example",
                        company="@evil corp", created_at="2026-08-01", source="csv"),
        ops.add_request(ws, title="請求書をPDFで", requester="田中", company="Globex", created_at="2026-07-01", source="csv"),
        ops.add_request(ws, title="Unlinked request", company="Globex", created_at="2026-07-02", source="csv"),
    ]
    ops.link_request(ws, reqs[0]["id"], a["id"], importance="critical")
    ops.link_request(ws, reqs[1]["id"], a["id"])
    ops.link_request(ws, reqs[2]["id"], a["id"], importance="nice_to_have")
    ops.link_request(ws, reqs[3]["id"], b["id"])
    ops.link_request(ws, reqs[4]["id"], c["id"])
    ws.ids = {"a": a["id"], "b": b["id"], "c": c["id"], "d": d["id"]}
    yield ws
    ws.close()


@pytest.fixture(autouse=True)
def appdata(tmp_path, monkeypatch):
    """The application-data folder (where exports note their temporary files) inside the test."""
    folder = tmp_path / "appdata"
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    return folder
