"""End to end: a CSV dump in, the roadmap workbook out, read back as a reader would."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import openpyxl
import pandas as pd
import pytest

from planner import ops
from planner.exporting import export_roadmap
from planner.importing import import_requests
from planner.scoring import score_items
from planner.storage import open_workspace

HOSTILE_ROWS = [
    ("T-1", "=HYPERLINK(\"http://evil.example\",\"x\")", "@SUM(1+1)*cmd|' /C calc'!A0", "+Mallory", "m@evil.example", "-Evil Ltd"),
    ("T-2", "SSO please", "\t=1+1", "Ann Example", "ann@acme.example", "Acme GmbH"),
    ("T-3", "＝1+1 全角", "－2+3", "田中 太郎", "tanaka@example.jp", "＠株式会社"),
    ("00042", "Export to Excel", "Plain text body", "Bob Example", "bob@acme.example", "Acme GmbH"),
]


def planner(*args):
    return subprocess.run([sys.executable, "-m", "planner", *args], capture_output=True, text=True, timeout=180)


@pytest.fixture
def imported(tmp_path):
    csv_path = tmp_path / "dump.csv"
    df = pd.DataFrame(HOSTILE_ROWS, columns=["external_id", "title", "body", "requester", "email", "company"])
    df["created_at"] = ["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04"]
    df.to_csv(csv_path, index=False, encoding="utf-8")
    ws = open_workspace(tmp_path / "w.db")
    report = import_requests(ws, csv_path, source="helpdesk")
    assert report["new"] == 4
    assert len(ops.list_requests(ws)) == 4
    lane = ops.add_lane(ws, name="2027 Q1", kind="quarter", start_date="2027-01-01", end_date="2027-03-31")
    item = ops.add_item(ws, title="Exports", status="planned", lane=lane["id"], impact=2, confidence=80, effort=2)
    for request in ops.list_requests(ws):
        ops.link_request(ws, request["id"], item["id"])
    yield ws, tmp_path, item
    ws.close()


def test_csv_in_workbook_out_keeps_hostile_text_as_text(imported):
    ws, tmp_path, item = imported
    out = tmp_path / "roadmap.xlsx"
    export_roadmap(ws, out)
    wb = openpyxl.load_workbook(out)
    cells = {}
    for sheet in wb:
        for row in sheet.iter_rows():
            for c in row:
                if c.data_type == "f":
                    assert sheet.title == "Priorities", (sheet.title, c.coordinate, c.value)
                if isinstance(c.value, str):
                    cells.setdefault(c.value, c)
    stored = ops.list_requests(ws)  # as the importer kept them (it may trim whitespace)
    for request in stored:
        for text in (request["title"], request["body"], request["company"]):
            assert text in cells, text
            assert cells[text].data_type == "s"
    hostile = [r[f] for r in stored for f in ("title", "body", "company") if r[f][0] in "=+-@\t＝＋－＠"]
    assert len(hostile) >= 6
    assert all(cells[text].quotePrefix for text in hostile)
    assert "00042" in cells  # the external id kept its leading zeros
    requests = pd.read_excel(out, sheet_name="Requests", dtype=str)
    assert set(requests["Title"]) == {r[1] for r in HOSTILE_ROWS}
    assert set(requests["Company"]) == {r[5] for r in HOSTILE_ROWS}


def test_csv_in_workbook_out_business_edition_hides_people(imported):
    ws, tmp_path, _ = imported
    out = tmp_path / "business.xlsx"
    export_roadmap(ws, out, edition="business")
    text = "\n".join(str(c.value) for s in openpyxl.load_workbook(out) for r in s.iter_rows() for c in r if c.value)
    for person in ("Ann Example", "ann@acme.example", "田中 太郎", "+Mallory", "tanaka@example.jp"):
        assert person not in text
    assert "Acme GmbH" in text


def test_cli_export_contract(imported):
    ws, tmp_path, _ = imported
    db = str(ws.path)
    ws.close()
    out = tmp_path / "cli.xlsx"
    result = planner("--db", db, "export", str(out), "--edition", "business", "--lanes", "quarters", "--json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["file"] == str(out) and doc["edition"] == "business" and doc["lanes"] == "quarters"
    assert doc["sheets"][0] == "Roadmap" and doc["items"] == 1 and doc["requests"] == 4
    assert openpyxl.load_workbook(out).sheetnames == doc["sheets"]

    csv_out = tmp_path / "cli.csv"
    result = planner("--db", db, "export", str(csv_out))
    assert result.returncode == 0 and "Wrote 1 items" in result.stdout
    assert csv_out.read_bytes().startswith(b"\xef\xbb\xbf")

    result = planner("--db", db, "export", str(tmp_path / "x.pdf"))
    assert result.returncode == 2 and result.stderr.startswith("planner: ") and "Traceback" not in result.stderr
    result = planner("--db", db, "export", str(out), "--edition", "public")
    assert result.returncode == 2


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_recalculates_the_live_scores(imported):
    """Change an estimate in the sheet and a spreadsheet program moves the score."""
    ws, tmp_path, item = imported
    out = tmp_path / "roadmap.xlsx"
    export_roadmap(ws, out)
    scored = {s["id"]: s["score"] for s in score_items(ws)}
    wb = openpyxl.load_workbook(out)
    sheet = wb["Priorities"]
    head = [c.value for c in sheet[1]]
    effort_col = head.index("Effort") + 1
    sheet.cell(2, effort_col).value = 4  # the estimate doubles: the score must halve
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)  # openpyxl stores no results, so the program has to calculate
    outdir = tmp_path / "lo"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless", "--calc",
         "--convert-to", "xlsx", "--outdir", str(outdir), str(edited)],
        check=True, capture_output=True, timeout=180,
    )
    values = openpyxl.load_workbook(outdir / "edited.xlsx", data_only=True)["Priorities"]
    score = values.cell(2, head.index("Score") + 1).value
    assert score == pytest.approx(scored[item["id"]] / 2, abs=0.01)
