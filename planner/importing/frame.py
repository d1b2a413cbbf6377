"""Reading a file's records into pandas: string DataFrames a chunk at a time, in bounded memory."""

from __future__ import annotations

import csv
import re
import warnings as pywarnings
from dataclasses import dataclass

from planner.errors import ImportFailed
from planner.importing.reading import MAX_FIELD_CHARS, FileShape
from planner.importing.streams import open_data, open_text

CHUNK_ROWS = 10_000  # 50k rows per chunk peaked at 530 MB on a 100k-row file, 10k at 285 MB, no slower
# A chunk holds at most this many cells: 10k rows of a 2,000-column file would be 20M Python strings.
CHUNK_CELLS = 500_000
NARROW_COLUMNS = 64  # up to this many columns, `check_lengths` measures a column at a time
READ_FAILED = "Calling read(nbytes) on source failed"  # pandas' words when the stream's read raised


@dataclass
class Unclosed:
    """A quote that opens on `row` and is never closed: the `lines` from there to the end were not imported."""

    row: int
    column: str | None
    lines: int

    def message(self) -> str:
        lines = "the line" if self.lines == 1 else f"the {self.lines:,} lines"
        return f"a quote opens here and is never closed; {lines} from here to the end {'was' if self.lines == 1 else 'were'} not imported."


