"""The company commands, through a real subprocess as a user runs them."""

import json

import pytest

from cli_run import planner

from planner import ops
from planner.storage import open_workspace


@pytest.fixture
def db(tmp_path):
    """Acme twice (“Acme Corp” in 大企業), Globex in Enterprise, with requests."""
    path = tmp_path / "companies.db"
    ws = open_workspace(path)
    try:
        ops.upsert_company(ws, name="Acme", segment="Enterprise", plan="Scale", mrr=5000)
        ops.upsert_company(ws, name="Acme Corp", segment="大企業", domain="acme.example")
        ops.upsert_company(ws, name="Globex", segment="Enterprise", mrr=8000)
        ops.add_request(ws, title="We need SAML", company="Acme", created_at="2026-10-01")
        ops.add_request(ws, title="SAML via Okta", company="Acme Corp")
        ops.add_request(ws, title="Audit log", company="Acme Corp")
    finally:
        ws.close()
    return str(path)


def _ids(db) -> dict:
    return {c["name"]: c["id"] for c in json.loads(planner("--db", db, "companies", "--json").stdout)}


def test_companies_prints_the_same_table_and_json_carries_every_field(db):
    table = planner("--db", db, "companies").stdout.splitlines()
    assert table[0].split() == ["id", "name", "segment", "plan", "mrr", "requests"]
    assert table[1].split() == ["1", "Acme", "Enterprise", "Scale", "$5,000", "1"]
    rows = json.loads(planner("--db", db, "companies", "--json").stdout)
    assert {"id", "name", "segment", "plan", "mrr", "arr", "renewal_date", "owner", "domain", "requests"} <= set(rows[0])
    assert [(r["name"], r["requests"]) for r in rows] == [("Acme", 1), ("Acme Corp", 2), ("Globex", 0)]


def test_company_set_changes_fields_and_keeps_mrr_and_arr_together(db):
    acme = _ids(db)["Acme"]
    out = planner("--db", db, "company-set", str(acme), "--mrr", "6000", "--renewal", "2027-03-31",
                  "--owner", "Sales East").stdout
    assert out.strip() == (f"Changed company {acme}: Acme (Enterprise, plan Scale, MRR $6,000, ARR $72,000, "
                           "renews 2027-03-31, owner Sales East).")
    changed = json.loads(planner("--db", db, "company-set", str(acme), "--arr", "24000", "--json").stdout)
    assert (changed["mrr"], changed["arr"], changed["owner"]) == (2000, 24000, "Sales East")
    cleared = json.loads(planner("--db", db, "company-set", str(acme), "--renewal", "", "--json").stdout)
    assert cleared["renewal_date"] is None


def test_company_set_refuses_bad_values_in_one_line_and_exit_2(db):
    ids = _ids(db)
    negative = planner("--db", db, "company-set", str(ids["Acme"]), "--mrr", "-5", check=False)
    assert negative.returncode == 2 and "MRR cannot be negative" in negative.stderr
    assert negative.stderr.strip().count("\n") == 0
    taken = planner("--db", db, "company-set", str(ids["Acme Corp"]), "--name", "acme", check=False)
    assert taken.returncode == 2
    assert "already a company named “Acme”" in taken.stderr
    assert f"planner company-merge {ids['Acme']} {ids['Acme Corp']}" in taken.stderr
    date = planner("--db", db, "company-set", str(ids["Acme"]), "--renewal", "next year", check=False)
    assert date.returncode == 2 and "like 2027-03-31" in date.stderr
    nothing = planner("--db", db, "company-set", str(ids["Acme"]), check=False)
    assert nothing.returncode == 2 and "Say what to change" in nothing.stderr


def test_a_missing_company_exits_2_with_a_message(db):
    missing = planner("--db", db, "company-set", "99", "--plan", "Pro", check=False)
    assert missing.returncode == 2
    assert missing.stderr.strip() == "planner: There is no company 99. List them with `planner companies`."
    merge = planner("--db", db, "company-merge", "1", "99", check=False)
    assert merge.returncode == 2 and "There is no company 99" in merge.stderr
    bad = planner("--db", db, "company-merge", "1", "x", check=False)
    assert bad.returncode == 2 and "not an id" in bad.stderr


def test_company_merge_moves_the_requests_and_says_how_many(db):
    ids = _ids(db)
    out = planner("--db", db, "company-merge", str(ids["Acme"]), str(ids["Acme Corp"])).stdout
    assert out.strip() == (f"Merged Acme Corp into company {ids['Acme']}: Acme (Enterprise, plan Scale, MRR $5,000); "
                           "2 requests moved.")
    rows = json.loads(planner("--db", db, "companies", "--json").stdout)
    assert [(r["name"], r["requests"], r["domain"]) for r in rows] == [("Acme", 3, "acme.example"), ("Globex", 0, None)]


def test_company_merge_json_says_what_moved(db):
    ids = _ids(db)
    value = json.loads(planner("--db", db, "company-merge", str(ids["Globex"]), str(ids["Acme"]),
                               str(ids["Acme Corp"]), "--json").stdout)
    assert value["requests_moved"] == 3 and value["merged"] == ["Acme", "Acme Corp"]
    assert value["company"]["name"] == "Globex" and value["company"]["requests"] == 3


def test_segment_rename_merges_大企業_into_enterprise(db):
    assert json.loads(planner("--db", db, "segments", "--json").stdout) == [
        {"segment": "Enterprise", "companies": 2}, {"segment": "大企業", "companies": 1}]
    out = planner("--db", db, "segment-rename", "大企業", "Enterprise").stdout
    assert out.strip() == "Merged segment 大企業 into Enterprise: 1 company changed."
    assert {r["segment"] for r in json.loads(planner("--db", db, "companies", "--json").stdout)} == {"Enterprise"}
    renamed = json.loads(planner("--db", db, "segment-rename", "Enterprise", "Large", "--json").stdout)
    assert renamed == {"old": "Enterprise", "new": "Large", "companies": 3, "merged": False}
    missing = planner("--db", db, "segment-rename", "中堅", "Mid-market", check=False)
    assert missing.returncode == 2 and "No company has the segment “中堅”" in missing.stderr
