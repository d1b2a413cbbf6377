"""`planner export FILE.pdf|FILE.png`: the roadmap on one page from the command line, without a display."""

import json
import re
import struct
import subprocess
import sys

import pytest
from pypdf import PdfReader

from tests.cli_run import launcher, planner


@pytest.fixture
def demo_db(tmp_path):
    db = tmp_path / "demo.db"
    planner("--db", str(db), "demo")
    return db


@pytest.fixture
def no_display(monkeypatch):
    """As on a server: no display, and Qt's platform left for the command to choose."""
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)


def pdf_text(path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(str(path)).pages).split())


def first_card_score(db) -> str:
    """The score the first quarter's first card shows, as the board formats it."""
    from planner import roadmap
    from planner.scoring.numbers import format_score
    from planner.storage import open_workspace

    ws = open_workspace(db)
    try:
        return format_score(roadmap.board(ws, lanes="quarters", unplanned=False)[0]["items"][0]["score"])
    finally:
        ws.close()


def png_size(path) -> tuple[int, int]:
    """Width and height from the PNG's header chunk."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_pdf_without_a_display_is_one_a4_landscape_page(demo_db, tmp_path, no_display):
    out = tmp_path / "roadmap.pdf"
    result = launcher("--db", str(demo_db), "export", str(out))
    match = re.fullmatch(r"Wrote roadmap\.pdf: 1 page, A4 landscape, 4 lanes, (\d+) cards \((\d+) more not shown\)\.\n",
                         result.stdout)
    assert match, result.stdout
    reader = PdfReader(str(out))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((842, 595), abs=1)
    text = pdf_text(out)
    assert "demo" in text  # the workspace's name
    assert "Single sign-on with SAML and Okta" in text


def test_business_letter_pdf_as_json(demo_db, tmp_path, no_display):
    out = tmp_path / "exec.pdf"
    result = launcher("--db", str(demo_db), "export", str(out), "--edition", "business", "--page", "letter",
                     "--lanes", "quarters", "--json")
    data = json.loads(result.stdout)
    assert data["pages"] == 1
    assert data["page"] == "Letter landscape"
    assert data["edition"] == "business"
    assert data["lanes"] == 4
    reader = PdfReader(str(out))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((792, 612), abs=1)
    text = pdf_text(out)
    assert "over by" not in text
    assert " pm" not in text
    launcher("--db", str(demo_db), "export", str(tmp_path / "internal.pdf"))
    score = first_card_score(demo_db)
    assert score in pdf_text(tmp_path / "internal.pdf")  # the first card's score, in the internal edition...
    assert score not in text  # ...and not in the business one


def test_png_is_a_1920_by_1080_slide(demo_db, tmp_path, no_display):
    out = tmp_path / "slide.png"
    result = launcher("--db", str(demo_db), "export", str(out), "--lanes", "quarters")
    assert result.stdout.startswith("Wrote slide.png: 1 image, 1920×1080 pixels, 4 lanes, ")
    assert png_size(out) == (1920, 1080)


def test_another_suffix_names_every_format(demo_db, tmp_path):
    result = planner("--db", str(demo_db), "export", str(tmp_path / "roadmap.docx"), check=False)
    assert result.returncode == 2
    for suffix in (".xlsx", ".csv", ".pdf", ".png"):
        assert suffix in result.stderr
    assert not (tmp_path / "roadmap.docx").exists()


def test_python_m_planner_says_which_command_draws_the_page(demo_db, tmp_path):
    result = planner("--db", str(demo_db), "export", str(tmp_path / "roadmap.pdf"), check=False)
    assert result.returncode == 2
    assert "roadmap.pdf: the roadmap on one page is drawn by the `planner` command (or `python -m ui`)" in result.stderr
    assert not (tmp_path / "roadmap.pdf").exists()


def test_the_export_command_loads_no_qt():
    code = "import sys, planner.cli.export_cmds, planner.cli; planner.cli.build_parser(); print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
