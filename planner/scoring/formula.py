"""Your own formula: a score written over named factors, read by a small parser (never `eval`).

A formula such as `0.6*reach + 0.4*mrr/1000 - effort` is read into a tree of
numbers, factors, operators and four functions, and nothing else: a name
that is not a factor or a function, a dot, a bracket or text outside
`metric("...")` and `field("...")` is refused with its position. The tree is
then evaluated over the score pass's numpy columns (every item at once),
written as a spreadsheet formula for the workbook, and split into its terms
for the explanation (formula_explain.py).

Confidence enters as a fraction (80 % is 0.8), so `reach * impact *
confidence / effort` is RICE. An item whose factor is missing, or for which
the formula divides by zero, takes the log of zero or less, or the square
root of a negative number, is unscored and says why.

No numpy at import: the settings check reads formulas on the path to the first window.
"""

from __future__ import annotations

import builtins
import difflib
import keyword
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from planner.errors import ValidationError

MAX_LENGTH = 500
MAX_DEPTH = 20
MAX_EXPONENT = 10

# Factor name -> (the score pass's column, what it is). Confidence is the RICE estimate as a fraction.
FACTORS = {
    "reach": ("reach", "reach, from the item's reach source"),
    "impact": ("impact", "RICE impact: 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal"),
    "confidence": ("confidence", "RICE confidence as a fraction: 80 % is 0.8"),
    "effort": ("effort", "effort in person-months"),
    "value": ("value", "value, typed by hand or from demand"),
    "requests": ("requests", "requests linked within the window"),
    "companies": ("companies", "companies asking within the window"),
    "mrr": ("mrr", "MRR of the companies asking"),
    "ice_impact": ("ice_impact", "ICE impact, 1-10"),
    "ice_confidence": ("ice_confidence", "ICE confidence, 1-10"),
    "ease": ("ice_ease", "ICE ease, 1-10"),
    "business_value": ("wsjf_value", "WSJF business value"),
    "time_criticality": ("wsjf_time", "WSJF time criticality"),
    "risk_reduction": ("wsjf_risk", "WSJF risk reduction"),
    "job_size": ("wsjf_size", "WSJF job size"),
}
FUNCTIONS = {"min": "the smallest of two or more numbers", "max": "the largest of two or more numbers",
             "log": "the natural logarithm; log(x, base) in another base", "sqrt": "the square root"}
SOURCES = {"metric": 'a metric\'s latest value: metric("Weekly active users")',
           "field": 'a number from the item\'s own fields: field("story_points")'}
EXAMPLE = "reach * impact * confidence / effort"

_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<number>(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)
  | (?P<name>[^\W\d]\w*)
  | (?P<string>"[^"]*"|'[^']*'|“[^”]*”)
  | (?P<op>\*\*|[-+*/^(),])
""", re.VERBOSE)
_WHAT_FOLLOWS = "a factor, a number or '('"
# Python's own words are named as such, never offered a factor that looks like them.
_PYTHON_WORDS = {name.lower() for name in dir(builtins)}


@dataclass(frozen=True)
class Token:
    kind: str  # number, name, string, op, end
    text: str
    start: int  # 0-based, end exclusive
    end: int

    def where(self) -> str:
        """'at 7' or 'at 1–5', counted from 1 as a user counts characters."""
        return f"at {self.start + 1}" if self.end - self.start <= 1 else f"at {self.start + 1}\u2013{self.end}"


@dataclass(frozen=True)
class Node:
    """One part of the formula: kind is num, factor, metric, field, neg, + - * / ^, or a function's name."""

    kind: str
    args: tuple = ()
    value: float | str | None = None  # a number's value, a factor's name, a metric's or field's name
    text: str = ""  # the formula's own text for this part

    @property
    def key(self) -> str:
        """The factor's name as explanations and the workbook know it."""
        if self.kind == "factor":
            return str(self.value)
        return f'{self.kind}("{self.value}")'


def _fail(message: str) -> ValidationError:
    return ValidationError(message[:1].upper() + message[1:] + ".")


