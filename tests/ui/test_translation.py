"""The Japanese translation: complete, placeholders intact, and installed on request."""

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QTranslator

from ui.i18n import TRANSLATIONS_DIR, install_translators, remove_translators, ui_language
from ui.context import tr

TS = TRANSLATIONS_DIR / "planner_ja.ts"
# {name}, {n:,.0f}, %1 and the & accelerator must survive translation.
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\d+|<[^<>]+>")


def _messages():
    root = ET.parse(TS).getroot()
    return [(m.find("source").text or "", m.find("translation")) for m in root.iter("message")]


@pytest.fixture
def japanese(qapp, monkeypatch):
    monkeypatch.setenv("PLANNER_LANG", "ja")
    installed = install_translators(qapp, ui_language())
    yield installed
    remove_translators(qapp)


def test_the_translation_file_is_complete():
    messages = _messages()
    assert len(messages) > 300
    for source, translation in messages:
        assert translation is not None and translation.get("type") is None, source
        assert (translation.text or "").strip(), source
    compiled = QTranslator()
    assert compiled.load(str(TRANSLATIONS_DIR / "planner_ja.qm"))
    assert compiled.translate("", "Backlog") == "バックログ"


def test_every_placeholder_survives_translation():
    for source, translation in _messages():
        assert sorted(PLACEHOLDER.findall(translation.text)) == sorted(PLACEHOLDER.findall(source)), source
        if re.search(r"&[A-Za-z]", source):
            assert re.search(r"&[A-Za-z]", translation.text), source


def test_planner_lang_wins_and_english_installs_nothing(qapp, monkeypatch):
    monkeypatch.setenv("PLANNER_LANG", "en")
    assert ui_language() == "en"
    assert install_translators(qapp, "en") == "en"
    assert tr("Backlog") == "Backlog"
    monkeypatch.setenv("PLANNER_LANG", "ja_JP.UTF-8")
    assert ui_language() == "ja"
    assert install_translators(qapp, "xx") == "en"  # no file: English, silently
    assert tr("Backlog") == "Backlog"


def test_the_main_window_shows_japanese(japanese, window):
    assert japanese == "ja"
    nav = [window.nav.item(n).text() for n in range(window.nav.count())]
    assert "バックログ" in nav and "ロードマップ" in nav
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[:2] == ["ファイル(&F)", "編集(&E)"]
    assert window.import_action.text() == "インポート(&I)…"
    assert "件" in window.counts_label.text()


def test_a_scores_explanation_table_reads_in_japanese(japanese, show):
    from ui.backlog.explanation import ExplanationTable

    table = show(ExplanationTable(), size=(400, 400))
    table.show_row({"factors": [
        {"name": "reach", "value": 35.0, "text": "35 people", "share": 0.84, "unit": "people", "source": "x"},
        {"name": "impact", "value": 2.0, "text": "2 (high)", "share": 0.16, "unit": "x", "source": "estimate (high)"},
        {"name": "effort", "value": 1.0, "text": "1 person-month", "share": 0.0, "unit": "person-months",
         "source": "estimate (person-months)"},
    ], "counts": [
        {"name": "requests", "value": 36, "text": "36 requests from 35 people", "people": 35, "window_days": 365,
         "since": "2025-12-05", "segment": None},
        {"name": "older requests not counted", "value": 3, "text": "3 older requests not counted"},
    ]})
    assert [row[:3] for row in table.factor_rows()] == [
        ("リーチ", "35人", "x"), ("インパクト", "2 大", "見積もり:大"), ("工数", "1人月", "見積もり(人月)")]
    assert table.counts.text().splitlines() == [
        "要望 36件(35人から、直近 365 日:2025-12-05 以降)",
        "集計期間より古い要望 3 件は数えていません。期間を広げるには 編集 ▸ ワークスペース設定"]


def test_removing_the_translators_brings_english_back(qapp, monkeypatch):
    monkeypatch.setenv("PLANNER_LANG", "ja")
    install_translators(qapp, ui_language())
    assert tr("Backlog") == "バックログ"
    remove_translators(qapp)
    assert tr("Backlog") == "Backlog"


def test_the_language_menu_remembers_the_choice(window, settings, messages, monkeypatch):
    names = [a.text() for a in window.language_menu.actions()]
    assert "日本語" in names and "English" in names
    window.language_group.actions()[names.index("日本語")].trigger()
    assert settings.value("ui/language") == "ja"
    assert messages and "next time" in messages[-1]["text"]
    monkeypatch.delenv("PLANNER_LANG", raising=False)
    assert ui_language(settings) == "ja"
    monkeypatch.setenv("PLANNER_LANG", "en")  # the environment still wins
    assert ui_language(settings) == "en"
