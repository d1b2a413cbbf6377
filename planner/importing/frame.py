"""Reading a file's records into pandas: string DataFrames a chunk at a time, in bounded memory."""

from __future__ import annotations

import re
import warnings as pywarnings

from planner.errors import ImportFailed
from planner.importing.reading import MAX_FIELD_CHARS, FileShape
from planner.importing.streams import open_data

CHUNK_ROWS = 10_000  # 50k rows per chunk peaked at 530 MB on a 100k-row file, 10k at 285 MB, no slower
# A chunk holds at most this many cells: 10k rows of a 2,000-column file would be 20M Python strings.
CHUNK_CELLS = 500_000
READ_FAILED = "Calling read(nbytes) on source failed"  # pandas' words when the stream's read raised


def chunks(shape: FileShape, sink: dict):
    """DataFrames of strings, `CHUNK_ROWS` records each (fewer for wide files), blank records kept (they are spreadsheet rows).

    Yields (frame, bytes read so far). When the data has been read, `sink["sha256"]` holds the whole file's hash.
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
        if READ_FAILED in str(exc):
            # A read that failed with no error of its own was interrupted (Ctrl-C landing between the
            # stream's calls, where nothing can record it): say so, not that the file is unreadable.
            raise KeyboardInterrupt from None
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


def _cell_len(value) -> int:
    return len(value) if isinstance(value, str) else 0


def check_lengths(df, shape: FileShape) -> None:
    """Refuse a chunk with a cell over `MAX_FIELD_CHARS`: a quote never closed swallows the rest of the file."""
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


def estimate_rows(shape: FileShape) -> int:
    """How many records the data holds: counted in a small file's sample, else from the sample's average length."""
    filled = [r for r in shape.sample if any(c.strip() for c in r)]
    span = shape.data_end - shape.data_start
    if len(shape.sample) < 200 and span <= (1 << 20):
        return len(filled)
    avg = max(1.0, sum(len(shape.delimiter.join(r)) + 3 for r in filled) / max(1, len(filled)))
    return int(span / avg)
