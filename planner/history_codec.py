"""Packing a snapshot's columns into a small blob, whole or as a delta against the one before.

A state is a dict of equally long numpy arrays sorted by item id, plus the
titles (an object array, or None when not decoded). A delta keeps, per column,
only the positions whose value changed and the new values, and the ids added
and removed.

Ranks are not stored as such: one item moving shifts the ranks of thousands.
They are stored as corrections to the rank the stored scores predict (highest
score first, ties by id, shipped and dropped work unranked), which are 0 for
nearly every item and change only where pins or a ranking rule the prediction
does not know put an item elsewhere. Decoding adds the correction back, so the
ranks read back exactly as recorded whatever the scoring rules were.
Everything is then zlib'd: a day's delta of 10k items is a few kilobytes
(`benchmarks/history_bench.py`).
"""

from __future__ import annotations

import json
import struct
import zlib

import numpy as np

from planner.domain import STATUSES

ESTIMATES = ("impact", "confidence", "effort", "reach", "value")
# Column name -> dtype of what is stored. Scores whole (float64): they are shown rounded by one rule
# (`planner.scoring.numbers`), which a float32 would break at the halves; and the ranks they predict are
# then the ranks scoring gave. "corr" is the rank correction; the state's "rank" is rebuilt from it.
STORED = {"score": np.float64, "corr": np.int32, "lane": np.int32, "status": np.int8,
          **{name: np.float64 for name in ESTIMATES}}
COLUMNS = {"score": np.float64, "rank": np.int32, "lane": np.int32, "status": np.int8,
           **{name: np.float64 for name in ESTIMATES}}
_EMPTY = {"score": np.nan, "corr": 0, "lane": 0, "status": -1, **{name: np.nan for name in ESTIMATES}}
_UNRANKED = np.array([STATUSES.index(s) for s in ("shipped", "wont_do")], dtype=np.int8)
_LEVEL = 6


def status_codes(statuses) -> np.ndarray:
    """Status names as small codes (their place in STATUSES; -1 for a name this version does not know)."""
    index = {s: i for i, s in enumerate(STATUSES)}
    return np.array([index.get(s, -1) for s in statuses], dtype=np.int8)


def status_name(code: int) -> str | None:
    return STATUSES[code] if 0 <= code < len(STATUSES) else None


# ---------------------------------------------------------------- ranks from scores

def _rankable(state: dict) -> np.ndarray:
    status = state["status"]
    return np.isfinite(state["score"]) & (status != _UNRANKED[0]) & (status != _UNRANKED[1])


def predicted_ranks(state: dict) -> np.ndarray:
    """The rank each item's stored score gives it: 1 for the highest, ties by id, 0 when it has none."""
    ranks = np.zeros(len(state["ids"]), dtype=np.int64)
    ok = np.flatnonzero(_rankable(state))
    order = ok[np.lexsort((state["ids"][ok], -state["score"][ok]))]
    ranks[order] = np.arange(1, len(order) + 1)
    return ranks


def rank_at(state: dict, pos: int) -> int:
    """The rank of the item at `pos` (0: none), without ranking every item: for one item's history."""
    ok = _rankable(state)
    predicted = 0
    if ok[pos]:
        score, item = state["score"][pos], state["ids"][pos]
        predicted = 1 + int(np.count_nonzero(ok & ((state["score"] > score) | ((state["score"] == score) & (state["ids"] < item)))))
    return predicted + int(state["corr"][pos])


def _with_corrections(state: dict) -> dict:
    if "corr" not in state:
        state = dict(state, corr=(np.asarray(state["rank"], dtype=np.int64) - predicted_ranks(state)).astype(np.int32))
    return state


# ---------------------------------------------------------------- encoding

def encode(state: dict, previous: dict | None = None) -> bytes:
    """The state as a blob: whole when `previous` is None, else as the changes from `previous`."""
    state = _with_corrections(state)
    arrays: dict[str, np.ndarray] = {}
    header: dict = {"statuses": list(STATUSES)}
    ids = state["ids"]
    titles = np.asarray(state["titles"], dtype=object)
    if previous is None:
        header["full"] = True
        arrays["ids"] = _gaps(ids)
        arrays.update((name, np.asarray(state[name], dtype=dtype)) for name, dtype in STORED.items())
        header["titles"] = [str(t) for t in titles]
        return _pack(header, arrays)
    previous = _with_corrections(previous)
    header["full"] = False
    added = np.setdiff1d(ids, previous["ids"], assume_unique=True)
    removed = np.setdiff1d(previous["ids"], ids, assume_unique=True)
    arrays["added"], arrays["removed"] = _gaps(added), _gaps(removed)
    present, aligned = _align(previous, removed, added)
    for name, dtype in STORED.items():
        new = np.asarray(state[name], dtype=dtype)
        at = np.flatnonzero(~present | ~_same(new, aligned[name]))
        arrays[f"{name}.at"] = _gaps(at)
        arrays[f"{name}.v"] = new[at]
    at = np.flatnonzero(~present | (titles != aligned["titles"]))
    arrays["titles.at"] = _gaps(at)
    header["titles"] = [str(t) for t in titles[at]]
    return _pack(header, arrays)


