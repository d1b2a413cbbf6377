"""Suggestion command: suggest, the items a request most likely belongs to."""

from __future__ import annotations

import argparse

from planner.cli import positive_id
from planner.cli.output import emit, print_table, printable


def _limit(text: str) -> int:
    """argparse type of --limit: a whole number from 1 to 100."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number: --limit takes a whole number from 1 to 100") from None
    if not 1 <= number <= 100:
        raise argparse.ArgumentTypeError(f"--limit takes a whole number from 1 to 100, not {number}")
    return number


def cmd_suggest(args, ws):
    from planner import suggest

    found = suggest.suggest_items(ws, args.request_id, limit=args.limit)
    rows = [{"item_id": s["item_id"], "title": s["title"], "score": s["score"],
             "reason": {key: s["reason"][key] for key in ("kind", "count", "linked", "text", "request_id")}
             | {"summary": s["why"]}}
            for s in found]
    return emit(args, rows, lambda rows: _print(rows, args.request_id))


def _print(rows: list[dict], request_id: int) -> None:
    if not rows:
        print(f"No item looks like request {request_id}; `planner item-add` makes one.")
        return
    print_table(["item_id", "score", "title", "reason"],
                [[str(r["item_id"]), f"{r['score']:.0f}", printable(r["title"]), printable(r["reason"]["summary"])]
                 for r in rows], max_width=70)


def register(sub) -> None:
    p = sub.add_parser("suggest", help="the items a request most likely belongs to, best first")
    p.add_argument("request_id", metavar="REQUEST_ID", type=positive_id)
    p.add_argument("--limit", type=_limit, default=5, metavar="N", help="how many items at most (default 5)")
    p.add_argument("--json", action="store_true",
                   help='print one JSON list of {"item_id", "title", "score", "reason"}, best first')
    p.set_defaults(func=cmd_suggest)
