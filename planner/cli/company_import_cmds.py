"""`companies-import`: companies from a CRM export (Salesforce, HubSpot) or any sheet, CSV or Excel."""

from __future__ import annotations

from planner.cli.import_cmds import _parse_maps, print_notes_and_errors
from planner.cli.output import emit, plural, printable


def _print_report(report: dict) -> None:
    verb = "Would import" if report.get("dry_run") else "Imported"
    where = f", sheet {printable(report['sheet'])}" if report.get("sheet") else ""
    batch = "nothing was written" if report.get("dry_run") else f"batch {report['batch_id']}"
    print(f"{verb} companies from {printable(report['file'])}{where} ({batch}):")
    line = (f"  {plural(report['rows_read'], 'row')} read: {report['new']} new, {report['updated']} updated, "
            f"{report['unchanged']} unchanged, {report['failed']} failed")
    if report["duplicates"]:
        line += f", {plural(report['duplicates'], 'row')} repeating a company"
    print(line + ".")
    print("  mapping: " + ", ".join(f"{f} <- {printable(c)}" for f, c in report["mapping"].items()))
    if report["segments_new"]:
        print("  new segments: " + ", ".join(printable(s) for s in report["segments_new"])
              + " (`planner segment-rename OLD NEW` merges one into another)")
    print_notes_and_errors(report)


def cmd_companies_import(args, ws):
    from planner.ops.company_imports import import_companies

    done = import_companies(ws, args.file, sheet=args.sheet, mapping=_parse_maps(args.map), encoding=args.encoding,
                            dry_run=args.dry_run)
    return emit(args, done.value, _print_report)


def register(sub) -> None:
    p = sub.add_parser("companies-import",
                       help="import companies from a CRM export (Salesforce, HubSpot) or a sheet, CSV or Excel")
    p.add_argument("file")
    p.add_argument("--sheet", metavar="NAME", help="the sheet of a workbook to read (default: the one that holds a table)")
    p.add_argument("--map", action="append", metavar="FIELD=COLUMN",
                   help="map a column to a company field: name, domain, segment, plan, mrr, arr, renewal_date, owner, "
                        "external_id (repeatable; empty COLUMN leaves the field out; remembered for the next file)")
    p.add_argument("--encoding", help="override the detected encoding of a CSV (e.g. cp932, utf-8)")
    p.add_argument("--dry-run", action="store_true", help="read and check everything, write nothing")
    p.add_argument("--json", action="store_true", help="print the report as one JSON document")
    p.set_defaults(func=cmd_companies_import)
