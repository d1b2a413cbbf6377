"""The scoring methods as arithmetic over numpy arrays.

Every function takes float arrays where NaN means "not given" and returns
scores with NaN for an item it cannot score; the caller says why. No division
by a missing or zero effort ever reaches the result.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping

import numpy as np

METHODS = ("rice", "value-effort", "ice", "wsjf")
IMPACT_NAMES = {3.0: "massive", 2.0: "high", 1.0: "medium", 0.5: "low", 0.25: "minimal"}
QUADRANTS = ("quick win", "big bet", "fill-in", "time sink")


@dataclass(frozen=True)
class MethodFormula:
    """A method's score as arithmetic over its factors, stated once.

    The scorer runs `arithmetic` over numpy arrays; the workbook runs it over
    floats (`score`) and over cell references (`spreadsheet`), so the formula it
    writes is the scorer's own. `factors` are the names the scoring reports, in
    the order `arithmetic` takes them; `percent` ones are given in percent and
    enter the arithmetic as fractions.
    """

    factors: tuple[str, ...]
    arithmetic: Callable
    percent: frozenset[str] = frozenset()

    def score(self, values: Mapping[str, float]) -> float:
        return self.arithmetic(*(values[name] for name in self.factors))

    def spreadsheet(self, cells: Mapping[str, str]) -> str:
        """The formula as spreadsheet text, each factor read from its cell in `cells`: 'I2*J2*K2/L2'."""
        return self.arithmetic(*(_Cell(cells[name]) for name in self.factors)).text


class _Cell:
    """A factor's cell in a formula being written; brackets only where the arithmetic's order needs them."""

    def __init__(self, text: str, level: int = 2):  # level: 0 a sum, 1 a product, 2 a cell or a bracket
        self.text, self.level = text, level

    def _at(self, level: int) -> str:
        return self.text if self.level >= level else f"({self.text})"

    def _join(self, op: str, other, level: int) -> "_Cell":
        other = other if isinstance(other, _Cell) else _Cell(repr(other))  # a constant of the arithmetic
        return _Cell(f"{self._at(level)}{op}{other._at(level + 1)}", level)

    def __add__(self, other):
        return self._join("+", other, 0)

    def __mul__(self, other):
        return self._join("*", other, 1)

    def __truediv__(self, other):
        return self._join("/", other, 1)


FORMULAS = {
    "rice": MethodFormula(("reach", "impact", "confidence", "effort"),
                          lambda reach, impact, confidence, effort: reach * impact * confidence / effort,
                          percent=frozenset({"confidence"})),
    "value-effort": MethodFormula(("value", "effort"), lambda value, effort: value / effort),
    "ice": MethodFormula(("impact", "confidence", "ease"), lambda impact, confidence, ease: impact * confidence * ease),
    "wsjf": MethodFormula(("business_value", "time_criticality", "risk_reduction", "job_size"),
                          lambda business_value, time_criticality, risk_reduction, job_size:
                          (business_value + time_criticality + risk_reduction) / job_size),
}


def _usable_effort(effort: np.ndarray) -> np.ndarray:
    return np.isfinite(effort) & (effort > 0)


def rice(reach, impact, confidence_pct, effort) -> np.ndarray:
    """Intercom's RICE: reach x impact x confidence / effort (confidence given in percent)."""
    ok = _usable_effort(effort) & np.isfinite(reach) & np.isfinite(impact) & np.isfinite(confidence_pct)
    safe_effort = np.where(ok, effort, 1.0)
    return np.where(ok, FORMULAS["rice"].arithmetic(reach, impact, confidence_pct / 100.0, safe_effort), np.nan)


def value_effort(value, effort) -> np.ndarray:
    ok = _usable_effort(effort) & np.isfinite(value)
    return np.where(ok, FORMULAS["value-effort"].arithmetic(value, np.where(ok, effort, 1.0)), np.nan)


def ice(impact, confidence, ease) -> np.ndarray:
    """ICE: impact x confidence x ease, each on 1 to 10."""
    return FORMULAS["ice"].arithmetic(impact, confidence, ease)  # NaN anywhere stays NaN


