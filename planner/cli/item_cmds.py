"""Item commands: items, item-add, item-set, item-delete, item-duplicate, item-merge."""

from __future__ import annotations

from planner import ops
from planner.cli import positive_id
from planner.cli.output import emit, emit_rows, plural, printable
from planner.errors import NotFoundError, ValidationError


def _cell(value) -> str:
    """A value as item-set says it: at most two decimals, thousands grouped."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return printable(value)


def _ids(ids) -> str:
    """'item 5' or 'items 5, 6'."""
    return f"item {ids[0]}" if len(ids) == 1 else "items " + ", ".join(map(str, ids))


# ---------------------------------------------------------------- items, item-add


def cmd_items(args, ws):
    rows = ops.list_items(ws)  # every column of the item, its lane's and metric's names: --json hides nothing
    for row in rows:  # the extra fields an import brought (story points, a sheet's own score) as an object
        row["fields"] = _extra_fields(row.get("fields"))
    return emit_rows(args, rows, ["id", "title", "kind", "status", "theme", "lane", "impact", "confidence", "effort"])


def _extra_fields(text) -> dict:
    import json

    try:
        found = json.loads(text) if text else {}
    except ValueError:  # a hand-edited workspace: shown as it is stored
        return {"text": text}
    return found if isinstance(found, dict) else {"value": found}


def cmd_item_add(args, ws):
    fields = {k: getattr(args, k) for k in ("theme", "effort", "impact", "confidence", "value") if getattr(args, k) is not None}
    item = ops.add_item(ws, title=args.title, kind=args.kind, status=args.status, lane=args.lane, reach=args.reach, **fields).value
    return emit(args, item, f"Added item {item['id']}: {printable(item['title'])}")


# ---------------------------------------------------------------- item-set

_ESTIMATE_FLAGS = (
    ("impact", float), ("confidence", float), ("effort", float), ("value", float),
    ("impact_low", float), ("impact_high", float), ("confidence_low", float), ("confidence_high", float),
    ("effort_low", float), ("effort_high", float),
    ("ice_impact", float), ("ice_confidence", float), ("ice_ease", float),
    ("wsjf_value", float), ("wsjf_time", float), ("wsjf_risk", float), ("wsjf_size", float),
    ("metric_share", float),
)
# Friendly flags for the ICE and WSJF parts: (flag's dest, the field it sets, help).
_FRIENDLY_FLAGS = (
    ("ease", "ice_ease", "ICE ease, 1 to 10 (same as --ice-ease)"),
    ("business_value", "wsjf_value", "WSJF business value, 1 to 20 (same as --wsjf-value)"),
    ("time_criticality", "wsjf_time", "WSJF time criticality, 1 to 20 (same as --wsjf-time)"),
    ("risk_reduction", "wsjf_risk", "WSJF risk reduction, 1 to 20 (same as --wsjf-risk)"),
    ("job_size", "wsjf_size", "WSJF job size: 1, 2, 3, 5, 8, 13 or 20 (same as --wsjf-size)"),
)
# Text flags: (flag's dest, the field it sets).
_TEXT_FLAGS = (("title", "title"), ("description", "description"), ("kind", "kind"), ("status", "status"),
               ("theme", "theme"), ("owner", "owner"), ("start", "start_date"), ("end", "end_date"),
               ("public_title", "public_title"), ("public_summary", "public_summary"))


def _tags(text: str) -> str | None:
    """'a, b ,,c' as stored: 'a, b, c'; nothing for an empty list."""
    return ", ".join(t.strip() for t in text.split(",") if t.strip()) or None


def _lane(ws, text: str):
    """--lane as the core takes it: None ('' or 'none': off the roadmap), a lane's name, or an id."""
    text = text.strip()
    if text.lower() in ("", "none"):
        return None
    if text.isdigit() and not any(lane["name"] == text for lane in ops.list_lanes(ws)):
        return int(text)
    return text


def _fields(args, ws) -> dict:
    """What item-set changes, as `ops.edit_item` takes it."""
    from planner.storage import demand

    fields = {field: getattr(args, dest) for dest, field in _TEXT_FLAGS if getattr(args, dest) is not None}
    if args.tags is not None:
        fields["tags"] = _tags(args.tags)
    if args.lane is not None:
        fields["lane"] = _lane(ws, args.lane)
    fields.update({name: getattr(args, name) for name, _ in _ESTIMATE_FLAGS if getattr(args, name) is not None})
    for dest, field, _ in _FRIENDLY_FLAGS:
        value = getattr(args, dest)
        if value is None:
            continue
        if fields.get(field, value) != value:
            flag, other = "--" + dest.replace("_", "-"), "--" + field.replace("_", "-")
            raise ValidationError(f"{flag} and {other} set the same thing to different values; give one of them.")
        fields[field] = value
    if args.reach is not None:
        fields["reach"] = args.reach
    if args.reach_source:
        fields["reach_mode"] = args.reach_source
    if args.metric:
        metric = demand.find_metric(ws, args.metric)
        if metric is None:
            names = ", ".join(m["name"] for m in demand.list_metrics(ws)) or "none yet"
            raise NotFoundError(f"There is no metric named {args.metric!r}.", hint=f"Metrics: {names}.")
        fields["metric_id"] = metric["id"]
        fields.setdefault("reach_mode", "metric")
    if args.unpin:
        fields.update(pinned_rank=None, pin_rationale=None)
    elif args.pin_rank is not None:
        if not (args.rationale and args.rationale.strip()):
            raise ValidationError("Say why the rank is pinned: give --rationale TEXT with --pin-rank.")
        fields.update(pinned_rank=args.pin_rank, pin_rationale=args.rationale)
    elif args.rationale:
        fields["pin_rationale"] = args.rationale
    return fields


