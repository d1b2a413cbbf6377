"""The words of the domain and how a user's values are checked, shared by the operations and the shells.

Kinds, statuses, scales and the sane range of every number a user types; the
functions here turn a typed value into what is stored or raise a
`ValidationError` that says what is expected.
"""

from __future__ import annotations

import math
from datetime import date

from planner.errors import ValidationError

KINDS = ("feature", "improvement", "bug", "tech_debt", "research")
STATUSES = ("idea", "candidate", "planned", "in_progress", "shipped", "wont_do")
IMPACTS = (3.0, 2.0, 1.0, 0.5, 0.25)
IMPACT_NAMES = {3.0: "massive", 2.0: "high", 1.0: "medium", 0.5: "low", 0.25: "minimal"}
IMPORTANCES = ("nice_to_have", "important", "critical")
REACH_MODES = ("requests", "companies", "weighted", "mrr", "metric", "manual")
LANE_KINDS = ("quarter", "release", "horizon")
REQUEST_STATUSES = ("new", "linked", "duplicate", "archived")

# Fields a user may set on an item, and how each is checked.
_TEXT_FIELDS = {"title", "description", "notes", "theme", "tags", "owner", "pin_rationale", "start_date", "end_date",
                "public_title", "public_summary"}  # public_*: the customer-facing words of release notes
_NUMBER_FIELDS = {
    "reach_manual", "metric_share", "impact", "confidence", "effort", "value",
    "impact_low", "impact_high", "confidence_low", "confidence_high", "effort_low", "effort_high",
    "ice_impact", "ice_confidence", "ice_ease", "wsjf_value", "wsjf_time", "wsjf_risk", "wsjf_size",
    "lane_position",
}
_OTHER_FIELDS = {"kind", "status", "reach_mode", "metric_id", "lane_id", "pinned_rank"}
ITEM_FIELDS = _TEXT_FIELDS | _NUMBER_FIELDS | _OTHER_FIELDS
WSJF_SIZES = (1, 2, 3, 5, 8, 13, 20)


# ---------------------------------------------------------------- validation

# The sane range of each estimate a user types: (lowest, highest, how it is said).
# Scoring refuses a stored number outside these too (a hand-edited workspace).
EFFORT_RANGE = (0.05, 1000.0)
AMOUNT_MAX = 1e9  # reach, value, votes
ID_MAX = 2**63 - 1  # SQLite integers are 64-bit
PIN_RANK_MAX = 1_000_000
_EFFORT_WORDS = "more than 0 person-months: from 0.05 to 1000"
_AMOUNT_WORDS = "from 0 to 1,000,000,000"
FIELD_LIMITS = {
    "effort": (*EFFORT_RANGE, _EFFORT_WORDS),
    "effort_low": (*EFFORT_RANGE, _EFFORT_WORDS),
    "effort_high": (*EFFORT_RANGE, _EFFORT_WORDS),
    "reach_manual": (0.0, AMOUNT_MAX, _AMOUNT_WORDS),
    "value": (0.0, AMOUNT_MAX, _AMOUNT_WORDS),
    "metric_share": (0.0, 1.0, "a fraction from 0 to 1"),
    "impact": (0.25, 3.0, "on the RICE scale: 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal"),
    "confidence": (0.0, 100.0, "a percentage from 0 to 100"),
}
for _k in ("impact", "confidence"):
    FIELD_LIMITS[f"{_k}_low"] = FIELD_LIMITS[f"{_k}_high"] = FIELD_LIMITS[_k]
for _k in ("ice_impact", "ice_confidence", "ice_ease", "wsjf_value", "wsjf_time", "wsjf_risk"):
    FIELD_LIMITS[_k] = (1.0, 20.0, "from 1 to 10 (WSJF parts to 20)")
FIELD_LIMITS["wsjf_size"] = (1.0, 20.0, f"one of {', '.join(map(str, (1, 2, 3, 5, 8, 13, 20)))}")
_BOUNDED = ("effort", "effort_low", "effort_high", "reach_manual", "value")  # the others have their own checks below
_LABELS = {"reach_manual": "Reach", "mrr": "MRR", "arr": "ARR", "wsjf_size": "WSJF job size"}


def field_label(field: str) -> str:
    return _LABELS.get(field) or field.replace("_", " ").capitalize()


