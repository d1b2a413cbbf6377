"""The `export` command: the roadmap workbook (.xlsx) or the priorities (.csv)."""

from __future__ import annotations

import sys
from pathlib import Path

from planner.cli.output import emit
from planner.errors import ExportFailed, Progress
from planner.exporting import EDITIONS, LANE_MODES, LANGUAGES, export_priorities_csv, export_roadmap


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
            ws, path, edition=args.edition, lanes=args.lanes, include_companies=not args.no_companies,
            language=args.language, progress=progress,
        )
    elif suffix in (".pdf", ".png"):
        return _export_one_page(args, ws, path)
    else:
        raise ExportFailed(f"{path.name}: give a file name ending in .xlsx (the workbook), .csv (the priorities), "
                           ".pdf or .png (the roadmap on one page).")
    if result.get("snapshot_warning"):
        print(f"warning: {result['snapshot_warning']}", file=sys.stderr)
    if suffix == ".csv":
        return emit(args, result, f"Wrote {result['rows']} items to {result['file']} ({args.edition} edition).")
    return emit(args, result, (
        f"Wrote {result['file']} ({args.edition} edition, {result['lanes']}): "
        f"{', '.join(result['sheets'])}; {result['items']} items, {result['requests']} requests in {result['seconds']:.1f} s."
    ))


def _export_one_page(args, ws, path: Path) -> int:
    """The board on one page, a vector PDF or a 16:9 PNG, painted by the window's painter: the launcher in `ui`
    passes the function (`args.draw_one_page`), so the core never imports Qt, and Qt loads only for this."""
    if args.draw_one_page is None:
        raise ExportFailed(f"{path.name}: the roadmap on one page is drawn by the `planner` command "
                           "(or `python -m ui`), which has the window's painter.")
    result = args.draw_one_page(ws, path, lanes=args.lanes, edition=args.edition, page=args.page)
    if result["format"] == "pdf":
        what = f"1 page, {result['page']}"
    else:
        what = f"1 image, {result['width_px']}×{result['height_px']} pixels"
    lanes = f"{result['lanes']} lane{'' if result['lanes'] == 1 else 's'}"
    cards = f"{result['cards']} card{'' if result['cards'] == 1 else 's'}"
    more = f" ({result['more']} more not shown)" if result["more"] else ""
    return emit(args, result, f"Wrote {path.name}: {what}, {lanes}, {cards}{more}.")


def register(sub) -> None:
    p = sub.add_parser("export", help="write the roadmap workbook (.xlsx), the priorities (.csv) or the roadmap on one page (.pdf, .png)")
    p.add_argument("file", metavar="FILE", help="a .xlsx file for the workbook, a .csv file for the priorities, a .pdf or .png file for the one-page roadmap")
    p.add_argument("--edition", default="internal", choices=EDITIONS,
                   help="internal: everything; business: no effort, confidence, notes or requesters (default internal)")
    p.add_argument("--lanes", default="quarters", choices=LANE_MODES, help="which lanes the Roadmap sheet shows (default quarters)")
    p.add_argument("--no-companies", action="store_true", help="business edition: leave company names out")
    p.add_argument("--page", default="a4", choices=("a4", "letter"),
                   help="the .pdf's paper, landscape: a4 or letter (default a4)")
    p.add_argument("--language", default="en", choices=LANGUAGES,
                   help="the workbook's language: sheet names, headers and fixed words (.xlsx; default en)")
    p.add_argument("--progress", action="store_true", help="report progress on stderr")
    p.add_argument("--json", action="store_true", help="print what was written as one JSON document")
    p.set_defaults(func=cmd_export)
