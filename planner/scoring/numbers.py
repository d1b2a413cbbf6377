"""How a score reads, one rule for every place that shows one.

Two decimals below 100, whole numbers from 100 up, halves rounded away from
zero: 7.25, 67.50, 675, 12,300. The backlog, the detail panel, the
explanations, the command line and the workbook all show this figure, so a PdM
never reads 7.2 in one place and 7.25 in another. Scores in rows and JSON are
stored already rounded by it; ranks come from the unrounded scores.

The workbook cannot call Python: `EXCEL_SCORE_FORMAT` is the same rule as a
number format, so a live formula's unrounded result reads the same too. The
rule is decided on the number as written to 15 significant digits, as a
spreadsheet does, so a float just under a half (7.2449999...) rounds as the
7.245 it is shown as.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

WHOLE_FROM = 99.995  # from here the two-decimal figure would read 100.00 or more: whole numbers
EXCEL_SCORE_FORMAT = f"[>={WHOLE_FROM}]#,##0;#,##0.00"


def _decimal(x: float) -> Decimal:
    return Decimal(format(float(x), ".15g"))


def score_places(x: float) -> int:
    """Decimal places a score is shown with: 0 from WHOLE_FROM up, else 2."""
    return 0 if _decimal(x) >= Decimal(str(WHOLE_FROM)) else 2


def round_score(x) -> float | None:
    """The score as it is shown, as a number (None for no score)."""
    if x is None:
        return None
    x = float(x)
    if not math.isfinite(x):
        return None
    places = score_places(x)
    return float(_decimal(x).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def format_score(x) -> str:
    """The score as text: '7.25', '67.50', '675', '12,300'; '' for no score."""
    rounded = round_score(x)
    if rounded is None:
        return ""
    return f"{rounded:,.{score_places(x)}f}"


def format_rounded(rounded) -> str:
    """`format_score` of a score `round_score` already gave: the same text without rounding again."""
    if rounded is None:
        return ""
    return f"{rounded:,.0f}" if rounded >= 100 else f"{rounded:,.2f}"


# Within this relative distance of a half (or of WHOLE_FROM) the float alone cannot
# tell how the 15-digit figure rounds: those few go through `round_score`.
_NEAR = 1e-12
_EXACT_UP_TO = 2.0 ** 52  # past this a float has no fraction left to round


def round_scores(values) -> list:
    """`round_score` for a whole column at once: the same figures, a list with None for no score.

    Rounding 10k scores one Decimal at a time costs a tenth of a second at
    every rescore. Away from a half the float decides alone: k / 100 is the
    float nearest to the decimal k/100, as Decimal's own conversion gives.
    Only a value within a hair of a half, or of WHOLE_FROM, is left to the
    Decimal rule, which reads it at 15 significant digits.
    """
    import numpy as np  # here, not at the top: the window's first paint imports this module

    x = np.asarray(values, dtype=float)
    with np.errstate(all="ignore"):
        finite = np.isfinite(x)
        scale = np.where(x >= WHOLE_FROM, 1.0, 100.0)
        y = np.abs(x) * scale
        k = np.floor(y + 0.5)
        near_half = np.abs(y - np.floor(y) - 0.5) <= _NEAR * np.maximum(y, 1.0)
        near_whole = np.abs(x - WHOLE_FROM) <= _NEAR * WHOLE_FROM
        slow = finite & (near_half | near_whole | (y >= _EXACT_UP_TO))
        out = np.where(finite, np.copysign(k / scale, x), np.nan).tolist()
    for i in np.flatnonzero(slow).tolist():
        out[i] = round_score(float(x[i]))
    return [None if v != v else v for v in out]
