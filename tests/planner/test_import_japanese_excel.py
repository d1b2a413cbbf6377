"""CSV files as Excel on Japanese Windows saves them: CP932, where the yen sign is the byte 0x5C (a backslash)."""

import pytest

from planner import ops
from planner.importing import import_requests, preview_import
from planner.importing.mapping import match_synonyms
from planner.importing.values import ValueProblem, parse_count, parse_money


def _excel_cp932(path, text: str):
    data = text.replace("\n", "\r\n").encode("cp932")
    path.write_bytes(data)
    return path


ROWS = """会社名,件名,月額(円),セグメント
北沢電機株式会社,帳票をPDFで出力したい,"\\120,000",大企業
株式会社さくら物流,CSVの一括取込,"\\1,200,000",中堅
髙橋製作所,スマホで承認したい,\\9800,中小
株式会社ひかり通信,請求書の自動送付,"\\45,000",中小
"""


def test_the_yen_sign_excel_writes_as_a_backslash_reads_as_yen_and_every_row_imports(ws, tmp_path):
    path = _excel_cp932(tmp_path / "要望一覧.csv", ROWS)
    assert b"\x5c120,000" in path.read_bytes()  # the yen sign as CP932 stores it
    report = import_requests(ws, path)
    assert (report["encoding"], report["mapping"]["mrr"], report["mapping"]["segment"]) == ("cp932", "月額(円)", "セグメント")
    assert (report["rows_read"], report["new"], report["failed"], report["cell_warnings"]) == (4, 4, 0, [])
    companies = {c["name"]: (c["mrr"], c["segment"]) for c in ops.list_companies(ws)}
    assert companies == {
        "北沢電機株式会社": (120000.0, "大企業"),
        "株式会社さくら物流": (1200000.0, "中堅"),
        "髙橋製作所": (9800.0, "中小"),
        "株式会社ひかり通信": (45000.0, "中小"),
    }


def test_segments_new_lists_the_names_no_company_had_before(ws, tmp_path):
    ops.upsert_company(ws, name="既存商事", segment="中堅")
    report = import_requests(ws, _excel_cp932(tmp_path / "要望一覧.csv", ROWS))
    assert report["segments_new"] == ["大企業", "中小"]
    again = import_requests(ws, _excel_cp932(tmp_path / "要望一覧.csv", ROWS))
    assert again["segments_new"] == []


@pytest.mark.parametrize("text, value", [
    ("\\120,000", 120000.0), ("\\1,200,000", 1200000.0), ("\\ 5,000", 5000.0), ("¥120,000", 120000.0),
    ("￥120,000", 120000.0), ("120,000円", 120000.0), ("", None),
])
def test_a_backslash_before_a_sum_of_money_is_a_yen_sign(text, value):
    assert parse_money(text) == value


def test_a_backslash_is_a_yen_sign_only_in_money():
    with pytest.raises(ValueProblem, match=r"^'\\5' is not a whole number$"):
        parse_count("\\5")
    with pytest.raises(ValueProblem, match=r"^'\\120,000x' is not a sum of money$"):
        parse_money("\\120,000x")


@pytest.mark.parametrize("header", ["月額", "月額(円)", "月額（円）", "月額料金", "MRR(円)", "MRR（円）", "月額売上", "MRR (JPY)", "MRR ($)"])
def test_monthly_revenue_headers_map_to_mrr(header):
    assert match_synonyms(["件名", header]) == {"title": "件名", "mrr": header}


@pytest.mark.parametrize("header", ["年額", "年額(円)", "契約金額", "ARR(円)", "年間契約額", "ARR（ＪＰＹ）"])
def test_annual_revenue_headers_map_to_arr(header):
    assert match_synonyms(["件名", header]) == {"title": "件名", "arr": header}


def test_a_unit_that_scales_the_sums_is_not_ignored():
    # 月額(万円) holds 12 for ¥120,000: read as yen it would be ten thousand times too small.
    assert match_synonyms(["件名", "月額(万円)"]) == {"title": "件名"}


def test_preview_of_a_cp932_file_shows_the_sums_in_yen(tmp_path):
    preview = preview_import(_excel_cp932(tmp_path / "要望一覧.csv", ROWS))
    assert [r["mrr"] for r in preview["rows"]] == [120000.0, 1200000.0, 9800.0, 45000.0]
    assert preview["cell_warnings"] == []
