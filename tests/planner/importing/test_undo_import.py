"""Undoing an import: it says first what would be lost, leaves every request consistent, and scales."""

import itertools

import pytest

import planner.importing.core as core
from planner import ops
from planner.cli import main
from planner.errors import NotFoundError, ValidationError
from planner.importing import import_requests
from planner.importing.batch import redo_import, undo_import, undo_import_preview

from importer_helpers import requests_of, write_csv

HEADER = ["ID", "Title", "Company", "Email"]


def _rows(ids, *, title="Request {}"):
    return [[f"R-{i}", title.format(i), "Acme", f"u{i}@acme.com"] for i in ids]


@pytest.fixture
def clock(monkeypatch):
    """Each import gets its own stamp, a minute after the last, as imports made apart do."""
    minutes = itertools.count(1)
    monkeypatch.setattr(core, "now_iso", lambda: f"2026-12-01T10:{next(minutes):02d}:00+00:00")


def _by_ext(ws) -> dict:
    return {r["external_id"]: r for r in requests_of(ws)}


def test_preview_of_a_plain_import_loses_nothing_and_names_what_goes(ws, tmp_path, clock):
    first = import_requests(ws, write_csv(tmp_path / "a.csv", [HEADER] + _rows(range(1, 4))))
    preview = undo_import_preview(ws, first["batch_id"])
    assert (preview["requests"], preview["links"], preview["companies"], preview["loses"]) == (3, 0, 1, False)
    assert preview["file_name"] == "a.csv"
    assert [preview[k]["count"] for k in ("hand_links", "duplicates", "updates")] == [0, 0, 0]
    removed = undo_import(ws, first["batch_id"])
    assert (removed["requests"], removed["links"], removed["companies"]) == (3, 0, 1)


def test_preview_names_hand_made_links_and_undo_removes_them(ws, tmp_path, clock):
    batch = import_requests(ws, write_csv(tmp_path / "a.csv", [HEADER] + _rows(range(1, 6))))
    item = ops.add_item(ws, title="Single sign-on")
    reqs = _by_ext(ws)
    ops.link_request(ws, reqs["R-2"]["id"], item["id"])
    ops.link_request(ws, reqs["R-4"]["id"], item["id"])
    preview = undo_import_preview(ws, batch["batch_id"], examples=1)
    assert preview["loses"] is True
    assert preview["hand_links"]["count"] == 2
    assert preview["hand_links"]["examples"] == [
        {"request_id": reqs["R-2"]["id"], "request": "Request 2", "item_id": item["id"], "item": "Single sign-on"}]
    assert preview["links"] == 2
    undo_import(ws, batch["batch_id"])
    assert requests_of(ws) == []
    assert ops.get_item(ws, item["id"])["title"] == "Single sign-on"


def test_a_later_request_marked_duplicate_of_an_undone_one_goes_back_to_new(ws, tmp_path, clock):
    first = import_requests(ws, write_csv(tmp_path / "a.csv", [HEADER] + _rows(range(1, 4))))
    second = import_requests(ws, write_csv(tmp_path / "b.csv", [HEADER] + _rows(range(10, 12))), source="forms")
    manual = ops.add_request(ws, title="Asked on the phone")
    reqs = _by_ext(ws)
    original = reqs["R-1"]["id"]
    later = next(r for r in requests_of(ws) if r["external_id"] == "R-10" and r["source"] == "forms")
    ops.mark_duplicate(ws, later["id"], of=original)
    ops.mark_duplicate(ws, manual["id"], of=original)
    preview = undo_import_preview(ws, first["batch_id"])
    assert preview["duplicates"]["count"] == 2
    assert preview["duplicates"]["examples"][0] == {
        "request_id": later["id"], "request": "Request 10", "batch_id": second["batch_id"],
        "duplicate_of": original, "original": "Request 1"}
    assert preview["duplicates"]["examples"][1]["batch_id"] is None
    removed = undo_import(ws, first["batch_id"])
    assert removed["released"] == 2
    for rid in (later["id"], manual["id"]):
        now = ops.request(ws, rid)
        assert (now["status"], now["duplicate_of"]) == ("new", None)
    # No request anywhere is left a duplicate of nothing.
    assert [r for r in requests_of(ws) if r["status"] == "duplicate" and r["duplicate_of"] is None] == []


def test_a_released_duplicate_that_has_links_becomes_linked(ws, tmp_path, clock):
    first = import_requests(ws, write_csv(tmp_path / "a.csv", [HEADER] + _rows(range(1, 3))))
    manual = ops.add_request(ws, title="Asked twice")
    item = ops.add_item(ws, title="Bulk export")
    ops.mark_duplicate(ws, manual["id"], of=_by_ext(ws)["R-1"]["id"])
    # A duplicate can gain a link only through the data (an older client, a script): undo must still say linked.
    ws.db.execute("INSERT INTO links(request_id, item_id, created_at) VALUES (?, ?, '2026-12-01')", [manual["id"], item["id"]])
    undo_import(ws, first["batch_id"])
    now = ops.request(ws, manual["id"])
    assert (now["status"], now["duplicate_of"]) == ("linked", None)


def test_preview_names_rows_a_later_import_updated(ws, tmp_path, clock):
    first = import_requests(ws, write_csv(tmp_path / "a.csv", [HEADER] + _rows(range(1, 5))), source="sheet")
    rows = _rows(range(1, 5))
    rows[1][1] = "Request 2, reworded"
    rows[3][1] = "Request 4, reworded"
    second = import_requests(ws, write_csv(tmp_path / "b.csv", [HEADER] + rows), source="sheet")
    assert second["updated"] == 2
    preview = undo_import_preview(ws, first["batch_id"])
    assert preview["updates"]["count"] == 2
    reqs = _by_ext(ws)
    assert preview["updates"]["examples"][0] == {
        "request_id": reqs["R-2"]["id"], "request": "Request 2, reworded", "batch_id": second["batch_id"],
        "file_name": "b.csv"}
    # Undoing the later batch first takes its updates out of the question (they stay, as ever).
    undo_import(ws, second["batch_id"])
    assert undo_import_preview(ws, first["batch_id"])["updates"]["count"] == 0


