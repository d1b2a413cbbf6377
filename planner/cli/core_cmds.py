"""Core commands: requests, links and the demo (lanes are in lane_cmds)."""

from __future__ import annotations

from planner import ops
from planner.cli import positive_id
from planner.cli.output import emit, emit_rows
from planner.storage import queries


def cmd_requests(args, ws):
    rows = ops.list_requests(ws, unlinked=args.unlinked)
    return emit_rows(args, rows, ["id", "source", "title", "company", "created_at", "status"])


def cmd_link(args, ws):
    link = ops.link_request(ws, args.request_id, args.item_id, importance=args.importance).value
    print(f"Linked request {link['request_id']} to item {link['item_id']} ({link['importance'].replace('_', ' ')}).")
    if link["not_counted"]:
        print(link["not_counted"]["text"] + (" (score --window-days N, or the workspace's time window)."
                                              if link["not_counted"]["reason"] == "older" else "."))
    return 0


def cmd_demo(args, ws):
    from planner.demo import load_demo

    summary = load_demo(ws)
    return emit(args, summary, (
        f"Demo workspace ready in {ws.path}: {summary['items']} items, {summary['companies']} companies, "
        f"{summary['requests']} requests, {summary['metrics']} metrics, {summary['lanes']} lanes."
    ))


def cmd_status(args, ws):
    c = queries.counts(ws)
    return emit(args, dict(c, path=str(ws.path)), f"{ws.path}: " + ", ".join(f"{v} {k}" for k, v in c.items()))


def register(sub) -> None:
    p = sub.add_parser("demo", help="add the demo data to the workspace")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("requests", help="list requests")
    p.add_argument("--unlinked", action="store_true", help="only those still to triage")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_requests)

    p = sub.add_parser("link", help="link a request to an item")
    p.add_argument("request_id", type=positive_id)
    p.add_argument("item_id", type=positive_id)
    p.add_argument("--importance", default="important", choices=ops.IMPORTANCES)
    p.set_defaults(func=cmd_link)

    p = sub.add_parser("status", help="the workspace's path and counts")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_status)
