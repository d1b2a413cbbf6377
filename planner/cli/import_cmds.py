"""Import commands: import a CSV dump, list import batches, undo one."""

from __future__ import annotations

import sys

from planner.cli import print_json
from planner.errors import ImportFailed


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
    print(
        f"{verb} {report['file']} ({report['preset']}, {report['encoding']}, "
        f"delimiter {report['delimiter']!r}) as batch {report['batch_id'] or '-'}:"
    )
    print(
        f"  {report['rows_read']} rows read: {report['new']} new, {report['updated']} updated, "
        f"{report['unchanged']} unchanged, {report['duplicates']} duplicates, {report['failed']} failed; "
        f"{report['companies_new']} new companies."
    )
    print("  mapping: " + ", ".join(f"{f} <- {c}" for f, c in report["mapping"].items()))
    for warning in report.get("warnings", []):
        print(f"  note: {warning}")
    for err in report["errors"][:20]:
        print(f"  row {err['row']}, {err['column']}: {err['message']}")
    if len(report["errors"]) > 20:
        print(f"  ... and {report['failed'] - 20} more row errors (see --json).")


def cmd_import(args, ws):
    from planner.errors import Progress
    from planner.importing import StrictFailure, import_requests

    try:
        report = import_requests(
            ws, args.file, source=args.source, preset=args.preset, mapping=_parse_maps(args.map),
            encoding=args.encoding, strict=args.strict, dry_run=args.dry_run, progress=Progress(),
        )
    except StrictFailure as exc:
        if args.json:
            print_json(exc.report)
        else:
            _print_report(exc.report)
        print(f"planner: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print_json(report)
    else:
        _print_report(report)
    return 0


def cmd_batches(args, ws):
    from planner.importing import list_batches

    rows = list_batches(ws)
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print("(no imports yet)")
        return 0
    for b in rows:
        state = f"undone {b['undone_at']}" if b["undone_at"] else f"{b['requests_now']} requests now"
        print(
            f"{b['id']:>4}  {b['created_at']}  {b['file_name']}  [{b['preset']}]  read {b['rows_read']}, "
            f"new {b['new']}, updated {b['updated']}, unchanged {b['unchanged']}, duplicates {b['duplicates']}, "
            f"failed {b['failed']}  ({state})"
        )
    return 0


def cmd_undo_import(args, ws):
    from planner.importing import undo_import

    removed = undo_import(ws, args.batch_id)
    print(
        f"Undid import batch {removed['batch_id']} ({removed['file_name']}): removed {removed['requests']} requests, "
        f"{removed['links']} links and {removed['companies']} companies."
    )
    return 0


def register(sub) -> None:
    p = sub.add_parser("import", help="import requests from a CSV dump (Jira, Zendesk, Canny, a form, a sheet ...)")
    p.add_argument("file")
    p.add_argument("--source", help="the tool or channel the dump comes from (default: the preset, or the file name)")
    p.add_argument("--preset", help="jira, zendesk, intercom, canny, productboard, uservoice, github, google-forms, salesforce, fider or generic")
    p.add_argument("--map", action="append", metavar="FIELD=COLUMN", help="map a column to a request field (repeatable; remembered per source)")
    p.add_argument("--encoding", help="override the detected encoding (e.g. cp932, utf-8, latin-1)")
    p.add_argument("--dry-run", action="store_true", help="read and check everything, write nothing")
    p.add_argument("--strict", action="store_true", help="any failed row aborts the whole import (exit 1)")
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("batches", help="list import batches, newest first")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_batches)

    p = sub.add_parser("undo-import", help="remove what an import batch added")
    p.add_argument("batch_id", type=int)
    p.set_defaults(func=cmd_undo_import)
