"""Each tool's export imports with no manual mapping, with the titles, dates and companies a user expects."""

import pytest

from planner.importing import PRESETS, import_requests, preview_import

from importer_helpers import FIXTURES, REALDATA, requests_of


def _by_title(ws):
    return {r["title"]: r for r in requests_of(ws)}


def test_every_preset_has_a_fixture_here():
    covered = {"jira", "zendesk", "intercom", "canny", "productboard", "uservoice", "github", "google-forms", "salesforce", "fider", "generic"}
    assert set(PRESETS) == covered


@pytest.mark.parametrize(
    "name, preset, encoding, delimiter, rows, new",
    [
        ("zendesk_tickets.csv", "zendesk", "utf-8", ",", 3, 3),
        ("zendesk_excel_semicolon.csv", "zendesk", "utf-8", ";", 3, 3),
        ("intercom_conversations.csv", "intercom", "utf-8", ",", 2, 2),
        ("canny_posts.csv", "canny", "utf-8", ",", 2, 2),
        ("productboard_notes.csv", "productboard", "utf-8", ",", 2, 2),
        ("uservoice_full_export.csv", "uservoice", "utf-8", ",", 4, 2),
        ("github_issues.csv", "github", "utf-8", ",", 2, 2),
        ("google_forms_ja_cp932.csv", "google-forms", "cp932", ",", 3, 3),
        ("salesforce_cases_report.csv", "salesforce", "cp1252", ",", 2, 2),
        ("fider_posts.csv", "fider", "utf-8", ",", 2, 2),
        ("sheet_ja_bom.csv", "generic", "utf-8", ",", 3, 3),
        ("jira_repeated_columns.csv", "jira", "utf-8", ",", 2, 2),
    ],
)
def test_fixture_imports_with_its_preset_and_twice_adds_nothing(ws, name, preset, encoding, delimiter, rows, new):
    first = import_requests(ws, FIXTURES / name)
    assert (first["preset"], first["encoding"], first["delimiter"]) == (preset, encoding, delimiter)
    assert (first["rows_read"], first["new"], first["failed"]) == (rows, new, 0), first["errors"]
    again = import_requests(ws, FIXTURES / name)
    assert (again["new"], again["updated"], again["unchanged"]) == (0, 0, new)
    assert len(requests_of(ws)) == new


def test_zendesk_subject_is_the_title_and_organisation_the_company(ws):
    import_requests(ws, FIXTURES / "zendesk_tickets.csv")
    req = _by_title(ws)["Export invoices as PDF in bulk"]
    assert req["external_id"] == "4101"
    assert req["company"] == "Kitazawa Denki"
    assert req["created_at"] == "2024-03-12T09:41:00+09:00"
    assert req["mrr"] == 120000
    assert req["segment"] == "Enterprise"
    assert _by_title(ws)["Dark mode, please!"]["company"] is None  # gmail.com is nobody's company


def test_zendesk_ids_rounded_by_excel_fall_back_to_content_matching(ws):
    report = import_requests(ws, FIXTURES / "zendesk_excel_semicolon.csv")
    assert any("1.03006E+13" in w for w in report["warnings"])
    reqs = _by_title(ws)
    assert reqs["Filter by custom field"]["external_id"] is None
    assert reqs["Audit log export"]["external_id"] == "4200"
    assert reqs["Audit log export"]["created_at"] == "2024-03-31T16:20:00"  # 31/03 makes the file day-first
    assert reqs["Filter by custom field"]["created_at"] == "2024-03-12T09:41:00"


def test_uservoice_groups_voters_into_one_request_with_votes(ws):
    import_requests(ws, FIXTURES / "uservoice_full_export.csv")
    reqs = _by_title(ws)
    assert reqs["Offline mode"]["votes"] == 3
    assert reqs["Two-factor login"]["votes"] == 1
    raw = ws.conn.execute("SELECT raw FROM requests WHERE external_id = '9001'").fetchone()[0]
    assert "noa@orbit.se" in raw


def test_google_forms_japanese_cp932_titles_from_the_question_and_companies(ws):
    report = import_requests(ws, FIXTURES / "google_forms_ja_cp932.csv")
    reqs = _by_title(ws)
    first = reqs["請求書を一括でダウンロードしたい①"]
    assert first["body"] == "請求書を一括でダウンロードしたい①\n月末に百件以上あります"
    assert first["company"] == "髙橋工業㈱"
    assert first["created_at"] == "2024-03-12T09:41:00"
    assert reqs["権限設定をⅡ段階に"]["company"] == "株式会社 エグザンプル商事"
    assert reqs["スマホから承認したい"]["company"] is None
    assert report["companies_new"] == 2