def tokenize(text: str) -> list[Token]:
    """The formula's tokens; a character no formula holds becomes a 'bad' token carrying its message, so the
    parser reports what comes first, left to right."""
    tokens, pos = [], 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m:
            tokens.append(Token("bad", str(_bad_character(text, pos)), pos, pos + 1))
            break
        if m.lastgroup != "space":
            tokens.append(Token(m.lastgroup, m.group(), m.start(), m.end()))
        pos = m.end()
    tokens.append(Token("end", "", len(text), len(text)))
    return tokens


def _bad_character(text: str, pos: int) -> ValidationError:
    ch = text[pos]
    if ch in "\"'“":
        return _fail(f"the text in quotes {Token('', '', pos, pos + 1).where()} is never closed: add {ch if ch != '“' else '”'}")
    if ch == ".":
        return _fail(f"'.' {Token('', '', pos, pos + 1).where()} is not part of a formula: "
                     f"factors are plain names, and nothing in a formula has attributes")
    if ch == "%":
        return _fail(f"'%' {Token('', '', pos, pos + 1).where()} is not part of a formula: confidence is "
                     f"already a fraction (80 % is 0.8); write a share as 0.25")
    return _fail(f"'{ch}' {Token('', '', pos, pos + 1).where()} is not part of a formula: use factors, "
                 f"numbers, + - * / ^, ( ) and the functions min, max, log and sqrt")


