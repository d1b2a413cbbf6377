"""The settings command: the workspace's name, the fiscal year's first month, the currency and the time window, shown
and changed."""

from __future__ import annotations

from planner import ops
from planner.cli.output import emit
from planner.money import CURRENCIES, format_money
from planner.ops.settings import MONTH_NAMES
from planner.scoring import METHODS, get_scoring_settings
from planner.scoring.settings import REACH_UNITS

# What `settings --json` prints.
_JSON_KEYS = ("name", "fiscal_year_start", "currency", "currency_symbol", "window_days", "method", "formula",
              "reach_unit", "users_per_customer")
# How `settings` words each reach unit: what one unit of reach counts.
_UNIT_WORDS = {"companies": "companies asking", "people": "people asking", "mrr": "MRR at stake",
               "users": "users of a metric"}


def cmd_settings(args, ws):
    keys = ("name", "fiscal_year_start", "currency", "window_days", "method", "formula", "reach_unit",
            "users_per_customer")
    changes = {k: getattr(args, k) for k in keys if getattr(args, k) is not None}
    if changes.get("formula") and "method" not in changes:
        changes["method"] = "custom"  # as `score --formula`: a formula given is the one to score by
    if changes:
        done = ops.change_settings(ws, **changes)
        settings, said = done.value, done.text if done.changed else "Nothing changed: the settings already were as given"
    else:
        settings, said = ops.workspace_settings(ws), None
    scoring = get_scoring_settings(ws)
    settings = {**settings, **{k: scoring[k] for k in ("formula", "reach_unit", "users_per_customer")}}
    return emit(args, {k: settings[k] for k in _JSON_KEYS}, lambda _: _print_settings(settings, said))


def _print_settings(settings: dict, said: str | None) -> None:
    if said:
        print(f"{said}.")
    first = MONTH_NAMES[settings["fiscal_year_start"] - 1]
    last = MONTH_NAMES[(settings["fiscal_year_start"] + 1) % 12]  # the third month of the first quarter
    given = "" if settings["name_given"] else " (the file's name; give one with --name)"
    lines = [
        ("Workspace name", f"{settings['name']}{given}"),
        ("Fiscal year starts", f"{first} (Q1 is {first}–{last})"),
        ("Currency", f"{settings['currency']} ({settings['currency_name']}), shown as "
                     f"{format_money(1234.5, settings['currency'])}"),
        ("Time window", f"{settings['window_days']:,} days"),
        ("Scoring method", settings["method"]),
    ]
    unit = settings["reach_unit"]
    lines.append(("Reach unit", _UNIT_WORDS[unit] if unit else "auto (the unit most items' reach comes in)"))
    if settings["users_per_customer"]:
        lines.append(("Users per customer", f"{settings['users_per_customer']:g}"))
    if settings["formula"]:
        lines.append(("Your formula", settings["formula"] + ("" if settings["method"] == "custom" else " (not in use)")))
    width = max(len(label) for label, _ in lines)
    for label, value in lines:
        print(f"{label.ljust(width)}  {value}")


def register(sub) -> None:
    p = sub.add_parser("settings", help="show the workspace's settings, after changing the ones given")
    p.add_argument("--name", metavar="TEXT",
                   help="the workspace's name, shown in the window's title; \"\" gives it back its file's name")
    p.add_argument("--fiscal-year-start", metavar="MONTH",
                   help="the month the fiscal year starts in: 1-12 or a name (April, apr)")
    p.add_argument("--currency", metavar="CODE",
                   help=f"the currency of MRR and ARR, an ISO code ({', '.join(list(CURRENCIES)[:6])}...)")
    p.add_argument("--window-days", metavar="N", help="only requests made within this many days count as demand")
    p.add_argument("--method", choices=METHODS, help="the scoring method; custom scores by your own formula")
    p.add_argument("--formula", metavar="EXPR",
                   help="your own scoring formula, such as 'reach * impact * confidence / effort' (see `score --help`); "
                        "implies --method custom")
    p.add_argument("--reach-unit", metavar="UNIT", choices=(*REACH_UNITS, "auto"),
                   help="the one unit every item's reach is ranked in: companies, people, mrr, users (of a metric) "
                        "or auto; reach from another kind of source is converted, or ranked apart when it cannot be")
    p.add_argument("--users-per-customer", metavar="N",
                   help="how many users one customer brings, to convert a metric's users to companies and back "
                        "(auto: derived from the metric)")
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p.set_defaults(func=cmd_settings)


def money_formatter(ws, *, compact: bool = False):
    """`money(amount)` as plain tables print amounts: in the workspace's currency ("¥120,000"), "" for none."""
    code = ops.workspace_settings(ws)["currency"]
    return lambda amount: "" if amount is None else format_money(amount, code, compact=compact)
