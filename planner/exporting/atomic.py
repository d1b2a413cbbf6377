"""Writing a file beside its target and moving it into place.

A half-written workbook must never replace a good one: we write a temporary
file in the target's folder (same file system, so the final move is atomic),
then `os.replace` it over the target. A target that is open in another program
(Windows locks it), read-only, or in a folder we cannot write to gives one
clear `ExportFailed` and leaves the previous file exactly as it was.

An export never touches a workspace. The open workspace (and its `-wal`,
`-shm` and `-journal` files) is recognised by `os.stat` alone: opening and
closing any descriptor of it would drop this process's SQLite locks. Only once
the target is known not to be the open workspace do we read its first bytes,
to refuse any other SQLite file as well.

Every temporary thing of an export lives beside the target under one name,
`.~planner-<stem>-<pid>-<random>.tmp<suffix>` (the file that becomes the
target) and `….parts/` (intermediate files), and goes away when the export
ends, however it ends. A process killed outright cannot clean up, so each
export first writes a small journal entry naming its pid and those paths in
the application-data folder; `sweep_leftovers()`, run at start-up, removes
what dead exports left behind.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import shutil
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

from planner.errors import ExportFailed
from planner.storage.files import workspace_part

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
TEMP_PREFIX = ".~planner-"
_active: set[Path] = set()  # journal entries of this process's exports still running


def _locked(path: Path) -> ExportFailed:
    return ExportFailed(
        f"{path.name} is open in another program or read-only; close it and export again. "
        "The previous file is unchanged.",
        hint=f"(It is in {path.parent}.)",
    )


def _unreplaceable(path: Path, exc: OSError) -> ExportFailed:
    return ExportFailed(f"{path.name} cannot be replaced: {exc.strerror or exc}. The previous file is unchanged.")


def _another_name(message: str) -> ExportFailed:
    return ExportFailed(f"{message}; export to another file name.", hint="Nothing was written.")


def _read_only_folder(folder: Path) -> ExportFailed:
    return ExportFailed(f"The folder {folder} is read-only; export to another folder.", hint="Nothing was written.")


# ---------------------------------------------------------------- the target


def _refuse_workspace(path: Path, workspace) -> None:
    if workspace is None:
        return
    workspace = Path(workspace).expanduser()
    tail = workspace_part(path, workspace)
    if tail is not None:
        what = "is the workspace you have open" if not tail else f"belongs to the workspace you have open ({workspace.name})"
        raise _another_name(f"{path.name} {what}")


def _is_sqlite(path: Path) -> bool:
    # Safe only once `_refuse_workspace` has ruled out the workspace this process has open.
    try:
        with open(path, "rb") as fh:
            return fh.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:  # unreadable: the checks that follow say why it cannot be replaced
        return False


def check_target(path, *, workspace=None) -> Path:
    """Fail early, before any work, when the target cannot or must not be replaced.

    `workspace` is the path of the workspace the caller has open: it, and the
    files SQLite keeps beside it, are refused without ever being opened. Any
    other SQLite file is refused too. Returns the target as a `Path`.
    """
    path = Path(path).expanduser()
    if path.is_dir():
        raise ExportFailed(f"{path} is a folder; give a file name to export to.")
    if not path.parent.is_dir():
        raise ExportFailed(f"The folder {path.parent} does not exist; create it or pick another place.")
    _refuse_workspace(path, workspace)
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise _unreplaceable(path, exc) from None
    if mode is not None:
        if not stat.S_ISREG(mode):  # a pipe or a device: reading it could block, replacing it is never meant
            raise _another_name(f"{path.name} is not an ordinary file")
        if _is_sqlite(path):
            raise _another_name(f"{path.name} is an SQLite database (perhaps a workspace), not a spreadsheet")
        # Opening for update is what fails on a file Windows has locked for another
        # program, and on a read-only file everywhere; a rename alone would not notice
        # a read-only target on Linux and would silently replace it.
        # The mode bits as well: an administrator passes os.access on any file, but a
        # file its owner marked read-only is still one the user meant to keep.
        if not os.access(path, os.W_OK) or not mode & stat.S_IWUSR:
            raise _locked(path)
        try:
            with open(path, "r+b"):
                pass
        except PermissionError:
            raise _locked(path) from None
        except OSError as exc:
            raise _unreplaceable(path, exc) from None
    if not os.access(path.parent, os.W_OK):
        raise _read_only_folder(path.parent)
    return path


# ---------------------------------------------------------------- temporary files and their journal


def journal_dir() -> Path:
    """Where running exports note their temporary files (XDG_DATA_HOME is honoured)."""
    from planner.appdata import exports_journal_dir

    return exports_journal_dir()


@dataclass(frozen=True)
class Scratch:
    """The temporary names of one export, all beside the target."""

    file: Path  # written, then moved over the target
    parts: Path  # a folder for intermediate files; whoever needs it makes it


def _scratch_for(path: Path, token: str) -> Scratch:
    base = f"{TEMP_PREFIX}{path.stem[:60]}-{os.getpid()}-{token}"
    return Scratch(file=path.with_name(f"{base}.tmp{path.suffix}"), parts=path.with_name(f"{base}.parts"))


def _note(entry: Path, scratch: Scratch, target: Path) -> None:
    """Write the journal entry; an export goes ahead without one (it only helps after a kill)."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        entry.write_text(json.dumps({"pid": os.getpid(), "target": str(target),
                                     "leftovers": [str(scratch.file), str(scratch.parts)]}), encoding="utf-8")
    except OSError as exc:
        log.warning("cannot note the export's temporary files in %s: %s", entry.parent, exc)