class _Parser:
    """Recursive descent, lowest precedence first: sum, product, sign, power, atom."""

    def __init__(self, text: str):
        self.text = text
        self.tokens = tokenize(text)
        self.i = 0
        self.depth = 0

    @property
    def tok(self) -> Token:
        tok = self.tokens[self.i]
        if tok.kind == "bad":
            raise ValidationError(tok.text)
        return tok

    def take(self) -> Token:
        tok = self.tok
        self.i += 1
        return tok

    def _deeper(self, tok: Token) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _fail(f"the formula nests too deeply {tok.where()}: at most {MAX_DEPTH} levels of brackets, "
                        f"functions and signs")

    def _span(self, start: int) -> str:
        return self.text[start:self.tokens[self.i - 1].end].strip()

    def parse(self) -> Node:
        if self.tok.kind == "end":
            raise _fail(f"the formula is empty: write one such as {EXAMPLE}")
        node = self.sum()
        tok = self.tok
        if tok.kind != "end":
            if tok.text == ")":
                raise _fail(f"')' {tok.where()} closes a bracket that was never opened")
            if tok.text == ",":
                raise _fail(f"',' {tok.where()} is outside a function: commas separate a function's numbers")
            prev = self.tokens[self.i - 1]
            raise _fail(f"after '{prev.text}' {prev.where()} an operator (+ - * / ^) must come, not '{tok.text}' "
                        f"{tok.where()}")
        return node

    def sum(self) -> Node:
        start = self.tok.start
        node = self.product()
        while self.tok.text in ("+", "-"):
            op = self.take().text
            right = self.product()
            node = Node(op, (node, right), text=self._span(start))
        return node

    def product(self) -> Node:
        start = self.tok.start
        node = self.signed()
        while self.tok.text in ("*", "/"):
            op = self.take().text
            right = self.signed()
            node = Node(op, (node, right), text=self._span(start))
        return node

    def signed(self) -> Node:
        if self.tok.text in ("-", "+"):
            tok = self.take()
            self._deeper(tok)
            inner = self.signed()
            self.depth -= 1
            return inner if tok.text == "+" else Node("neg", (inner,), text=self._span(tok.start))
        return self.power()

    def power(self) -> Node:
        start = self.tok.start
        base = self.atom()
        if self.tok.text in ("^", "**"):
            tok = self.take()
            self._deeper(tok)
            exponent = self.signed()  # right-associative: 2^3^2 is 2^(3^2); -x after ^ is allowed
            self.depth -= 1
            fixed = constant_value(exponent)
            if fixed is not None and not (math.isfinite(fixed) and abs(fixed) <= MAX_EXPONENT):
                raise _fail(f"the exponent {exponent.text} of '^' {tok.where()} is too large: use a power from "
                            f"-{MAX_EXPONENT} to {MAX_EXPONENT}")
            return Node("^", (base, exponent), text=self._span(start))
        return base

    def atom(self) -> Node:
        tok = self.tok
        if tok.kind == "end":
            prev = self.tokens[self.i - 1] if self.i else None
            if prev is not None and prev.text == "(":
                raise _fail(f"the formula ends after '(': {_WHAT_FOLLOWS} must follow, then ')'")
            after = f"after '{prev.text}'" if prev is not None else "too early"
            raise _fail(f"the formula ends {after}: {_WHAT_FOLLOWS} must follow")
        if tok.kind == "number":
            self.take()
            value = float(tok.text)
            if not math.isfinite(value):
                raise _fail(f"the number {tok.text} {tok.where()} is too large")
            return Node("num", value=value, text=tok.text)
        if tok.kind == "string":
            raise _fail(f"text in quotes {tok.where()} belongs only inside metric(\"...\") or field(\"...\")")
        if tok.text == "(":
            self.take()
            self._deeper(tok)
            inner = self.sum()
            self.depth -= 1
            if self.tok.text != ")":
                raise _fail(f"the '(' {tok.where()} is never closed: add ')'")
            self.take()
            return inner
        if tok.kind == "name":
            return self.name()
        raise _fail(f"'{tok.text}' {tok.where()} cannot come here: {_WHAT_FOLLOWS} must")

    def name(self) -> Node:
        tok = self.take()
        lowered = tok.text.lower()
        called = self.tokens[self.i].text == "(" and self.tokens[self.i].kind == "op"  # a bad token after a name waits
        if lowered in FACTORS and not called:
            return Node("factor", value=lowered, text=tok.text)
        if lowered in FUNCTIONS and called:
            return self.call(tok, lowered)
        if lowered in SOURCES and called:
            return self.source(tok, lowered)
        if lowered in FACTORS:
            raise _fail(f"'{tok.text}' {tok.where()} is a factor, not a function: write it without brackets")
        if lowered in FUNCTIONS or lowered in SOURCES:
            raise _fail(f"'{tok.text}' {tok.where()} is a function: give it its numbers in brackets, "
                        f"{lowered}(...)")
        if tok.text.startswith("_") or called or keyword.iskeyword(lowered) or lowered in _PYTHON_WORDS:
            raise _fail(f"'{tok.text}' {tok.where()} is not a factor or a function")
        near = difflib.get_close_matches(lowered, list(FACTORS), n=1, cutoff=0.6)
        hint = f"; did you mean {near[0]}?" if near else f"; the factors are {', '.join(FACTORS)}"
        raise ValidationError(f"Unknown factor '{tok.text}' {tok.where()}{hint}")

    def call(self, name_tok: Token, fn: str) -> Node:
        open_tok = self.take()
        self._deeper(open_tok)
        args = [self.sum()]
        while self.tok.text == ",":
            self.take()
            args.append(self.sum())
        self.depth -= 1
        if self.tok.text != ")":
            if self.tok.kind == "end":
                raise _fail(f"the '(' of {fn} {open_tok.where()} is never closed: add ')'")
            raise _fail(f"'{self.tok.text}' {self.tok.where()} cannot come here: {fn}'s numbers are separated by "
                        f"commas and end with ')'")
        self.take()
        wanted = {"min": (2, None), "max": (2, None), "log": (1, 2), "sqrt": (1, 1)}[fn]
        if len(args) < wanted[0] or (wanted[1] is not None and len(args) > wanted[1]):
            words = {"min": "two or more numbers, separated by commas", "max": "two or more numbers, separated by commas",
                     "log": "one number, or a number and a base", "sqrt": "one number"}[fn]
            raise _fail(f"'{fn}' {name_tok.where()} takes {words}; it was given {len(args)}")
        if fn == "log" and len(args) == 2:
            base = constant_value(args[1])
            if base is not None and not (base > 0 and base != 1):
                raise _fail(f"the base of 'log' {name_tok.where()} must be more than 0 and not 1")
        return Node(fn, tuple(args), text=self._span(name_tok.start))

    def source(self, name_tok: Token, fn: str) -> Node:
        self.take()
        tok = self.tok
        if tok.kind != "string" or self.tokens[self.i + 1].text != ")":
            raise _fail(f"'{fn}' {name_tok.where()} takes a name in quotes, such as {SOURCES[fn].split(': ')[1]}")
        self.take()
        self.take()
        name = " ".join(tok.text[1:-1].split())
        if not name:
            raise _fail(f"'{fn}' {name_tok.where()} needs a name inside its quotes")
        return Node(fn, value=name, text=self._span(name_tok.start))


