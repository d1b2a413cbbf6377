"""Snapshots as the window names them, and the combo that chooses one (the backlog's Since, the Changes view)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP

from planner import history
from ui.i18n import tr
from ui.widgets.combos import refill_combo

KIND_WORDS = {
    "manual": QT_TRANSLATE_NOOP("", "taken by hand"),
    "export": QT_TRANSLATE_NOOP("", "at a workbook export"),
    "daily": QT_TRANSLATE_NOOP("", "daily"),
}


def when_text(taken_at) -> str:
    """"2026-12-05 18:10": a snapshot's time to the minute, in the computer's time zone (stored in UTC)."""
    text = str(taken_at or "")
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return text.replace("T", " ")[:16]
    if when.tzinfo is not None:
        when = when.astimezone()
    return when.strftime("%Y-%m-%d %H:%M")


def snapshot_label(snapshot: dict) -> str:
    """"2026-12-05 09:10 — before the replan": the time, then the note, or how it was taken when it has none."""
    note = (snapshot.get("note") or "").strip()
    words = KIND_WORDS.get(snapshot.get("kind") or "")
    return f"{when_text(snapshot.get('taken_at'))} — {note or (tr(words) if words else '')}".rstrip(" —")


def fill_snapshot_combo(combo, ws, first: tuple[str, object], last=()) -> list[dict]:
    """Offer `first` ((text, data)), every snapshot newest first, then `last` (more such pairs), keeping the choice;
    returns the snapshots."""
    snapshots = history.list_snapshots(ws)
    refill_combo(combo, [first] + [(snapshot_label(s), s["id"]) for s in snapshots] + list(last))
    return snapshots
