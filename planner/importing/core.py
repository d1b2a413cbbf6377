"""Importing a request dump: map, read values, upsert in one transaction, count.

`preview_import` reads the first rows without a workspace (the GUI's wizard);
`import_requests` writes a batch, all or nothing.
"""

from __future__ import annotations

import re
import warnings as pywarnings
from json.encoder import encode_basestring as _json_text
from pathlib import Path

from planner.errors import Cancelled, ImportFailed  # noqa: F401  Cancelled: raised through `progress`
from planner.importing.mapping import (
    CANONICAL_FIELDS,
    LIST_FIELDS,
    header_key,
    match_synonyms,
    match_words,
)
from planner.importing.presets import PRESETS, Preset, detect_preset, preset_mapping
from planner.importing.reading import MAX_FIELD_CHARS, FileShape, open_data, sniff
from planner.importing.values import DateReader, ValueProblem, parse_count, parse_money
from planner.text import content_hash
from planner.storage import import_store
from planner.storage.activity import announce
from planner.storage.backups import backup_before
from planner.text import clean_name, name_key, now_iso

CHUNK_ROWS = 10_000  # 50k rows per chunk peaked at 530 MB on a 100k-row file, 10k at 285 MB, no slower
# A chunk holds at most this many cells: 10k rows of a 2,000-column file would be 20M Python strings.
CHUNK_CELLS = 500_000
BULK_ROWS = 20_000  # from this many rows, indexes are rebuilt after the load rather than kept up
MAX_ERRORS = 1000
CACHE_MB = 64
FREE_MAIL = frozenset(
    """gmail.com googlemail.com yahoo.com yahoo.co.jp ymail.com hotmail.com hotmail.co.jp outlook.com
    outlook.jp live.com live.jp msn.com icloud.com me.com mac.com aol.com gmx.com gmx.de gmx.net web.de
    mail.com proton.me protonmail.com yandex.ru mail.ru qq.com 163.com 126.com naver.com docomo.ne.jp
    ezweb.ne.jp au.com softbank.ne.jp i.softbank.jp nifty.com biglobe.ne.jp ocn.ne.jp so-net.ne.jp
    orange.fr free.fr laposte.net wanadoo.fr sfr.fr""".split()
)
_TEXT_FIELDS = ("title", "body", "requester", "email", "company", "segment", "plan", "importance", "status", "url", "tags")


class StrictFailure(ImportFailed):
    """`strict` was asked and some rows failed: nothing was written."""

    def __init__(self, message: str, report: dict):
        super().__init__(message)
        self.report = report


class _DryRun(Exception):
    pass


# ---------------------------------------------------------------- the plan

class Plan:
    """What the file is and how its columns become request fields."""

    def __init__(self, shape: FileShape, preset: Preset, source: str, mapping: dict[str, str], warnings: list[str]):
        self.shape = shape
        self.preset = preset
        self.source = source
        self.mapping = mapping
        self.warnings = warnings
        header = shape.header
        self.columns: dict[str, list[int]] = {}
        for fld, column in mapping.items():
            idx = [i for i, h in enumerate(header) if h == column]
            if fld not in LIST_FIELDS:
                idx = idx[:1]
            self.columns[fld] = idx


def _default_source(preset: Preset, path: Path) -> str:
    if preset.name != "generic":
        return preset.name
    # Next week's dump `feedback-2024-11-30.csv` must land in the same source as `feedback-2024-11-23.csv`.
    stem = re.sub(r"[\d_\-. ()]+", " ", path.stem).strip().casefold()
    return "-".join(stem.split()) or "csv"


def _find_column(header: list[str], column: str) -> str | None:
    if column in header:
        return column
    key = header_key(column)
    return next((h for h in header if h.strip() and header_key(h) == key), None)


