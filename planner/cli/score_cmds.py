"""Scoring commands: score, metrics, metrics-import, item-set."""

from __future__ import annotations

from planner.cli import positive_id
from planner.cli.output import emit, print_table, printable
from planner.errors import NotFoundError, ValidationError
from planner.scoring import METHODS, score_items


def _cell(value) -> str:
    """A figure as the scoring commands show it: at most two decimals, thousands grouped, 'yes' for a flag."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    if isinstance(value, bool):
        return "yes" if value else ""
    return printable(value)


# What `score --json` prints of each row.
_SCORE_KEYS = ("id", "title", "method", "score", "rank", "reach", "reach_source", "impact", "confidence", "effort",
               "value", "requests", "companies", "mrr", "quadrant", "single_customer", "rank_stability", "explanation",
               "status", "pinned_rank", "pin_rationale")


def cmd_score(args, ws):
    from planner.scoring.score import check_segment

    check_segment(ws, args.segment)
    rows = score_items(ws, method=args.method, window_days=args.window_days, segment=args.segment)
    return emit(args, [{k: r[k] for k in _SCORE_KEYS} for r in rows], lambda _: _print_scores(rows))


def _print_scores(rows: list[dict]) -> None:
    if not rows:
        print("(no items)")
        return
    print(f"Method: {rows[0]['method']}")
    cols = ("rank", "id", "score", "title", "reach", "requests", "companies", "quadrant", "rank_stability")
    table = [[_cell(r[c]) if c != "title" else printable(r["title"])[:40] for c in cols] for r in rows]
    for r, line in zip(rows, table):
        if r["single_customer"]:
            line[3] = (line[3] + " [1 customer]")[:52]
        if r["pinned_rank"] and r["rank"]:
            line[0] += "*"
    print_table(list(cols), table)
    for r in rows:
        if r["score"] is None:
            print(f"unscored {r['id']}: {printable(r['unscored_reason'])}")
        elif r["pinned_rank"]:
            print(f"pinned {r['id']} at {r['rank']} (computed {r['computed_rank']}): {printable(r['pin_rationale'])}")


def cmd_metrics_import(args, ws):
    from planner.scoring.metrics import import_metrics

    return emit(args, import_metrics(ws, args.file), _print_metrics_import)


def _print_metrics_import(summary: dict) -> None:
    print(
        f"Imported {summary['file']} ({summary['form']} form): {len(summary['metrics'])} metric(s), "
        f"{len(summary['metrics_new'])} new; {summary['values_new']} new value(s), "
        f"{summary['values_updated']} updated, {summary['values_unchanged']} unchanged."
    )
    for warning in summary["warnings"]:
        print(f"note: {printable(warning)}")


def cmd_metrics(args, ws):
    from planner.scoring.metrics import add_template
    from planner.storage import demand

    if args.template:
        added = add_template(ws, args.template)
        if not args.json:
            print(f"Added {len(added)} metric(s) from the {args.template} template." if added else "The template's metrics are already here.")
    return emit(args, demand.list_metrics(ws), _print_metrics)


def _print_metrics(rows: list[dict]) -> None:
    if not rows:
        print("(no metrics) Import some with `planner metrics-import FILE` or add a template with --template aarrr.")
        return
    for r in rows:
        latest = f"{_cell(r['latest_value'])} at {r['latest_period']}" if r["latest_period"] else "no values yet"
        unit = f" {printable(r['unit'])}" if r["unit"] else ""
        print(f"{r['id']:>3}  {printable(r['name'])}{unit}: {latest}; {r['values_count']} value(s), used by {r['items']} item(s)")


_ESTIMATE_FLAGS = (
    ("impact", float), ("confidence", float), ("effort", float), ("value", float),
    ("impact_low", float), ("impact_high", float), ("confidence_low", float), ("confidence_high", float),
    ("effort_low", float), ("effort_high", float),
    ("ice_impact", float), ("ice_confidence", float), ("ice_ease", float),
    ("wsjf_value", float), ("wsjf_time", float), ("wsjf_risk", float), ("wsjf_size", float),
    ("metric_share", float),
)


def cmd_item_set(args, ws):
    from planner import ops
    from planner.storage import demand

    fields = {name: getattr(args, name) for name, _ in _ESTIMATE_FLAGS if getattr(args, name) is not None}
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
    if not fields:
        raise ValidationError("Nothing to change: give at least one option (see `planner item-set --help`).")
    item = ops.edit_item(ws, args.item_id, **fields).value
    shown = {("metric" if k == "metric_id" else k): (item.get("metric") if k == "metric_id" else v) for k, v in fields.items()}
    changed = ", ".join(f"{k.replace('_', ' ')} {_cell(v) if v is not None else 'cleared'}" for k, v in shown.items())
    return emit(args, item, f"Item {item['id']} ({printable(item['title'])}): {changed}.")


def register(sub) -> None:
    p = sub.add_parser("score", help="score and rank the items")
    p.add_argument("--method", choices=METHODS, help="default: the workspace's method (rice)")
    p.add_argument("--window-days", type=int, metavar="N", help="count requests of the last N days (default 365)")
    p.add_argument("--segment", metavar="S", help="count only companies of this segment ('all' for every one)")
    p.add_argument("--json", action="store_true", help="print one JSON list, ordered by rank")
    p.set_defaults(func=cmd_score)

    p = sub.add_parser("metrics-import", help="import metric values from a CSV file (long or wide form)")
    p.add_argument("file")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_metrics_import)

    p = sub.add_parser("metrics", help="list metrics and their latest values")
    p.add_argument("--template", choices=("aarrr", "north-star"), help="first add a template's metrics")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_metrics)

    p = sub.add_parser("item-set", help="set an item's estimates, reach source or pinned rank")
    p.add_argument("item_id", type=positive_id)
    p.add_argument("--reach-source", choices=("requests", "companies", "weighted", "mrr", "metric", "manual"))
    p.add_argument("--reach", type=float, help="a manual reach (sets the reach source to manual)")
    p.add_argument("--metric", metavar="NAME", help="take reach from this metric")
    for name, kind in _ESTIMATE_FLAGS:
        p.add_argument("--" + name.replace("_", "-"), type=kind, dest=name, metavar="N")
    p.add_argument("--pin-rank", type=int, metavar="N", help="pin the item at this rank (needs --rationale)")
    p.add_argument("--rationale", metavar="TEXT", help="why the rank is pinned")
    p.add_argument("--unpin", action="store_true", help="let the score decide the rank again")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_item_set)
