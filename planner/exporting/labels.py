"""The words a reader sees for the planner's names: statuses, kinds, methods and lane modes."""

from __future__ import annotations

from planner.exporting.styles import STATUS_LABELS
from planner.exporting.words_ja import say

METHOD_NAMES = {
    "rice": "RICE (reach × impact × confidence ÷ effort)",
    "value-effort": "Value ÷ effort",
    "ice": "ICE (impact × confidence × ease)",
    "wsjf": "WSJF (cost of delay ÷ job size)",
    "custom": "Your own formula",
}
LANE_MODE_NAMES = {"quarters": "Quarters", "releases": "Releases", "now-next-later": "Now / Next / Later"}


def label(value, lang: str = "en") -> str | None:
    """An enumeration ('in_progress', 'quick_win') as a reader of `lang` ("en", "ja") writes it."""
    if value is None or value == "":
        return None
    return say(STATUS_LABELS.get(value) or str(value).replace("_", " ").replace("-", " ").capitalize(), lang)
