"""The workspace's scoring settings, kept as one JSON value in the `settings` table."""

from __future__ import annotations

import math

from planner.errors import ValidationError
from planner.storage import queries
from planner.storage.db import Workspace

SETTINGS_KEY = "scoring"
METHODS = ("rice", "value-effort", "ice", "wsjf")
IMPORTANCE_KEYS = ("nice_to_have", "important", "critical")

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
        out[key] = value
    return out


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
    queries.set_setting(ws, SETTINGS_KEY, settings)
    return settings