def constant_value(node: Node) -> float | None:
    """The value of a part made of numbers only (so an exponent can be checked), else None."""
    if node.kind == "num":
        return float(node.value)
    if node.kind in ("factor", "metric", "field"):
        return None
    values = [constant_value(a) for a in node.args]
    if any(v is None for v in values):
        return None
    try:
        if node.kind == "neg":
            return -values[0]
        a, b = (values + [None])[:2]
        if node.kind in ("+", "-", "*", "/"):
            return {"+": a + b, "-": a - b, "*": a * b, "/": a / b if b else math.nan}[node.kind]
        if node.kind == "^":
            if abs(b) > MAX_EXPONENT:  # a constant tower (9^9^9) is refused before it is ever computed
                return math.inf
            return float(a) ** b if a >= 0 or b == int(b) else math.nan
        if node.kind == "min":
            return min(values)
        if node.kind == "max":
            return max(values)
        if node.kind == "sqrt":
            return math.sqrt(a) if a >= 0 else math.nan
        if node.kind == "log":
            return math.log(a) / (math.log(b) if b is not None else 1.0) if a > 0 else math.nan
    except (OverflowError, ValueError, ZeroDivisionError):
        return math.inf
    return None


@dataclass(frozen=True)
class Formula:
    """A parsed formula: its text, its tree, and the factors it reads in the order they first appear."""

    text: str
    tree: Node
    factors: tuple[str, ...] = field(default=())  # keys: reach, metric("X"), field("story_points")

    @property
    def percent(self) -> frozenset:
        """Factors the workbook keeps in percent cells; a percent cell holds the fraction the formula takes."""
        return frozenset({"confidence"} & set(self.factors))

    def terms(self) -> list[tuple[int, Node]]:
        """The top-level terms of a sum, each with its sign: `a - 2*b` is [(1, a), (-1, 2*b)]."""
        out: list[tuple[int, Node]] = []

        def walk(node: Node, sign: int) -> None:
            if node.kind in ("+", "-"):
                walk(node.args[0], sign)
                walk(node.args[1], sign if node.kind == "+" else -sign)
            elif node.kind == "neg":
                walk(node.args[0], -sign)
            else:
                out.append((sign, node))

        walk(self.tree, 1)
        return out

    def score(self, values) -> float:
        """The formula over plain numbers, factor key -> number (confidence as the fraction the formula takes);
        NaN where it gives none."""
        with _quiet():
            return float(evaluate(self.tree, _scalars({k: values.get(k) for k in self.factors}))[0][0])

    def spreadsheet(self, cells) -> str:
        """The formula as spreadsheet text over `cells` (factor key -> cell reference, or a number)."""
        return _excel(self.tree, cells)[0]


def factors_of(node: Node, out: list) -> list:
    if node.kind in ("factor", "metric", "field"):
        if node.key not in out:
            out.append(node.key)
    for arg in node.args:
        factors_of(arg, out)
    return out


@lru_cache(maxsize=64)
def parse(text: str) -> Formula:
    """Read a formula, or raise ValidationError saying what is wrong and where."""
    if not isinstance(text, str):
        raise ValidationError(f"A formula is text, such as {EXAMPLE}.")
    if len(text) > MAX_LENGTH:
        raise ValidationError(f"The formula is {len(text):,} characters long: at most {MAX_LENGTH} are read.")
    tree = _Parser(text).parse()
    return Formula(" ".join(text.split()), tree, tuple(factors_of(tree, [])))


