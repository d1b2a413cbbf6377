"""Streaming a file's data records: the bytes between header and footer, hashed and counted as they are read.

`sniff` (reading.py) finds where the records are; these streams then hand them
to pandas (`open_data`) or to `csv.reader` (`open_text`) in bounded memory.
"""

from __future__ import annotations

import codecs
import io
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planner.importing.reading import FileShape


class ByteSlice(io.RawIOBase):
    """The bytes of a file between two offsets, counting what was read (for progress).

    It also feeds the file's sha256 (the batch records it), so a 600 MB file is
    read once rather than twice: `sha256()` adds the bytes outside the slice.
    """

    def __init__(self, path: Path, start: int, end: int):
        import hashlib

        self._path, self._start, self._end = path, start, end
        self._hash = hashlib.sha256()
        with open(path, "rb") as head:
            self._hash.update(head.read(start))
        self._fh = open(path, "rb")
        self._fh.seek(start)
        self._left = end - start
        self.done = 0

    def sha256(self) -> str:
        """The whole file's hash; valid once the slice has been read to its end."""
        digest = self._hash.copy()
        with open(self._path, "rb") as fh:
            fh.seek(self._start + self.done)
            for block in iter(lambda: fh.read(8 << 20), b""):
                digest.update(block)
        return digest.hexdigest()

    def readable(self) -> bool:
        return True

    failure: BaseException | None = None  # what interrupted a read; pandas reports it as a parser error

    def readinto(self, buffer) -> int:
        try:
            return self._readinto(buffer)
        except BaseException as exc:  # Ctrl-C, SIGTERM, a disk error: the caller re-raises it as it was
            self.failure = exc
            raise

    def _readinto(self, buffer) -> int:
        n = min(len(buffer), self._left)
        if n <= 0:
            return 0
        data = self._fh.read(n)
        buffer[: len(data)] = data
        self._hash.update(data)
        self._left -= len(data)
        self.done += len(data)
        return len(data)

    def close(self) -> None:
        self._fh.close()
        super().close()


class Utf8Stream(io.RawIOBase):
    """The slice's text re-encoded as UTF-8, decoded strictly on the way.

    pandas reads a binary UTF-8 stream in linear time; handed a text stream it
    slowed down chunk after chunk (5 s per 100k rows at 400k rows, against 0.5 s).
    """

    def __init__(self, source: ByteSlice, encoding: str):
        self._source = source
        self._decoder = codecs.getincrementaldecoder(encoding)("strict")
        self._pending = b""
        self._eof = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self._pending and not self._eof:
            block = self._source.read(1 << 20)
            self._eof = not block
            self._pending = self._decoder.decode(block or b"", final=self._eof).encode("utf-8")
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n


def open_data(shape: FileShape) -> tuple[io.BufferedReader, ByteSlice]:
    """The data records as a binary UTF-8 stream, and the slice (for progress and the sha256)."""
    raw = ByteSlice(shape.path, shape.data_start, shape.data_end)
    if shape.encoding in ("utf-8", "utf_8"):
        return io.BufferedReader(raw, 1 << 20), raw
    return io.BufferedReader(Utf8Stream(raw, shape.encoding), 1 << 20), raw


def open_text(shape: FileShape) -> tuple[io.TextIOBase, ByteSlice]:
    """The data records as text, for `csv.reader` over small files (metrics import).

    The importer itself uses `open_data`: pandas is slow on text streams.
    """
    raw = ByteSlice(shape.path, shape.data_start, shape.data_end)
    text = io.TextIOWrapper(io.BufferedReader(raw, 1 << 20), encoding=shape.encoding, errors="strict", newline="")
    return text, raw
