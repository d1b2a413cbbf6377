"""Import commands: import a CSV dump or an Excel sheet, list import batches, undo one."""

from __future__ import annotations

import sys

from planner.cli import positive_id
from planner.cli.output import emit, plural, printable
from planner.errors import ImportFailed


def print_notes_and_errors(report: dict, *, notes: int = 30, errors: int = 20) -> None:
    """The notes and the row errors of an import's report, the first few of each; `--json` has them all."""
    for warning in report["warnings"][:notes]:
        print(f"  note: {printable(warning)}")
    if len(report["warnings"]) > notes:
        print(f"  ... and {len(report['warnings']) - notes} more notes (see --json).")
    for err in report["errors"][:errors]:
        where = f"row {err['row']}, {printable(err['column'])}" if err.get("column") else f"row {err['row']}"
        print(f"  {where}: {printable(err['message'])}")
    if len(report["errors"]) > errors:
        print(f"  ... and {report['failed'] - errors} more row errors (see --json).")


def _parse_maps(pairs) -> dict:
    mapping = {}
    for pair in pairs or ():
        field, sep, column = pair.partition("=")
        if not sep or not field.strip():
            raise ImportFailed(f"--map takes FIELD=COLUMN, not {pair!r}.")
        mapping[field.strip()] = column.strip()
    return mapping


def _print_report(report: dict) -> None:
    verb = "Would import" if report.get("dry_run") else "Imported"
    if report.get("sheet") is not None:
        read_as = f"sheet {printable(repr(report['sheet']))}"
    else:
        read_as = f"{report['encoding']}, delimiter {report['delimiter']!r}"
    print(f"{verb} {printable(report['file'])} ({report['preset']}, {read_as}) as batch {report['batch_id'] or '-'}:")
    print(
        f"  {report['rows_read']} rows read: {report['new']} new, {report['updated']} updated, "
        f"{report['unchanged']} unchanged, {report['duplicates']} duplicates, {report['failed']} failed; "
        f"{report['companies_new']} new companies."
    )
    print("  mapping: " + ", ".join(f"{f} <- {printable(c)}" for f, c in report["mapping"].items()))
    for warning in report.get("warnings", []):
        print(f"  note: {printable(warning)}")
    if report.get("segments_new"):
        print("  new segments: " + ", ".join(printable(s) for s in report["segments_new"]))
    for err in report["errors"][:20]:
        where = f"row {err['row']}, {printable(err['column'])}" if err["column"] else f"row {err['row']}"
        print(f"  {where}: {printable(err['message'])}")
    if len(report["errors"]) > 20:
        print(f"  ... and {report['failed'] - 20} more row errors (see --json).")


def cmd_import(args, ws):
    from planner.errors import Progress
    from planner.importing import StrictFailure, import_requests

    try:
        report = import_requests(
            ws, args.file, source=args.source, preset=args.preset, mapping=_parse_maps(args.map),
            encoding=args.encoding, strict=args.strict, dry_run=args.dry_run, progress=Progress(), sheet=args.sheet,
        )
    except StrictFailure as exc:
        emit(args, exc.report, _print_report)
        print(f"planner: {exc}", file=sys.stderr)
        return 1
    return emit(args, report, _print_report)


def cmd_batches(args, ws):
    from planner.importing import list_batches

    return emit(args, list_batches(ws), _print_batches)


def _print_batches(rows: list[dict]) -> None:
    if not rows:
        print("(no imports yet)")
        return
    for b in rows:
        if b.get("kind") == "items":
            from planner.cli.item_import_cmds import print_items_batch

            print_items_batch(b)
            continue
        if b.get("kind") == "companies":
            print(f"{b['id']:>4}  {b['created_at']}  {printable(b['file_name'])}  [companies, {b['source']}]  "
                  f"read {b['rows_read']}, new {b['new']}, updated {b['updated']}, unchanged {b['unchanged']}, "
                  f"failed {b['failed']}")
            continue
        state = f"undone {b['undone_at']}" if b["undone_at"] else f"{b['requests_now']} requests now"
        print(
            f"{b['id']:>4}  {b['created_at']}  {printable(b['file_name'])}  [{b['preset']}]  read {b['rows_read']}, "
            f"new {b['new']}, updated {b['updated']}, unchanged {b['unchanged']}, duplicates {b['duplicates']}, "
            f"failed {b['failed']}  ({state})"
        )