def test_preview_of_an_unknown_or_undone_batch_is_a_clear_error(ws, tmp_path, clock):
    with pytest.raises(NotFoundError, match="no import batch 9"):
        undo_import_preview(ws, 9)
    first = import_requests(ws, write_csv(tmp_path / "a.csv", [HEADER] + _rows(range(1, 2))))
    undo_import(ws, first["batch_id"])
    with pytest.raises(ValidationError, match="already undone"):
        undo_import_preview(ws, first["batch_id"])


def _run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_refuses_without_yes_when_work_would_be_lost(tmp_path, capsys, clock):
    db = str(tmp_path / "w.db")
    path = write_csv(tmp_path / "a.csv", [HEADER] + _rows(range(1, 4)))
    code, _, _ = _run(capsys, "--db", db, "import", str(path))
    assert code == 0
    from planner.storage import open_workspace

    ws = open_workspace(db)
    try:
        item = ops.add_item(ws, title="Dark mode")
        ops.link_request(ws, _by_ext(ws)["R-3"]["id"], item["id"])
    finally:
        ws.close()
    code, out, err = _run(capsys, "--db", db, "undo-import", "1")
    assert code == 2
    assert err == ("planner: undoing import batch 1 would lose 1 link made since the import (listed above); "
                   "nothing was changed: `planner undo-import 1 --yes` confirms.\n")
    assert "Undoing import batch 1 (a.csv) removes 3 requests, 1 link and 1 company." in out
    assert "request 3 “Request 3” → item 1 “Dark mode”" in out
    code, out, _ = _run(capsys, "--db", db, "batches", "--json")
    assert '"undone_at": null' in out
    code, out, err = _run(capsys, "--db", db, "undo-import", "1", "--yes")
    assert code == 0 and err == ""
    assert "Undid import batch 1 (a.csv): removed 3 requests, 1 links and 1 companies." in out


def test_cli_names_every_kind_of_loss_in_one_line(tmp_path, capsys, clock):
    db = str(tmp_path / "w.db")
    _run(capsys, "--db", db, "import", str(write_csv(tmp_path / "a.csv", [HEADER] + _rows(range(1, 4)))), "--source", "sheet")
    rows = _rows(range(1, 4))
    rows[0][1] = "Changed"
    _run(capsys, "--db", db, "import", str(write_csv(tmp_path / "b.csv", [HEADER] + rows)), "--source", "sheet")
    from planner.storage import open_workspace

    ws = open_workspace(db)
    try:
        reqs = _by_ext(ws)
        item = ops.add_item(ws, title="Dark mode")
        ops.link_request(ws, reqs["R-2"]["id"], item["id"])
        manual = ops.add_request(ws, title="Same again")
        ops.mark_duplicate(ws, manual["id"], of=reqs["R-3"]["id"])
    finally:
        ws.close()
    code, out, err = _run(capsys, "--db", db, "undo-import", "1")
    assert code == 2 and len(err.splitlines()) == 1
    assert ("would lose 1 link made since the import, 1 duplicate mark and 1 later import's update "
            "(listed above)") in err
    assert "1 request marked duplicate of one of these would go back to new" in out
    assert "updated by batch 2 (b.csv)" in out
    code, out, err = _run(capsys, "--db", db, "undo-import", "1", "--yes")
    assert code == 0
    assert "1 request marked duplicate of a removed one went back to new." in out


def test_undo_deletes_use_indexes(ws):
    """Without them undo grew with the square of the rows; benchmarks/undo_bench.py times it."""
    plans = {
        sql: " ".join(r[3] for r in ws.conn.execute("EXPLAIN QUERY PLAN " + sql))
        for sql in ("DELETE FROM requests WHERE batch_id = 1",
                    "UPDATE requests SET duplicate_of = NULL WHERE duplicate_of = 1")
    }
    assert all("SCAN requests" not in plan for plan in plans.values()), plans
    assert "idx_requests_duplicate_of" in plans["DELETE FROM requests WHERE batch_id = 1"]


def test_an_undone_import_can_be_put_back_exactly(ws, tmp_path, clock, dump):
    first = import_requests(ws, write_csv(tmp_path / "a.csv", [HEADER] + _rows(range(1, 6))))
    import_requests(ws, write_csv(tmp_path / "b.csv", [HEADER] + _rows(range(3, 8), title="Changed {}")))
    item = ops.add_item(ws, title="Single sign-on")
    reqs = _by_ext(ws)
    ops.link_request(ws, reqs["R-2"]["id"], item["id"])
    manual = ops.add_request(ws, title="Asked on the phone")
    ops.mark_duplicate(ws, manual["id"], of=reqs["R-1"]["id"])
    before = dump(ws)
    removed = undo_import(ws, first["batch_id"], keep_snapshot=True)
    assert dump(ws)["requests"] != before["requests"]
    back = redo_import(ws, removed["snapshot"])
    assert back == {"batch_id": first["batch_id"], "requests": removed["requests"]}
    after = dump(ws)
    for table in ("requests", "links", "companies", "import_batches"):
        assert after[table] == before[table], table
    assert ws.db.execute("PRAGMA foreign_key_check").fetchall() == []
