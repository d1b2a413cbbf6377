"""Release commands: release-notes (a lane's notes, or whom to tell as CSV/JSON) and informed (mark them told)."""

from __future__ import annotations

import codecs
import json
import sys
from pathlib import Path

from planner import releases
from planner.cli import positive_id
from planner.cli.output import emit, plural, printable
from planner.errors import ValidationError

FORMATS = ("md", "text", "csv", "json")


def _require_items(notes: dict) -> None:
    if not notes["count"]:
        name = notes["lane"]["name"]
        raise ValidationError(f"Lane {name!r} has no items to announce (won't-do items are left out).",
                              hint=f"Put items on it first: `planner item-set ITEM_ID --lane {name!r}`.")


def _render(args, notes: dict, ws) -> tuple[str, list | None]:
    """The text to print or write, and the whom-to-tell rows when the format lists them."""
    if args.format in releases.NOTE_FORMATS:
        return releases.format_notes(notes, args.format), None
    rows = releases.whom_to_tell(ws, notes["lane"]["id"], edition=args.edition, include_informed=args.all)
    if args.format == "csv":
        return releases.whom_csv(rows, args.edition), rows
    return json.dumps(releases.whom_json(rows, args.edition), ensure_ascii=False, indent=2) + "\n", rows


def cmd_release_notes(args, ws):
    notes = releases.release_notes(ws, args.lane, edition=args.edition, include_companies=not args.no_companies)
    _require_items(notes)
    name = printable(notes["lane"]["name"])
    if args.output and Path(args.output).suffix.lower() == ".xlsx":
        from planner.release_book import write_release_book

        rows = releases.whom_to_tell(ws, notes["lane"]["id"], edition=args.edition, include_informed=args.all)
        write_release_book(Path(args.output), notes, rows, workspace=getattr(ws, "path", None))
        print(f"Wrote the release notes of {name} ({plural(notes['count'], 'item')}) and whom to tell "
              f"({plural(len(rows), 'row')}) to {printable(args.output)}.")
        return 0
    text, rows = _render(args, notes, ws)
    csv = args.format == "csv"
    if args.output:
        releases.save_text(Path(args.output), text, bom=csv, workspace=getattr(ws, "path", None))
        what = (f"whom to tell for {name} ({plural(len(rows), 'row')})" if rows is not None
                else f"the release notes of {name} ({plural(notes['count'], 'item')})")
        print(f"Wrote {what} to {printable(args.output)}.")
        return 0
    if csv:  # UTF-8 with a BOM, as Excel needs to read Japanese right; no BOM in a terminal
        out = sys.stdout.buffer
        sys.stdout.flush()
        out.write((b"" if sys.stdout.isatty() else codecs.BOM_UTF8) + text.encode("utf-8"))
        out.flush()
    else:
        sys.stdout.write(text)
    return 0


def cmd_informed(args, ws):
    result = releases.mark_informed(ws, args.lane, item_id=args.item)
    done = result.value

    def said(d):
        where = f"{printable(d['lane'])}" + (f" (item {args.item})" if args.item is not None else "")
        if not d["requests"]:
            print(f"Nothing to mark: every request for {where} was already informed.")
            return
        who = [plural(d["companies"], "company", "companies")] if d["companies"] else []
        if d["people"]:
            who.append(plural(d["people"], "requester") + " without a company")
        print(f"Marked {plural(d['requests'], 'request')} from {' and '.join(who)} informed for {where} on {d['day']}.")

    return emit(args, done, said)


def register(sub) -> None:
    p = sub.add_parser("release-notes", help="a lane's release notes (md, text), or whom to tell (csv, json)")
    p.add_argument("lane", metavar="LANE", help="the lane's id or name")
    p.add_argument("--format", default="md", choices=FORMATS,
                   help="md or text: the notes; csv or json: whom to tell, one row per (company, item) (default md)")
    p.add_argument("--edition", default="internal", choices=releases.EDITIONS,
                   help="business: no people, e-mails or request words (default internal)")
    p.add_argument("--no-companies", action="store_true", help="business edition: leave company names out of the notes")
    p.add_argument("--all", action="store_true", help="whom to tell: include those already informed")
    p.add_argument("--output", metavar="FILE", help="write to FILE instead of printing; FILE.xlsx: notes and whom to tell")
    p.set_defaults(func=cmd_release_notes)

    p = sub.add_parser("informed", help="mark the requests of a lane's items informed (today), so they leave the list")
    p.add_argument("lane", metavar="LANE", help="the lane's id or name")
    p.add_argument("--item", type=positive_id, metavar="ITEM_ID", help="only this item's requests")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_informed)
