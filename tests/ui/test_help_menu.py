"""The window's identity and its Help menu, as a user sees them: the title, About, shortcuts, how scores work."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDialogButtonBox

from planner import ops
from planner.storage import open_workspace
from ui import hotkeys, identity
from ui.backlog import KEYS

UI = Path(__file__).resolve().parents[2] / "ui"


def menu_text(text: str) -> str:
    """A menu's text as read in a sentence: "New I&tem…" -> "New Item…"."""
    return text.replace("&", "")


def menu_entries(window) -> dict[str, list[str]]:
    """Each menu of the menu bar, by its text without mnemonics: the texts of its entries, submenus walked."""
    def walk(menu, prefix=""):
        out = []
        for action in menu.actions():
            if action.menu() is not None:
                out += walk(action.menu(), f"{prefix}{menu_text(action.text())} ▸ ")
            elif action.text():
                out.append(prefix + menu_text(action.text()))
        return out

    return {menu_text(a.text()): walk(a.menu()) for a in window.menuBar().actions()}


# ------------------------------------------------------------------ the title and the icon
def test_the_title_is_the_workspace_name_and_follows_its_edits(qtbot, make_window, ws):
    window = make_window(ws)
    assert window.windowTitle() == "workspace — Roadmap Planner"  # no name given: the file's

    dialog = window.open_workspace_settings()
    assert dialog.name.text() == "" and dialog.name.placeholderText() == "workspace"
    dialog.name.setText("  Acme 2027 ")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    assert window.windowTitle() == "Acme 2027 — Roadmap Planner"
    assert ops.workspace_settings(ws)["name"] == "Acme 2027"

    window.undo_action.trigger()
    assert window.windowTitle() == "workspace — Roadmap Planner"

    # Renamed from the command line (another connection): the window notices on its next look.
    other = open_workspace(ws.path)
    try:
        ops.change_settings(other, name="Platform team")
    finally:
        other.close()
    window.ctx.check_external_changes()
    assert window.windowTitle() == "Platform team — Roadmap Planner"


def test_the_application_has_the_planners_icon(qapp):
    from ui.app import make_application

    app = make_application()
    image = app.windowIcon().pixmap(32, 32).toImage()
    assert not image.isNull()
    assert any(image.pixelColor(x, y).alpha() for x in range(32) for y in range(32))  # drawn, not a blank square


# ------------------------------------------------------------------ the Help menu
def test_the_help_menu_offers_scores_shortcuts_the_data_folder_and_about(window):
    assert menu_entries(window)["Help"] == [
        "How Scores Work", "Keyboard Shortcuts", "Open the Data Folder", "About Roadmap Planner"]


def test_about_shows_the_version_and_the_real_paths_and_copies_them(window, demo_ws, tmp_path):
    window.about_action.trigger()
    dialog = window.dialogs["about"]
    assert dialog.isVisible()
    assert dialog.version_label.text() == f"Version {identity.version()}"
    shown = dialog.details.toPlainText()
    workspace = demo_ws.path.resolve()
    for path in (workspace, Path(f"{workspace}.backups"), tmp_path / "appdata"):
        assert str(path) in shown
    assert "Python" in shown and "PySide6" in shown
    assert dialog.details.textInteractionFlags() & Qt.TextSelectableByMouse

    QGuiApplication.clipboard().clear()
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("Roadmap Planner\nVersion: " + identity.version())
    assert f"Workspace: {workspace}" in copied and f"Backups: {workspace}.backups" in copied
    assert f"Data folder: {tmp_path / 'appdata'}" in copied


