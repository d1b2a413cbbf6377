"""Seeded mutations of the real exports in shared/realdata, through the real importer.

Whatever the bytes, an import either succeeds or raises a `PlannerError` (the CLI:
exit 0, 1 or 2, one `planner:` line, never a traceback), and the workspace stays
sound: the integrity check passes and the request count grows by exactly what the
report says was added, or not at all.
"""

import codecs
import json
import random
import subprocess
import sys
from pathlib import Path

from planner.errors import PlannerError
from planner.importing import import_requests
from planner.storage import open_workspace

from importer_helpers import REALDATA

REPO = Path(__file__).resolve().parents[3]
SOURCES = sorted(REALDATA.glob("*.csv"))
CASES = 300
GROUP = 10  # cases per fresh workspace: later cases run on a workspace earlier ones wrote to
CLI_CASES = 12
ENCODING_ARGS = [None] * 8 + ["utf-8", "cp932", "utf-16", "latin-1", "utf-16-be", "rot13", "hex", "no-such-codec"]


def _flip(rng, data):
    out = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        if out:
            out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def _truncate(rng, data):
    return data[: rng.randrange(len(data) + 1)]


def _insert(rng, data):
    out = data
    for _ in range(rng.randint(1, 8)):
        at = rng.randrange(len(out) + 1)
        out = out[:at] + rng.choice([b'"', b"\r", b"\x00", b"\n", b'""', b"\r\n", b",", b";", b"\t", b"\xff"]) + out[at:]
    return out


def _double_delimiters(rng, data):
    delim = rng.choice([b",", b";", b"\t"])
    parts = data.split(b",")
    return b"".join(p + (delim * rng.randint(1, 3) if rng.random() < 0.2 else b",") for p in parts[:-1]) + parts[-1]


def _reencode(rng, data):
    text = data.decode("utf-8", errors="replace")
    encoding = rng.choice(["utf-16-le", "utf-16-be", "utf-16", "cp932", "latin-1", "utf-8-sig", "euc-jp", "cp1252"])
    raw = text.encode(encoding, errors="replace")
    if encoding in ("utf-16-le", "utf-16-be") and rng.random() < 0.5:
        raw = (codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE) + raw
    return raw


def _line_endings(rng, data):
    return data.replace(b"\r\n", b"\n").replace(b"\n", rng.choice([b"\r", b"\r\n", b"\n\n", b"\r\r\n"]))


def _cut_slice(rng, data):
    if len(data) < 2:
        return data
    a = rng.randrange(len(data))
    b = min(len(data), a + rng.randint(1, 400))
    return data[:a] + data[b:]


def _repeat_header(rng, data):
    head, _, rest = data.partition(b"\n")
    return head + b"\n" + (head + b"\n") * rng.randint(1, 3) + rest


MUTATIONS = [_flip, _truncate, _insert, _double_delimiters, _reencode, _line_endings, _cut_slice, _repeat_header]


def _case(rng: random.Random):
    source = rng.choice(SOURCES)
    data = source.read_bytes()
    if len(data) > 12_000 and rng.random() < 0.8:
        data = data[: rng.randint(4_000, 12_000)]  # the GitHub dump is 44 kB: keep most cases small and quick
    done = []
    for mutate in rng.sample(MUTATIONS, rng.randint(1, 3)):
        data = mutate(rng, data)
        done.append(mutate.__name__)
    return source.name, data, rng.choice(ENCODING_ARGS), rng.random() < 0.2, done


def _count(ws) -> int:
    return ws.conn.execute("SELECT count(*) FROM requests").fetchone()[0]


def test_mutated_real_exports_import_or_fail_cleanly(tmp_path):
    assert len(SOURCES) >= 3, REALDATA
    rng = random.Random(20261204)
    outcomes = {"imported": 0, "refused": 0}
    ws = None
    for n in range(CASES):
        if n % GROUP == 0:
            if ws is not None:
                ws.close()
            ws = open_workspace(tmp_path / f"ws{n}.db")
        name, data, encoding, strict, done = _case(rng)
        path = tmp_path / f"case{n}.csv"
        path.write_bytes(data)
        before = _count(ws)
        what = f"case {n}: {name} after {done}, encoding={encoding}, strict={strict}"
        try:
            report = import_requests(ws, path, encoding=encoding, strict=strict)
        except PlannerError:
            outcomes["refused"] += 1
            after = before
        except BaseException as exc:  # anything else is the bug this test looks for
            raise AssertionError(f"{what} raised {type(exc).__name__}: {exc}") from exc
        else:
            outcomes["imported"] += 1
            after = before + report["new"]
        assert ws.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], what
        assert _count(ws) == after, what
        path.unlink()
    ws.close()
    # Both outcomes must occur, or the mutations are too weak (or too strong) to test anything.
    assert outcomes["imported"] >= 30 and outcomes["refused"] >= 30, outcomes


def test_mutated_real_exports_through_the_cli_never_show_a_traceback(tmp_path):
    rng = random.Random(4122026)
    runs = []
    for n in range(CLI_CASES):
        name, data, encoding, strict, done = _case(rng)
        path = tmp_path / f"cli{n}.csv"
        path.write_bytes(data)
        db = tmp_path / f"cli{n}.db"
        argv = [sys.executable, "-m", "planner", "--db", str(db), "import", str(path), "--json"]
        argv += ["--encoding", encoding] if encoding else []
        argv += ["--strict"] if strict else []
        proc = subprocess.Popen(argv, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        runs.append((f"cli case {n}: {name} after {done}, encoding={encoding}, strict={strict}", proc, db))
    codes = set()
    for what, proc, db in runs:
        out, err = proc.communicate(timeout=120)
        assert "Traceback" not in err, f"{what}\n{err}"
        assert proc.returncode in (0, 1, 2), f"{what}: exit {proc.returncode}\n{err}"
        codes.add(proc.returncode)
        if proc.returncode == 2:
            assert out == "" and err.count("\n") == 1 and err.startswith("planner: "), f"{what}\n{err}"
        if db.exists():
            ws = open_workspace(db)
            try:
                assert ws.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], what
                count = _count(ws)
            finally:
                ws.close()
            if proc.returncode == 0:
                assert count == json.loads(out)["new"], what
            else:
                assert count == 0, what
    assert 0 in codes and 2 in codes, codes