def check_formula(text) -> str:
    """The formula as it is stored (spaces tidied), after reading it; '' for none."""
    if text is None or not str(text).strip():
        return ""
    return parse(str(text).strip()).text


# ---------------------------------------------------------------- evaluation over numpy columns

# Why an item got no score from the formula, by the code `evaluate` marks it with.
PROBLEMS = {1: "the formula divides by zero", 2: "the formula takes the log of zero or less",
            3: "the formula takes the square root of a negative number",
            4: "the formula raises a negative number to a fractional power",
            5: "the formula takes a log in a base of zero or less, or of 1"}


def _quiet():
    import numpy as np

    return np.errstate(all="ignore")


def _scalars(env: dict) -> dict:
    import numpy as np

    return {k: np.array([np.nan if v is None else float(v)], dtype=float) for k, v in env.items()}


def evaluate(node: Node, env: dict):
    """(values, problems): the formula over columns `env` (factor key -> float array); problems holds a
    PROBLEMS code per item (0: none), the first one met."""
    import numpy as np

    n = len(next(iter(env.values()))) if env else 1
    problems = np.zeros(n, dtype=np.int8)

    def mark(where, code: int) -> None:
        problems[where & (problems == 0)] = code

    def ev(node: Node):
        kind = node.kind
        if kind == "num":
            return np.full(n, float(node.value))
        if kind in ("factor", "metric", "field"):
            return env[node.key]
        args = [ev(a) for a in node.args]
        if kind == "neg":
            return -args[0]
        if kind == "+":
            return args[0] + args[1]
        if kind == "-":
            return args[0] - args[1]
        if kind == "*":
            return args[0] * args[1]
        if kind == "/":
            zero = args[1] == 0
            mark(zero & np.isfinite(args[0]), 1)
            return np.where(zero, np.nan, args[0] / np.where(zero, 1.0, args[1]))
        if kind == "^":
            a, b = args
            by_zero = (a == 0) & (b < 0)
            fractional = (a < 0) & (b != np.round(b))
            mark(by_zero, 1)
            mark(fractional, 4)
            return np.where(by_zero | fractional, np.nan, np.power(a, b))
        if kind == "min":
            return np.minimum.reduce(args)  # NaN anywhere stays NaN: a missing factor is never skipped
        if kind == "max":
            return np.maximum.reduce(args)
        if kind == "sqrt":
            bad = args[0] < 0
            mark(bad, 3)
            return np.where(bad, np.nan, np.sqrt(np.where(bad, 0.0, args[0])))
        if kind == "log":
            bad = args[0] <= 0
            mark(bad, 2)
            out = np.log(np.where(bad, 1.0, args[0]))
            if len(args) == 2:
                base_bad = (args[1] <= 0) | (args[1] == 1)
                mark(base_bad & ~bad, 5)
                bad = bad | base_bad
                out = out / np.log(np.where(base_bad, 2.0, args[1]))
            return np.where(bad, np.nan, out)
        raise AssertionError(kind)  # the parser makes no other node

    return ev(node), problems


# ---------------------------------------------------------------- the spreadsheet form

_EXCEL_FUNCTIONS = {"min": "MIN", "max": "MAX", "sqrt": "SQRT"}
_LEVEL = {"+": 0, "-": 0, "*": 1, "/": 1, "neg": 2, "^": 3}


def _excel(node: Node, cells) -> tuple[str, int]:
    """(text, level): 0 a sum, 1 a product, 2 a sign, 3 a power, 4 a cell, number or call."""
    kind = node.kind
    if kind == "num":
        return _number(float(node.value)), 4
    if kind in ("factor", "metric", "field"):
        cell = cells[node.key]
        if isinstance(cell, str):
            return cell, 4
        text = _number(float(cell))
        return (f"({text})", 4) if text.startswith("-") else (text, 4)
    parts = [_excel(a, cells) for a in node.args]
    if kind in _EXCEL_FUNCTIONS or kind == "log":
        inner = ",".join(text for text, _ in parts)
        name = _EXCEL_FUNCTIONS.get(kind) or ("LN" if len(parts) == 1 else "LOG")
        return f"{name}({inner})", 4
    level = _LEVEL[kind]
    if kind == "neg":
        (text, lv), = parts
        # A spreadsheet's minus sign binds before ^ (-A1^2 is (-A1)^2): anything but a cell goes in brackets.
        return f"-{text if lv == 4 else f'({text})'}", 2
    (left, ll), (right, rl) = parts
    if kind == "^":  # a spreadsheet's ^ groups from the left: brackets around anything but a cell
        left = left if ll == 4 else f"({left})"
        right = right if rl == 4 else f"({right})"
    else:
        left = left if ll >= level else f"({left})"
        right = right if rl > level else f"({right})"
    return f"{left}{kind}{right}", level


