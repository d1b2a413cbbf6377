"""The `export` command: the roadmap workbook (.xlsx) or the priorities (.csv)."""

from __future__ import annotations

import sys
from pathlib import Path

from planner.cli.output import emit
from planner.errors import ExportFailed, Progress
from planner.exporting import EDITIONS, LANE_MODES, export_priorities_csv, export_roadmap


def cmd_export(args, ws) -> int:
    path = Path(args.file).expanduser()
    suffix = path.suffix.lower()
    if suffix == ".csv":
        result = export_priorities_csv(ws, path, edition=args.edition, include_companies=not args.no_companies)
    elif suffix == ".xlsx":
        progress = None
        if args.progress:
            progress = Progress(lambda done, total, text: print(f"{text}: {done}/{total or '?'}", file=sys.stderr))
        result = export_roadmap(
            ws, path, edition=args.edition, lanes=args.lanes, include_companies=not args.no_companies, progress=progress
        )
    else:
        raise ExportFailed(f"{path.name}: give a file name ending in .xlsx (the workbook) or .csv (the priorities).")
    if result.get("snapshot_warning"):
        print(f"warning: {result['snapshot_warning']}", file=sys.stderr)
    if suffix == ".csv":
        return emit(args, result, f"Wrote {result['rows']} items to {result['file']} ({args.edition} edition).")
    return emit(args, result, (
        f"Wrote {result['file']} ({args.edition} edition, {result['lanes']}): "
        f"{', '.join(result['sheets'])}; {result['items']} items, {result['requests']} requests in {result['seconds']:.1f} s."
    ))


def register(sub) -> None:
    p = sub.add_parser("export", help="write the roadmap workbook (.xlsx) or the priorities (.csv)")
    p.add_argument("file", metavar="FILE", help="a .xlsx file for the workbook, or a .csv file for the priorities")
    p.add_argument("--edition", default="internal", choices=EDITIONS,
                   help="internal: everything; business: no effort, confidence, notes or requesters (default internal)")
    p.add_argument("--lanes", default="quarters", choices=LANE_MODES, help="which lanes the Roadmap sheet shows (default quarters)")
    p.add_argument("--no-companies", action="store_true", help="business edition: leave company names out")
    p.add_argument("--progress", action="store_true", help="report progress on stderr")
    p.add_argument("--json", action="store_true", help="print what was written as one JSON document")
    p.set_defaults(func=cmd_export)
