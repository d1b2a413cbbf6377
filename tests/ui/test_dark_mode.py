"""Dark mode: with a dark palette the board, the matrix and the inbox paint dark surfaces and readable text;
what is exported for slides stays light."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QThreadPool, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QGraphicsSimpleTextItem

from planner import ops
from ui.context import AppContext
from ui.roadmap.style import TEXT_CONTRAST, contrast, current_theme, luminance

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.Window, "#2b2b2b"), (QPalette.WindowText, "#e8e8e8"), (QPalette.Base, "#1e1e1e"),
        (QPalette.AlternateBase, "#262626"), (QPalette.Text, "#e8e8e8"), (QPalette.Button, "#353535"),
        (QPalette.ButtonText, "#e8e8e8"), (QPalette.Highlight, "#3d7bd9"), (QPalette.HighlightedText, "#ffffff"),
        (QPalette.Mid, "#4a4a4a"), (QPalette.Dark, "#151515"), (QPalette.Light, "#505050"),
        (QPalette.ToolTipBase, "#2b2b2b"), (QPalette.ToolTipText, "#e8e8e8"), (QPalette.PlaceholderText, "#9a9a9a"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


@pytest.fixture
def dark(qapp):
    before = QPalette(qapp.palette())
    qapp.setPalette(dark_palette())
    yield current_theme()
    qapp.setPalette(before)


@pytest.fixture
def ctx(demo_ws):
    return AppContext(demo_ws)


def colours(image: QImage, rect=None) -> Counter:
    """How often each colour appears (every other pixel), in `rect` or the whole image."""
    rect = rect or image.rect()
    found = Counter()
    for y in range(rect.top(), rect.bottom() + 1, 2):
        for x in range(rect.left(), rect.right() + 1, 2):
            found[image.pixelColor(x, y).rgb()] += 1
    return found


def background_and_ink(image: QImage, rect=None) -> tuple[QColor, float]:
    """The commonest colour (the background) and the best contrast any pixel has against it (the text)."""
    found = colours(image, rect)
    back = QColor.fromRgb(found.most_common(1)[0][0])
    return back, max(contrast(QColor.fromRgb(c), back) for c in found)


def shown(qtbot, widget, size):
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_board_is_dark_with_readable_cards_and_lane_headers(qtbot, dark, ctx):
    from ui.roadmap import BoardView

    board = shown(qtbot, BoardView(ctx), (1400, 900))
    qtbot.waitUntil(lambda: not board.scores_pending and bool(board.canvas.cards), timeout=20000)
    canvas = board.canvas.viewport().grab().toImage()
    back, _ = background_and_ink(canvas)
    assert luminance(back) < 0.05
    card = next(iter(board.canvas.cards.values()))
    rect = board.canvas.mapFromScene(card.sceneBoundingRect()).boundingRect().adjusted(6, 4, -6, -4)
    card_back, ink = background_and_ink(canvas, rect)
    assert luminance(card_back) < 0.1 and ink >= TEXT_CONTRAST
    header_back, ink = background_and_ink(board.header.grab().toImage())
    assert luminance(header_back) < 0.1 and ink >= TEXT_CONTRAST
    for status in ops.STATUSES:  # the status word on a card
        assert contrast(dark.status_text(status), dark.card) >= TEXT_CONTRAST, status
    for fore, back in ((dark.muted, dark.header), (dark.over, dark.header_over), (dark.badge_text, dark.badge),
                       (dark.soft, dark.background)):
        assert contrast(fore, back) >= TEXT_CONTRAST
    QThreadPool.globalInstance().waitForDone(20000)


def test_the_board_s_png_stays_light_on_a_dark_desktop(qtbot, dark, ctx, tmp_path):
    from ui.roadmap import BoardView

    board = shown(qtbot, BoardView(ctx), (1400, 900))
    qtbot.waitUntil(lambda: not board.scores_pending and bool(board.canvas.cards), timeout=20000)
    path = tmp_path / "board.png"
    board.export_png(path)
    back, ink = background_and_ink(QImage(str(path)))
    assert luminance(back) > 0.8 and ink >= TEXT_CONTRAST
    QThreadPool.globalInstance().waitForDone(20000)


def test_the_matrix_is_dark_and_every_label_reads_on_its_quadrant(qtbot, dark, ctx):
    from ui.matrix import MatrixView

    matrix = shown(qtbot, MatrixView(ctx), (1300, 820))
    qtbot.waitUntil(lambda: matrix.data is not None and not matrix.scores_pending, timeout=20000)
    back, ink = background_and_ink(matrix.canvas.viewport().grab().toImage())
    assert luminance(back) < 0.08 and ink >= TEXT_CONTRAST
    texts = [i for i in matrix._frame_items if isinstance(i, QGraphicsSimpleTextItem)]
    assert len(texts) > 10
    for text in texts:
        for surface in [dark.background, *dark.quadrants.values()]:
            assert contrast(text.brush().color(), surface) >= TEXT_CONTRAST, text.text()
    QThreadPool.globalInstance().waitForDone(20000)


def test_the_inbox_is_dark_and_its_secondary_text_and_banner_read(qtbot, dark, ctx):
    from ui.inbox import InboxView

    inbox = shown(qtbot, InboxView(ctx), (1300, 700))
    back, ink = background_and_ink(inbox.table.viewport().grab().toImage())
    assert luminance(back) < 0.05 and ink >= TEXT_CONTRAST
    window = inbox.palette().color(QPalette.Window)
    for label in (inbox.detail.meta_label, inbox.detail.keys_label, inbox.drop_hint):
        assert contrast(label.palette().color(label.foregroundRole()), window) >= TEXT_CONTRAST, label.text()
    qtbot.keyClick(inbox.table, Qt.Key_A)
    assert inbox.banner.isVisible()
    banner_back, ink = background_and_ink(inbox.banner.grab().toImage())
    assert luminance(banner_back) < 0.1 and ink >= TEXT_CONTRAST


def test_switching_the_desktop_to_dark_repaints_an_open_board(qtbot, ctx):
    from ui.roadmap import BoardView

    board = shown(qtbot, BoardView(ctx), (1400, 900))
    qtbot.waitUntil(lambda: not board.scores_pending and bool(board.canvas.cards), timeout=20000)

    def background() -> float:
        return luminance(background_and_ink(board.canvas.viewport().grab().toImage())[0])

    assert background() > 0.8
    app = QApplication.instance()
    before = QPalette(app.palette())
    app.setPalette(dark_palette())  # Qt tells the widgets in a posted event: the repaint follows it
    try:
        qtbot.waitUntil(lambda: background() < 0.05)
    finally:
        app.setPalette(before)
    QThreadPool.globalInstance().waitForDone(20000)


def test_switching_the_desktop_to_dark_restyles_an_open_inbox(qtbot, ctx):
    from ui.inbox import InboxView

    inbox = shown(qtbot, InboxView(ctx), (1300, 700))
    label = inbox.detail.meta_label
    app = QApplication.instance()
    before = QPalette(app.palette())
    app.setPalette(dark_palette())
    try:
        window = dark_palette().color(QPalette.Window)
        qtbot.waitUntil(lambda: contrast(label.palette().color(label.foregroundRole()), window) >= TEXT_CONTRAST)
    finally:
        app.setPalette(before)