def chunks(shape: FileShape, sink: dict):
    """DataFrames of strings, `CHUNK_ROWS` records each (fewer for wide files), blank records kept (they are spreadsheet rows).

    Yields (frame, bytes read so far). When the data has been read, `sink["sha256"]` holds the whole file's hash.
    A quote opened near the end and never closed ends the data there: the records before it are
    yielded and `sink["unclosed"]` says where it opens (`Unclosed`).
    """
    import pandas as pd

    handle, raw = open_data(shape)
    yielded = 0
    try:
        with pywarnings.catch_warnings():
            pywarnings.simplefilter("ignore")
            reader = pd.read_csv(
                handle, encoding="utf-8", encoding_errors="strict", sep=shape.delimiter, header=None, names=list(range(shape.width)), dtype=str,
                keep_default_na=False, na_filter=False, skip_blank_lines=False, engine="c",
                chunksize=max(1, min(CHUNK_ROWS, CHUNK_CELLS // max(1, shape.width))), index_col=False, quotechar='"', doublequote=True,
            )
            for df in reader:
                yielded += len(df)
                yield df, raw.done
        sink["sha256"] = raw.sha256()
        return
    except pd.errors.EmptyDataError:
        sink["sha256"] = raw.sha256()
        return
    except UnicodeDecodeError as exc:
        raise ImportFailed(
            f"{shape.shown_path.name}: some bytes are not valid {shape.encoding} ({exc.reason}).",
            hint="Pass the right --encoding.",
        ) from None
    except pd.errors.ParserError as exc:
        if raw.failure is not None:
            raise raw.failure from None
        if READ_FAILED in str(exc):
            # A read that failed with no error of its own was interrupted (Ctrl-C landing between the
            # stream's calls, where nothing can record it): say so, not that the file is unreadable.
            raise KeyboardInterrupt from None
        opened = re.search(r"EOF inside string starting at row (\d+)", str(exc))
        if opened is None:
            raise ImportFailed(f"{shape.shown_path.name}: {_parser_message(str(exc), shape)}") from None
        failure = exc
    finally:
        handle.close()
    # Outside the `except`: a generator that yields there keeps the parser's error as its context.
    yield from _before_unclosed_quote(shape, sink, yielded, int(opened.group(1)), failure)


def _before_unclosed_quote(shape: FileShape, sink: dict, yielded: int, record: int, failure):
    """The records between the last chunk pandas gave and `record`, where a quote opens and is never closed.

    pandas gives nothing of the chunk that ran into the end of the file, so that stretch
    (at most one chunk) is read again with `csv`, whose records are the same. If the quote
    swallows more lines than the rows before it, the file is refused whole instead: that
    is not a slip near the end of a hand-edited file but a file broken throughout (a
    stray quote in an early row, a quoting this importer does not know), and importing
    its first rows while leaving out most of it would look like success.
    """
    import pandas as pd

    if record < yielded:  # pandas names a record it already gave: the text is not what it seemed
        raise ImportFailed(f"{shape.shown_path.name}: {_parser_message(str(failure), shape)}") from None
    text, raw = open_text(shape)
    try:
        reader = csv.reader(text, delimiter=shape.delimiter)
        rows: list[list[str]] = []
        for i in range(record):
            try:
                cells = next(reader)
            except (StopIteration, csv.Error):
                raise ImportFailed(f"{shape.shown_path.name}: {_parser_message(str(failure), shape)}") from None
            if i >= yielded:
                rows.append(cells)
        # `csv` read the lines of the records before; the rest of the stream is the swallowed part.
        first = next(text, "")
        cells = next(csv.reader([first], delimiter=shape.delimiter), [""])
        lines = 1 + sum(1 for line in text if line.strip()) if first else 0
        sink["sha256"] = raw.sha256()
    finally:
        text.close()
    row = shape.row_number(record)
    name = shape.header[len(cells) - 1] if 0 < len(cells) <= len(shape.header) else None
    unclosed = Unclosed(row=row, column=name or None, lines=lines)
    if record == 0 or lines > record:
        before = "it opens in the first row of data" if record == 0 else f"more than the {record:,} rows before it"
        raise ImportFailed(
            f"{shape.shown_path.name}: row {row}: a quote opens here and is never closed, so the {lines:,} lines from "
            f"there to the end cannot be read ({before}).",
            hint="Close or remove that quote and import the file again.",
        )
    sink["unclosed"] = unclosed
    if rows:
        too_wide = next((i for i, r in enumerate(rows) if len(r) > shape.width), None)
        if too_wide is not None:
            raise ImportFailed(f"{shape.shown_path.name}: line {shape.row_number(yielded + too_wide)} has "
                               f"{len(rows[too_wide])} fields but the header has {shape.width}; the file is cut or mixes separators.")
        padded = [r + [""] * (shape.width - len(r)) for r in rows]
        yield pd.DataFrame(padded, columns=list(range(shape.width)), dtype=str), shape.data_end - shape.data_start


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


def _cell_len(value) -> int:
    return len(value) if isinstance(value, str) else 0


def _longest(column) -> int:
    """The length of a string column's longest cell (0 when it holds no text)."""
    import pandas as pd

    top = column.str.len().max() if pd.api.types.is_string_dtype(column) else None
    return 0 if top is None or pd.isna(top) else int(top)


def check_lengths(df, shape: FileShape) -> None:
    """Refuse a chunk with a cell over `MAX_FIELD_CHARS`: a quote never closed swallows the rest of the file."""
    import numpy as np

    if df.empty:
        return
    if df.shape[1] <= NARROW_COLUMNS:
        # A narrow file: the string columns measure their cells in C, where a Python call
        # per cell cost 3.5 s of a 1M-row import.
        longest = [_longest(df[c]) for c in df.columns]
    else:
        # One pass over all cells: a Series call per column cost seconds on a 2,000-column file.
        longest = np.frompyfunc(_cell_len, 1, 1)(df.to_numpy(dtype=object)).max(axis=0)
    for pos, c in enumerate(df.columns):
        if longest[pos] > MAX_FIELD_CHARS:
            name = shape.header[c] or f"column {c + 1}"
            raise ImportFailed(
                f"{shape.shown_path.name}: a value in column {name!r} is {int(longest[pos]) >> 20} MB long; "
                f"the limit is {MAX_FIELD_CHARS >> 20} MB per cell.",
                hint="The file may have a quote that is never closed.",
            )


def estimate_rows(shape: FileShape) -> int:
    """How many records the data holds: known for a sheet, counted in a small file's sample, else from the sample's average length."""
    if shape.records is not None:
        return shape.records
    filled = [r for r in shape.sample if any(c.strip() for c in r)]
    span = shape.data_end - shape.data_start
    if len(shape.sample) < 200 and span <= (1 << 20):
        return len(filled)
    avg = max(1.0, sum(len(shape.delimiter.join(r)) + 3 for r in filled) / max(1, len(filled)))
    return int(span / avg)
