"""Request commands: unlink, request-set (archive, bring back, mark a duplicate), same-requests."""

from __future__ import annotations

from planner import inbox_flow, ops
from planner.cli import positive_id
from planner.cli.output import emit, emit_rows, printable
from planner.errors import ValidationError


def cmd_unlink(args, ws):
    from planner.storage import queries

    item = ops.get_item(ws, args.item_id)  # unknown ids say so before anything is written
    ops.request(ws, args.request_id)
    if not queries.links_of(ws, request_id=args.request_id, item_id=args.item_id):
        linked = [link["item_id"] for link in queries.links_of(ws, request_id=args.request_id)]
        where = ("It is linked to item " + ", ".join(map(str, linked)) + ".") if linked else "It is linked to no item."
        raise ValidationError(f"Request {args.request_id} is not linked to item {args.item_id}; nothing was changed. {where}")
    ops.unlink_request(ws, args.request_id, args.item_id)
    now = ops.request(ws, args.request_id)
    back = " It is back in the inbox." if now["status"] == "new" and not queries.links_of(ws, request_id=args.request_id) else ""
    print(f"Unlinked request {args.request_id} from item {args.item_id} ({printable(item['title'])}).{back}")
    return 0


def cmd_request_set(args, ws):
    if args.status is None and args.duplicate_of is None:
        raise ValidationError("Nothing to change: give --status new|archived or --duplicate-of REQUEST_ID.")
    if args.status is not None and args.duplicate_of is not None:
        raise ValidationError("Give --status or --duplicate-of, not both: a duplicate has no status of its own.")
    if args.duplicate_of is not None:
        done = ops.mark_duplicate(ws, args.request_id, of=args.duplicate_of).value
        moved = f"; {done['links_moved']} link(s) moved to it" if done["links_moved"] else ""
        text = (f"Request {done['request_id']} is now a duplicate of request {done['duplicate_of']}{moved}. "
                "Its demand counts once, on the original.")
    else:
        ops.set_request_status(ws, [args.request_id], args.status)
        text = (f"Archived request {args.request_id}." if args.status == "archived"
                else f"Request {args.request_id} is new again.")
    row = ops.request(ws, args.request_id)
    return emit(args, row, text)


def cmd_same_requests(args, ws):
    rows = inbox_flow.same_requests(ws, args.request_id, limit=args.limit)
    return emit_rows(args, rows, ["request_id", "title", "company", "requester", "score", "identical"])


def register(sub) -> None:
    p = sub.add_parser("unlink", help="remove a request's link to an item")
    p.add_argument("request_id", type=positive_id)
    p.add_argument("item_id", type=positive_id)
    p.set_defaults(func=cmd_unlink)

    p = sub.add_parser("request-set", help="archive a request, bring it back, or mark it a duplicate of another")
    p.add_argument("request_id", type=positive_id)
    p.add_argument("--status", choices=("new", "archived"), help="archived: not actionable; new: back to triage")
    p.add_argument("--duplicate-of", type=positive_id, metavar="REQUEST_ID",
                   help="the original it repeats: its links move there and it counts once")
    p.add_argument("--json", action="store_true", help="print the request as it now is")
    p.set_defaults(func=cmd_request_set)

    p = sub.add_parser("same-requests", help="requests in the inbox that say the same as this one")
    p.add_argument("request_id", type=positive_id)
    p.add_argument("--limit", type=positive_id, default=50, metavar="N")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_same_requests)
