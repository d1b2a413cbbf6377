"""The workspace's scoring settings, kept as one JSON value in the `settings` table."""

from __future__ import annotations

import math

from planner.errors import ValidationError
from planner.storage import queries
from planner.storage.db import Workspace

SETTINGS_KEY = "scoring"
# "custom": the workspace's own formula (formula.py), kept in the "formula" setting.
METHODS = ("rice", "value-effort", "ice", "wsjf", "custom")
IMPORTANCE_KEYS = ("nice_to_have", "important", "critical")
# The one unit every reach in a ranking is counted in (see reach.to_unit); None: the unit
# of most items' reach sources, companies when none is counted from data.
REACH_UNITS = ("companies", "people", "mrr", "users")

DEFAULTS = {
    "method": "rice",
    "window_days": 365,
    "segment": None,
    "importance_weights": {"nice_to_have": 1, "important": 2, "critical": 3},
    # 'median', or {"value": V, "effort": E}: high value from V up, high effort above E.
    "quadrant_split": "median",
    "top_n": 10,
    # An item is a single-customer request when one company brings this share or more.
    "single_customer_share": 0.5,
    # The user's own formula over named factors ("" for none), scored by method "custom".
    "formula": "",
    "reach_unit": None,
    # Users of a metric per customer, to count a metric's users as companies; None: the
    # metric's latest value divided by the number of companies in the workspace.
    "users_per_customer": None,
}


def check_settings(changes: dict) -> dict:
    unknown = set(changes) - set(DEFAULTS)
    if unknown:
        raise ValidationError(f"Unknown scoring setting(s): {', '.join(sorted(unknown))}.")
    out = {}
    for key, value in changes.items():
        if key == "method":
            if value not in METHODS:
                raise ValidationError(f"The scoring method must be one of {', '.join(METHODS)}; got {value!r}.")
        elif key == "window_days":
            try:
                value = int(value)
            except (TypeError, ValueError):
                raise ValidationError("The time window is a whole number of days.") from None
            if not 1 <= value <= 3660:
                raise ValidationError(f"The time window must be from 1 to 3660 days; got {value}.")
        elif key == "segment":
            value = (str(value).strip() or None) if value is not None else None
        elif key == "importance_weights":
            if not isinstance(value, dict) or set(value) - set(IMPORTANCE_KEYS):
                raise ValidationError("Importance weights are given for nice_to_have, important and critical.")
            merged = dict(DEFAULTS["importance_weights"])
            for name, weight in value.items():
                try:
                    weight = float(weight)
                except (TypeError, ValueError):
                    raise ValidationError(f"The weight of {name.replace('_', ' ')} must be a number.") from None
                if not math.isfinite(weight) or weight < 0:
                    raise ValidationError(f"The weight of {name.replace('_', ' ')} must be zero or more.")
                merged[name] = weight
            value = merged
        elif key == "quadrant_split":
            if value != "median":
                if not isinstance(value, dict) or set(value) != {"value", "effort"}:
                    raise ValidationError("Split the quadrants at 'median' or at {'value': V, 'effort': E}.")
                try:
                    value = {"value": float(value["value"]), "effort": float(value["effort"])}
                except (TypeError, ValueError):
                    raise ValidationError("Quadrant thresholds must be numbers.") from None
                if value["effort"] <= 0:
                    raise ValidationError("The effort threshold must be more than 0 person-months.")
        elif key == "top_n":
            try:
                value = int(value)
            except (TypeError, ValueError):
                raise ValidationError("Top N is a whole number.") from None
            if value < 1:
                raise ValidationError("Top N must be at least 1.")
        elif key == "single_customer_share":
            try:
                value = float(value)
            except (TypeError, ValueError):
                raise ValidationError("The single-customer share is a fraction from 0 to 1.") from None
            if not 0 < value <= 1:
                raise ValidationError("The single-customer share is a fraction above 0 and at most 1.")
        elif key == "formula":
            from planner.scoring.formula import check_formula

            value = check_formula(value)
        elif key == "reach_unit":
            value = _check_reach_unit(value)
        elif key == "users_per_customer":
            value = _check_users_per_customer(value)
        out[key] = value
    return out


def _check_reach_unit(value):
    if value is None or (isinstance(value, str) and value.strip().casefold() in ("", "auto")):
        return None
    unit = str(value).strip().casefold().replace("metric users", "users").replace("metric-users", "users")
    if unit not in REACH_UNITS:
        raise ValidationError(f"The reach unit must be one of {', '.join(REACH_UNITS)} (or auto); got {value!r}.")
    return unit


def _check_users_per_customer(value):
    if value is None or (isinstance(value, str) and value.strip().casefold() in ("", "auto")):
        return None
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise ValidationError("Users per customer is a number, or auto to derive it from the metric.") from None
    if not math.isfinite(value) or value <= 0:
        raise ValidationError(f"Users per customer must be more than 0; got {value:g}.")
    return value


def get_scoring_settings(ws: Workspace) -> dict:
    stored = queries.get_setting(ws, SETTINGS_KEY, {}) or {}
    settings = {k: (dict(v) if isinstance(v, dict) else v) for k, v in DEFAULTS.items()}
    for key, value in stored.items():
        if key in settings:
            try:
                settings.update(check_settings({key: value}))
            except ValidationError:
                pass  # a value a later version wrote or a hand edit broke: keep the default
    return settings


def set_scoring_settings(ws: Workspace, **changes) -> dict:
    """Change some settings; returns all of them as they now are."""
    settings = get_scoring_settings(ws)
    settings.update(check_settings(changes))
    if settings["method"] == "custom" and not settings["formula"]:
        raise ValidationError("Your own formula is empty: write one (such as reach * impact * confidence / effort) "
                              "before scoring by it.")
    queries.set_setting(ws, SETTINGS_KEY, settings)
    return settings