def _number(x: float) -> str:
    return str(int(x)) if x == int(x) and abs(x) < 1e15 else repr(x)


# ---------------------------------------------------------------- the score pass's hook

@dataclass
class Detail:
    """What the explanation of each item needs: the formula, its factors' columns and its terms' values."""

    formula: Formula | None
    ids: object  # np.ndarray of item ids, sorted
    env: dict  # factor key -> float array
    terms: list  # [(sign, node, values array)]
    metric_periods: dict  # metric name -> its latest period
    problem: str | None = None  # a reason every item shares (no formula yet, a metric that does not exist)

    def at(self, item_id: int) -> int | None:
        import numpy as np

        i = int(np.searchsorted(self.ids, item_id))
        return i if i < len(self.ids) and self.ids[i] == item_id else None


def score_columns(ws, params: dict, *, ids, cols: dict, reach, value, demand, modes, metric_names,
                  out_of_range: dict) -> tuple:
    """(scores, reasons, detail) of the workspace's formula (`params["formula"]`) for every item.

    `cols` are the score pass's estimate columns (confidence in percent), `reach` and `value` its
    reach and value, `demand` its per-item demand (indexed by id). Reasons follow
    `explain.unscored_reasons`: None where the item is scored.
    """
    import numpy as np

    n = len(ids)
    text = (params.get("formula") or "").strip()
    if not text:
        detail = Detail(None, ids, {}, [], {}, "no formula is written yet: write one in Scoring Settings, "
                                               "or give --formula")
        return np.full(n, np.nan), [detail.problem] * n, detail
    formula = parse(text)
    env, notes, periods = _columns(ws, params, formula, ids=ids, cols=cols, reach=reach, value=value,
                                              demand=demand)
    with _quiet():
        scores, problems = evaluate(formula.tree, env) if n else (np.zeros(0), np.zeros(0, dtype=np.int8))
        terms = [(sign, node, evaluate(node, env)[0] * sign) for sign, node in formula.terms()] if n else []
    scores = np.where(np.isfinite(scores), scores, np.nan)
    problem = "; ".join(v for v in notes.values() if v.startswith("there is no")) or None
    reasons = _reasons(formula, env, scores, problems, notes, modes=modes, metric_names=metric_names,
                       out_of_range=out_of_range)
    return scores, reasons, Detail(formula, ids, env, terms, periods, problem)


def ranked_apart(detail: Detail, reach_apart, value_apart):
    """Per item, whether its score mixes units: the formula reads a reach not in the ranking's unit, or a value
    from such demand. Those items are ranked after the others, as RICE and value/effort rank them."""
    import numpy as np

    used = set(detail.formula.factors) if detail.formula is not None else set()
    out = np.zeros(len(reach_apart), dtype=bool)
    if "reach" in used:
        out |= reach_apart
    if "value" in used:
        out |= value_apart
    return out


