"""The roadmap on one page for executives: one vector PDF page of A4 or Letter, or a 1920×1080 PNG for slides."""

import unicodedata

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QLocale
from PySide6.QtGui import QFontDatabase, QFontMetrics, QImage
from PySide6.QtWidgets import QFileDialog

from planner import ops, roadmap
from planner.errors import ExportFailed
from planner.scoring.numbers import format_score
from ui.roadmap.onepage import JAPANESE_FAMILIES, default_page_size, page_font, write_one_page

JAPANESE_TITLE = "請求書の一括ダウンロード"


def pdf_text(path) -> str:
    """The page's text with its runs of white space made single spaces (Qt places words one by one)."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(str(path)).pages).split())


def page_size(path) -> tuple[float, float]:
    box = PdfReader(str(path)).pages[0].mediabox
    return float(box.width), float(box.height)


def embedded_fonts(path) -> set[str]:
    fonts = PdfReader(str(path)).pages[0]["/Resources"]["/Font"]
    return {str(font.get_object()["/BaseFont"]) for font in fonts.values()}


def planned_cards(ws, *, business=False) -> list[dict]:
    return [card for lane in roadmap.board(ws, lanes="quarters", business=business, unplanned=False) for card in lane["items"]]


def test_a4_pdf_is_one_landscape_page_with_searchable_text(qapp, demo_ws, tmp_path):
    path = tmp_path / "roadmap.pdf"
    result = write_one_page(demo_ws, path, lanes="quarters", page="a4")
    reader = PdfReader(str(path))
    assert len(reader.pages) == 1
    assert page_size(path) == pytest.approx((842, 595), abs=1)
    text = pdf_text(path)
    assert ops.workspace_settings(demo_ws)["name"] in text
    assert "Single sign-on with SAML and Okta" in text  # the first card of the first quarter
    assert "2026 Q4" in text
    # Every planned card is either on the page or counted in a lane's "+ N more".
    assert result["cards"] + result["more"] == len(planned_cards(demo_ws))
    assert result["more"] > 0
    assert "more" in text
    assert result["page"] == "A4 landscape"


def test_letter_pdf_is_letter_landscape(qapp, demo_ws, tmp_path):
    path = tmp_path / "roadmap.pdf"
    write_one_page(demo_ws, path, page="letter")
    assert len(PdfReader(str(path)).pages) == 1
    assert page_size(path) == pytest.approx((792, 612), abs=1)


def test_a_crowded_lane_still_fits_on_one_page(qapp, ws, tmp_path):
    lane = ops.add_lane(ws, name="Now", kind="horizon").value
    for n in range(60):
        ops.add_item(ws, title=f"Card number {n}", status="planned", lane=lane["id"])
    path = tmp_path / "crowded.pdf"
    result = write_one_page(ws, path, lanes="now-next-later")
    assert len(PdfReader(str(path)).pages) == 1
    assert result["cards"] + result["more"] == 60
    assert f"+ {result['more']} more" in pdf_text(path)
    assert "Card number 0" in pdf_text(path)
    assert "Card number 59" not in pdf_text(path)


def test_png_is_a_full_hd_slide_with_a_picture_on_it(qapp, demo_ws, tmp_path):
    path = tmp_path / "slide.png"
    result = write_one_page(demo_ws, path)
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1920, 1080)
    colours = {image.pixel(x, y) for x in range(0, 1920, 7) for y in range(0, 1080, 7)}
    assert len(colours) > 50  # cards, status and theme colours, text: not a blank page
    assert result["cards"] > 0


def test_business_edition_shows_no_scores_effort_or_capacity(qapp, demo_ws, tmp_path):
    internal, business = tmp_path / "internal.pdf", tmp_path / "business.pdf"
    write_one_page(demo_ws, internal)
    write_one_page(demo_ws, business, edition="business")
    scores = {format_score(card["score"]) for card in planned_cards(demo_ws) if card["score"] is not None}
    internal_text, business_text = pdf_text(internal), pdf_text(business)
    assert [s for s in scores if s in internal_text]  # the internal page does show scores...
    assert [s for s in scores if s in business_text] == []  # ...the business one none of them
    assert " pm" in internal_text
    assert " pm" not in business_text
    assert "over by" in internal_text
    assert "over by" not in business_text
    assert "score" not in business_text
    assert "Single sign-on with SAML and Okta" in business_text


def test_no_lanes_of_the_kind_says_what_to_do(qapp, ws, tmp_path):
    with pytest.raises(ExportFailed, match="no releases lanes"):
        write_one_page(ws, tmp_path / "empty.pdf", lanes="releases")
    assert not (tmp_path / "empty.pdf").exists()


def japanese_workspace(ws):
    ops.change_settings(ws, name="製品ロードマップ")
    lane = ops.add_lane(ws, name="2027年 第1四半期", kind="quarter").value
    ops.add_item(ws, title=JAPANESE_TITLE, status="planned", theme="請求", lane=lane["id"])
    ops.add_item(ws, title="SAML によるシングルサインオン", status="candidate", lane=lane["id"])
    return ws


def test_japanese_titles_are_set_in_a_japanese_font(qapp, ws, tmp_path):
    japanese_workspace(ws)
    path = tmp_path / "ja.pdf"
    result = write_one_page(ws, path)
    assert len(PdfReader(str(path)).pages) == 1
    assert page_size(path) == pytest.approx((842, 595), abs=1)
    installed = [name for name in JAPANESE_FAMILIES if name in QFontDatabase.families()]
    if not installed:
        pytest.skip("no Japanese font installed: the glyphs cannot be checked here")
    assert result["font"] == installed[0]
    font = page_font([JAPANESE_TITLE])
    assert all(QFontMetrics(font).inFontUcs4(ord(c)) for c in JAPANESE_TITLE)
    # Qt maps a glyph that two characters share back to the first of them: 一 reads as the radical ⼀, which
    # compatibility normalisation (as a viewer's search applies) makes 一 again.
    text = unicodedata.normalize("NFKC", pdf_text(path)).replace(" ", "")
    assert JAPANESE_TITLE in text
    assert "2items" in text  # digits set in the Japanese font stay text ("2 items" in the lane's header)
    assert "製品ロードマップ" in text
    assert any(installed[0].replace(" ", "").lower()[:12] in name.replace(" ", "").lower() for name in embedded_fonts(path))


def test_paper_follows_the_locale():
    assert default_page_size(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)) == "letter"
    assert default_page_size(QLocale(QLocale.Language.French, QLocale.Country.Canada)) == "letter"
    assert default_page_size(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan)) == "a4"
    assert default_page_size(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)) == "a4"


def test_board_button_writes_a_png_when_the_png_filter_is_chosen(qtbot, ctx, tmp_path, monkeypatch):
    from ui.roadmap.view import BoardView

    board = BoardView(ctx)
    qtbot.addWidget(board)
    said = []
    ctx.said.connect(said.append)
    target = tmp_path / "for-slides"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PNG images (*.png)"))
    board.one_page_button.click()
    image = QImage(str(target) + ".png")
    assert (image.width(), image.height()) == (1920, 1080)
    assert said and "for-slides.png" in said[-1]


def test_file_menu_writes_the_business_pdf_of_the_board(qtbot, window, tmp_path, monkeypatch):
    board = window.view("roadmap")
    board.business_box.setChecked(True)
    target = tmp_path / "exec.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF documents (*.pdf)"))
    window.one_page_action.trigger()
    assert len(PdfReader(str(target)).pages) == 1
    assert "over by" not in pdf_text(target)
    assert "Single sign-on with SAML and Okta" in pdf_text(target)
