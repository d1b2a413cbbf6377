"""Lane commands: lanes, lane-add, lane-set, lane-delete. A LANE is a lane's id or its name."""

from __future__ import annotations

from planner import fiscal, ops
from planner.cli.output import emit, print_rows, printable
from planner.errors import ValidationError

LIST_COLUMNS = ["id", "name", "kind", "start_date", "end_date", "capacity", "items", "effort_planned", "over"]


def cmd_lanes(args, ws):
    rows = ops.list_lanes(ws, kind=args.kind)

    def table(rows):
        # "over": by how many person-months the planned effort passes the capacity, blank when it does not.
        print_rows([dict(row, over=f"+{row['over_by']:g}" if row["over_capacity"] else None) for row in rows],
                   LIST_COLUMNS)

    return emit(args, rows, table)


def _lane_line(lane: dict) -> str:
    dates = f", {lane['start_date']} to {lane['end_date']}" if lane.get("start_date") and lane.get("end_date") else ""
    capacity = f", capacity {lane['capacity']:g} person-months" if lane.get("capacity") is not None else ""
    return f"lane {lane['id']}: {printable(lane['name'])} ({lane['kind']}{dates}{capacity})"


def cmd_lane_add(args, ws):
    if args.next_quarter:
        if args.name:
            raise ValidationError("--next-quarter names the quarter itself; leave out the name.")
        lane = ops.add_next_quarter(ws, capacity=args.capacity, language=args.language).value
    elif not args.name:
        raise ValidationError("Name the lane, or pass --next-quarter.")
    else:
        lane = ops.add_lane(ws, name=args.name, kind=args.kind, start_date=args.start, end_date=args.end,
                           capacity=args.capacity).value
    return emit(args, lane, "Added " + _lane_line(lane) + ".")


def cmd_lane_set(args, ws):
    lane = ops.find_lane(ws, args.lane)
    fields = {k: v for k, v in (("name", args.name), ("capacity", args.capacity), ("start_date", args.start),
                                 ("end_date", args.end), ("kind", args.kind), ("position", args.position))
              if v is not None}
    lane = ops.edit_lane(ws, lane["id"], **fields).value
    return emit(args, lane, "Changed " + _lane_line(lane) + ".")


def cmd_lane_delete(args, ws):
    lane = ops.find_lane(ws, args.lane)
    gone = ops.delete_lane(ws, lane["id"], move_to=args.move_to).value
    if "moved_to" in gone:
        text = (f"Deleted lane {printable(gone['lane'])}; {gone['items_moved']} item(s) moved to "
                f"{printable(gone['moved_to'])}.")
    else:
        text = f"Deleted lane {printable(gone['lane'])}; {gone['items_off_the_roadmap']} item(s) are now off the roadmap."
    return emit(args, gone, text)


def register(sub) -> None:
    p = sub.add_parser("lanes", help="list roadmap lanes in board order, with capacity and effort planned")
    p.add_argument("--kind", choices=ops.LANE_KINDS, help="only the lanes of this kind")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_lanes)

    p = sub.add_parser("lane-add", help="add a roadmap lane (a quarter, a release or a Now/Next/Later bucket)")
    p.add_argument("name", nargs="?", help="the lane's name, e.g. '2027 Q3' or 'v5.1'")
    p.add_argument("--kind", default="quarter", choices=ops.LANE_KINDS)
    p.add_argument("--start", metavar="DATE", help="first day, e.g. 2027-07-01")
    p.add_argument("--end", metavar="DATE", help="last day, e.g. 2027-09-30")
    p.add_argument("--capacity", type=float, metavar="PM", help="capacity in person-months")
    p.add_argument("--next-quarter", action="store_true",
                   help="the fiscal quarter after the last one, with its capacity (named after the fiscal year start)")
    p.add_argument("--language", default="en", choices=fiscal.LANGUAGES,
                   help="the language of the --next-quarter name (default en)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_lane_add)

    p = sub.add_parser("lane-set", help="rename a lane, change its dates, capacity or kind, or move it")
    p.add_argument("lane", metavar="LANE", help="the lane's id or name")
    p.add_argument("--name")
    p.add_argument("--start", metavar="DATE", help="first day, e.g. 2027-07-01; '' clears it")
    p.add_argument("--end", metavar="DATE", help="last day; '' clears it")
    p.add_argument("--capacity", type=float, metavar="PM", help="capacity in person-months")
    p.add_argument("--kind", choices=ops.LANE_KINDS, help="make it another kind of lane (it goes last among those)")
    p.add_argument("--position", type=int, metavar="N", help="its place among the lanes of its kind, 1 = first")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_lane_set)

    p = sub.add_parser("lane-delete", help="delete a lane; its items go to another lane or stay in the backlog, off the roadmap")
    p.add_argument("lane", metavar="LANE", help="the lane's id or name")
    p.add_argument("--move-to", metavar="LANE", help="the lane its items go to (appended at its end); "
                   "without it they stay in the backlog, off the roadmap")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_lane_delete)