def number(field: str, value) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        raise ValidationError(f"{field_label(field)} must be a number, not {value!r}.") from None
    limits = FIELD_LIMITS.get(field)
    if not math.isfinite(number):
        if limits:
            raise ValidationError(f"{field_label(field)} must be a finite number, {limits[2]}; got {value!r}.")
        raise ValidationError(f"{field_label(field)} must be a finite number; got {value!r}.")
    if field in _BOUNDED and not limits[0] <= number <= limits[1]:
        raise ValidationError(f"{field_label(field)} must be {limits[2]}; got {value!r}.")
    return number


def whole(what: str, value, low: int, high: int) -> int:
    """A whole number from low to high (bounded: SQLite integers are 64-bit)."""
    try:
        number = int(value)
        if isinstance(value, float) and number != value:
            raise ValueError
    except (TypeError, ValueError, OverflowError):
        raise ValidationError(f"{what} is a whole number from {low:,} to {high:,}; got {value!r}.") from None
    if not low <= number <= high:
        raise ValidationError(f"{what} is a whole number from {low:,} to {high:,}; got {value!r}.")
    return number


def valid_text(text, what: str = "text"):
    """Text that can be stored as UTF-8: a lone surrogate (an undecodable byte typed on the command line) is refused."""
    if isinstance(text, str):
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise ValidationError(
                f"The {what} is not valid text (it holds a byte that is not UTF-8); type it again."
            ) from None
    return text


def check_choice(field: str, value, choices) -> None:
    if value not in choices:
        raise ValidationError(f"{field.replace('_', ' ').capitalize()} must be one of {', '.join(map(str, choices))}; got {value!r}.")


def validate_item_fields(fields: dict) -> dict:
    unknown = set(fields) - ITEM_FIELDS
    if unknown:
        raise ValidationError(f"Unknown item field(s): {', '.join(sorted(unknown))}.")
    out: dict = {}
    for key, value in fields.items():
        if key in _NUMBER_FIELDS:
            out[key] = number(key, value)
        elif key in _TEXT_FIELDS:
            out[key] = None if value is None else valid_text(str(value), field_label(key).lower()).strip() or None
        else:
            out[key] = value
    if "title" in fields and not out.get("title"):
        raise ValidationError("An item needs a title.")
    if "kind" in out:
        check_choice("kind", out["kind"], KINDS)
    if "status" in out:
        check_choice("status", out["status"], STATUSES)
    if "reach_mode" in out:
        check_choice("reach source", out["reach_mode"], REACH_MODES)
    for key in ("impact", "impact_low", "impact_high"):
        if out.get(key) is not None and out[key] not in IMPACTS:
            raise ValidationError(
                "Impact must be on the RICE scale: 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal; "
                f"got {fields[key]!r}."
            )
    for key in ("confidence", "confidence_low", "confidence_high"):
        if out.get(key) is not None and not 0 <= out[key] <= 100:
            raise ValidationError(f"Confidence is a percentage from 0 to 100; got {fields[key]!r}.")
    if out.get("metric_share") is not None and out["metric_share"] < 0:
        raise ValidationError(f"Metric share cannot be negative; got {fields['metric_share']!r}.")
    if out.get("metric_share") is not None and out["metric_share"] > 1:
        raise ValidationError("The metric share is a fraction from 0 to 1.")
    for key in ("ice_impact", "ice_confidence", "ice_ease", "wsjf_value", "wsjf_time", "wsjf_risk"):
        if out.get(key) is not None and not 1 <= out[key] <= 20:
            raise ValidationError(f"{key.replace('_', ' ').upper()} must be from 1 to 10 (WSJF parts to 20); got {fields[key]!r}.")
    if out.get("wsjf_size") is not None and out["wsjf_size"] not in WSJF_SIZES:
        raise ValidationError(f"WSJF job size must be one of {', '.join(map(str, WSJF_SIZES))}; got {fields['wsjf_size']!r}.")
    if out.get("pinned_rank") is not None:
        out["pinned_rank"] = whole("A pinned rank", out["pinned_rank"], 1, PIN_RANK_MAX)
    for key in ("metric_id", "lane_id"):
        if out.get(key) is not None:
            out[key] = whole(f"A {key[:-3]} id", out[key], 1, ID_MAX)
    for key in ("start_date", "end_date"):
        if out.get(key):
            try:
                date.fromisoformat(out[key])
            except ValueError:
                raise ValidationError(f"{key.replace('_', ' ').capitalize()} must be a date like 2026-04-01.") from None
    return out



def known_id(value) -> int | None:
    """An id as a whole number, or None when no row can have it (not a whole number, or past 64 bits)."""
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if 1 <= number <= ID_MAX else None


