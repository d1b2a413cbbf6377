"""An index written to disk on a thread of its own is on disk when the process ends, whichever thread built it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from planner import ops, suggest
from planner.storage.db import open_workspace

_CHILD = r"""
import sys, threading
sys.path.insert(0, {root!r})
from pathlib import Path
from planner import suggest
from planner.storage.db import open_workspace

suggest.DISK_CACHE_FROM = 1
built = []


def work():
    built.append(suggest.suggestion_index(open_workspace(Path({db!r}))))


# Built where the window builds it: on a worker thread, which Python counts as a daemon.
worker = threading.Thread(target=work, daemon=True)
worker.start()
worker.join()
print("built" if built else "failed")  # and the process ends at once, no suggestion asked for
"""


def test_a_process_ending_right_after_a_build_still_keeps_the_index(tmp_path, monkeypatch):
    db = tmp_path / "w.db"
    ws = open_workspace(db)
    item = ops.add_item(ws, title="Finance close checklist").value
    ops.link_request(ws, ops.add_request(ws, title="Reconcile invoices automatically").value["id"], item["id"])
    ws.close()
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}
    code = _CHILD.format(root=str(Path(__file__).resolve().parents[2]), db=str(db))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "built"

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    suggest._cache.clear()
    ws = open_workspace(db)
    try:
        kept = suggest.read_saved_index(ws)
        assert kept is not None  # written whole before the process ended
        found = suggest.rank_text(kept[1], "Reconcile the invoices")
        assert [s["item_id"] for s in found] == [item["id"]]
        assert not list(suggest.saved_index_path(ws).parent.glob("*.part"))
    finally:
        suggest._cache.clear()
        ws.close()
