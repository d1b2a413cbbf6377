"""The import plan: which preset a file is, which source it lands in, and which column feeds which field.

Decided once from the file's header (and any mapping given or remembered for
the source) before a single data row is read.
"""

from __future__ import annotations

import re
from pathlib import Path

from planner.errors import ImportFailed
from planner.importing.mapping import CANONICAL_FIELDS, LIST_FIELDS, header_key, match_synonyms, match_words
from planner.importing.presets import PRESETS, Preset, detect_preset, preset_mapping
from planner.importing.reading import FileShape


class Plan:
    """What the file is and how its columns become request fields."""

    def __init__(self, shape: FileShape, preset: Preset, source: str, mapping: dict[str, str], warnings: list[str]):
        self.shape = shape
        self.preset = preset
        self.source = source
        self.mapping = mapping
        self.warnings = warnings
        header = shape.header
        self.columns: dict[str, list[int]] = {}
        for fld, column in mapping.items():
            idx = [i for i, h in enumerate(header) if h == column]
            if fld not in LIST_FIELDS:
                idx = idx[:1]
            self.columns[fld] = idx


def default_source(preset: Preset, path: Path) -> str:
    if preset.name != "generic":
        return preset.name
    # Next week's dump `feedback-2024-11-30.csv` must land in the same source as `feedback-2024-11-23.csv`.
    stem = re.sub(r"[\d_\-. ()]+", " ", path.stem).strip().casefold()
    return "-".join(stem.split()) or "csv"


def _find_column(header: list[str], column: str) -> str | None:
    if column in header:
        return column
    key = header_key(column)
    return next((h for h in header if h.strip() and header_key(h) == key), None)


def make_plan(shape: FileShape, *, source, preset, mapping, remembered_for=None) -> Plan:
    """The plan for `shape`: `preset` and `mapping` as given (or detected), then `remembered_for(source)`'s mapping."""
    path, header = shape.shown_path, shape.header
    warnings = list(shape.warnings)
    if preset:
        if preset not in PRESETS:
            raise ImportFailed(f"There is no preset {preset!r}.", hint=f"Presets: {', '.join(PRESETS)}.")
        chosen = PRESETS[preset]
    else:
        chosen = detect_preset(header)
    final = preset_mapping(chosen, header)
    if chosen.name != "google-forms":
        for fld, column in match_synonyms(header, taken=set(final.values())).items():
            # A tool's own `Via` or `Source` column is its channel, not the tool the dump came from.
            if fld == "source" and chosen.name != "generic":
                continue
            final.setdefault(fld, column)
    if chosen.loose_headers or "title" not in final and "body" not in final:
        loose = match_words(header, taken=set(final.values()))
        for fld, column in loose.items():
            final.setdefault(fld, column)
    src = (source or "").strip()
    if not src:
        src = default_source(chosen, path)
        if chosen.name == "generic":
            warnings.append(f"The source is {src!r}, after the file name; pass --source to keep dumps of one tool together.")
    remembered = remembered_for(src) if remembered_for else None
    for given, origin in ((remembered or {}, "remembered"), (mapping or {}, "given")):
        for fld, column in given.items():
            if fld not in CANONICAL_FIELDS:
                raise ImportFailed(f"There is no request field {fld!r}.", hint=f"Fields: {', '.join(CANONICAL_FIELDS)}.")
            if column is None or str(column).strip() == "":
                final.pop(fld, None)
                continue
            hit = _find_column(header, str(column))
            if hit is None:
                if origin == "remembered":
                    warnings.append(f"The remembered column {column!r} for {fld} is not in this file.")
                    continue
                shown = ", ".join(h for h in header if h.strip())[:300]
                raise ImportFailed(f"{path.name}: there is no column {column!r} to map to {fld}.", hint=f"Columns: {shown}.")
            for other, col in list(final.items()):
                if col == hit and other != fld:
                    final.pop(other)
            final[fld] = hit
    if "title" not in final and "body" not in final:
        shown = ", ".join(h for h in header if h.strip())[:200]
        raise ImportFailed(
            f"{path.name}: no column can be a request title (expected one like Title, Summary, Subject, 件名 or 要望; "
            f"columns: {shown}).",
            hint="Name one with --map title=COLUMN.",
        )
    if "title" not in final:
        warnings.append(f"No title column: titles are the first line of {final['body']!r}.")
    ordered = {f: final[f] for f in CANONICAL_FIELDS if f in final}
    return Plan(shape, chosen, src, ordered, warnings)
