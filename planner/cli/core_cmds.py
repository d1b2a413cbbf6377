"""Core commands: items, requests, companies, links, lanes and the demo."""

from __future__ import annotations

from planner import ops
from planner.cli import positive_id
from planner.cli.output import emit, emit_rows, printable
from planner.storage import queries


def cmd_items(args, ws):
    rows = ops.list_items(ws)
    return emit_rows(args, rows, ["id", "title", "kind", "status", "theme", "lane", "impact", "confidence", "effort"])


def cmd_item_add(args, ws):
    fields = {k: getattr(args, k) for k in ("theme", "effort", "impact", "confidence", "value") if getattr(args, k) is not None}
    item = ops.add_item(ws, title=args.title, kind=args.kind, status=args.status, lane=args.lane, reach=args.reach, **fields).value
    return emit(args, item, f"Added item {item['id']}: {printable(item['title'])}")


def cmd_requests(args, ws):
    rows = ops.list_requests(ws, unlinked=args.unlinked)
    return emit_rows(args, rows, ["id", "source", "title", "company", "created_at", "status"])


def cmd_companies(args, ws):
    rows = ops.list_companies(ws)
    return emit_rows(args, rows, ["id", "name", "segment", "plan", "mrr", "requests"])


def cmd_link(args, ws):
    link = ops.link_request(ws, args.request_id, args.item_id, importance=args.importance).value
    print(f"Linked request {link['request_id']} to item {link['item_id']} ({link['importance'].replace('_', ' ')}).")
    return 0


def cmd_lanes(args, ws):
    rows = ops.list_lanes(ws)
    return emit_rows(args, rows, ["id", "name", "kind", "start_date", "end_date", "capacity", "items", "effort_planned"])


def _lane_line(lane: dict) -> str:
    dates = f", {lane['start_date']} to {lane['end_date']}" if lane.get("start_date") and lane.get("end_date") else ""
    capacity = f", capacity {lane['capacity']:g} person-months" if lane.get("capacity") is not None else ""
    return f"lane {lane['id']}: {printable(lane['name'])} ({lane['kind']}{dates}{capacity})"


def cmd_lane_add(args, ws):
    if args.next_quarter:
        lane = ops.add_next_quarter(ws, capacity=args.capacity).value
    elif not args.name:
        from planner.errors import ValidationError

        raise ValidationError("Name the lane, or pass --next-quarter.")
    else:
        lane = ops.add_lane(ws, name=args.name, kind=args.kind, start_date=args.start, end_date=args.end,
                           capacity=args.capacity).value
    return emit(args, lane, "Added " + _lane_line(lane) + ".")


def cmd_lane_set(args, ws):
    fields = {k: v for k, v in (("name", args.name), ("capacity", args.capacity), ("start_date", args.start),
                                 ("end_date", args.end)) if v is not None}
    lane = ops.edit_lane(ws, args.lane_id, **fields).value
    return emit(args, lane, "Changed " + _lane_line(lane) + ".")


def cmd_lane_delete(args, ws):
    gone = ops.delete_lane(ws, args.lane_id).value
    return emit(args, gone, f"Deleted lane {printable(gone['lane'])}; {gone['items_off_the_roadmap']} item(s) are now off the roadmap.")


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

    p = sub.add_parser("items", help="list items")
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p.set_defaults(func=cmd_items)

    p = sub.add_parser("item-add", help="add an item and print it")
    p.add_argument("title")
    p.add_argument("--kind", default="feature", choices=ops.KINDS)
    p.add_argument("--status", default="idea", choices=ops.STATUSES)
    p.add_argument("--theme")
    p.add_argument("--effort", type=float, help="person-months")
    p.add_argument("--impact", type=float, help="3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal")
    p.add_argument("--confidence", type=float, metavar="PCT", help="0 to 100")
    p.add_argument("--value", type=float)
    p.add_argument("--reach", type=float, help="a manual reach")
    p.add_argument("--lane", metavar="NAME")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_item_add)

    p = sub.add_parser("requests", help="list requests")
    p.add_argument("--unlinked", action="store_true", help="only those still to triage")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_requests)

    p = sub.add_parser("companies", help="list companies")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_companies)

    p = sub.add_parser("link", help="link a request to an item")
    p.add_argument("request_id", type=positive_id)
    p.add_argument("item_id", type=positive_id)
    p.add_argument("--importance", default="important", choices=ops.IMPORTANCES)
    p.set_defaults(func=cmd_link)

    p = sub.add_parser("lanes", help="list roadmap lanes")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_lanes)

    p = sub.add_parser("lane-add", help="add a roadmap lane (a quarter, a release or a Now/Next/Later bucket)")
    p.add_argument("name", nargs="?", help="the lane's name, e.g. '2027 Q3' or 'v5.1'")
    p.add_argument("--kind", default="quarter", choices=ops.LANE_KINDS)
    p.add_argument("--start", metavar="DATE", help="first day, e.g. 2027-07-01")
    p.add_argument("--end", metavar="DATE", help="last day, e.g. 2027-09-30")
    p.add_argument("--capacity", type=float, metavar="PM", help="capacity in person-months")
    p.add_argument("--next-quarter", action="store_true", help="the quarter after the last one, with its capacity")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_lane_add)

    p = sub.add_parser("lane-set", help="rename a lane or change its dates or capacity")
    p.add_argument("lane_id", type=positive_id)
    p.add_argument("--name")
    p.add_argument("--start", metavar="DATE")
    p.add_argument("--end", metavar="DATE")
    p.add_argument("--capacity", type=float, metavar="PM", help="capacity in person-months")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_lane_set)

    p = sub.add_parser("lane-delete", help="delete a lane; its items stay in the backlog, off the roadmap")
    p.add_argument("lane_id", type=positive_id)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_lane_delete)

    p = sub.add_parser("status", help="the workspace's path and counts")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_status)
