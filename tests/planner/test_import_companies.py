"""Companies from a CRM export (Salesforce, HubSpot) or a sheet: matched, added, updated, undone."""

from datetime import datetime

import openpyxl
import pytest

from planner import ops
from planner.errors import ImportFailed
from planner.importing import crm
from planner.importing.crm import header_hits, import_companies, preview_companies
from planner.ops.company_imports import import_companies as import_companies_op
from planner.storage import company_import_store


def _companies(ws) -> dict:
    return {c["name"]: c for c in ops.list_companies(ws)}


USER_TABLES = ("companies", "requests", "items", "links", "settings", "import_batches")


def _user_rows(ws) -> dict:
    """What a user's undo must put back (the scoring's queue of changes to reread is not theirs)."""
    return {t: ws.db.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in USER_TABLES}


def _write_csv(path, text: str, encoding: str = "utf-8"):
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    return path


SALESFORCE = """Account Name,Account ID,Type,Website,Account Owner,Annual Revenue,Industry,Billing City
Acme Inc.,0015g00000AcmeAAA,Customer - Direct,https://www.acme.com/,Hanako Sato,"$1,200,000",Manufacturing,Tokyo
Globex,0015g00000GlobAAA,Customer - Channel,globex.io,Taro Suzuki,"$600,000",Retail,Osaka
Initech,0015g00000InitAAA,Prospect,http://initech.example:8080/home,Taro Suzuki,,Software,Nagoya
"""


