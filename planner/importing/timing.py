"""Where an import's time goes, for `benchmarks/import_bench.py`: off (and free) unless a caller records.

`recording()` collects seconds per stage ("read", "convert", "raw", "insert", ...) into a
dict while it is open; outside it `stage` is a shared no-op context, so a normal import
pays one attribute check per chunk and prints nothing. Stages run on the reading thread
and on the writing thread at once, so their sum can exceed the wall time.
"""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager, nullcontext

_NOTHING = nullcontext()
_lock = threading.Lock()
_current: dict | None = None


@contextmanager
def recording():
    """Record the stages of imports run within into the dict yielded (seconds, summed per stage)."""
    global _current
    before, _current = _current, {}
    try:
        yield _current
    finally:
        _current = before


def is_recording() -> bool:
    return _current is not None


def add(name: str, seconds: float) -> None:
    sink = _current
    if sink is not None:
        with _lock:
            sink[name] = sink.get(name, 0.0) + seconds


@contextmanager
def _timed(name: str):
    start = time.perf_counter()
    try:
        yield
    finally:
        add(name, time.perf_counter() - start)


def stage(name: str):
    """A context that adds its time to `name` while recording; a no-op otherwise."""
    return _NOTHING if _current is None else _timed(name)
