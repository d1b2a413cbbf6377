"""Writing a file beside its target and moving it into place.

A half-written workbook must never replace a good one: we write a temporary
file in the target's folder (same file system, so the final move is atomic),
then `os.replace` it over the target. A target that is open in another program
(Windows locks it), read-only, or in a folder we cannot write to gives one
clear `ExportFailed` and leaves the previous file exactly as it was.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from planner.errors import ExportFailed


def _locked(path: Path) -> ExportFailed:
    return ExportFailed(
        f"{path.name} is open in another program or read-only; close it and export again. "
        "The previous file is unchanged.",
        hint=f"(It is in {path.parent}.)",
    )


def check_target(path: Path) -> Path:
    """Fail early, before any work, when the target cannot be replaced."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise ExportFailed(f"{path} is a folder; give a file name to export to.")
    if not path.parent.is_dir():
        raise ExportFailed(f"The folder {path.parent} does not exist; create it or pick another place.")
    if path.exists():
        # Opening for update is what fails on a file Windows has locked for another
        # program, and on a read-only file everywhere; a rename alone would not notice
        # a read-only target on Linux and would silently replace it.
        # The mode bits as well: an administrator passes os.access on any file, but a
        # file its owner marked read-only is still one the user meant to keep.
        if not os.access(path, os.W_OK) or not os.stat(path).st_mode & stat.S_IWUSR:
            raise _locked(path)
        try:
            with open(path, "r+b"):
                pass
        except PermissionError:
            raise _locked(path) from None
        except OSError as exc:
            raise ExportFailed(f"{path.name} cannot be replaced: {exc.strerror or exc}. The previous file is unchanged.") from None
    if not os.access(path.parent, os.W_OK):
        raise ExportFailed(
            f"The folder {path.parent} is read-only; export to another folder.",
            hint="Nothing was written.",
        )
    return path


@contextlib.contextmanager
def replacing(path: Path):
    """Yield a temporary path beside `path`; on success move it over `path`.

    Any exception (including `Cancelled`) removes the temporary file and leaves
    the target untouched; OS errors become `ExportFailed`.
    """
    path = check_target(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=f".tmp{path.suffix}", dir=path.parent)
    except PermissionError:
        raise ExportFailed(f"The folder {path.parent} is read-only; export to another folder.", hint="Nothing was written.") from None
    except OSError as exc:
        raise ExportFailed(f"Cannot write in {path.parent}: {exc.strerror or exc}.", hint="Nothing was written.") from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        try:
            yield tmp
        except OSError as exc:
            raise ExportFailed(
                f"Writing {path.name} failed: {exc.strerror or exc}. The previous file is unchanged.",
                hint="Check the free space on the disk.",
            ) from exc
        if path.exists():
            # mkstemp makes the file private (0600); the export should read like any other file.
            with contextlib.suppress(OSError):
                os.chmod(tmp, os.stat(path).st_mode & 0o777)
        else:
            with contextlib.suppress(OSError):
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(tmp, 0o666 & ~umask)
        try:
            os.replace(tmp, path)
        except PermissionError:
            raise _locked(path) from None
        except OSError as exc:
            raise ExportFailed(f"{path.name} cannot be replaced: {exc.strerror or exc}. The previous file is unchanged.") from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