def _plan(shape: FileShape, *, source, preset, mapping, remembered_for=None) -> Plan:
    path, header = shape.path, shape.header
    warnings = list(shape.warnings)
    if preset:
        if preset not in PRESETS:
            raise ImportFailed(f"There is no preset {preset!r}.", hint=f"Presets: {', '.join(PRESETS)}.")
        chosen = PRESETS[preset]
    else:
        chosen = detect_preset(header)
    final = preset_mapping(chosen, header)
    if chosen.name != "google-forms":
        for fld, column in match_synonyms(header, taken=set(final.values())).items():
            # A tool's own `Via` or `Source` column is its channel, not the tool the dump came from.
            if fld == "source" and chosen.name != "generic":
                continue
            final.setdefault(fld, column)
    if chosen.loose_headers or "title" not in final and "body" not in final:
        loose = match_words(header, taken=set(final.values()))
        for fld, column in loose.items():
            final.setdefault(fld, column)
    src = (source or "").strip()
    if not src:
        src = _default_source(chosen, path)
        if chosen.name == "generic":
            warnings.append(f"The source is {src!r}, after the file name; pass --source to keep dumps of one tool together.")
    remembered = remembered_for(src) if remembered_for else None
    for given, origin in ((remembered or {}, "remembered"), (mapping or {}, "given")):
        for fld, column in given.items():
            if fld not in CANONICAL_FIELDS:
                raise ImportFailed(f"There is no request field {fld!r}.", hint=f"Fields: {', '.join(CANONICAL_FIELDS)}.")
            if column is None or str(column).strip() == "":
                final.pop(fld, None)
                continue
            hit = _find_column(header, str(column))
            if hit is None:
                if origin == "remembered":
                    warnings.append(f"The remembered column {column!r} for {fld} is not in this file.")
                    continue
                shown = ", ".join(h for h in header if h.strip())[:300]
                raise ImportFailed(f"{path.name}: there is no column {column!r} to map to {fld}.", hint=f"Columns: {shown}.")
            for other, col in list(final.items()):
                if col == hit and other != fld:
                    final.pop(other)
            final[fld] = hit
    if "title" not in final and "body" not in final:
        shown = ", ".join(h for h in header if h.strip())[:200]
        raise ImportFailed(
            f"{path.name}: no column can be a request title (expected one like Title, Summary, Subject, 件名 or 要望; "
            f"columns: {shown}).",
            hint="Name one with --map title=COLUMN.",
        )
    if "title" not in final:
        warnings.append(f"No title column: titles are the first line of {final['body']!r}.")
    ordered = {f: final[f] for f in CANONICAL_FIELDS if f in final}
    return Plan(shape, chosen, src, ordered, warnings)


# ---------------------------------------------------------------- reading rows

