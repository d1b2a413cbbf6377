"""Writing an import batch: chunks of converted rows deduplicated and upserted with one `executemany` per kind.

Rows with an id upsert on (source, external_id); rows without one are matched
by a hash of their content. Each write hands SQLite whole columns, named as in
`import_store.REQUEST_COLUMNS`, zipped into rows: no per-row Python beyond the zip.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import repeat

from planner.errors import ImportFailed
import planner.importing.read_process as read_process
from planner.importing.companies import Companies
from planner.importing.convert import Converter
from planner.importing.frame import check_lengths, chunks, estimate_rows
from planner.importing.plan import Plan
from planner.importing.raw_rows import RawRows
from planner.importing.timing import stage
from planner.storage import import_store
from planner.storage.import_store import REQUEST_COLUMNS
from planner.text import content_hash

BULK_ROWS = 20_000  # from this many rows, indexes are rebuilt after the load rather than kept up
# What a row without an id is matched by: the same text from the same source is the same request.
HASHED_FIELDS = ("title", "body", "requester", "email", "company", "created_at")
# What the suspendable indexes (company, source and id) take per request when kept up row by row:
# 34 bytes built at once on 1M rows, pages about two-thirds full when grown.
INDEX_BYTES_PER_ROW = 50


class StrictFailure(ImportFailed):
    """`strict` was asked and some rows failed: nothing was written."""

    def __init__(self, message: str, report: dict):
        super().__init__(message)
        self.report = report


@dataclass
class _Prepared:
    """A chunk ready to write: see `_BatchWriter.prepare`."""

    values: dict
    rows_read: int
    duplicates: int
    parts: list  # ("id" | "hash", mask, columns, raw texts or None for ideas)
    companies: list  # (id, name, name_key, domain) of the companies this chunk adds, inserted before its rows
    cells: list | None  # the chunk's cells, for the ideas of a grouped file


@dataclass
class _Idea:
    """A UserVoice idea: its first row stands for it, every row is a voter."""

    row: dict  # the request columns of the first row, by name
    voters: set
    cells: list  # the first row's original cells, for `raw`


def _pick(col, mask):
    """The masked part of a Series, array or list as a plain list; a `repeat` (one value throughout) as it is."""
    import numpy as np

    if col is None:
        return repeat(None)
    if isinstance(col, repeat):
        return col
    if hasattr(col, "iloc"):
        return col[mask].tolist()
    return np.asarray(col, dtype=object)[mask].tolist()


def _masked_arrow(cells, mask) -> list:
    """The masked rows of each string column as an Arrow array (no Python string per cell)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    arrays = [pa.array(c, type=pa.large_string()) for c in cells]
    if mask.all():
        return arrays
    keep = pa.array(mask)
    return [pc.filter(a, keep) for a in arrays]


def _indexes_fit(db, rows: int) -> bool:
    """Whether the indexes a load would suspend, for `rows` requests, fit in half the page cache.

    Then keeping them up row by row touches only cached pages and costs less than rebuilding
    them: a rebuild reads the whole table again and leaves every index page to write at the
    commit (on 1M rows with a 128 MB cache: 2.2 s less, and 1.9 s less again with the checks
    of foreign keys off). Beyond, the insertion points of 50k companies would miss the cache.
    """
    return rows * INDEX_BYTES_PER_ROW <= import_store.cache_bytes(db) // 2


def _first_of(seen: set, keys) -> list[bool]:
    """For each key, whether it was seen before (in this file); records the new ones."""
    add = seen.add
    return [k in seen or add(k) for k in keys]


def write_batch(ws, plan: Plan, *, stamp: str, strict: bool, progress) -> dict:
    """Write the file of `plan` as one import batch stamped `stamp`; returns the report. Call inside a transaction."""
    writer = _BatchWriter(ws.db, plan, stamp)
    read: dict = {}
    if not writer.grouped and estimate_rows(plan.shape) >= read_process.PROCESS_FROM_ROWS and read_process.available():
        prepared = read_process.prepared_in_process(writer, plan.shape, read)
    else:
        prepared = _prepared_ahead(writer, chunks(plan.shape, read))
    try:
        for chunk, done in prepared:
            writer.write_prepared(chunk)
            if progress is not None:
                progress.update(plan.shape.data_start + done, plan.shape.size, f"{writer.rows_read:,} rows read")
    finally:
        prepared.close()  # a cancel or a failed insert stops the reading thread or process before the rollback
    report = writer.finish(strict=strict, sha256=plan.shape.sha256 or read.get("sha256"), unclosed=read.get("unclosed"))
    if progress is not None:
        progress.update(plan.shape.size, plan.shape.size, "Saving")
    return report


