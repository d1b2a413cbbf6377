"""Whatever text a tool writes into a cell comes back unchanged after csv.writer and the importer."""

import csv
import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.importing import import_requests
from planner.storage import open_workspace

# Cells as tools write them: any printable text, Japanese, quotes, commas, semicolons, tabs, line breaks.
_alphabet = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00") | st.sampled_from(
    list(',;|\t"\'\n\r') + ["㈱", "髙", "①", "Ⅱ", "é", "¥", "　"]
)
cell = st.text(_alphabet, max_size=40)
title = cell.filter(lambda t: t.strip() and "\n" not in t.strip() and "\r" not in t.strip())


@st.composite
def dumps(draw):
    n = draw(st.integers(min_value=1, max_value=8))
    ids = draw(st.lists(st.from_regex(r"[A-Z]{2}-[0-9]{1,5}", fullmatch=True), min_size=n, max_size=n, unique=True))
    return [(ids[i], draw(title), draw(cell), draw(cell)) for i in range(n)]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=dumps(), delimiter=st.sampled_from([",", ";", "\t"]), encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_random_cells_round_trip_through_csv_writer_and_the_importer(tmp_path_factory, rows, delimiter, encoding):
    folder = tmp_path_factory.mktemp("prop")
    buf = io.StringIO()
    out = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    out.writerow(["Issue key", "Summary", "Description", "Notes"])
    out.writerows(rows)
    path = folder / "dump.csv"
    path.write_bytes(buf.getvalue().encode(encoding))
    ws = open_workspace(folder / "ws.db")
    try:
        report = import_requests(ws, path, source="prop")
        assert report["failed"] == 0, report["errors"]
        assert report["new"] == len(rows)
        got = {r[0]: r[1:] for r in ws.conn.execute("SELECT external_id, title, body, raw FROM requests")}
        for ext, ttl, body, notes in rows:
            stored_title, stored_body, raw = got[ext]
            assert stored_title == ttl.strip()
            assert stored_body == (body.strip().replace("\r\n", "\n") or None)
            original = json.loads(raw)
            assert original.get("Description", "") == body
            assert original.get("Notes", "") == notes
        again = import_requests(ws, path, source="prop")
        assert (again["new"], again["updated"]) == (0, 0)
    finally:
        ws.close()