def _chunks(shape: FileShape, sink: dict):
    """DataFrames of strings, `CHUNK_ROWS` records each (fewer for wide files), blank records kept (they are spreadsheet rows).

    When the data has been read, `sink["sha256"]` holds the whole file's hash.
    """
    import pandas as pd

    handle, raw = open_data(shape)
    try:
        with pywarnings.catch_warnings():
            pywarnings.simplefilter("ignore")
            reader = pd.read_csv(
                handle, encoding="utf-8", encoding_errors="strict", sep=shape.delimiter, header=None, names=list(range(shape.width)), dtype=str,
                keep_default_na=False, na_filter=False, skip_blank_lines=False, engine="c",
                chunksize=max(1, min(CHUNK_ROWS, CHUNK_CELLS // max(1, shape.width))), index_col=False, quotechar='"', doublequote=True,
            )
            for df in reader:
                yield df, raw.done
        sink["sha256"] = raw.sha256()
    except pd.errors.EmptyDataError:
        sink["sha256"] = raw.sha256()
        return
    except UnicodeDecodeError as exc:
        raise ImportFailed(
            f"{shape.path.name}: some bytes are not valid {shape.encoding} ({exc.reason}).",
            hint="Pass the right --encoding.",
        ) from None
    except pd.errors.ParserError as exc:
        if raw.failure is not None:
            raise raw.failure from None
        raise ImportFailed(f"{shape.path.name}: {_parser_message(str(exc), shape)}") from None
    finally:
        handle.close()


def _parser_message(text: str, shape: FileShape) -> str:
    m = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", text)
    if m:
        line = int(m.group(2)) + shape.header_row
        return f"line {line} has {m.group(3)} fields but the header has {m.group(1)}; the file is cut or mixes separators."
    m = re.search(r"EOF inside string starting at row (\d+)", text)
    if m:
        return f"a quote opened near row {int(m.group(1)) + shape.header_row + 1} is never closed."
    if "EOF inside string" in text or "EOF in" in text:
        return "a quoted field is never closed before the end of the file."
    return "the file cannot be read as CSV (" + text.strip().splitlines()[-1][:160] + ")."


_ISO = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?"


def _iso_text(s):
    """ISO 8601 text in the form `DateReader` writes, without a Python call per value."""
    s = s.str.replace(r"^(\d{4}-\d{2}-\d{2})[ T]", r"\1T", regex=True)
    s = s.str.replace(r"(T\d{2}:\d{2}:\d{2})\.\d+", r"\1", regex=True)
    s = s.str.replace(r"(T\d{2}:\d{2})($|[Z+-])", r"\1:00\2", regex=True)
    s = s.str.replace(r"Z$", "+00:00", regex=True)
    s = s.str.replace(r"([+-]\d{2})(\d{2})$", r"\1:\2", regex=True)
    return s.str.replace(r"(T\d{2}:\d{2}:\d{2}[+-]\d{2})$", r"\1:00", regex=True)


class _Converter:
    """Turns chunks of cells into request values, a column at a time, collecting row errors."""

    def __init__(self, plan: Plan):
        self.plan = plan
        self.dates = DateReader()
        self.errors: list[dict] = []
        self._failed_rows: set[int] = set()
        self.error_count = 0
        self.rounded_ids = 0
        self.header = plan.shape.header
        self._caches: dict[str, dict] = {"mrr": {}, "arr": {}, "votes": {}}

    @property
    def failed(self) -> int:
        """Rows that could not be read: one row with two bad cells is one failed row."""
        return len(self._failed_rows)

    def error(self, row: int, column: str | None, message: str) -> None:
        self._failed_rows.add(int(row))
        self.error_count += 1
        if len(self.errors) < MAX_ERRORS:
            self.errors.append({"row": int(row), "column": column, "message": message})

    def _text(self, df, fld):
        idx = self.plan.columns.get(fld)
        if not idx:
            return None
        out = df[idx[0]].str.strip()
        for i in idx[1:]:
            nxt = df[i].str.strip()
            out = out.where(nxt == "", out.where(out == "", out + ", ") + nxt)
        if fld == "body":
            # Excel writes CRLF inside quoted cells; one kind of line break is easier on everything downstream.
            out = out.str.replace("\r\n", "\n", regex=False)
        return out

    def _parsed(self, df, fld, parse, rows, bad):
        """Parse a column through a per-value cache; failures mark `bad` and become row errors."""
        idx = self.plan.columns.get(fld)
        if not idx:
            return None
        cells = df[idx[0]]
        stripped = cells.str.strip()
        result = [None] * len(cells)
        todo = stripped != ""
        if fld == "created_at":
            import pandas as pd

            iso = todo & stripped.str.fullmatch(_ISO)
            if iso.any():
                checked = pd.to_datetime(stripped[iso], format="ISO8601", errors="coerce", utc=True)
                ok = iso.copy()
                ok[iso] = checked.notna().to_numpy()
                if ok.any():
                    positions = ok.to_numpy().nonzero()[0]
                    for pos, text in zip(positions, _iso_text(stripped[ok]).tolist()):
                        result[pos] = text
                    todo = todo & ~ok
            cache: dict = {}
        else:
            cache = self._caches[fld]
        column = self.header[idx[0]]
        texts = stripped.tolist()
        for pos in todo.to_numpy().nonzero()[0]:
            text = texts[pos]
            hit = cache.get(text, cache)
            if hit is cache:
                try:
                    hit = parse(text)
                except ValueProblem as exc:
                    hit = exc
                if len(cache) < 200_000:
                    cache[text] = hit
            if isinstance(hit, ValueProblem):
                bad[pos] = True
                self.error(rows[pos], column, str(hit) + ".")
            else:
                result[pos] = hit
        return result

    def convert(self, df, rows):
        """Values for the non-blank, readable records of `df`.

        `rows` are the spreadsheet row numbers of the records. Returns (values,
        keep): `values` maps each field to a Series or list aligned with `df`,
        `keep` marks the rows to write.
        """
        import numpy as np
        import pandas as pd

        n = len(df)
        filled = np.zeros(n, dtype=bool)
        for c in df.columns:
            filled |= (df[c].str.strip() != "").to_numpy()
        self.filled = filled
        values: dict = {}
        for fld in _TEXT_FIELDS + ("external_id", "source"):
            s = self._text(df, fld)
            if s is not None:
                values[fld] = s
        ext = values.get("external_id")
        if ext is not None:
            rounded = (ext.str.fullmatch(r"\d(?:\.\d+)?[eE]\+\d+") & filled).to_numpy()
            if rounded.any():
                # `1.03006E+13` lost its digits in a spreadsheet; matching on it would merge different tickets.
                self.rounded_ids += int(rounded.sum())
                values["external_id"] = ext.where(~rounded, "")
        bad = np.zeros(n, dtype=bool)
        for fld, parse in (("created_at", self.dates), ("mrr", parse_money), ("arr", parse_money), ("votes", parse_count)):
            parsed = self._parsed(df, fld, parse, rows, bad)
            if parsed is not None:
                values[fld] = parsed
        empty = pd.Series([""] * n, index=df.index, dtype=str)
        title = values.get("title", empty)
        body = values.get("body")
        if body is not None:
            derive = ((title == "") & (body != "")).to_numpy()
            if derive.any():
                first = body[derive].str.split("\n").str[0].str.strip()
                long = first.str.len() > 120
                first = first.where(~long, first.str.slice(0, 117).str.replace(r"\s+\S*$", "", regex=True) + "...")
                title = title.copy()
                title[derive] = first
        values["title"] = title
        no_title = filled & ~bad & (title == "").to_numpy()
        if no_title.any():
            column = self.plan.mapping.get("title") or self.plan.mapping.get("body")
            for pos in no_title.nonzero()[0]:
                self.error(rows[pos], column, "The row has no title.")
            bad |= no_title
        email = values.get("email")
        if email is None and values.get("requester") is not None:
            who = values["requester"]
            # Jira and others put the reporter's e-mail address in the name column.
            looks = who.str.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+")
            if looks.any():
                email = values["email"] = who.where(looks, "")
        if email is not None:
            values["email"] = email.where(~email.str.contains("@", regex=False), email.str.lower())
        return values, filled & ~bad


# ---------------------------------------------------------------- companies

class _Companies:
    """Companies by normalised name (as `ops.upsert_company`), or by e-mail domain without a company column."""

    def __init__(self, db, batch_id: int | None, stamp: str):
        self.db, self.batch_id, self.stamp = db, batch_id, stamp
        self.by_key, self.by_domain = import_store.company_keys(db) if db is not None else ({}, {})
        self.created = 0
        self.attrs: list = []  # per chunk, a DataFrame by company id: segment, plan, mrr, arr
        # A company's id by the text in the file, kept across chunks: a dump names the same companies in
        # every chunk, and normalising each name again per chunk grows with rows x companies.
        self.found: dict[str, int | None] = {"": None}

    def ids(self, values: dict, keep):
        """Company ids aligned with the chunk (None where a row names none)."""
        company = values.get("company")
        from_domain = company is None
        if from_domain:
            email = values.get("email")
            if email is None:
                return None
            domain = email.str.extract(r"@([^@\s]+\.[^@\s]+)$", expand=False).fillna("").str.lower()
            company = domain.where(~domain.isin(FREE_MAIL), "")
        found = self.found
        if len(found) > 500_000:
            found.clear()
            found[""] = None
        new: dict[str, tuple] = {}
        waiting: dict[str, str] = {}
        # A list: iterating pandas' Arrow-backed array value by value cost ~1 s per 1M rows.
        for name in company[keep].unique().tolist():
            if name in found:
                continue
            if from_domain and name in self.by_domain:
                found[name] = self.by_domain[name]
                continue
            shown = clean_name(name)
            key = name_key(shown)
            if key in self.by_key:
                found[name] = self.by_key[key]
            elif key:
                new.setdefault(key, (shown, key, name if from_domain else None))
                waiting[name] = key
        if new:
            added = import_store.insert_companies(self.db, list(new.values()), batch_id=self.batch_id, created_at=self.stamp)
            self.by_key.update(added)
            self.created += len(added)
            if from_domain:
                self.by_domain.update({domain: added[key] for key, (_, _, domain) in new.items()})
        for name, key in waiting.items():
            found[name] = self.by_key[key]
        ids = [found.get(name) for name in company.tolist()]
        self._gather_attrs(values, ids, keep)
        return ids

    def _gather_attrs(self, values: dict, ids, keep) -> None:
        """Segment, plan and revenue per company, merged a chunk at a time with pandas.

        A Python loop per company and chunk grew with rows x companies (~3 s of a
        1M-row file naming 50k companies). Within a chunk the last non-empty value of each field
        wins, as repeated upserts would; a chunk's value replaces an earlier one.
        """
        import numpy as np
        import pandas as pd

        present = [f for f in ("segment", "plan", "mrr", "arr") if f in values]
        if not present:
            return
        cid = pd.array(ids, dtype="Int64")
        use = np.asarray(keep, dtype=bool) & ~np.asarray(cid.isna(), dtype=bool)
        if not use.any():
            return
        frame = {}
        for f in ("segment", "plan"):
            if f in present:
                col = pd.Series(np.asarray(values[f], dtype=object)[use], dtype=object)
                frame[f] = col.where(col != "", None)
        for f in ("mrr", "arr"):
            if f in present:
                frame[f] = pd.Series(np.asarray(values[f], dtype=object)[use], dtype="float64")
        frame = pd.DataFrame(frame)
        frame["cid"] = np.asarray(cid[use], dtype=np.int64)
        latest = frame.groupby("cid", sort=False).last()  # the last non-null value of each column
        if "arr" in latest:
            derived = latest["arr"] / 12  # as ops.upsert_company does
            latest["mrr"] = latest["mrr"].where(latest["mrr"].notna(), derived) if "mrr" in latest else derived
        self.attrs.append(latest)

    def flush(self) -> None:
        import pandas as pd

        if self.attrs:
            # A later chunk's value replaces an earlier one; an empty one keeps it.
            merged = pd.concat(self.attrs).groupby(level=0, sort=False).last()
            merged = merged.astype(object).where(merged.notna(), None)
            cols = [merged[f].tolist() if f in merged else [None] * len(merged) for f in ("segment", "plan", "mrr", "arr")]
            import_store.update_companies(self.db, list(zip(*cols, (int(c) for c in merged.index))))
        self.attrs = []


# ---------------------------------------------------------------- public API

def _remembered(ws):
    if ws is None:
        return None
    from planner.storage.queries import get_setting

    return lambda source: get_setting(ws, f"import.mapping.{source}")


def preview_import(path, *, source=None, preset=None, mapping=None, encoding=None, rows=20, ws=None) -> dict:
    """What an import would read: encoding, delimiter, preset, mapping and the first rows. Writes nothing.

    `ws`, when given, lets a mapping remembered for the source apply.
    """
    import pandas as pd

    shape = sniff(path, encoding=encoding)
    plan = _plan(shape, source=source, preset=preset, mapping=mapping, remembered_for=_remembered(ws))
    conv = _Converter(plan)
    if plan.columns.get("created_at"):
        conv.dates.decide(r[plan.columns["created_at"][0]] for r in shape.sample)
    sample = shape.sample[: max(0, int(rows))]
    out_rows = []
    if sample:
        df = pd.DataFrame(sample, dtype=str)
        numbers = [shape.header_row + 1 + i for i in range(len(df))]
        values, keep = conv.convert(df, numbers)
        shown = [f for f in CANONICAL_FIELDS if f in values]
        cols = {f: (values[f].tolist() if hasattr(values[f], "tolist") else list(values[f])) for f in shown}
        for i in keep.nonzero()[0]:
            out_rows.append({f: (cols[f][i] if cols[f][i] != "" else None) for f in shown})
    warnings = list(plan.warnings)
    if conv.dates.assumed_order:
        warnings.append("Dates like 3/12/2024 could be read either way; they were read month first.")
    return {
        "file": str(path), "encoding": shape.encoding, "delimiter": shape.delimiter, "preset": plan.preset.name,
        "source": plan.source, "mapping": plan.mapping, "columns": list(shape.header),
        "rows": out_rows, "errors": conv.errors, "rows_read": _estimate_rows(shape), "warnings": warnings,
    }


def _estimate_rows(shape: FileShape) -> int:
    filled = [r for r in shape.sample if any(c.strip() for c in r)]
    span = shape.data_end - shape.data_start
    if len(shape.sample) < 200 and span <= (1 << 20):
        return len(filled)
    avg = max(1.0, sum(len(shape.delimiter.join(r)) + 3 for r in filled) / max(1, len(filled)))
    return int(span / avg)


def import_requests(ws, path, *, source=None, preset=None, mapping=None, encoding=None, strict=False,
                    dry_run=False, progress=None) -> dict:
    """Import a CSV dump as one batch: all of it or, on any failure or cancel, nothing.

    Returns the `import --json` document. `dry_run` runs everything and rolls back.
    """
    path = Path(path)
    if progress is not None:
        progress.update(0, None, f"Reading {path.name}")
    shape = sniff(path, encoding=encoding)
    plan = _plan(shape, source=source, preset=preset, mapping=mapping, remembered_for=_remembered(ws))
    report: dict = {}
    # Rebuilding indexes and checking ids of a large existing table thrash a 2 MB page cache.
    cache = import_store.set_cache_mb(ws.db, CACHE_MB)
    if not dry_run:
        backup_before(ws, reason="before-import")
    try:
        with announce(ws.path, f"importing {path.name}"), ws.db.atomic():
            report = _write(ws, plan, strict=strict, progress=progress)
            if mapping and not dry_run:
                _remember(ws, plan.source, mapping)
            if dry_run:
                raise _DryRun
    except _DryRun:
        report["batch_id"] = None
        report["dry_run"] = True
    finally:
        import_store.restore_cache(ws.db, cache)
    return report


def _remember(ws, source: str, mapping: dict) -> None:
    from planner.storage.queries import get_setting, set_setting

    key = f"import.mapping.{source}"
    merged = dict(get_setting(ws, key) or {})
    merged.update(mapping)
    set_setting(ws, key, merged)


def _raw_groups(header: list[str]) -> tuple[list[str], list[list[int]]]:
    keys: list[str] = []
    groups: list[list[int]] = []
    where: dict[str, int] = {}
    for i, h in enumerate(header):
        key = h if h.strip() else f"column {i + 1}"
        if key in where:
            groups[where[key]].append(i)
        else:
            where[key] = len(keys)
            keys.append(key)
            groups.append([i])
    return keys, groups


def _raw_texts(keys: list[str], groups: list[list[int]], cells: list[list[str]], voters=None) -> list[str]:
    """Each original row as a JSON object of its non-empty cells, by header name.

    A repeated header (Jira's 17 `Comment`) becomes an array of all its cells.
    Built here rather than in SQL (json_object per row was ~45% of the insert),
    to the byte as SQLite's json_object and json_patch wrote it, so a file
    imported before compares unchanged. `voters`: one sorted list per row, kept
    under `_voters`.
    """
    parts = []
    for key, idx in zip(keys, groups):
        prefix = _json_text(key) + ":"
        if len(idx) == 1:
            parts.append([prefix + _json_text(v) if v else None for v in cells[idx[0]]])
        else:
            parts.append([
                prefix + "[" + ",".join(map(_json_text, vs)) + "]" if any(vs) else None
                for vs in zip(*(cells[i] for i in idx))
            ])
    if voters is not None:
        listed = ['"_voters":[' + ",".join(map(_json_text, v)) + "]" for v in voters]
        if "_voters" in keys:
            # json_set put them in place of a non-empty `_voters` cell, else last.
            at = keys.index("_voters")
            filled = [p is not None for p in parts[at]]
            parts[at] = [new if f else None for f, new in zip(filled, listed)]
            listed = [None if f else new for f, new in zip(filled, listed)]
        parts.append(listed)
    return ["{" + ",".join([p for p in row if p]) + "}" for row in zip(*parts)]


def _cell_len(value) -> int:
    return len(value) if isinstance(value, str) else 0


def _check_lengths(df, shape: FileShape) -> None:
    import numpy as np

    if df.empty:
        return
    # One pass over all cells: a Series call per column cost seconds on a 2,000-column file.
    longest = np.frompyfunc(_cell_len, 1, 1)(df.to_numpy(dtype=object)).max(axis=0)
    for pos, c in enumerate(df.columns):
        if longest[pos] > MAX_FIELD_CHARS:
            name = shape.header[c] or f"column {c + 1}"
            raise ImportFailed(
                f"{shape.path.name}: a value in column {name!r} is {int(longest[pos]) >> 20} MB long; "
                f"the limit is {MAX_FIELD_CHARS >> 20} MB per cell.",
                hint="The file may have a quote that is never closed.",
            )


def _pick(col, mask):
    """The masked part of a Series, array or list, as a plain list."""
    import numpy as np

    if col is None:
        return None
    if hasattr(col, "iloc"):
        return col[mask].tolist()
    return np.asarray(col, dtype=object)[mask].tolist()


def _write(ws, plan: Plan, *, strict: bool, progress) -> dict:
    from itertools import repeat

    import numpy as np

    db = ws.db
    shape = plan.shape
    stamp = now_iso()
    batch_id = import_store.begin_batch(
        db, file_name=shape.path.name, sha256=None, source=plan.source, preset=plan.preset.name,
        encoding=shape.encoding, delimiter=shape.delimiter, mapping=plan.mapping, created_at=stamp,
    )
    conv = _Converter(plan)
    companies = _Companies(db, batch_id, stamp)
    if plan.columns.get("created_at"):
        conv.dates.decide(r[plan.columns["created_at"][0]] for r in shape.sample)
    keys, groups = _raw_groups(shape.header)
    grouped = plan.preset.group_by_id and bool(plan.columns.get("external_id"))
    ideas: dict[str, list] = {}
    seen: set = set()
    expected = _estimate_rows(shape)
    rebuild = []
    bulk_new_source = False
    if expected >= BULK_ROWS and expected > import_store.request_count(db):
        # Duplicate ids within the file are dropped in Python (`seen`), so a source with no
        # requests yet cannot conflict: its id index can be rebuilt after the load too.
        bulk_new_source = "source" not in plan.columns and import_store.source_is_new(db, plan.source)
        rebuild = import_store.suspend_indexes(db, with_id_index=bulk_new_source)
    sql_id = import_store.request_sql(by_id="plain" if bulk_new_source else True, batch_id=batch_id)
    sql_hash = import_store.request_sql(by_id=False, batch_id=batch_id)
    rows_read = duplicates = changed = written = record_no = 0
    read: dict = {}
    for df, done in _chunks(shape, read):
        _check_lengths(df, shape)
        n = len(df)
        numbers = list(range(shape.header_row + record_no + 1, shape.header_row + record_no + n + 1))
        record_no += n
        if record_no == n and plan.columns.get("created_at"):
            conv.dates.decide(df[plan.columns["created_at"][0]].tolist())  # more evidence than the sample's 200 rows
        values, keep = conv.convert(df, numbers)
        rows_read += int(conv.filled.sum())
        src = values.get("source")
        if src is not None:
            src = src.where(src != "", plan.source)
        ext = values.get("external_id")
        has_id = keep & (ext != "").to_numpy() if ext is not None else np.zeros(n, dtype=bool)
        no_id = keep & ~has_id
        dup = np.zeros(n, dtype=bool)
        idents = None
        if has_id.any() and not grouped:
            idkeys = (src + "\x1f" + ext)[has_id].tolist() if src is not None else ext[has_id].tolist()
            add = seen.add
            dup[has_id] = [k in seen or add(k) for k in idkeys]
        if no_id.any():
            cols = [src if src is not None else repeat(plan.source)] + [
                values.get(f) for f in ("title", "body", "requester", "email", "company", "created_at")
            ]
            lists = [c if isinstance(c, repeat) else repeat(None) if c is None else _pick(c, no_id) for c in cols]
            idents = [content_hash(*parts) for parts in zip(*lists)]
            add = seen.add
            dup[no_id] = [k in seen or add(k) for k in idents]
        duplicates += int(dup.sum())
        write = keep & ~dup
        company_ids = None if grouped else companies.ids(values, write)
        cells = [df[c] for c in df.columns]
        for mask, sql, hashes in ((has_id & ~dup, sql_id, None), (no_id & ~dup, sql_hash, idents)):
            if not mask.any():
                continue
            m = int(mask.sum())
            cols = []
            for fld in ("source", "external_id", "title", "body", "requester", "email"):
                if fld == "source" and src is None:
                    cols.append(repeat(plan.source))
                elif fld == "external_id" and sql is sql_hash:
                    cols.append(repeat(None))
                else:
                    col = src if fld == "source" else values.get(fld)
                    cols.append(repeat(None) if col is None else _pick(col, mask))
            cols.append(repeat(None) if company_ids is None else _pick(company_ids, mask))
            for fld in ("created_at", "votes", "importance", "url", "tags"):
                col = values.get(fld)
                cols.append(repeat(None) if col is None else _pick(col, mask))
            if hashes is not None:
                cols.append(np.asarray(hashes, dtype=object)[dup[no_id] == False].tolist())  # noqa: E712
            else:
                cols.append(repeat(None))
            if sql is sql_id and grouped:
                _gather_ideas(ideas, cols, m, values, mask, cells)
                continue
            cols.append(_raw_texts(keys, groups, [c[mask].tolist() for c in cells]))
            cols.append(repeat(stamp))
            changed += import_store.write_requests(db, sql, zip(*cols))
            written += m
        if progress is not None:
            progress.update(shape.data_start + done, shape.size, f"{rows_read:,} rows read")
    if ideas:
        entries = list(ideas.values())
        raws = _raw_texts(keys, groups, [list(c) for c in zip(*(cells for _, _, cells in entries))],
                          voters=[sorted(voters) for _, voters, _ in entries])
        rows = []
        for (params, voters, _), raw in zip(entries, raws):
            params[8] = len(voters)
            # The e-mail on a voter row is the voter's, not the idea's: it goes to `_voters` only.
            params[5] = params[6] = None
            rows.append(tuple(params) + (raw, stamp))
        changed += import_store.write_requests(db, sql_id, rows)
        written += len(rows)
    companies.flush()
    import_store.restore_indexes(db, rebuild)
    warnings = list(plan.warnings)
    if conv.dates.assumed_order:
        warnings.append("Dates like 3/12/2024 could be read either way; they were read month first.")
    if conv.rounded_ids:
        warnings.append(
            f"{conv.rounded_ids} id(s) like 1.03006E+13 were rounded by a spreadsheet; those rows are matched by content."
        )
    if conv.error_count > len(conv.errors):
        warnings.append(f"Only the first {len(conv.errors)} of {conv.error_count} row errors are listed.")
    new = import_store.count_added(db, batch_id)
    report = {
        "batch_id": batch_id, "file": str(shape.path), "encoding": shape.encoding, "delimiter": shape.delimiter,
        "preset": plan.preset.name, "source": plan.source, "mapping": plan.mapping, "rows_read": rows_read,
        "new": new, "updated": changed - new, "unchanged": written - changed, "duplicates": duplicates,
        "failed": conv.failed, "errors": conv.errors, "companies_new": companies.created, "warnings": warnings,
    }
    if rows_read == 0:
        raise ImportFailed(f"{shape.path.name}: the file has a header but no rows.")
    if conv.failed and conv.failed >= rows_read:
        first = conv.errors[0]
        raise ImportFailed(
            f"{shape.path.name}: none of the {rows_read} rows could be imported "
            f"(row {first['row']}, {first['column']}: {first['message']})"
        )
    if strict and conv.failed:
        first = conv.errors[0]
        raise StrictFailure(
            f"{shape.path.name}: {conv.failed} row(s) failed (first: row {first['row']}, {first['column']}: "
            f"{first['message']}); nothing was imported because of --strict.",
            dict(report, batch_id=None),
        )
    import_store.finish_batch(db, batch_id, report, sha256=read.get("sha256"))
    if progress is not None:
        progress.update(shape.size, shape.size, "Saving")
    return report


def _gather_ideas(ideas: dict, cols, m, values, mask, cells) -> None:
    """UserVoice writes one row per voter: the first row of an idea stands for it, each voter is a vote."""
    from itertools import repeat

    fixed = [list(c) if not isinstance(c, repeat) else [next(c)] * m for c in cols]
    email = values.get("email")
    voters = _pick(email, mask) if email is not None else [None] * m
    raw_cells = [c[mask].tolist() for c in cells]
    for i in range(m):
        ext = fixed[1][i]
        voter = voters[i] or f"voter {len(ideas.get(ext, (None, ()))[1]) + 1}"
        entry = ideas.get(ext)
        if entry is None:
            ideas[ext] = [[col[i] for col in fixed], {voter}, [c[i] for c in raw_cells]]
        else:
            entry[1].add(voter)


__all__ = ["preview_import", "import_requests", "StrictFailure", "Cancelled"]
