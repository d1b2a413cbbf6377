"""`items-import`: backlog items from a spreadsheet (RICE, ICE, WSJF) or a tracker's export (Jira, Linear, GitHub)."""

from __future__ import annotations

from planner.cli.import_cmds import _parse_maps, print_notes_and_errors
from planner.cli.output import emit, plural, printable


def _print_report(report: dict) -> None:
    verb = "Would import" if report.get("dry_run") else "Imported"
    where = f", sheet {printable(repr(report['sheet']))}" if report.get("sheet") else ""
    batch = "nothing was written" if report.get("dry_run") else f"batch {report['batch_id']}"
    print(f"{verb} items from {printable(report['file'])}{where} into source {printable(repr(report['source']))} "
          f"({report['preset']}; {batch}):")
    print(f"  {plural(report['rows_read'], 'row')} read: {report['new']} new, {report['updated']} updated, "
          f"{report['unchanged']} unchanged, {report['failed']} failed.")
    print("  mapping: " + ", ".join(f"{f} <- {printable(c)}" for f, c in report["mapping"].items()))
    check = report.get("score_check") or {}
    if check.get("method") and check.get("checked"):
        method = check["method"].upper()
        if check["differ"]:
            print(f"  score check: {printable(repr(check['column']))} differs from {method} on {check['differ']} of "
                  f"{plural(check['checked'], 'row')} (see the notes).")
        else:
            print(f"  score check: {printable(repr(check['column']))} equals {method} on all "
                  f"{plural(check['checked'], 'row')} that have one.")
    if report["lanes_new"]:
        print("  new lanes: " + ", ".join(printable(n) for n in report["lanes_new"]))
    print_notes_and_errors(report)
    if report["batch_id"]:
        print(f"  `planner undo-import {report['batch_id']}` removes the items this import added.")


def cmd_items_import(args, ws):
    from planner.errors import Progress
    from planner.ops.imports import import_items

    done = import_items(ws, args.file, sheet=args.sheet, source=args.source, mapping=_parse_maps(args.map),
                        encoding=args.encoding, dry_run=args.dry_run, progress=Progress())
    return emit(args, done.value, _print_report)


def print_items_batch(b: dict) -> None:
    """One line of `batches` for an items batch."""
    state = f"undone {b['undone_at']}" if b["undone_at"] else f"{plural(b['items_now'], 'item')} added by it now"
    print(f"{b['id']:>4}  {b['created_at']}  {printable(b['file_name'])}  [items, {b['preset']}]  read {b['rows_read']}, "
          f"new {b['new']}, updated {b['updated']}, unchanged {b['unchanged']}, failed {b['failed']}  ({state})")


def _print_undo_losses(preview: dict) -> list[str]:
    """Print what undoing an items batch would lose; returns it in phrases for the refusal line."""
    links, updates = preview["hand_links"], preview["updates"]
    phrases = []
    if links["count"]:
        phrases.append(plural(links["count"], "request link"))
        print(f"  {plural(links['count'], 'request link')} to these items would go (a request linked to nothing "
              "else goes back to the inbox), e.g.:")
        for e in links["examples"]:
            print(f"    request {e['request_id']} “{printable(e['request'])}” → item {e['item_id']} “{printable(e['item'])}”")
    if updates["count"]:
        phrases.append(plural(updates["count"], "item changed since", "items changed since"))
        print(f"  {plural(updates['count'], 'item')} changed since the import would go with those changes, e.g.:")
        for e in updates["examples"]:
            print(f"    item {e['item_id']} “{printable(e['item'])}”, changed {e['updated_at']}")
    return phrases


def undo_items_batch(args, ws, preview: dict) -> int:
    """`undo-import` of an items batch: says first what would be lost and asks for --yes, as for requests."""
    import sys

    from planner.importing.batch import undo_import

    if preview["loses"]:
        print(f"Undoing import batch {preview['batch_id']} ({printable(preview['file_name'])}) removes "
              f"{plural(preview['items'], 'item')} and {plural(preview['links'], 'link')}.")
        losses = _print_undo_losses(preview)
        if not args.yes:
            print(f"planner: undoing import batch {preview['batch_id']} would lose {' and '.join(losses)} (listed above); "
                  f"nothing was changed: `planner undo-import {preview['batch_id']} --yes` confirms.", file=sys.stderr)
            return 2
    removed = undo_import(ws, args.batch_id)
    print(f"Undid import batch {removed['batch_id']} ({printable(removed['file_name'])}): removed "
          f"{plural(removed['items'], 'item')} and {plural(removed['links'], 'link')}; items it only updated keep "
          f"their new values.")
    if removed["requests_back_in_inbox"]:
        print(f"  {plural(removed['requests_back_in_inbox'], 'request')} went back to the inbox.")
    return 0


def register(sub) -> None:
    p = sub.add_parser("items-import",
                       help="import backlog items from a sheet (RICE, ICE, WSJF) or a Jira, Linear or GitHub export, "
                            "CSV or Excel")
    p.add_argument("file", help="a CSV file or an Excel workbook (.xlsx, .xlsm)")
    p.add_argument("--sheet", metavar="NAME", help="the sheet of a workbook to read (default: the one that holds a table)")
    p.add_argument("--source", help="where the items come from (default: jira, linear or github for their exports, "
                                    "else the file name); the same file again updates the items of its source")
    p.add_argument("--map", action="append", metavar="FIELD=COLUMN",
                   help="map a column to an item field: title, description, kind, status, theme, tags, owner, lane, "
                        "reach, impact, confidence, effort, value, ice_impact, ice_confidence, ice_ease, wsjf_value, "
                        "wsjf_time, wsjf_risk, wsjf_size, story_points, score, external_id, url, start_date, end_date "
                        "(repeatable; empty COLUMN leaves the field out; remembered for the source)")
    p.add_argument("--encoding", help="override the detected encoding of a CSV (e.g. cp932, utf-8)")
    p.add_argument("--dry-run", action="store_true", help="read and check everything, write nothing")
    p.add_argument("--json", action="store_true", help="print the report as one JSON document")
    p.set_defaults(func=cmd_items_import)
