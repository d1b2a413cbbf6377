"""The Priorities sheet: every item in rank order with its score and the factors behind it.

In the internal edition the score is a live formula over the factor cells,
written from the scorer's own arithmetic (`planner.scoring.methods.FORMULAS`).
"""

from __future__ import annotations

from openpyxl.utils import get_column_letter

from planner.exporting.labels import label
from planner.exporting.sheet_writer import Column, Formula, StreamingBook
from planner.exporting.snapshot import Snapshot
from planner.scoring.methods import FORMULAS
from planner.scoring.numbers import round_score

# Other spellings of the same factor, so a renamed factor still gets its formula.
FACTOR_ALIASES = {"value": "business_value", "time": "time_criticality", "risk": "risk_reduction",
                  "size": "job_size", "job size": "job_size", "business value": "business_value",
                  "time criticality": "time_criticality", "risk reduction": "risk_reduction"}
# Factors the business edition leaves out: estimates that are the product team's own.
INTERNAL_FACTORS = {"effort", "confidence", "ease", "job_size"}


def add_sheet(book: StreamingBook, snap: Snapshot) -> None:
    if not snap.internal:
        _add_business_sheet(book, snap)
        return
    lang = snap.language
    method = snap.settings.get("method") or (snap.items[0]["method"] if snap.items else "rice")
    formula = _custom_formula(snap) if method == "custom" else FORMULAS.get(method)
    percent = formula.percent if formula else frozenset()
    factor_names: list[str] = []
    for item in snap.items:
        for f in item.get("factors") or ():
            name = _factor_key(f.get("name"), method)
            if name and name not in factor_names:
                factor_names.append(name)
    if not snap.internal:
        factor_names = [n for n in factor_names if n not in INTERNAL_FACTORS]
    columns = [
        Column("Rank", "rank", max_width=7),
        Column("ID", "id", max_width=8),
        Column("Title", "wrap", max_width=40, min_width=24),
        Column("Kind", "text", max_width=14),
        Column("Status", "text", max_width=14),
        Column("Theme", "text", max_width=20),
        Column("Lane", "text", max_width=14),
        Column("Score", "score", max_width=10, min_width=8),
    ]
    first_factor = len(columns)  # the factors follow the score
    for name in factor_names:
        kind = "pct" if name in percent else "num2"
        # metric("...") and field("...") of a formula of the user's own are headed as written
        header = name if "(" in name else name.replace("_", " ").capitalize()
        columns.append(Column(header, kind, max_width=12, min_width=8))
    top_n = snap.settings.get("top_n") or 10
    columns += [
        Column("Reach source", "wrap", max_width=26),
        Column("Quadrant", "text", max_width=12, optional=True),
        Column("Requests", "int", max_width=10),
        Column("Companies", "int", max_width=11),
        Column("MRR at stake", "money", max_width=13),
        Column("Single customer", "wrap", max_width=24, optional=True),
        Column(book.say("Stays in top {n}").format(n=top_n), "pct", max_width=9, optional=True),
        Column("Pinned rank", "int", max_width=8, optional=True),
        Column("Why pinned", "wrap", max_width=36, optional=True),
    ]
    if snap.internal:
        columns += [
            Column("How the score was computed", "wrap", max_width=50, min_width=30, optional=True),
            Column("Notes", "wrap", max_width=36, optional=True),
        ]
    letters = {name: get_column_letter(first_factor + n + 1) for n, name in enumerate(factor_names)}
    needed = formula.factors if formula else ()
    live = snap.internal and formula is not None and all(n in letters for n in needed)
    rows = []
    for r, item in enumerate(snap.items, start=2):
        factors = {_factor_key(f.get("name"), method): f.get("value") for f in item.get("factors") or ()}
        values = {}
        for name in factor_names:
            v = factors.get(name)
            if isinstance(v, (int, float)) and name in percent:
                v = v / 100.0  # a percentage cell holds a fraction
            values[name] = v
        score = item.get("score")
        if live and score is not None and all(isinstance(values.get(n), (int, float)) for n in needed) \
                and (method == "custom" or values.get(needed[-1])):  # a formula of the user's own says itself
            cell = Formula("=" + formula.spreadsheet({n: f"{letters[n]}{r}" for n in needed}))
            # The value stored beside the formula: readers that do not calculate (previews, pandas) still see the score.
            cell.cached = formula.score(values)
            # Only a formula that gives the planner's own score (as numbers.py rounds it) goes in;
            # should the scoring ever add a term the formula lacks, the value is shown instead.
            if round_score(cell.cached) == round_score(score):
                score = cell
        detail = snap.details.get(item["id"], {})
        row = [
            item.get("rank"),
            str(item["id"]),
            item.get("title"),
            label(item.get("kind"), lang),
            label(item.get("status"), lang),
            item.get("theme"),
            item.get("lane"),
            score,
            *(values[n] for n in factor_names),
            _reach_source(item),
            label(item.get("quadrant"), lang),
            item.get("requests"),
            item.get("companies"),
            item.get("mrr"),
            _single_customer(item, show_companies=snap.show_companies, say=book.say),
            item.get("rank_stability"),
            item.get("pinned_rank"),
            item.get("pin_rationale"),
        ]
        if snap.internal:
            row += [item.get("explanation") or item.get("unscored_reason"), detail.get("notes")]
        rows.append(row)
    book.table("Priorities", columns, rows, freeze="D2", score_col=get_column_letter(first_factor))


