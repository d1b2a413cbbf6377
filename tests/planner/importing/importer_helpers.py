"""Helpers shared by the importer tests (a plain module: the test folders are not packages)."""

import csv
import io
from pathlib import Path


FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "import"
# The real exports live in shared/, beside the repository (in CI too).
REALDATA = Path(__file__).resolve().parents[4] / "shared" / "realdata"


def dump(ws) -> dict:
    """Every row of every table, to prove a failed import left the workspace exactly as it was."""
    tables = [r[0] for r in ws.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return {t: ws.conn.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall() for t in tables}


def write_csv(path: Path, rows, *, encoding="utf-8", delimiter=",", newline="\n") -> Path:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator=newline).writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def requests_of(ws) -> list[dict]:
    from planner.storage.queries import list_requests

    return list_requests(ws)