def test_open_the_data_folder_shows_the_folder_of_the_workspace_and_its_backups(window, demo_ws, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    window.data_folder_action.trigger()
    assert opened == [str(demo_ws.path.resolve().parent)]


# ------------------------------------------------------------------ keyboard shortcuts
def hotkeys_in_module() -> dict[str, list[str]]:
    """Every key `ui/hotkeys.py` binds, read from the module's constants: constant -> the key texts."""
    found = {}
    for name, value in vars(hotkeys).items():
        if not name.isupper():
            continue
        if isinstance(value, tuple) and value and all(isinstance(v, QKeySequence) for v in value):
            found[name] = [v.toString(QKeySequence.NativeText) for v in value]
        elif isinstance(value, (QKeySequence, QKeySequence.StandardKey)):
            found[name] = [QKeySequence(value).toString(QKeySequence.NativeText)]
    return found


def test_the_shortcuts_dialog_lists_every_hotkey_with_what_it_does(window):
    """A key added to ui/hotkeys.py without a description (outside `described`) is missing here, and fails."""
    window.shortcuts_action.trigger()
    dialog = window.dialogs["shortcuts"]
    rows = dialog.shown_rows()
    listed = {}
    for section, text, keys in rows:
        assert section and text, f"{keys} is listed without saying what it does"
        for key in keys.split(", "):
            listed[key] = (section, text)
    expected = hotkeys_in_module()
    assert len(expected) > 15  # the module was read, not an empty list compared with an empty list
    for name, keys in expected.items():
        for key in keys:
            assert key in listed, f"hotkeys.{name} ({key}) is not listed in Help ▸ Keyboard Shortcuts"
    assert len(rows) == len(hotkeys.DESCRIBED)  # alternatives (J or Down) share their row
    # What a key does, in the words hotkeys.py gives; grouped by the section it names.
    undo = next(d for d in hotkeys.DESCRIBED if QKeySequence(hotkeys.UNDO) in [QKeySequence(k) for k in d.keys])
    assert listed["Ctrl+Z"] == (undo.section, undo.description)
    sections = [section for section, _t, _k in rows]
    assert sections == sorted(sections, key=sections.index)  # each section's keys together


def test_searching_narrows_the_shortcuts_by_words_or_keys(qtbot, window):
    dialog = window.open_shortcuts()
    qtbot.keyClicks(dialog.search, "UNDO")
    shown = dialog.shown_rows()
    assert [keys for _s, _t, keys in shown] == ["Ctrl+Z"]
    dialog.search.setText("ctrl+shift+i")
    assert [keys for _s, _t, keys in dialog.shown_rows()] == ["Ctrl+Shift+I"]
    dialog.search.setText("backlog")  # a section's name finds its keys
    assert {"Del", "Ctrl+B", "Ctrl+P"} <= {keys for _s, _t, keys in dialog.shown_rows()}
    dialog.search.setText("teleport")
    assert dialog.shown_rows() == [] and dialog.none_found.isVisibleTo(dialog)
    dialog.search.clear()
    assert not dialog.none_found.isVisibleTo(dialog) and len(dialog.shown_rows()) == len(dialog.rows)


# ------------------------------------------------------------------ how scores work
def test_how_scores_work_explains_the_backlogs_top_item_with_its_score_as_shown(qtbot, window, backlog):
    model = backlog.model
    title = model.index(0, KEYS.index("title")).data()
    score = model.index(0, KEYS.index("score")).data()
    explanation = model.index(0, KEYS.index("score")).data(Qt.ToolTipRole)
    assert title and score and explanation

    window.scores_help_action.trigger()
    dialog = window.dialogs["scores_help"]
    qtbot.waitUntil(lambda: dialog.example is not None)
    text = dialog.text()
    assert f"First in the backlog: “{title}”, score {score}, rank 1." in text
    assert explanation in text  # the detail panel's and the tooltip's own words
    for method in ("RICE", "ICE", "WSJF", "Value ÷ effort"):
        assert method in text
    assert "The people asking for it, each once" in text  # the reach sources
    days = ops.workspace_settings(window.ctx.ws)["window_days"]
    assert f"Only requests made within the last {days:,} days count as demand" in text


def test_how_scores_work_on_an_empty_workspace_says_what_makes_a_score(qtbot, make_window, ws):
    window = make_window(ws)
    dialog = window.open_scores_help()
    qtbot.waitUntil(lambda: dialog.example is not None)
    assert "No item has a score yet." in dialog.text()
    other = open_workspace(ws.path)  # the command line adds an item
    try:
        ops.add_item(other, title="SSO", effort=2, impact=2, confidence=80, reach_mode="manual", reach_manual=300)
    finally:
        other.close()
    window.ctx.check_external_changes()
    qtbot.waitUntil(lambda: dialog.example is not None and dialog.example["top"] is not None)
    assert "First in the backlog: “SSO”, score 240, rank 1." in dialog.text()


# ------------------------------------------------------------------ menu paths named in the interface
EXTERNAL_MENUS = {"File ▸ Save As ▸ CSV UTF-8"}  # Excel's menu, named in a hint about Excel


def translatable_texts() -> list[tuple[str, int, str]]:
    """Every text of ui/ given to tr() or QT_TRANSLATE_NOOP: what the window can show."""
    found = []
    for path in UI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("tr", "QT_TRANSLATE_NOOP"):
                found += [(path.name, node.lineno, a.value) for a in node.args
                          if isinstance(a, ast.Constant) and isinstance(a.value, str)]
    return found


def names(text: str, entry: str) -> bool:
    """Whether `text` starts with the menu entry's name, with or without its "…", and goes on with other words
    ("Import Batches take it back" names "Import Batches…"; "Import Requests…" does not name "Import…")."""
    for name in (entry, entry.rstrip("…")):
        after = text[len(name):]
        if text.startswith(name) and not after[:1].isalnum() and not re.match(r" [A-Z0-9]", after):
            return True
    return False


def test_the_menu_path_rule_tells_a_named_entry_from_a_missing_one():
    assert names("Import Batches take the import back.", "Import Batches…")
    assert names("Edit Lanes… to plan by release.", "Edit Lanes…")
    assert names("Undo puts it all back.", "Undo")
    assert not names("Import Requests… to start", "Import…")
    assert not names("Open, or pick a new file name", "Open Workspace…")
    assert not names("Undone", "Undo")


@pytest.mark.parametrize("separator", ["▸", ">"])
def test_every_menu_path_the_window_names_exists(window, separator):
    menus = menu_entries(window)
    named = re.compile(rf"\b({'|'.join(menus)}) {separator} ")
    checked = 0
    for where, line, text in translatable_texts():
        for found in named.finditer(text):
            rest = text[found.end():]
            if any(text[found.start():].startswith(external) for external in EXTERNAL_MENUS):
                continue
            entry = next((e for e in menus[found.group(1)] if names(rest, e.replace(" ▸ ", f" {separator} "))), None)
            assert entry is not None, f"{where}:{line} names {found.group(1)} {separator} {rest[:30]}…, not in the menu"
            checked += 1
    assert checked >= (8 if separator == "▸" else 3)  # the rule looked at the texts it is for