def wsjf(business_value, time_criticality, risk_reduction, job_size) -> np.ndarray:
    """WSJF: cost of delay (value + time criticality + risk reduction) / job size."""
    ok = np.isfinite(job_size) & (job_size > 0)
    safe_size = np.where(ok, job_size, 1.0)
    return np.where(ok, FORMULAS["wsjf"].arithmetic(business_value, time_criticality, risk_reduction, safe_size), np.nan)


def scale_0_to_10(signal: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Demand mapped onto 0-10 within each group, on a log scale: 10 x log(1 + d) / log(1 + busiest).

    Demand is long-tailed (a few items gather most requests): a log scale keeps
    the middle of the backlog apart instead of squashing it near 0. The busiest
    item of a group gets 10; no demand gives 0, whatever the group holds, so an
    item nobody asked for never gets value from demand (a group where nobody
    asks is all 0, not all 10). Groups are the items whose reach counts in the
    same unit: values are never compared across units.
    """
    out = np.full(len(signal), np.nan)
    logs = np.log1p(np.where(np.isfinite(signal) & (signal > 0), signal, 0.0))
    for group in np.unique(groups):
        sel = (groups == group) & np.isfinite(signal)
        if not sel.any():
            continue
        top = logs[sel].max()
        out[sel] = 10.0 * logs[sel] / top if top > 0 else 0.0
    return np.round(out, 1)


def quadrants(value: np.ndarray, effort: np.ndarray, split) -> tuple[np.ndarray, float | None, float | None]:
    """The 2x2 of value and effort: ('quick win' | 'big bet' | 'fill-in' | 'time sink' | None, value split, effort split).

    High value is from the split up; high effort is above it, so at the median
    an item of median effort is a low-effort one.
    """
    ok = np.isfinite(value) & _usable_effort(effort)
    out = np.full(len(value), None, dtype=object)
    if not ok.any():
        return out, None, None
    if split == "median":
        v_split, e_split = float(np.median(value[ok])), float(np.median(effort[ok]))
    else:
        v_split, e_split = float(split["value"]), float(split["effort"])
    high_v = value >= v_split
    high_e = effort > e_split
    out[ok & high_v & ~high_e] = "quick win"
    out[ok & high_v & high_e] = "big bet"
    out[ok & ~high_v & ~high_e] = "fill-in"
    out[ok & ~high_v & high_e] = "time sink"
    return out, v_split, e_split


def computed_ranks(scores: np.ndarray, ids: np.ndarray, apart: np.ndarray | None = None) -> np.ndarray:
    """1-based rank by score, highest first, ties by id; 0 for unscored.

    Items marked `apart` (a reach in another unit than the ranking's) are ranked
    after all the others, by score among themselves: a score in another unit
    cannot say it is above or below one of the ranking's own.
    """
    ranks = np.zeros(len(scores), dtype=np.int64)
    ok = np.flatnonzero(np.isfinite(scores))
    later = apart[ok].astype(np.int8) if apart is not None else np.zeros(len(ok), dtype=np.int8)
    order = ok[np.lexsort((ids[ok], -scores[ok], later))]
    ranks[order] = np.arange(1, len(order) + 1)
    return ranks


def apply_pins(computed: np.ndarray, pinned: np.ndarray) -> np.ndarray:
    """Final ranks: a pinned item takes its pinned place, the rest keep their order around it.

    `computed` is 1-based (0 unscored); `pinned` is the pinned rank or 0. Two
    pins on one place: the better computed rank takes it, the other the next
    free place. A pin past the end lands at the end.
    """
    final = np.zeros(len(computed), dtype=np.int64)
    ranked = np.flatnonzero(computed > 0)
    n = len(ranked)
    if not n:
        return final
    taken = np.zeros(n + 1, dtype=bool)
    pins = ranked[pinned[ranked] > 0]
    for i in pins[np.lexsort((computed[pins], pinned[pins]))]:
        slot = min(int(pinned[i]), n)
        while slot <= n and taken[slot]:
            slot += 1
        if slot > n:  # every place from the pin down is taken: the nearest free one above
            slot = max(s for s in range(1, n + 1) if not taken[s])
        taken[slot] = True
        final[i] = slot
    free = np.flatnonzero(~taken[1:]) + 1
    rest = ranked[pinned[ranked] <= 0]
    final[rest[np.argsort(computed[rest], kind="stable")]] = free
    return final
