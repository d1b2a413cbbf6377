"""Exports for readers outside the planner: the roadmap workbook and the priorities CSV.

    export_roadmap(ws, "roadmap.xlsx", edition="business", lanes="quarters", language="ja")
    export_priorities_csv(ws, "priorities.csv")

Both write beside the target and move the file into place (`atomic.py`), so a
failed or cancelled export leaves the previous file as it was; both refuse to
write over the open workspace or any other SQLite file; and both write
untrusted text so no spreadsheet evaluates it (`safe.py`). `sweep_leftovers()`
removes the temporary files of exports a kill interrupted.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from planner.errors import DiskFull, ExportFailed, ValidationError, WorkspaceBusy, check_progress
from planner.exporting.changes import group as group_changes, since_last_export
from planner.exporting.atomic import check_target, replacing, sweep_leftovers
from planner.exporting.csv_export import write_csv
from planner.exporting.snapshot import EDITIONS, LANE_MODES, gather
from planner.exporting.labels import label
from planner.exporting.words_ja import LANGUAGES, language_of
from planner.exporting.workbook import write_workbook

log = logging.getLogger(__name__)

__all__ = ["export_roadmap", "export_priorities_csv", "sweep_leftovers", "EDITIONS", "LANE_MODES", "LANGUAGES"]


def _check_choices(edition: str, lanes: str | None = None) -> None:
    if edition not in EDITIONS:
        raise ValidationError(f"The edition must be one of {', '.join(EDITIONS)}; got {edition!r}.")
    if lanes is not None and lanes not in LANE_MODES:
        raise ValidationError(f"Lanes must be one of {', '.join(LANE_MODES)}; got {lanes!r}.")


def _workspace_path(ws):
    return getattr(ws, "path", None)


def _check_language(language) -> str:
    try:
        return language_of(language)
    except ValueError:
        raise ValidationError(f"The workbook is written in English (en) or Japanese (ja); got {language!r}.") from None


def export_roadmap(ws, path, *, edition: str = "internal", lanes: str = "quarters", include_companies: bool = True,
                   language: str = "en", progress=None) -> dict:
    """Write the roadmap workbook to `path` (.xlsx) in `language` ("en" or "ja"); returns what was written.

    The business edition leaves out scores, effort, confidence, internal notes and
    the people who asked; with `include_companies=False` also company names. The
    Changes sheet compares with the workbook exported before this one.
    """
    started = time.perf_counter()
    _check_choices(edition, lanes)
    language = _check_language(language)
    path = Path(path).expanduser()
    if path.suffix.lower() != ".xlsx":
        raise ExportFailed(f"{path.name} is not an .xlsx file name; the workbook is written as Excel .xlsx.")
    # Fail before the slow part when the file is the workspace, open elsewhere or read-only.
    check_target(path, workspace=_workspace_path(ws))
    internal = edition == "internal"
    # What moved since the last workbook, read before this export records its own snapshot.
    check_progress(progress, 0, None, "Comparing with the last workbook")
    unread = None
    try:
        moved, since = since_last_export(ws)
    except (WorkspaceBusy, DiskFull):
        raise  # the export cannot run either; say so as every export does
    except Exception as exc:  # noqa: BLE001 - a damaged history must not cost the reader the workbook
        log.debug("reading the changes since the last export failed", exc_info=True)
        moved, since, unread = None, None, str(exc)
    snap = gather(ws, edition=edition, lanes=lanes, include_companies=internal or include_companies, progress=progress)
    snap.language = language
    snap.has_cjk = snap.has_cjk or language == "ja"
    if moved is not None:
        hidden = {row["item_id"] for row in moved} - {item["id"] for item in snap.items}
        snap.changes = group_changes(moved, {item["id"]: item for item in snap.items}, hidden=hidden)
        snap.changes_since = since
    snap.changes_unread = unread
    with replacing(path, workspace=_workspace_path(ws)) as scratch:
        sheets = write_workbook(snap, scratch.file, progress=progress, parts=scratch.parts)
        check_progress(progress, 1, 1, "Saved")
    # Each workbook sent out is a moment to compare with later; failing to record it never fails the export.
    from planner.history import snapshot_quietly

    snapshot, snapshot_warning = snapshot_quietly(ws, note=path.name, kind="export")
    return {
        "file": str(path),
        "edition": edition,
        "lanes": lanes,
        "language": language,
        "sheets": sheets,
        "items": len(snap.items),
        "requests": snap.request_count,
        "snapshot": snapshot["id"] if snapshot else None,
        "snapshot_warning": snapshot_warning,
        "seconds": round(time.perf_counter() - started, 3),
    }


PRIORITY_CSV_INTERNAL = ["rank", "id", "title", "kind", "status", "theme", "lane", "method", "score", "reach",
                         "reach_source", "impact", "confidence", "effort", "value", "quadrant", "requests",
                         "companies", "mrr", "single_customer", "top_company", "rank_stability", "pinned_rank",
                         "pin_rationale", "explanation", "notes"]
_BUSINESS_DROPS = {"confidence", "effort", "explanation", "notes"}


def export_priorities_csv(ws, path, *, edition: str = "internal", include_companies: bool = True, progress=None) -> dict:
    """Write the ranked priorities as CSV (UTF-8 with BOM); returns what was written."""
    started = time.perf_counter()
    _check_choices(edition)
    path = Path(path).expanduser()
    check_target(path, workspace=_workspace_path(ws))
    snap = gather(ws, edition=edition, include_companies=include_companies, with_requests=False, progress=progress)
    header = [h for h in PRIORITY_CSV_INTERNAL if snap.internal or h not in _BUSINESS_DROPS]
    if not snap.show_companies:
        header.remove("top_company")

    def rows():
        for item in snap.items:
            notes = snap.details.get(item["id"], {}).get("notes")
            record = dict(item, notes=notes, explanation=item.get("explanation") or item.get("unscored_reason"))
            out = []
            for h in header:
                v = record.get(h)
                if h in ("kind", "status", "quadrant"):
                    v = label(v)
                elif h == "single_customer":
                    v = "yes" if v else ""
                elif h == "rank_stability" and isinstance(v, dict):
                    v = "–".join(str(x) for x in v.values())
                elif isinstance(v, (list, dict)):
                    v = str(v)
                out.append(v)
            yield out

    with replacing(path, workspace=_workspace_path(ws)) as scratch:
        n = write_csv(scratch.file, header, rows())
    return {"file": str(path), "edition": edition, "rows": n, "columns": header,
            "seconds": round(time.perf_counter() - started, 3)}