def _japanese_book(path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "顧客一覧"
    sheet["A1"] = "2027年度 顧客リスト"
    sheet.merge_cells("A1:F1")
    sheet.append([])
    sheet.append(["取引先名", "ドメイン", "区分", "月額(円)", "契約更新日", "担当営業"])
    sheet.append(["株式会社サンプル", "sample.co.jp", "大企業", 1_200_000, datetime(2027, 3, 31), "佐藤"])
    sheet.append(["ミドル工業", None, "中堅", 300_000, datetime(2027, 9, 30), "鈴木"])
    sheet.append(["スモール商店", "small.jp", "中小", 50_000, datetime(2028, 1, 15), "田中"])
    for row in range(4, 7):
        sheet.cell(row, 5).number_format = "yyyy/mm/dd"
    book.save(path)
    return path


# ---------------------------------------------------------------- Salesforce, HubSpot

def test_a_salesforce_accounts_report_adds_its_companies_with_every_field(ws, tmp_path):
    path = _write_csv(tmp_path / "accounts.csv", SALESFORCE)

    report = import_companies(ws, path)

    assert report["mapping"] == {"name": "Account Name", "domain": "Website", "segment": "Type", "arr": "Annual Revenue",
                                 "owner": "Account Owner", "external_id": "Account ID"}
    assert (report["rows_read"], report["new"], report["updated"], report["unchanged"], report["failed"]) == (3, 3, 0, 0, 0)
    assert any("Annual Revenue" in w and "company's own revenue" in w for w in report["warnings"])
    acme = _companies(ws)["Acme Inc."]
    assert (acme["domain"], acme["external_id"], acme["segment"], acme["owner"]) == (
        "acme.com", "0015g00000AcmeAAA", "Customer - Direct", "Hanako Sato")
    assert (acme["arr"], acme["mrr"]) == (1_200_000, 100_000)
    assert _companies(ws)["Initech"]["domain"] == "initech.example"
    assert _companies(ws)["Initech"]["arr"] is None
    assert report["segments_new"] == ["Customer - Direct", "Customer - Channel", "Prospect"]

    batch = ws.db.execute("SELECT kind, file_name, new, rows_read FROM import_batches WHERE id = ?",
                          [report["batch_id"]]).fetchone()
    assert tuple(batch) == ("companies", "accounts.csv", 3, 3)
    assert [r[0] for r in ws.db.execute("SELECT DISTINCT batch_id FROM companies")] == [report["batch_id"]]


def test_the_same_file_again_changes_nothing(ws, tmp_path):
    path = _write_csv(tmp_path / "accounts.csv", SALESFORCE)
    import_companies(ws, path)
    before = ops.list_companies(ws)

    again = import_companies(ws, path)

    assert (again["new"], again["updated"], again["unchanged"]) == (0, 0, 3)
    assert again["segments_new"] == []
    assert ops.list_companies(ws) == before


def test_annual_revenue_is_not_arr_when_the_file_has_a_better_column(ws, tmp_path):
    path = _write_csv(tmp_path / "accounts.csv", "Account Name,Annual Revenue,MRR\nAcme,50000000,\"¥120,000\"\n")

    report = import_companies(ws, path)

    assert report["mapping"] == {"name": "Account Name", "mrr": "MRR"}
    assert not any("Annual Revenue" in w for w in report["warnings"])
    assert (_companies(ws)["Acme"]["mrr"], _companies(ws)["Acme"]["arr"]) == (120_000, 1_440_000)


def test_annual_revenue_gives_way_to_an_mrr_column_the_user_maps(ws, tmp_path):
    path = _write_csv(tmp_path / "accounts.csv", "Account Name,Annual Revenue,Monthly fee\nAcme,50000000,120000\n")

    report = import_companies(ws, path, mapping={"mrr": "Monthly fee"})

    assert report["mapping"] == {"name": "Account Name", "mrr": "Monthly fee"}
    assert report["warnings"] == []
    assert _companies(ws)["Acme"]["arr"] == 1_440_000


def test_a_hubspot_export_updates_companies_found_by_name_or_domain_instead_of_adding_them(ws, tmp_path):
    ops.upsert_company(ws, name="ＡＣＭＥ", segment="Enterprise", plan="Scale")  # full-width, as a request dump wrote it
    ops.upsert_company(ws, name="株式会社サンプル", domain="sample.co.jp")
    path = _write_csv(tmp_path / "hubspot-companies.csv", (
        "Record ID,Company name,Company Domain Name,Company owner,Lifecycle Stage,MRR\n"
        "9001,Acme,acme.com,Hanako Sato,Customer,\"$5,000\"\n"
        "9002,Sample KK,www.sample.co.jp,Taro Suzuki,Customer,$800\n"
        "9003,Hooli,hooli.xyz,Taro Suzuki,Lead,\n"
    ))

    report = import_companies(ws, path)

    assert report["mapping"] == {"name": "Company name", "domain": "Company Domain Name", "mrr": "MRR",
                                 "owner": "Company owner", "external_id": "Record ID"}
    assert (report["new"], report["updated"], report["unchanged"]) == (1, 2, 0)
    companies = _companies(ws)
    assert sorted(companies) == sorted(["Hooli", "ＡＣＭＥ", "株式会社サンプル"])  # the names the workspace knew are kept
    acme = companies["ＡＣＭＥ"]
    assert (acme["external_id"], acme["domain"], acme["owner"], acme["mrr"], acme["arr"]) == (
        "9001", "acme.com", "Hanako Sato", 5000, 60000)
    assert (acme["segment"], acme["plan"]) == ("Enterprise", "Scale")  # not in the file: kept
    sample = companies["株式会社サンプル"]
    assert (sample["external_id"], sample["owner"], sample["mrr"]) == ("9002", "Taro Suzuki", 800)

    # Found again by its CRM id even once renamed in the CRM.
    _write_csv(path, "Record ID,Company name,Company owner\n9001,Acme Holdings,Jiro Ito\n")
    renamed = import_companies(ws, path)
    assert (renamed["new"], renamed["updated"]) == (0, 1)
    assert _companies(ws)["ＡＣＭＥ"]["owner"] == "Jiro Ito"


def test_a_row_that_is_one_company_by_name_and_another_by_domain_updates_the_first_and_says_so(ws, tmp_path):
    acme = ops.upsert_company(ws, name="Acme").value[0]["id"]
    other = ops.upsert_company(ws, name="acme.com", domain="acme.com").value[0]["id"]
    path = _write_csv(tmp_path / "accounts.csv", "Account Name,Website,Type\nAcme,acme.com,Enterprise\n")

    report = import_companies(ws, path)

    assert (report["new"], report["updated"]) == (0, 1)
    assert _companies(ws)["Acme"]["segment"] == "Enterprise"
    assert _companies(ws)["acme.com"]["segment"] is None
    assert report["warnings"] == [
        f"Row 2: “Acme” is company {acme} “Acme” by its name but company {other} “acme.com” by its domain; "
        "the first was updated. If they are one customer, merge them in the Companies view."]


def test_two_rows_of_one_company_are_taken_as_one_and_a_second_import_changes_nothing(ws, tmp_path):
    path = _write_csv(tmp_path / "accounts.csv",
                      "Account Name,Type,Plan\nAcme,Enterprise,Scale\nGlobex,SMB,\nＡＣＭＥ,Mid-market,\n")

    report = import_companies(ws, path)

    assert (report["new"], report["duplicates"]) == (2, 1)
    assert "Row 4 names the same company as row 2 (“ＡＣＭＥ”)" in report["warnings"][0]
    assert (_companies(ws)["Acme"]["segment"], _companies(ws)["Acme"]["plan"]) == ("Mid-market", "Scale")
    again = import_companies(ws, path)
    assert (again["new"], again["updated"], again["unchanged"]) == (0, 0, 2)


# ---------------------------------------------------------------- Japanese sheets

def test_a_japanese_workbook_under_a_title_keeps_its_segments_numbers_and_dates(ws, tmp_path):
    ops.upsert_company(ws, name="既存", segment="Enterprise")
    path = _japanese_book(tmp_path / "顧客.xlsx")

    report = import_companies(ws, path)

    assert report["sheet"] == "顧客一覧"
    assert report["mapping"] == {"name": "取引先名", "domain": "ドメイン", "segment": "区分", "mrr": "月額(円)",
                                 "renewal_date": "契約更新日", "owner": "担当営業"}
    assert (report["new"], report["failed"]) == (3, 0)
    assert report["segments_new"] == ["大企業", "中堅", "中小"]
    sample = _companies(ws)["株式会社サンプル"]
    assert (sample["segment"], sample["mrr"], sample["arr"], sample["renewal_date"], sample["owner"]) == (
        "大企業", 1_200_000, 14_400_000, "2027-03-31", "佐藤")
    assert _companies(ws)["ミドル工業"]["domain"] is None
    assert _companies(ws)["スモール商店"]["renewal_date"] == "2028-01-15"
    assert [s["segment"] for s in ops.list_segments(ws)] == ["Enterprise", "中堅", "中小", "大企業"]


def test_a_row_without_a_name_fails_with_the_row_number_the_sheet_shows(ws, tmp_path):
    path = _japanese_book(tmp_path / "顧客.xlsx")
    book = openpyxl.load_workbook(path)
    book.active["A5"] = None
    book.save(path)

    report = import_companies(ws, path)

    assert (report["new"], report["failed"]) == (2, 1)
    assert report["errors"] == [{"row": 5, "column": "取引先名", "message":
                                 "The company name is empty, so the row was not imported; fill in “取引先名” or delete the row."}]
    assert "ミドル工業" not in _companies(ws)


def test_a_cp932_csv_with_backslash_yen_updates_companies_found_by_name_and_by_domain(ws, tmp_path):
    ops.upsert_company(ws, name="株式会社サンプル", domain="sample.co.jp", segment="大企業")
    ops.upsert_company(ws, name="ミドル工業")
    # In Shift_JIS text the byte 0x5C is the yen sign: Python reads it as a backslash.
    path = _write_csv(tmp_path / "顧客.csv", (
        "会社名,ウェブサイト,月額(円),契約更新日\n"
        "サンプル,https://www.sample.co.jp/,\"\\120,000\",2027/03/31\n"
        "ミドル工業,,３０，０００,2027年9月30日\n"
    ), encoding="cp932")

    report = import_companies(ws, path)

    assert report["encoding"] == "cp932"
    assert (report["new"], report["updated"], report["failed"]) == (0, 2, 0)
    assert report["warnings"] == []
    companies = _companies(ws)
    assert sorted(companies) == ["ミドル工業", "株式会社サンプル"]
    assert (companies["株式会社サンプル"]["mrr"], companies["株式会社サンプル"]["renewal_date"]) == (120_000, "2027-03-31")
    assert (companies["ミドル工業"]["mrr"], companies["ミドル工業"]["renewal_date"]) == (30_000, "2027-09-30")


def test_amounts_in_thousands_of_yen_are_multiplied_and_us_dates_are_read(ws, tmp_path):
    path = _write_csv(tmp_path / "sheet.csv", "企業名,年額(千円),Renewal Date,規模\nAcme,\"1,200\",3/31/2027,大企業\n")

    report = import_companies(ws, path)

    assert report["mapping"] == {"name": "企業名", "segment": "規模", "arr": "年額(千円)", "renewal_date": "Renewal Date"}
    assert "Amounts in “年額(千円)” were multiplied by 1,000, as its name says." in report["warnings"]
    acme = _companies(ws)["Acme"]
    assert (acme["arr"], acme["mrr"], acme["renewal_date"]) == (1_200_000, 100_000, "2027-03-31")


# ---------------------------------------------------------------- bad cells, empty cells

def test_a_bad_optional_cell_keeps_the_row_and_names_row_and_column(ws, tmp_path):
    ops.upsert_company(ws, name="Globex", mrr=900, plan="Pro")
    path = _write_csv(tmp_path / "accounts.csv", (
        "Company,MRR,Renewal Date,Website,Plan\n"
        "Acme,lots,2027-02-30,acme.com,Scale\n"
        "Globex,n.a.,,not a domain,\n"
    ))

    report = import_companies(ws, path)

    assert (report["new"], report["updated"], report["failed"]) == (1, 0, 0)
    assert report["warnings"] == [
        "Row 2, MRR: 'lots' is not a sum of money; MRR was not imported.",
        "Row 3, MRR: 'n.a.' is not a sum of money; MRR was not imported.",
        "Row 2, Renewal Date: '2027-02-30' is not a valid date; renewal date was not imported.",
        "Row 3, Website: 'not a domain' is not a web address or domain (like acme.co.jp); domain was not imported.",
    ]
    acme = _companies(ws)["Acme"]
    assert (acme["mrr"], acme["renewal_date"], acme["domain"], acme["plan"]) == (None, None, "acme.com", "Scale")
    globex = _companies(ws)["Globex"]
    assert (globex["mrr"], globex["plan"]) == (900, "Pro")  # neither a bad cell nor an empty one erases


def test_many_bad_cells_of_one_column_are_counted_after_the_first_five(ws, tmp_path):
    lines = "".join(f"Company {n},oops\n" for n in range(8))
    report = import_companies(ws, _write_csv(tmp_path / "c.csv", "Company,MRR\n" + lines))

    assert report["new"] == 8
    assert report["warnings"][:5] == [f"Row {n}, MRR: 'oops' is not a sum of money; MRR was not imported."
                                      for n in range(2, 7)]
    assert report["warnings"][5:] == ["… and 3 more cells of “MRR” could not be read; those fields were not imported."]


def test_a_file_without_a_name_column_is_refused_with_the_columns_it_has(ws, tmp_path, dump):
    path = _write_csv(tmp_path / "c.csv", "Website,MRR\nacme.com,100\n")
    before = dump(ws)
    with pytest.raises(ImportFailed) as err:
        import_companies(ws, path)
    assert "no column can be the company name" in str(err.value) and "Website, MRR" in str(err.value)
    assert err.value.hint == "Name it with --map name=COLUMN."
    assert dump(ws) == before


def test_a_failure_while_writing_leaves_the_workspace_as_it_was(ws, tmp_path, dump, monkeypatch):
    ops.upsert_company(ws, name="Globex", plan="Pro")
    path = _write_csv(tmp_path / "accounts.csv", SALESFORCE)
    before = dump(ws)

    def broken(*args, **kwargs):
        raise OSError("disk gone")

    monkeypatch.setattr(company_import_store, "finish_batch", broken)
    with pytest.raises(OSError):
        import_companies(ws, path)
    assert dump(ws) == before


# ---------------------------------------------------------------- mapping, preview

def test_a_corrected_mapping_is_remembered_for_the_next_file(ws, tmp_path):
    first = _write_csv(tmp_path / "march.csv", "Customer,Customer Class,Price\nAcme,Gold,100\n")
    report = import_companies(ws, first, mapping={"name": "Customer", "segment": "Customer Class", "mrr": "Price"})
    assert report["mapping"] == {"name": "Customer", "segment": "Customer Class", "mrr": "Price"}

    second = _write_csv(tmp_path / "april.csv", "Customer,Customer Class,Price\nGlobex,Silver,200\n")
    preview = preview_companies(second, ws=ws)
    assert preview["mapping"] == {"name": "Customer", "segment": "Customer Class", "mrr": "Price"}
    assert preview["rows"] == [{"name": "Globex", "segment": "Silver", "mrr": 200, "arr": 2400}]
    assert import_companies(ws, second)["new"] == 1
    assert _companies(ws)["Globex"]["segment"] == "Silver"
    with pytest.raises(ImportFailed):  # without the workspace, nothing is remembered: no column is a name
        preview_companies(second)


def test_a_mapping_naming_an_unknown_field_or_column_is_refused(ws, tmp_path):
    path = _write_csv(tmp_path / "c.csv", "Company,MRR\nAcme,100\n")
    with pytest.raises(ImportFailed) as err:
        import_companies(ws, path, mapping={"revenue": "MRR"})
    assert str(err.value).startswith("There is no company field 'revenue'.")
    with pytest.raises(ImportFailed) as err:
        import_companies(ws, path, mapping={"mrr": "Monthly"})
    assert "there is no column 'Monthly' to map to mrr" in str(err.value)


def test_an_empty_column_leaves_a_field_out(ws, tmp_path):
    path = _write_csv(tmp_path / "accounts.csv", SALESFORCE)
    report = import_companies(ws, path, mapping={"arr": ""})
    assert "arr" not in report["mapping"]
    assert not any("Annual Revenue" in w for w in report["warnings"])
    assert _companies(ws)["Acme Inc."]["arr"] is None


def test_the_preview_reads_the_first_rows_and_writes_nothing(ws, tmp_path, dump):
    path = _japanese_book(tmp_path / "顧客.xlsx")
    before = dump(ws)

    preview = preview_companies(path, rows=2, ws=ws)

    assert dump(ws) == before
    assert (preview["sheet"], preview["sheets"], preview["rows_read"]) == ("顧客一覧", ["顧客一覧"], 3)
    assert preview["columns"] == ["取引先名", "ドメイン", "区分", "月額(円)", "契約更新日", "担当営業"]
    assert preview["rows"][0] == {"name": "株式会社サンプル", "domain": "sample.co.jp", "segment": "大企業",
                                  "mrr": 1_200_000, "arr": 14_400_000, "renewal_date": "2027-03-31", "owner": "佐藤"}
    assert len(preview["rows"]) == 2
    assert preview["fields"] == list(crm.FIELDS)
    assert "Skipped 2 row(s) above the header (row 3)." in preview["warnings"]


def test_header_hits_counts_company_column_names():
    assert header_hits(["Account Name", "Account ID", "Website", "Industry", "Billing City"]) == 3
    assert header_hits(["取引先名", "月額（円）", "契約更新日", "備考"]) == 3
    assert header_hits(["Title", "Description", "Votes"]) == 0


def test_domains_are_read_from_web_addresses_and_e_mail_addresses():
    assert crm.web_domain("https://www.acme.co.jp/") == "acme.co.jp"
    assert crm.web_domain("HTTP://Shop.Example.COM:8080/a?b") == "shop.example.com"
    assert crm.web_domain("info@globex.io") == "globex.io"
    assert crm.web_domain("ｗｗｗ．ａｃｍｅ．ｃｏｍ") == "acme.com"
    with pytest.raises(ValueError):
        crm.web_domain("gmail.com")


# ---------------------------------------------------------------- the window's undo

def test_undo_removes_the_companies_added_and_puts_back_the_ones_updated_and_redo_does_it_again(ws, tmp_path):
    ops.upsert_company(ws, name="Globex", segment="SMB", mrr=100)
    path = _write_csv(tmp_path / "accounts.csv", SALESFORCE)
    before = _user_rows(ws)

    done = import_companies_op(ws, path)

    assert done.text == "Import “accounts.csv”"
    assert (done.value["new"], done.value["updated"]) == (2, 1)
    assert done.changes.touches(ops.Entity.COMPANIES) and done.changes.scores
    after = _user_rows(ws)
    undone = ops.undo(ws, done)
    assert _user_rows(ws) == before
    assert sorted(_companies(ws)) == ["Globex"]
    assert (_companies(ws)["Globex"]["segment"], _companies(ws)["Globex"]["mrr"]) == ("SMB", 100)

    ops.redo(ws, undone)
    assert _user_rows(ws) == after
    assert _companies(ws)["Globex"]["segment"] == "Customer - Channel"


def test_a_dry_run_writes_nothing_and_has_nothing_to_undo(ws, tmp_path, dump):
    ops.upsert_company(ws, name="Globex")
    path = _write_csv(tmp_path / "accounts.csv", SALESFORCE)
    before = dump(ws)

    done = import_companies_op(ws, path, dry_run=True, mapping={"segment": ""})

    assert dump(ws) == before
    assert (done.value["batch_id"], done.value["new"], done.value["updated"]) == (None, 2, 1)
    assert not done.changed and done.undo is None


def test_a_crm_name_with_its_legal_form_updates_the_company_the_requests_brought_in(ws, tmp_path):
    ops.add_request(ws, title="SSO please", company="Acme")
    ops.add_request(ws, title="請求書の自動発行", company="さくら物流")
    ops.add_request(ws, title="Audit log", company="Hooli")
    ops.add_request(ws, title="Audit log too", company="Hooli Holdings")
    path = _write_csv(tmp_path / "accounts.csv",
                      "Account Name,Type,MRR\nAcme, Inc.,Enterprise,5000\n株式会社さくら物流,大企業,120000\n"
                      "Hooli Holdings LLC,SMB,800\nInitech K.K.,SMB,300\n".replace("Acme, Inc.", '"Acme, Inc."'))

    report = import_companies(ws, path)

    companies = _companies(ws)
    assert (report["new"], report["updated"]) == (1, 3)
    assert set(companies) == {"Acme", "さくら物流", "Hooli", "Hooli Holdings", "Initech K.K."}
    assert (companies["Acme"]["segment"], companies["Acme"]["mrr"]) == ("Enterprise", 5000)
    assert companies["さくら物流"]["mrr"] == 120000
    assert companies["Hooli Holdings"]["mrr"] == 800 and companies["Hooli"]["mrr"] is None
    assert any("“Acme, Inc.” was taken as company" in w and "without its legal form" in w for w in report["warnings"])


def test_a_name_without_its_legal_form_shared_by_two_companies_matches_neither(ws, tmp_path):
    ops.add_request(ws, title="SSO", company="Globex GmbH")
    ops.add_request(ws, title="SCIM", company="Globex Inc.")
    path = _write_csv(tmp_path / "accounts.csv", "Account Name,MRR\nGlobex,900\n")

    report = import_companies(ws, path)

    assert (report["new"], report["updated"]) == (1, 0)
    assert set(_companies(ws)) == {"Globex GmbH", "Globex Inc.", "Globex"}