def _is_ours(path: Path) -> bool:
    name = path.name
    return name.startswith(TEMP_PREFIX) and (name.endswith(".parts") or ".tmp" in name)


def _remove(path: Path) -> bool:
    """Remove a temporary file or folder; True when something was there."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
        return True
    try:
        path.unlink()
        return True
    except FileNotFoundError:
        return False


def _create(tmp: Path) -> None:
    try:
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600))
    except PermissionError:
        raise _read_only_folder(tmp.parent) from None
    except OSError as exc:
        raise ExportFailed(f"Cannot write in {tmp.parent}: {exc.strerror or exc}.", hint="Nothing was written.") from None


def _give_mode(tmp: Path, path: Path) -> None:
    # The temporary file is private (0600); the export should read like any other file.
    with contextlib.suppress(OSError):
        if path.exists():
            os.chmod(tmp, os.stat(path).st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)


@contextlib.contextmanager
def replacing(path, *, workspace=None):
    """Yield a `Scratch` beside `path`; on success move `scratch.file` over `path`.

    Any exception, `Cancelled`, KeyboardInterrupt and SystemExit included, removes
    the temporary file and folder and leaves the target untouched; OS errors
    become `ExportFailed`.
    """
    path = check_target(path, workspace=workspace)
    token = secrets.token_hex(4)
    scratch = _scratch_for(path, token)
    entry = journal_dir() / f"{os.getpid()}-{token}.json"
    _active.add(entry)
    try:
        _note(entry, scratch, path)  # before any temporary file exists
        _create(scratch.file)
        try:
            yield scratch
        except OSError as exc:
            raise ExportFailed(
                f"Writing {path.name} failed: {exc.strerror or exc}. The previous file is unchanged.",
                hint="Check the free space on the disk.",
            ) from exc
        _give_mode(scratch.file, path)
        try:
            os.replace(scratch.file, path)
        except PermissionError:
            raise _locked(path) from None
        except OSError as exc:
            raise _unreplaceable(path, exc) from None
    finally:
        for leftover in (scratch.file, scratch.parts):
            try:
                _remove(leftover)
            except OSError as exc:
                log.warning("cannot remove %s: %s", leftover, exc)
        with contextlib.suppress(OSError):
            entry.unlink(missing_ok=True)
        _active.discard(entry)


# ---------------------------------------------------------------- after a kill


def _alive(pid: int) -> bool:
    if sys.platform == "win32":  # os.kill(pid, 0) would terminate the process there
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return kernel32.GetLastError() != 87  # ERROR_INVALID_PARAMETER: no such process
        try:
            code = ctypes.c_ulong()
            return not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)) or code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: it runs, as another user
        return True
    return True


def _sweep_entry(entry: Path) -> list[Path]:
    pid = int(entry.name.split("-", 1)[0])
    # This process's pid in an entry it does not own: a pid reused after a restart.
    if entry in _active or (pid != os.getpid() and _alive(pid)):
        return []
    try:
        leftovers = [Path(p) for p in json.loads(entry.read_text(encoding="utf-8"))["leftovers"]]
    except (ValueError, KeyError, TypeError):
        leftovers = []  # killed while writing the entry: no temporary file was made yet
    removed, kept = [], False
    for leftover in leftovers:
        if not _is_ours(leftover):
            log.warning("export journal %s names %s, which is not an export's temporary file; left alone", entry, leftover)
            continue
        try:
            if _remove(leftover):
                removed.append(leftover)
        except OSError as exc:
            log.warning("cannot remove %s, left by an interrupted export: %s", leftover, exc)
            kept = True  # the entry stays, so the next start tries again
    if not kept:
        entry.unlink(missing_ok=True)
    return removed


def sweep_leftovers() -> list[Path]:
    """Remove the temporary files and folders of exports whose process died; never raises.

    Returns the files and folders removed. Exports still running, in this
    process or another, are left alone.
    """
    removed: list[Path] = []
    try:
        folder = journal_dir()
        entries = sorted(folder.glob("*.json")) if folder.is_dir() else []
    except Exception:  # noqa: BLE001 - start-up must go on
        log.warning("cannot read the export journal", exc_info=True)
        return removed
    for entry in entries:
        try:
            removed += _sweep_entry(entry)
        except Exception:  # noqa: BLE001 - one bad entry does not stop the others
            log.warning("cannot sweep the leftovers of %s", entry, exc_info=True)
    for path in removed:
        log.info("removed %s, left by an interrupted export", path)
    return removed