class _Failed:
    """An exception raised on the reading thread, to raise again on the writing one."""

    def __init__(self, exc: BaseException):
        self.exc = exc


def _prepared_ahead(writer, frames, depth: int = 2):
    """(prepared chunk, bytes done) for each chunk of `frames`, read and prepared on a thread of their own.

    The file is parsed and each chunk made ready (`_BatchWriter.prepare`, no database) while
    the caller inserts the previous one: on 1M rows, five runs each in turn on two cores, the
    median went from 36.2 s to 32.3 s (the insert, which needs the GIL to bind each row, takes
    longer; the rest is hidden behind it). Files from `read_process.PROCESS_FROM_ROWS` rows
    are prepared in a process instead (`read_process.prepared_in_process`, the same contract),
    where the insert does not share the GIL.

    At most `depth` chunks wait, so memory stays that of a few chunks. An exception on the
    reading thread is raised here, in order, after the chunks before it; closing the generator
    (a cancel, a failed insert) stops the thread and waits for it, so nothing runs on after
    the rollback.
    """
    import queue
    import threading

    out: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def offer(item) -> bool:
        while not stop.is_set():
            try:
                out.put(item, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def work():
        try:
            for df, done in _timed_iter(frames, "read"):
                if stop.is_set() or not offer((writer.prepare(df), done)):
                    return
            offer(_END)
        except BaseException as exc:  # noqa: BLE001  handed to the writing thread
            offer(_Failed(exc))
        finally:
            close = getattr(frames, "close", None)
            if close is not None:
                close()  # the file is closed on the thread that read it

    thread = threading.Thread(target=work, name="import-read", daemon=True)
    thread.start()
    try:
        while True:
            item = out.get()
            if item is _END:
                return
            if isinstance(item, _Failed):
                raise item.exc
            yield item
    finally:
        stop.set()
        thread.join()


def _timed_iter(items, name: str):
    """`items`, the time spent getting each one added to stage `name` (when timings are recorded)."""
    items = iter(items)
    while True:
        with stage(name):
            item = next(items, _END)
        if item is _END:
            return
        yield item


_END = object()


class _BatchWriter:
    def __init__(self, db, plan: Plan, stamp: str):
        shape = plan.shape
        self.db, self.plan, self.stamp = db, plan, stamp
        # A workbook has no encoding or delimiter of its own: the CSV written from its sheet is ours.
        self.encoding = None if shape.sheet else shape.encoding
        self.delimiter = None if shape.sheet else shape.delimiter
        self.batch_id = import_store.begin_batch(
            db, file_name=shape.shown_path.name, sha256=None, source=plan.source, preset=plan.preset.name,
            encoding=self.encoding, delimiter=self.delimiter, mapping=plan.mapping, created_at=stamp, sheet=shape.sheet,
        )
        self.conv = Converter(plan)
        self.companies = Companies(db, self.batch_id, stamp)
        self.raw = RawRows(shape.header)
        self.grouped = plan.preset.group_by_id and bool(plan.columns.get("external_id"))
        self.ideas: dict[str, _Idea] = {}
        self.seen: set = set()
        self.rebuild: list[str] = []
        bulk_new_source = False
        expected = estimate_rows(shape)
        if expected >= BULK_ROWS:
            # Duplicate ids within the file are dropped in Python (`seen`), so a source with no requests
            # yet cannot conflict: a plain INSERT (an upsert's conflict handling doubled the insert),
            # and its id index can be rebuilt after the load too.
            bulk_new_source = "source" not in plan.columns and import_store.source_is_new(db, plan.source)
        existing = import_store.request_count(db) if expected >= BULK_ROWS else 0
        if expected >= BULK_ROWS and expected > existing and not _indexes_fit(db, existing + expected):
            with stage("index_drop"):
                self.rebuild = import_store.suspend_indexes(db, with_id_index=bulk_new_source)
        self.sql_id = import_store.request_sql(by_id="plain" if bulk_new_source else True, batch_id=self.batch_id)
        self.sql_hash = import_store.request_sql(by_id=False, batch_id=self.batch_id)
        self.rows_read = self.duplicates = self.changed = self.written = self.records = 0

    def prepare(self, df) -> _Prepared:
        """Everything a chunk needs that does not touch the database: values, duplicates, columns, raw rows
        and company ids (the new companies numbered, to insert first).

        Runs on the reading thread (`_prepared_ahead`) or in the reading process (`read_process`);
        the only state it shares with `write_prepared` is what it hands over in the `_Prepared`
        it returns.
        """
        import numpy as np

        plan, conv = self.plan, self.conv
        check_lengths(df, plan.shape)
        n = len(df)
        shape = plan.shape
        if shape.row_numbers is not None:
            rows = [shape.row_number(self.records + i) for i in range(n)]
        else:
            rows = list(range(shape.header_row + self.records + 1, shape.header_row + self.records + 1 + n))
        if self.records == 0:
            conv.decide_dates(df)
        self.records += n
        with stage("convert"):
            values, keep = conv.convert(df, rows)
        rows_read = int(conv.filled.sum())
        src = values.get("source")
        src = repeat(plan.source) if src is None else src.where(src != "", plan.source)
        ext = values.get("external_id")
        has_id = keep & (ext != "").to_numpy() if ext is not None else np.zeros(n, dtype=bool)
        no_id = keep & ~has_id
        dup = np.zeros(n, dtype=bool)
        hashes = None
        with stage("dedupe"):
            if has_id.any() and not self.grouped:
                keys = ext[has_id].tolist() if isinstance(src, repeat) else (src + "\x1f" + ext)[has_id].tolist()
                dup[has_id] = _first_of(self.seen, keys)
            if no_id.any():
                parts = [_pick(src, no_id)] + [_pick(values.get(f), no_id) for f in HASHED_FIELDS]
                idents = [content_hash(*row) for row in zip(*parts)]
                dup[no_id] = _first_of(self.seen, idents)
                hashes = np.asarray(idents, dtype=object)[~dup[no_id]].tolist()
        cells = [df[c] for c in df.columns]
        given = dict(values, source=src)
        with_id, without_id = has_id & ~dup, no_id & ~dup
        parts = []
        with stage("columns"):
            if with_id.any():
                columns = {name: _pick(given.get(name), with_id) for name in REQUEST_COLUMNS if name != "company_id"}
                parts.append(("id", with_id, columns))
            if without_id.any():
                columns = {name: _pick(given.get(name), without_id) for name in REQUEST_COLUMNS if name != "company_id"}
                columns.update(external_id=repeat(None), content_hash=hashes)
                parts.append(("hash", without_id, columns))
        with stage("raw"):
            # An idea's raw row waits for its voters (`_write_ideas`).
            parts = [(kind, mask, columns, None if self.grouped and kind == "id" else
                      self.raw.texts_arrow(_masked_arrow(cells, mask)).to_pylist()) for kind, mask, columns in parts]
        with stage("companies"):
            company_ids = None if self.grouped else self.companies.ids(values, keep & ~dup)
            for _, mask, columns, _ in parts:
                columns["company_id"] = _pick(company_ids, mask)
            companies = self.companies.take_new()
        return _Prepared(values=values, rows_read=rows_read, duplicates=int(dup.sum()), parts=parts,
                         cells=cells if self.grouped else None, companies=companies)

    def write_prepared(self, chunk: _Prepared) -> None:
        """Write a chunk `prepare` made ready: its companies, then its rows. On the thread that owns the connection."""
        self.rows_read += chunk.rows_read
        self.duplicates += chunk.duplicates
        with stage("companies"):
            self.companies.insert(chunk.companies)
        for kind, mask, columns, raw in chunk.parts:
            if raw is None:
                self._gather_ideas(columns, mask, chunk.values, chunk.cells)
                continue
            rows = zip(*(columns[name] for name in REQUEST_COLUMNS), raw, repeat(self.stamp))
            with stage("insert"):
                self.changed += import_store.write_requests(self.db, self.sql_id if kind == "id" else self.sql_hash, rows)
            self.written += len(raw)

    def _gather_ideas(self, columns: dict, mask, values, cells) -> None:
        """UserVoice writes one row per voter: the first row of an idea stands for it, each voter is a vote."""
        m = int(mask.sum())
        fixed = {name: [next(col)] * m if isinstance(col, repeat) else col for name, col in columns.items()}
        email = values.get("email")
        voters = _pick(email, mask) if email is not None else [None] * m
        raw_cells = [c[mask].tolist() for c in cells]
        ideas = self.ideas
        for i, ext in enumerate(fixed["external_id"]):
            idea = ideas.get(ext)
            if idea is None:
                row = {name: col[i] for name, col in fixed.items()}
                ideas[ext] = _Idea(row, {voters[i] or "voter 1"}, [c[i] for c in raw_cells])
            else:
                idea.voters.add(voters[i] or f"voter {len(idea.voters) + 1}")

    def _write_ideas(self) -> None:
        entries = list(self.ideas.values())
        raws = self.raw.texts([list(c) for c in zip(*(idea.cells for idea in entries))],
                              voters=[sorted(idea.voters) for idea in entries])
        rows = []
        for idea, raw in zip(entries, raws):
            # The e-mail on a voter row is the voter's, not the idea's: it goes to `_voters` only.
            row = dict(idea.row, votes=len(idea.voters), email=None, company_id=None)
            rows.append(tuple(row[name] for name in REQUEST_COLUMNS) + (raw, self.stamp))
        self.changed += import_store.write_requests(self.db, self.sql_id, rows)
        self.written += len(rows)

    def finish(self, *, strict: bool, sha256: str | None, unclosed=None) -> dict:
        """Write what waited for the whole file, count, and refuse a batch that imported nothing (or failed under `strict`).

        `unclosed` (frame.Unclosed): a quote opened near the end and never closed; the lines from
        there on count as failed rows, under one error. Cells left empty (`cell_warnings`) are
        not failures: their rows were imported, so `strict` does not refuse them.
        """
        db, plan, conv = self.db, self.plan, self.conv
        shape = plan.shape
        if self.ideas:
            self._write_ideas()
        with stage("companies"):
            self.companies.flush()
        with stage("index_rebuild"):
            import_store.restore_indexes(db, self.rebuild)
        warnings = list(plan.warnings) + conv.date_warnings() + conv.cell_warning_lines()
        if conv.rounded_ids:
            warnings.append(
                f"{conv.rounded_ids} id(s) like 1.03006E+13 were rounded by a spreadsheet; those rows are matched by content."
            )
        if conv.error_count > len(conv.errors):
            warnings.append(f"Only the first {len(conv.errors)} of {conv.error_count} row errors are listed.")
        new = import_store.count_added(db, self.batch_id)
        rows_read, failed, errors = self.rows_read, conv.failed, list(conv.errors)
        if unclosed is not None:
            rows_read += unclosed.lines
            failed += unclosed.lines
            errors.append({"row": unclosed.row, "column": unclosed.column, "message": unclosed.message()})
            warnings.append(f"Row {unclosed.row}: {unclosed.message()} Close that quote and import the file again "
                            "for the rest: what was imported stays as it is.")
        name = shape.shown_path.name
        report = {
            "batch_id": self.batch_id, "file": str(shape.shown_path), "sheet": shape.sheet, "encoding": self.encoding,
            "delimiter": self.delimiter, "preset": plan.preset.name, "source": plan.source, "mapping": plan.mapping,
            "rows_read": rows_read, "new": new, "updated": self.changed - new, "unchanged": self.written - self.changed,
            "duplicates": self.duplicates, "failed": failed, "errors": errors, "cell_warnings": conv.cell_warnings,
            "companies_new": self.companies.created, "warnings": warnings,
        }
        if rows_read == 0:
            raise ImportFailed(f"{name}: the file has a header but no rows.")
        if failed and failed >= rows_read:
            first = errors[0]
            raise ImportFailed(
                f"{name}: none of the {rows_read} rows could be imported "
                f"(row {first['row']}, {first['column']}: {first['message']})"
            )
        if strict and failed:
            first = errors[0]
            raise StrictFailure(
                f"{name}: {failed} row(s) failed (first: row {first['row']}, {first['column']}: "
                f"{first['message']}); nothing was imported because of --strict.",
                dict(report, batch_id=None),
            )
        import_store.finish_batch(db, self.batch_id, report, sha256=sha256)
        return report
