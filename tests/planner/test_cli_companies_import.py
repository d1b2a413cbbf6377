"""`planner companies-import`, run as a user runs it."""

import json
from datetime import datetime

import openpyxl

from cli_run import planner

ACCOUNTS = """Account Name,Account ID,Type,Website,Account Owner,Edition,MRR,Renewal Date,Industry
Acme Inc.,001A,Enterprise,https://www.acme.com/,Hanako Sato,Unlimited,"$5,000",2027-03-31,Manufacturing
Globex,001B,SMB,globex.io,Taro Suzuki,Professional,$800,3/31/2027,Retail
,001C,SMB,initech.example,Taro Suzuki,,,,Software
"""


def _csv(tmp_path, text, name="accounts.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_the_json_report_and_the_companies_listing_carry_every_imported_field(tmp_path):
    db = str(tmp_path / "ws.db")

    report = json.loads(planner("--db", db, "companies-import", _csv(tmp_path, ACCOUNTS), "--json").stdout)

    assert report["batch_id"] == 1
    assert report["mapping"] == {"name": "Account Name", "domain": "Website", "segment": "Type", "plan": "Edition",
                                 "mrr": "MRR", "renewal_date": "Renewal Date", "owner": "Account Owner",
                                 "external_id": "Account ID"}
    assert (report["rows_read"], report["new"], report["updated"], report["unchanged"], report["failed"]) == (3, 2, 0, 0, 1)
    assert report["errors"][0]["row"] == 4 and report["errors"][0]["column"] == "Account Name"
    assert report["warnings"] == []
    companies = json.loads(planner("--db", db, "companies", "--json").stdout)
    acme = next(c for c in companies if c["name"] == "Acme Inc.")
    assert {k: acme[k] for k in ("domain", "renewal_date", "owner", "plan", "segment", "mrr", "arr", "external_id")} == {
        "domain": "acme.com", "renewal_date": "2027-03-31", "owner": "Hanako Sato", "plan": "Unlimited",
        "segment": "Enterprise", "mrr": 5000.0, "arr": 60000.0, "external_id": "001A"}
    assert next(c for c in companies if c["name"] == "Globex")["renewal_date"] == "2027-03-31"

    again = json.loads(planner("--db", db, "companies-import", _csv(tmp_path, ACCOUNTS), "--json").stdout)
    assert (again["batch_id"], again["new"], again["updated"], again["unchanged"]) == (2, 0, 0, 2)


def test_people_read_a_short_summary(tmp_path):
    db = str(tmp_path / "ws.db")
    path = _csv(tmp_path, ACCOUNTS)

    out = planner("--db", db, "companies-import", path).stdout.splitlines()

    assert out == [
        f"Imported companies from {path} (batch 1):",
        "  3 rows read: 2 new, 0 updated, 0 unchanged, 1 failed.",
        "  mapping: name <- Account Name, domain <- Website, segment <- Type, plan <- Edition, mrr <- MRR, "
        "renewal_date <- Renewal Date, owner <- Account Owner, external_id <- Account ID",
        "  new segments: Enterprise, SMB (`planner segment-rename OLD NEW` merges one into another)",
        "  row 4, Account Name: The company name is empty, so the row was not imported; "
        "fill in “Account Name” or delete the row.",
    ]


def test_a_dry_run_writes_nothing_and_a_map_is_remembered_for_the_next_file(tmp_path):
    db = str(tmp_path / "ws.db")
    march = _csv(tmp_path, "Customer,Class,Monthly fee\nAcme,Gold,\"¥120,000\"\n", "march.csv")
    maps = ["--map", "name=Customer", "--map", "segment=Class", "--map", "mrr=Monthly fee"]

    dry = planner("--db", db, "companies-import", march, *maps, "--dry-run").stdout.splitlines()
    assert dry[:2] == [f"Would import companies from {march} (nothing was written):",
                       "  1 row read: 1 new, 0 updated, 0 unchanged, 0 failed."]
    assert json.loads(planner("--db", db, "companies", "--json").stdout) == []

    planner("--db", db, "companies-import", march, *maps)
    april = _csv(tmp_path, "Customer,Class,Monthly fee\nGlobex,Silver,\"¥80,000\"\n", "april.csv")
    report = json.loads(planner("--db", db, "companies-import", april, "--json").stdout)
    assert report["mapping"] == {"name": "Customer", "segment": "Class", "mrr": "Monthly fee"}
    companies = {c["name"]: c for c in json.loads(planner("--db", db, "companies", "--json").stdout)}
    assert (companies["Globex"]["segment"], companies["Globex"]["mrr"]) == ("Silver", 80000.0)


def test_a_sheet_of_a_workbook_is_read_by_name(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "メモ"
    book.active["A1"] = "毎月更新"
    sheet = book.create_sheet("顧客")
    sheet.append(["会社名", "区分", "月額(円)", "契約更新日"])
    sheet.append(["株式会社サンプル", "大企業", 1_200_000, datetime(2027, 3, 31)])
    path = tmp_path / "顧客.xlsx"
    book.save(path)
    db = str(tmp_path / "ws.db")

    report = json.loads(planner("--db", db, "companies-import", str(path), "--sheet", "顧客", "--json").stdout)

    assert (report["sheet"], report["new"], report["segments_new"]) == ("顧客", 1, ["大企業"])
    company = json.loads(planner("--db", db, "companies", "--json").stdout)[0]
    assert (company["segment"], company["mrr"], company["renewal_date"]) == ("大企業", 1_200_000, "2027-03-31")

    missing = planner("--db", db, "companies-import", str(path), "--sheet", "Customers", check=False)
    assert missing.returncode == 2
    assert "has no sheet named 'Customers'" in missing.stderr and "メモ, 顧客" in missing.stderr


def test_a_wrong_map_is_one_line_and_changes_nothing(tmp_path):
    db = str(tmp_path / "ws.db")
    path = _csv(tmp_path, ACCOUNTS)

    wrong = planner("--db", db, "companies-import", path, "--map", "revenue=MRR", check=False)

    assert wrong.returncode == 2
    assert wrong.stderr.strip() == ("planner: There is no company field 'revenue'. Fields: name, domain, segment, plan, "
                                    "mrr, arr, renewal_date, owner, external_id.")
    assert json.loads(planner("--db", db, "companies", "--json").stdout) == []


def test_undo_import_refuses_a_companies_batch_and_changes_nothing(tmp_path):
    db = str(tmp_path / "ws.db")
    planner("--db", db, "companies-import", _csv(tmp_path, ACCOUNTS))
    before = json.loads(planner("--db", db, "companies", "--json").stdout)

    refused = planner("--db", db, "undo-import", "1", check=False)

    assert refused.returncode != 0
    assert "updated companies in place" in refused.stderr
    assert "Edit ▸ Undo" in refused.stderr
    assert json.loads(planner("--db", db, "companies", "--json").stdout) == before
    listing = planner("--db", db, "batches").stdout
    assert "[companies, salesforce]" in listing and "new 2, updated 0" in listing
