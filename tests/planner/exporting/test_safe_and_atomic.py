"""Untrusted text stays text; a failed or refused export leaves the previous file as it was."""

from __future__ import annotations

import csv
import io
import os
import stat

import openpyxl
import pytest

from planner.errors import Cancelled, ExportFailed, Progress
from planner.exporting import export_priorities_csv, export_roadmap
from planner.exporting.safe import clean_text, csv_text, is_hostile
from planner.scoring import score_items
from tests.planner.exporting.conftest import HOSTILE


@pytest.mark.parametrize("text", HOSTILE)
def test_formula_leads_are_hostile(text):
    assert is_hostile(text)
    assert csv_text(text) == "'" + text


@pytest.mark.parametrize("text", ["SSO please", "", "a=b", "100% of users", "-5", "+3.25", "1e5", "日本語"])
def test_ordinary_text_and_plain_numbers_pass(text):
    assert not is_hostile(text)
    assert csv_text(text) == text


def test_numbers_stay_numbers_in_csv():
    assert csv_text(-3) == "-3" and csv_text(2.5) == "2.5" and csv_text(None) == ""


def test_clean_text_drops_what_xml_cannot_hold():
    assert clean_text("a\x00b\x07c\td\ne") == "a\ufffdb\ufffdc\td\ne"
    assert len(clean_text("x" * 40000)) == 32767


def previous_file(path):
    path.write_bytes(b"previous workbook")
    return path


def no_temp_files(folder) -> bool:
    return [p.name for p in folder.iterdir() if ".tmp" in p.name] == []


def test_read_only_target_is_refused_and_kept(small_ws, tmp_path):
    target = previous_file(tmp_path / "roadmap.xlsx")
    os.chmod(target, stat.S_IRUSR | stat.S_IRGRP)
    try:
        with pytest.raises(ExportFailed) as err:
            export_roadmap(small_ws, target)
    finally:
        os.chmod(target, stat.S_IRUSR | stat.S_IWUSR)
    assert "roadmap.xlsx is open in another program or read-only; close it and export again" in str(err.value)
    assert "The previous file is unchanged." in str(err.value)
    assert target.read_bytes() == b"previous workbook"
    assert no_temp_files(tmp_path)


def test_target_locked_by_another_program_is_refused_and_kept(small_ws, tmp_path, monkeypatch):
    # What Windows does when Excel has the file open: the move into place is refused.
    target = previous_file(tmp_path / "roadmap.xlsx")

    def locked(src, dst):
        raise PermissionError(13, "The process cannot access the file because it is being used by another process")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportFailed, match="open in another program or read-only"):
        export_roadmap(small_ws, target)
    assert target.read_bytes() == b"previous workbook"
    assert no_temp_files(tmp_path)


def test_write_error_keeps_previous_file(small_ws, tmp_path, monkeypatch):
    import planner.exporting as exporting

    target = previous_file(tmp_path / "roadmap.xlsx")

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(exporting, "write_workbook", disk_full)
    with pytest.raises(ExportFailed, match="No space left on device. The previous file is unchanged"):
        export_roadmap(small_ws, target)
    assert target.read_bytes() == b"previous workbook"
    assert no_temp_files(tmp_path)


def test_cancel_keeps_previous_file(small_ws, tmp_path):
    target = previous_file(tmp_path / "roadmap.xlsx")
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        export_roadmap(small_ws, target, progress=progress)
    assert target.read_bytes() == b"previous workbook"
    assert no_temp_files(tmp_path)


def test_progress_reports_and_a_replaced_file_is_whole(small_ws, tmp_path):
    target = previous_file(tmp_path / "roadmap.xlsx")
    seen = []
    export_roadmap(small_ws, target, progress=Progress(lambda done, total, text: seen.append(text)))
    assert seen and seen[-1] == "Saved"
    assert openpyxl.load_workbook(target).sheetnames[0] == "Roadmap"
    assert no_temp_files(tmp_path)


@pytest.mark.parametrize("name, message", [("folder/none.xlsx", "does not exist"), ("roadmap.xls", "not an .xlsx")])
def test_bad_targets_say_why(small_ws, tmp_path, name, message):
    with pytest.raises(ExportFailed, match=message):
        export_roadmap(small_ws, tmp_path / name)


def test_bad_choices_are_refused(small_ws, tmp_path):
    from planner.errors import ValidationError

    with pytest.raises(ValidationError, match="edition"):
        export_roadmap(small_ws, tmp_path / "x.xlsx", edition="public")
    with pytest.raises(ValidationError, match="Lanes"):
        export_roadmap(small_ws, tmp_path / "x.xlsx", lanes="months")


def read_csv(path) -> list[dict]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel on Japanese Windows reads UTF-8
    assert b"\r\n" in raw
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def test_priorities_csv_internal(small_ws, tmp_path):
    path = tmp_path / "p.csv"
    result = export_priorities_csv(small_ws, path)
    rows = read_csv(path)
    scored = score_items(small_ws)
    assert result["rows"] == len(rows) == len(scored)
    assert [r["id"] for r in rows] == [str(s["id"]) for s in scored]
    first = rows[0]
    assert float(first["score"]) == pytest.approx(scored[0]["score"])
    assert "effort" in first and "notes" in first
    hostile = next(r for r in rows if "dangerous" in r["title"])
    assert hostile["title"] == "'=1+1 dangerous title"  # escaped so no spreadsheet evaluates it
    assert "日本語の請求書" in {r["title"] for r in rows}
    assert "Secret internal note" in {r["notes"] for r in rows}


def test_priorities_csv_business(small_ws, tmp_path):
    path = tmp_path / "p.csv"
    export_priorities_csv(small_ws, path, edition="business")
    rows = read_csv(path)
    for hidden in ("effort", "confidence", "notes", "explanation"):
        assert hidden not in rows[0]
    assert "Secret internal note" not in path.read_text(encoding="utf-8-sig")


def test_priorities_csv_business_without_companies(small_ws, tmp_path):
    path = tmp_path / "p.csv"
    export_priorities_csv(small_ws, path, edition="business", include_companies=False)
    text = path.read_text(encoding="utf-8-sig")
    assert "top_company" not in text and "Acme GmbH" not in text