def _said(key: str, given, item: dict) -> str:
    """One changed field as the confirmation line says it: an estimate as given, a text or a lane as now stored."""
    if key == "lane":
        return f"lane {printable(item['lane'])}" if item["lane"] else "off the roadmap"
    if key == "metric_id":
        return f"metric {printable(item['metric'])}"
    if key == "description" and item["description"]:
        return f"description ({plural(len(item['description']), 'character')})"
    if key == "public_summary" and item["public_summary"]:
        return f"public summary ({plural(len(item['public_summary']), 'character')})"
    value = item[key] if key in ("title", "theme", "tags", "owner", "start_date", "end_date", "description",
                                 "public_title") else given
    return f"{key.replace('_', ' ')} {_cell(value) if value is not None else 'cleared'}"


def cmd_item_set(args, ws):
    fields = _fields(args, ws)
    if not fields:
        raise ValidationError("Nothing to change: give at least one option (see `planner item-set --help`).")
    item = ops.edit_item(ws, args.item_id, **fields).value
    changed = ", ".join(_said(k, v, item) for k, v in fields.items())
    return emit(args, item, f"Item {item['id']} ({printable(item['title'])}): {changed}.")


# ---------------------------------------------------------------- item-delete, item-duplicate, item-merge


def cmd_item_delete(args, ws):
    title = ops.get_item(ws, args.item_id)["title"]
    gone = ops.delete_item(ws, args.item_id).value
    back = gone["requests_back_in_inbox"]
    return emit(args, dict(gone, title=title), (
        f"Deleted item {args.item_id} ({printable(title)}); {plural(back, 'request')} went back to the inbox."))


def cmd_item_duplicate(args, ws):
    copy = ops.duplicate_item(ws, args.item_id).value
    where = f" in {printable(copy['lane'])}, just after the original" if copy["lane"] else ""
    return emit(args, copy, (
        f"Duplicated item {args.item_id} as item {copy['id']}: {printable(copy['title'])}{where}. "
        "Its requests stay linked to the original only."))


def cmd_item_merge(args, ws):
    done = ops.merge_items(ws, args.keep_id, args.other_ids).value
    kept = done["item"]
    filled = f"; filled {', '.join(f.replace('_', ' ') for f in done['fields_filled'])}" if done["fields_filled"] else ""
    return emit(args, done, (
        f"Merged {_ids(done['merged'])} into item {kept['id']} ({printable(kept['title'])}): "
        f"{plural(done['requests_moved'], 'request')} moved, {done['requests_already_linked']} already linked to it"
        f"{filled}. Deleted {_ids(done['merged'])}."))


def register(sub) -> None:
    p = sub.add_parser("items", help="list items")
    p.add_argument("--json", action="store_true", help="print one JSON document with every field of each item")
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

    p = sub.add_parser("item-set", help="set an item's fields, estimates, reach source, lane or pinned rank")
    p.add_argument("item_id", type=positive_id)
    p.add_argument("--title")
    p.add_argument("--description", metavar="TEXT", help="'' clears it")
    p.add_argument("--kind", choices=ops.KINDS)
    p.add_argument("--status", choices=ops.STATUSES)
    p.add_argument("--theme", help="'' clears it")
    p.add_argument("--tags", metavar="A,B", help="comma-separated; '' clears them")
    p.add_argument("--owner", help="'' clears it")
    p.add_argument("--public-title", metavar="TEXT", help="the title customers read in release notes; '' clears it")
    p.add_argument("--public-summary", metavar="TEXT", help="one or two sentences for customers; '' clears it")
    p.add_argument("--lane", metavar="NAME_OR_ID", help="move it to this lane; '' or 'none' takes it off the roadmap")
    p.add_argument("--start", metavar="DATE", help="e.g. 2027-01-15; '' clears it")
    p.add_argument("--end", metavar="DATE", help="e.g. 2027-03-31; '' clears it")
    p.add_argument("--reach-source", choices=ops.REACH_MODES)
    p.add_argument("--reach", type=float, help="a manual reach (sets the reach source to manual)")
    p.add_argument("--metric", metavar="NAME", help="take reach from this metric")
    for name, kind in _ESTIMATE_FLAGS:
        p.add_argument("--" + name.replace("_", "-"), type=kind, dest=name, metavar="N")
    for dest, _, text in _FRIENDLY_FLAGS:
        p.add_argument("--" + dest.replace("_", "-"), type=float, dest=dest, metavar="N", help=text)
    p.add_argument("--pin-rank", type=int, metavar="N", help="pin the item at this rank (needs --rationale)")
    p.add_argument("--rationale", metavar="TEXT", help="why the rank is pinned")
    p.add_argument("--unpin", action="store_true", help="let the score decide the rank again")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_item_set)

    p = sub.add_parser("item-delete", help="delete an item; requests linked only to it go back to the inbox")
    p.add_argument("item_id", type=positive_id)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_item_delete)

    p = sub.add_parser("item-duplicate", help="copy an item (not its pin nor its requests) just after it in its lane")
    p.add_argument("item_id", type=positive_id)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_item_duplicate)

    p = sub.add_parser("item-merge", help="merge items into one: their requests move to it, then they are deleted")
    p.add_argument("keep_id", type=positive_id, help="the item to keep")
    p.add_argument("other_ids", type=positive_id, nargs="+", metavar="OTHER_ID", help="items merged into it")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_item_merge)