def decode(blob: bytes, previous: dict | None = None, *, with_titles: bool = True, with_ranks: bool = True) -> dict:
    """The state a blob holds; a delta needs the state of its parent as `previous`.

    A long walk over the snapshots (one item's history) skips the titles (None;
    a later delta cannot decode them either) and the ranks (read one with `rank_at`).
    """
    header, arrays = _unpack(blob)
    if header["full"]:
        state = {name: arrays[name].astype(dtype) for name, dtype in STORED.items()}
        state["ids"] = np.cumsum(arrays["ids"]).astype(np.int64)
        state["titles"] = np.array(header["titles"], dtype=object) if with_titles else None
    else:
        if previous is None:
            raise ValueError("a delta snapshot needs the snapshot it was taken after")
        previous = _with_corrections(previous)
        removed = np.cumsum(arrays["removed"]).astype(np.int64)
        added = np.cumsum(arrays["added"]).astype(np.int64)
        _, state = _align(previous, removed, added)
        for name in STORED:
            at = np.cumsum(arrays[f"{name}.at"]).astype(np.int64)
            if len(at):
                state[name][at] = arrays[f"{name}.v"]
        if with_titles and state["titles"] is not None:
            at = np.cumsum(arrays["titles.at"]).astype(np.int64)
            state["titles"][at] = np.array(header["titles"], dtype=object).reshape(-1)
        else:
            state["titles"] = None
    if header["statuses"] != list(STATUSES):  # written when the statuses were listed otherwise: keep the names
        names = header["statuses"]
        state["status"] = status_codes([names[c] if 0 <= c < len(names) else None for c in state["status"].tolist()])
    if with_ranks:
        state["rank"] = (predicted_ranks(state) + state["corr"]).astype(np.int32)
    return state


def _same(new: np.ndarray, old: np.ndarray) -> np.ndarray:
    """Equal values, two blanks (NaN) counting as equal."""
    if new.dtype.kind == "f":
        return (new == old) | (np.isnan(new) & np.isnan(old))
    return new == old


def _align(previous: dict, removed: np.ndarray, added: np.ndarray) -> tuple[np.ndarray, dict]:
    """`previous`'s stored columns without the `removed` ids and with empty values for the `added` ones
    (new arrays, by id), and which positions were there before. Linear: no sort of the whole."""
    old_ids = previous["ids"]
    keep = np.ones(len(old_ids), dtype=bool)
    keep[np.searchsorted(old_ids, removed)] = False
    kept_ids = old_ids[keep]
    at = np.searchsorted(kept_ids, added)
    out = {"ids": np.insert(kept_ids, at, added)}
    for name, dtype in STORED.items():
        out[name] = np.insert(np.asarray(previous[name], dtype=dtype)[keep], at, np.array(_EMPTY[name], dtype=dtype))
    titles = previous.get("titles")
    out["titles"] = None if titles is None else np.insert(np.asarray(titles, dtype=object)[keep], at, "")
    present = np.insert(np.ones(len(kept_ids), dtype=bool), at, False)
    return present, out


def _gaps(sorted_ints: np.ndarray) -> np.ndarray:
    """Ascending integers as their gaps (small numbers compress well)."""
    return _smallest_int(np.diff(np.asarray(sorted_ints, dtype=np.int64), prepend=0))


def _smallest_int(values: np.ndarray) -> np.ndarray:
    for dtype in (np.int8, np.int16, np.int32):
        info = np.iinfo(dtype)
        if not len(values) or (values.min() >= info.min and values.max() <= info.max):
            return values.astype(dtype)
    return values.astype(np.int64)


def _pack(header: dict, arrays: dict[str, np.ndarray]) -> bytes:
    header = dict(header, arrays=[[name, a.dtype.str, len(a)] for name, a in arrays.items()])
    head = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    body = b"".join(np.ascontiguousarray(a).tobytes() for a in arrays.values())
    return zlib.compress(struct.pack("<I", len(head)) + head + body, _LEVEL)


def _unpack(blob: bytes) -> tuple[dict, dict[str, np.ndarray]]:
    raw = zlib.decompress(blob)
    (size,) = struct.unpack_from("<I", raw)
    header = json.loads(raw[4:4 + size].decode("utf-8"))
    arrays, offset = {}, 4 + size
    for name, dtype, count in header["arrays"]:
        a = np.frombuffer(raw, dtype=np.dtype(dtype), count=count, offset=offset)
        arrays[name] = a.astype(a.dtype.newbyteorder("=")) if a.dtype.byteorder not in ("=", "|") else a
        offset += a.nbytes
    return header, arrays