def _losses(preview: dict) -> list[str]:
    """What undoing would lose, one phrase each: the counts the refusal names."""
    out = []
    if preview["hand_links"]["count"]:
        out.append(plural(preview["hand_links"]["count"], "link made since the import", "links made since the import"))
    if preview["duplicates"]["count"]:
        out.append(plural(preview["duplicates"]["count"], "duplicate mark", "duplicate marks"))
    if preview["updates"]["count"]:
        out.append(plural(preview["updates"]["count"], "later import's update", "later imports' updates"))
    return out


def _print_undo_preview(preview: dict) -> None:
    print(
        f"Undoing import batch {preview['batch_id']} ({printable(preview['file_name'])}) removes "
        f"{plural(preview['requests'], 'request', 'requests')}, {plural(preview['links'], 'link', 'links')} "
        f"and {plural(preview['companies'], 'company', 'companies')}."
    )
    hand, dups, updates = preview["hand_links"], preview["duplicates"], preview["updates"]
    if hand["count"]:
        print(f"  {plural(hand['count'], 'link', 'links')} to these requests made since the import would go, e.g.:")
        for e in hand["examples"]:
            print(f"    request {e['request_id']} “{printable(e['request'])}” → item {e['item_id']} “{printable(e['item'])}”")
    if dups["count"]:
        print(f"  {plural(dups['count'], 'request', 'requests')} marked duplicate of one of these would go back to new, e.g.:")
        for e in dups["examples"]:
            where = f"batch {e['batch_id']}" if e["batch_id"] else "not imported"
            print(f"    request {e['request_id']} “{printable(e['request'])}” ({where}), duplicate of request "
                  f"{e['duplicate_of']} “{printable(e['original'])}”")
    if updates["count"]:
        print(f"  {plural(updates['count'], 'request', 'requests')} a later import updated would go with those updates, e.g.:")
        for e in updates["examples"]:
            print(f"    request {e['request_id']} “{printable(e['request'])}”, updated by batch {e['batch_id']} "
                  f"({printable(e['file_name'])})")


def cmd_undo_import(args, ws):
    from planner.importing.batch import undo_import, undo_import_preview

    preview = undo_import_preview(ws, args.batch_id)
    if preview.get("kind") == "items":
        from planner.cli.item_import_cmds import undo_items_batch

        return undo_items_batch(args, ws, preview)
    if preview["loses"]:
        _print_undo_preview(preview)
        if not args.yes:
            losses = _losses(preview)
            what = ", ".join(losses[:-1]) + " and " + losses[-1] if len(losses) > 1 else losses[0]
            print(
                f"planner: undoing import batch {preview['batch_id']} would lose {what} (listed above); "
                f"nothing was changed: `planner undo-import {preview['batch_id']} --yes` confirms.",
                file=sys.stderr,
            )
            return 2
    removed = undo_import(ws, args.batch_id)
    print(
        f"Undid import batch {removed['batch_id']} ({printable(removed['file_name'])}): removed {removed['requests']} requests, "
        f"{removed['links']} links and {removed['companies']} companies."
    )
    if removed["released"]:
        print(f"  {plural(removed['released'], 'request', 'requests')} marked duplicate of a removed one "
              f"went back to new.")
    return 0


def register(sub) -> None:
    p = sub.add_parser("import", help="import requests from a CSV dump (Jira, Zendesk, Canny, a form ...) or an Excel workbook")
    p.add_argument("file", help="a CSV file or an Excel workbook (.xlsx, .xlsm)")
    p.add_argument("--sheet", help="the workbook's sheet to read (default: the one that looks most like a table)")
    p.add_argument("--source", help="the tool or channel the dump comes from (default: the preset, or the file name)")
    p.add_argument("--preset", help="jira, zendesk, intercom, canny, productboard, uservoice, github, google-forms, salesforce, fider or generic")
    p.add_argument("--map", action="append", metavar="FIELD=COLUMN", help="map a column to a request field (repeatable; remembered per source)")
    p.add_argument("--encoding", help="override the detected encoding (e.g. cp932, utf-8, latin-1)")
    p.add_argument("--dry-run", action="store_true", help="read and check everything, write nothing")
    p.add_argument("--strict", action="store_true",
                   help="any failed row (no title, unreadable to the end) aborts the whole import (exit 1); "
                        "cells left empty because they could not be read do not")
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("batches", help="list import batches, newest first")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_batches)

    p = sub.add_parser("undo-import", help="remove what an import batch added (says first what would be lost)")
    p.add_argument("batch_id", type=positive_id)
    p.add_argument("--yes", action="store_true",
                   help="undo even when links, duplicate marks or later updates made since would be lost")
    p.set_defaults(func=cmd_undo_import)
