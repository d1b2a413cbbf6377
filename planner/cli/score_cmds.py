"""Scoring commands: score, metrics, metrics-import (item-set is in item_cmds)."""

from __future__ import annotations

from planner.cli.output import emit, print_table, printable
from planner.scoring import METHODS, get_scoring_settings, score_items


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
    method, formula = _method_and_formula(args, ws)
    # The table shows no explanations: only --json words every item (a quarter of a second at 10k items).
    rows = score_items(ws, method=method, window_days=args.window_days, segment=args.segment, formula=formula,
                       explain=bool(args.json))
    return emit(args, [{k: r[k] for k in _SCORE_KEYS} for r in rows] if args.json else rows,
                lambda _: _print_scores(rows, _currency(ws), formula=formula if method == "custom" else None))


def _method_and_formula(args, ws) -> tuple[str | None, str | None]:
    """--formula scores by it (it implies --method custom); --method custom alone, by the saved formula."""
    from planner.errors import ValidationError
    from planner.scoring.formula import check_formula

    method = args.method
    if args.formula is not None:
        if method not in (None, "custom"):
            raise ValidationError(f"--formula scores by your own formula, not by {method}: leave out --method, "
                                  f"or give --method custom.")
        formula = check_formula(args.formula)
        if not formula:
            raise ValidationError("--formula is empty: give one such as 'reach * impact * confidence / effort'.")
        return "custom", formula
    saved = get_scoring_settings(ws)
    if (method or saved["method"]) == "custom":
        if not saved["formula"]:
            raise ValidationError("No formula of your own is saved yet: give one with --formula EXPR, or write it "
                                  "in the window's Scoring Settings.")
        return "custom", saved["formula"]
    return method, None


def _currency(ws) -> str:
    from planner.ops.settings import workspace_settings

    return workspace_settings(ws)["currency"]


def _print_scores(rows: list[dict], currency: str = "USD", *, formula: str | None = None) -> None:
    from planner.money import format_money
    from planner.scoring.numbers import format_score

    if not rows:
        print("(no items)")
        return
    print(f"Method: {rows[0]['method']}" + (f" ({formula})" if formula else ""))
    cols = ("rank", "id", "score", "title", "reach", "requests", "companies", "mrr", "quadrant", "rank_stability")
    shown = {"title": lambda r: printable(r["title"])[:40],
             # MRR at stake, short ("$12k"), in the workspace's currency; --json keeps the number
             "mrr": lambda r: format_money(r["mrr"], currency, compact=True) if r["mrr"] else "",
             "score": lambda r: format_score(r["score"])}  # as the window and the workbook show it
    table = [[shown[c](r) if c in shown else _cell(r[c]) for c in cols] for r in rows]
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
    from planner import ops

    return emit(args, ops.import_metrics(ws, args.file).value, _print_metrics_import)


def _print_metrics_import(summary: dict) -> None:
    print(
        f"Imported {summary['file']} ({summary['form']} form): {len(summary['metrics'])} metric(s), "
        f"{len(summary['metrics_new'])} new; {summary['values_new']} new value(s), "
        f"{summary['values_updated']} updated, {summary['values_unchanged']} unchanged."
    )
    for warning in summary["warnings"]:
        print(f"note: {printable(warning)}")


def cmd_metrics(args, ws):
    from planner import ops
    from planner.storage import demand

    if args.template:
        added = ops.add_metric_template(ws, args.template).value
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


def register(sub) -> None:
    p = sub.add_parser("score", help="score and rank the items")
    p.add_argument("--method", choices=METHODS,
                   help="default: the workspace's method (rice); custom: your own formula (--formula or the saved one)")
    p.add_argument("--formula", metavar="EXPR",
                   help="score by your own formula over factors (reach, impact, confidence as a fraction, effort, "
                        "value, requests, companies, mrr, ice_impact, ice_confidence, ease, business_value, "
                        "time_criticality, risk_reduction, job_size, metric(\"NAME\"), field(\"NAME\")) with "
                        "+ - * / ^, min, max, log and sqrt, e.g. 'reach * impact * confidence / effort'; "
                        "implies --method custom")
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
