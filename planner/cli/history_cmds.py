"""Snapshots of the ranking and what changed since: snapshot, snapshots, changes."""

from __future__ import annotations

from planner.cli.output import emit, print_table, printable
from planner.history import CHANGE_KINDS, changes, list_snapshots, take_snapshot


def cmd_snapshot(args, ws) -> int:
    snap = take_snapshot(ws, note=args.note or "")
    data = {k: snap[k] for k in ("id", "taken_at", "note", "items")}
    note = f" ({printable(snap['note'])})" if snap["note"] else ""
    return emit(args, data, f"Snapshot {snap['id']} taken at {snap['taken_at']}: {snap['items']} items{note}.")


def cmd_snapshots(args, ws) -> int:
    return emit(args, list_snapshots(ws), _print_snapshots)


def _print_snapshots(rows: list[dict]) -> None:
    if not rows:
        print("(no snapshots) Take one with `planner snapshot`; exporting the workbook takes one too.")
        return
    cols = ("id", "taken_at", "kind", "method", "items", "note")
    print_table(list(cols), [[printable(r[c]) for c in cols] for r in rows], max_width=60)


def _since(text: str | None):
    """--since as given: digits are a snapshot id, anything else a date (checked by the core)."""
    if text is None:
        return None
    return int(text) if text.strip().isdigit() else text.strip()


def cmd_changes(args, ws) -> int:
    rows = changes(ws, since=_since(args.since))
    if args.change:
        rows = [r for r in rows if r["change"] in args.change]
    keys = ("item_id", "title", "change", "before", "after", "detail")
    return emit(args, [{k: r[k] for k in keys} for r in rows], _print_changes)


def _print_changes(rows: list[dict]) -> None:
    if not rows:
        print("(no changes)")
        return
    cols = ("item_id", "title", "change", "before", "after", "detail")

    def cell(value) -> str:
        return "" if value is None else printable(value)

    print_table(list(cols), [[cell(r[c]) for c in cols] for r in rows], max_width=48)
    counts = {}
    for r in rows:
        counts[r["change"]] = counts.get(r["change"], 0) + 1
    print("; ".join(f"{n} {kind}" for kind, n in counts.items()))


def register(sub) -> None:
    p = sub.add_parser("snapshot", help="record every item's score, rank, lane, status and estimates now")
    p.add_argument("--note", metavar="TEXT", help="what this snapshot marks (\"before the board review\")")
    p.add_argument("--json", action="store_true", help='print {"id", "taken_at", "note", "items"}')
    p.set_defaults(func=cmd_snapshot)

    p = sub.add_parser("snapshots", help="list the snapshots, newest first")
    p.add_argument("--json", action="store_true", help="print one JSON list")
    p.set_defaults(func=cmd_snapshots)

    p = sub.add_parser("changes", help="what changed since a snapshot or a date: items added and removed, "
                                       "rank, lane, status and estimate changes")
    p.add_argument("--since", metavar="SNAPSHOT_ID|DATE",
                   help="a snapshot id, or a date (YYYY-MM-DD: the last snapshot taken on or before it); "
                        "default: the latest snapshot")
    p.add_argument("--change", action="append", choices=CHANGE_KINDS,
                   help="show only this kind of change (repeat for more)")
    p.add_argument("--json", action="store_true",
                   help='print rows {"item_id", "title", "change", "before", "after", "detail"}')
    p.set_defaults(func=cmd_changes)
