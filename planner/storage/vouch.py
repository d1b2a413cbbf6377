"""The whole-file integrity check, skipped when only the planner has touched a big workspace since its last check.

Opening a workspace runs `PRAGMA quick_check`, which reads every page: 0.6 s for a
90 MB workspace, 2 s for 380 MB, paid by every `planner` command and every opening
of the window. The check is there for damage done from outside: a sync client or
a copy tool writing over the file, a crash of the machine, a disk going bad.

So when a connection that was checked (or vouched for) closes, and it leaves the
file with no write-ahead log behind (the last connection closed cleanly), the file's
identity and times (device, inode, size, modification and status-change times, in
nanoseconds) are noted in the application-data folder. The next opening compares:
the same file, untouched since, needs no check. Anything that writes to the file,
replaces it, copies over it or even changes its permissions moves its status-change
time, which no program can set back; a log left behind (a crash) or a note older
than a day means a full check again. Small workspaces are always checked (it costs
milliseconds).

The status-change time is kept by the kernel at the coarse clock's granularity (a
few milliseconds): a note is written only once the file's last change is
`MARGIN` old, so a write that follows the note can never carry the same time.
"""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path

log = logging.getLogger(__name__)

VOUCH_FROM = 32 * 1024 * 1024  # bytes: a smaller file is checked every time (tens of milliseconds at most)
CHECK_EVERY = 24 * 3600.0  # seconds: at least one full check a day, whatever the notes say
MARGIN = 0.03  # seconds: older than the coarse clock's step on any kernel (1-10 ms)
KEEP = 64  # workspaces noted


def _notes_file() -> Path:
    from planner.appdata import data_dir

    return data_dir() / "checked-workspaces.json"


def _key(path: Path) -> str:
    return str(Path(path).resolve())


def _stamp(path: Path) -> list[int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns]


def _left_clean(path: Path) -> bool:
    """No write-ahead log or rollback journal with anything in it: the last connection closed cleanly."""
    for suffix in ("-wal", "-journal"):
        try:
            if os.stat(f"{path}{suffix}").st_size > 0:
                return False
        except FileNotFoundError:
            continue
        except OSError:
            return False
    return True


def _read() -> dict:
    try:
        notes = json.loads(_notes_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return notes if isinstance(notes, dict) else {}


def checked_at(path: Path) -> float | None:
    """When `path` was last fully checked, if it is noted as untouched since (else None: check it now)."""
    note = _read().get(_key(path))
    if not isinstance(note, dict) or not _left_clean(path):
        return None
    when = note.get("checked_at")
    if not isinstance(when, (int, float)) or not 0 <= time.time() - when < CHECK_EVERY:
        return None
    stamp = _stamp(path)
    if stamp is None or stamp[2] < VOUCH_FROM or note.get("stamp") != stamp:
        return None
    return float(when)


def note_closed(path: Path, checked: float) -> None:
    """After a checked connection closed: note the file as it was left, if the last connection closed cleanly.

    Never raises: without a note the next opening simply checks the file.
    """
    try:
        stamp = _stamp(path)
        if stamp is None or stamp[2] < VOUCH_FROM or not _left_clean(path):
            return
        age = time.time() - stamp[4] / 1e9
        if age < MARGIN:
            time.sleep(MARGIN - age)
            if _stamp(path) != stamp or not _left_clean(path):
                return  # written to while waiting: another connection is at work
        notes = _read()
        notes[_key(path)] = {"stamp": stamp, "checked_at": checked}
        if len(notes) > KEEP:
            oldest = sorted(notes, key=lambda k: notes[k].get("checked_at", 0) if isinstance(notes[k], dict) else 0)
            for key in oldest[: len(notes) - KEEP]:
                del notes[key]
        target = _notes_file()
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps(notes), encoding="utf-8")
        os.replace(temporary, target)
    except OSError as exc:  # a full or read-only application-data folder: the next opening checks, that is all
        log.info("Could not note %s as checked: %s", path, exc)