def _add_business_sheet(book: StreamingBook, snap: Snapshot) -> None:
    """The Priorities sheet a sales reader can read: the order, when, and who asks; no scores or estimates.

    Scores, factors, quadrants and the simulation's stability are the product
    team's working: the order already says what they concluded.
    """
    lang = snap.language
    columns = [
        Column("Rank", "rank", max_width=7, min_width=7),
        Column("Title", "wrap", max_width=50, min_width=30),
        Column("Kind", "text", max_width=16),
        Column("Status", "text", max_width=16),
        Column("Theme", "wrap", max_width=22, optional=True),
        Column("When", "text", max_width=22),
        Column("Requests", "int", max_width=11, min_width=9),
        Column("Companies asking", "int", max_width=12, min_width=10),
        Column("MRR at stake", "money", max_width=16, min_width=13),
    ]
    rows = [
        [item.get("rank"), item.get("title"), label(item.get("kind"), lang), label(item.get("status"), lang),
         item.get("theme"), item.get("lane"), item.get("requests"), item.get("companies"), item.get("mrr")]
        for item in snap.items
    ]
    book.table("Priorities", columns, rows, freeze="C2", heading=f"{book.say('Priorities')} · {snap.workspace}",
               legend=book.say("Every item in the order the product team plans to work on it, with the demand behind it."))


def _custom_formula(snap: Snapshot):
    """The workspace's own formula, read as the scorer read it; None when there is none to write."""
    from planner.errors import ValidationError
    from planner.scoring.formula import parse

    try:
        return parse(snap.settings.get("formula") or "")
    except ValidationError:  # no formula saved: the scores are written as values
        return None


def _single_customer(item: dict, *, show_companies: bool, say=lambda text: text):
    if not item.get("single_customer"):
        return None
    share = item.get("top_share")
    who = item.get("top_company") if show_companies else say("one company")
    if share is not None:
        return say("{who} ({share} of demand)").format(who=who, share=f"{share:.0%}")
    return who


def _factor_key(name, method: str) -> str:
    if method == "custom":  # the formula's own factor names: reach, metric("Weekly active users")
        return str(name or "").strip()
    key = str(name or "").strip().lower()
    if method == "wsjf":
        key = FACTOR_ALIASES.get(key, key)
    return key.replace(" ", "_")


def _reach_source(item: dict):
    for factor in item.get("factors") or ():
        if factor.get("name") == "reach" and factor.get("source"):
            return factor["source"][:1].upper() + factor["source"][1:]
    return label(item.get("reach_source"))