def test_salesforce_report_title_rows_and_footer_are_skipped(ws):
    report = import_requests(ws, FIXTURES / "salesforce_cases_report.csv")
    assert any("Grand Totals (2 records)" in w for w in report["warnings"])
    reqs = _by_title(ws)
    assert set(reqs) == {"Rapport trimestriel détaillé", "Faster search"}
    assert reqs["Faster search"]["company"] == "Brême Shipping"
    assert reqs["Faster search"]["created_at"] == "2024-03-14T14:05:00"
    company = ws.conn.execute("SELECT arr, mrr, segment FROM companies WHERE name = 'Brême Shipping'").fetchone()
    assert company == (850000.0, pytest.approx(850000 / 12), "Mid-market")


def test_japanese_sheet_with_era_dates_full_width_numbers_and_bom(ws):
    import_requests(ws, FIXTURES / "sheet_ja_bom.csv")
    reqs = _by_title(ws)
    assert reqs["CSV出力に項目を追加"]["created_at"] == "2024-03-12"
    assert reqs["CSV出力に項目を追加"]["votes"] == 3
    assert reqs["承認フロー"]["created_at"] == "2024-03-14"
    assert reqs["検索が遅い"]["mrr"] == 120000
    assert reqs["承認フロー"]["company_id"] == reqs["CSV出力に項目を追加"]["company_id"]


def test_jira_repeated_labels_are_one_tag_list_and_comments_stay_in_raw(ws):
    import json

    import_requests(ws, FIXTURES / "jira_repeated_columns.csv")
    req = _by_title(ws)["Calendar export"]
    assert req["tags"] == "customer, calendar"
    assert req["email"] == "ann@acme.com"
    assert req["company"] == "acme.com"
    raw = json.loads(ws.conn.execute("SELECT raw FROM requests WHERE external_id = 'PLAN-1'").fetchone()[0])
    assert raw["Comment"] == ["12/Mar/24 10:00;ann;first", "13/Mar/24 11:00;bob;second", ""]
    assert raw["Labels"] == ["customer", "calendar", ""]


def test_intercom_epoch_dates_and_title_from_first_message(ws):
    import_requests(ws, FIXTURES / "intercom_conversations.csv")
    reqs = _by_title(ws)
    assert reqs["Calendar sync"]["created_at"] == "2024-03-12T08:00:00+00:00"
    assert reqs["Slack notifications when a request is linked"]["external_id"] == "215468"
    assert ws.conn.execute("SELECT plan, mrr FROM companies WHERE name = 'Hale Corp'").fetchone() == ("Growth", 2500.0)


def test_canny_votes_with_thousands_separator(ws):
    import_requests(ws, FIXTURES / "canny_posts.csv")
    assert _by_title(ws)["Keyboard shortcuts"]["votes"] == 1204


def test_preset_can_be_forced_and_unknown_preset_is_refused(ws):
    from planner.errors import ImportFailed

    preview = preview_import(FIXTURES / "github_issues.csv", preset="generic")
    assert preview["preset"] == "generic" and preview["mapping"]["title"] == "title"
    with pytest.raises(ImportFailed, match="no preset 'trello'"):
        preview_import(FIXTURES / "github_issues.csv", preset="trello")


@pytest.mark.skipif(not REALDATA.exists(), reason="shared real data not mounted")
@pytest.mark.parametrize("path", sorted(REALDATA.glob("*.csv")) if REALDATA.exists() else [], ids=lambda p: p.name)
def test_realdata_imports_with_no_mapping_and_twice_adds_nothing(ws, path):
    first = import_requests(ws, path)
    assert first["failed"] == 0 and first["new"] == first["rows_read"] > 0
    again = import_requests(ws, path)
    assert again["new"] == 0 and again["updated"] == 0 and again["unchanged"] == first["new"]


@pytest.mark.skipif(not REALDATA.exists(), reason="shared real data not mounted")
def test_realdata_jira_titles_dates_and_companies(ws):
    import_requests(ws, REALDATA / "jira_server_export_poinz_testJiraIssueExport.csv")
    import_requests(ws, REALDATA / "jira_server_export_fr_locale_excerpt_REDACTED.csv")
    import_requests(ws, REALDATA / "github_issues_ruby_ruby_open_prs_2024-08.csv")
    reqs = _by_title(ws)
    assert reqs["timezone from AWST to HKT/SGT"]["created_at"] == "2020-03-04T09:03:00"  # trailing space trimmed
    assert reqs["timezone from AWST to HKT/SGT"]["body"].startswith("Dear test,\n\nMay sdgs.")
    assert reqs["Something something Summary"]["company"] == "zuehlke.com"
    assert reqs["Montée en compétence GBA"]["external_id"] == "CNED-6"  # French Résumé column
    ruby = reqs["Enable native SOCKS support by default [Feature #20673]"]
    assert (ruby["external_id"], ruby["created_at"]) == ("11441", "2024-08-23T02:11:15+00:00")
    assert len(requests_of(ws)) == 428 + 4 + 5