def _columns(ws, params, formula: Formula, *, ids, cols, reach, value, demand):
    """(env, notes, metric periods): each factor's column over the items; notes say why a metric gives none."""
    import numpy as np

    n = len(ids)
    base = {"reach": reach, "value": value, "confidence": cols["confidence"] / 100.0,
            "requests": demand.requests[ids].astype(float), "companies": demand.companies[ids].astype(float),
            "mrr": demand.mrr[ids].astype(float)}
    env, notes, periods = {}, {}, {}
    needed_fields = [k for k in formula.factors if k.startswith("field(")]
    fields = _field_values(ws, ids, [k[7:-2] for k in needed_fields]) if needed_fields else {}
    metrics = _metric_values(ws, params) if any(k.startswith("metric(") for k in formula.factors) else {}
    for key in formula.factors:
        if key.startswith("metric("):
            name = key[8:-2]
            found = metrics.get(name.casefold())
            if found is None:
                notes[key] = f"there is no metric “{name}”"
                env[key] = np.full(n, np.nan)
            else:
                period, latest = found
                periods[name] = period
                notes[key] = f"metric “{name}” has no value yet"
                env[key] = np.full(n, np.nan if latest is None else float(latest))
        elif key.startswith("field("):
            env[key] = fields[key[7:-2]]
        else:
            column = FACTORS[key][0]
            env[key] = base[column] if column in base else cols[column]
    return env, notes, periods


def _metric_values(ws, params) -> dict:
    """casefolded metric name -> (period, latest value) or (None, None) for a metric with no value yet."""
    from planner.storage import demand as store

    latest = store.metric_latest(ws, params.get("segment"))
    out = {}
    for m in store.list_metrics(ws):
        out[str(m["name"]).casefold()] = latest.get(m["id"], (None, None))
    return out


def _field_values(ws, ids, names: list[str]) -> dict:
    """field name -> float array over `ids` (NaN where the item has no such number)."""
    import numpy as np

    from planner.storage import formula_queries

    out = {}
    for name in names:
        column = np.full(len(ids), np.nan)
        found = formula_queries.item_field_values(ws, fold_field(name))
        if found:
            item_ids = np.array([i for i, _ in found], dtype=np.int64)
            numbers = np.array([_as_number(v) for _, v in found], dtype=float)
            at = np.searchsorted(ids, item_ids)
            ok = (at < len(ids)) & (ids[np.minimum(at, len(ids) - 1)] == item_ids) if len(ids) else at < 0
            column[at[ok]] = numbers[ok]
        out[name] = column
    return out


def fold_field(name: str) -> str:
    """'Story points', 'story_points' and 'story-points' are one field (as formula_queries compares them)."""
    return str(name).strip().lower().replace(" ", "_").replace("-", "_")


def _as_number(v) -> float | None:
    if isinstance(v, bool) or v is None:
        return None
    if isinstance(v, (int, float)):
        return float(v) if math.isfinite(v) else None
    try:
        x = float(str(v).replace(",", "").strip())
    except ValueError:
        return None
    return x if math.isfinite(x) else None


_COLUMN_OF = {name: column for name, (column, _) in FACTORS.items()}


def _reasons(formula: Formula, env: dict, scores, problems, notes: dict, *, modes, metric_names,
             out_of_range: dict) -> list:
    import numpy as np

    n = len(scores)
    out: list = [None] * n
    bad = np.flatnonzero(~np.isfinite(scores))
    if not len(bad):
        return out
    missing = {k: ~np.isfinite(env[k]) for k in formula.factors}
    for i in bad.tolist():
        words = []
        for key in formula.factors:
            if missing[key][i]:
                words.append(notes.get(key) or _missing_words(key, i, modes=modes, metric_names=metric_names,
                                                              out_of_range=out_of_range))
        if not words and problems[i]:
            words.append(PROBLEMS[int(problems[i])])
        if not words:
            words.append("the numbers are too large to give a score")
        out[i] = ", ".join(dict.fromkeys(words))
    return out


def _missing_words(key: str, i: int, *, modes, metric_names, out_of_range: dict) -> str:
    if key.startswith("field("):
        return f"{key} missing (the item has no such number)"
    column = _COLUMN_OF[key]
    for name in ((column, "metric_share") if column == "reach" else (column,)):
        if name in out_of_range and out_of_range[name][0][i]:
            text = out_of_range[name][1]
            return text if isinstance(text, str) else text[i]
    if column == "reach":
        if modes[i] == "metric":
            return f"reach missing (metric {metric_names[i]} has no value)" if metric_names[i] else "reach missing (no metric chosen)"
        if modes[i] == "manual":
            return "reach missing (no number typed)"
    return f"{key} missing"

