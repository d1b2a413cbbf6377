"""Company commands: list companies and segments, correct a company, merge companies, rename a segment."""

from __future__ import annotations

from planner import ops
from planner.money import format_money
from planner.cli import positive_id
from planner.cli.output import emit, emit_rows, plural, printable
from planner.errors import ValidationError

# company-set's options and the fields they set.
SET_OPTIONS = (("name", "name"), ("segment", "segment"), ("plan", "plan"), ("mrr", "mrr"), ("arr", "arr"),
               ("renewal", "renewal_date"), ("owner", "owner"), ("domain", "domain"))


def _money(value, currency: str = "USD") -> str:
    return format_money(value, currency, trim=True)


def company_line(company: dict, currency: str = "USD") -> str:
    """“company 7: Acme (Enterprise, plan Scale, MRR 5,000, ARR 60,000, renews 2027-03-31, owner Sales East)”."""
    parts = [printable(company["segment"])] if company.get("segment") else []
    if company.get("plan"):
        parts.append(f"plan {printable(company['plan'])}")
    if company.get("mrr") is not None:
        parts.append(f"MRR {_money(company['mrr'], currency)}")
    if company.get("arr") is not None:
        parts.append(f"ARR {_money(company['arr'], currency)}")
    if company.get("renewal_date"):
        parts.append(f"renews {company['renewal_date']}")
    if company.get("owner"):
        parts.append(f"owner {printable(company['owner'])}")
    details = f" ({', '.join(parts)})" if parts else ""
    return f"company {company['id']}: {printable(company['name'])}{details}"


def cmd_companies(args, ws):
    rows = ops.list_companies(ws)
    if not getattr(args, "json", False):  # the table shows money in the workspace's currency; JSON keeps numbers
        currency = ops.workspace_settings(ws)["currency"]
        rows = [dict(r, mrr=None if r["mrr"] is None else format_money(r["mrr"], currency, trim=True)) for r in rows]
    return emit_rows(args, rows, ["id", "name", "segment", "plan", "mrr", "requests"])


def cmd_company_set(args, ws):
    fields = {field: getattr(args, option) for option, field in SET_OPTIONS if getattr(args, option) is not None}
    if not fields:
        raise ValidationError("Say what to change: --name, --segment, --plan, --mrr, --arr, --renewal, --owner "
                              "or --domain (an empty value clears it).")
    done = ops.edit_company(ws, args.company_id, **fields)
    line = ("Changed " if done.changed else "Nothing to change: ") + company_line(done.value, ops.workspace_settings(ws)['currency']) + "."
    return emit(args, done.value, line)


def cmd_company_merge(args, ws):
    done = ops.merge_companies(ws, args.keep_id, args.other_ids)
    value = done.value
    names = ", ".join(printable(n) for n in value["merged"])
    return emit(args, value, f"Merged {names} into {company_line(value['company'], ops.workspace_settings(ws)['currency'])}; "
                             f"{plural(value['requests_moved'], 'request')} moved.")


def cmd_segments(args, ws):
    return emit_rows(args, ops.list_segments(ws), ["segment", "companies"])


def cmd_segment_rename(args, ws):
    old, new = " ".join(args.old.split()), " ".join(args.new.split())
    merged = any(s["segment"] == new for s in ops.list_segments(ws)) and old != new
    done = ops.rename_segment(ws, args.old, args.new)
    data = {"old": old, "new": new, "companies": done.value, "merged": merged}
    verb = f"Merged segment {printable(old)} into" if merged else f"Renamed segment {printable(old)} to"
    return emit(args, data, f"{verb} {printable(new)}: {plural(done.value, 'company', 'companies')} changed.")


def register(sub) -> None:
    p = sub.add_parser("companies", help="list companies")
    p.add_argument("--json", action="store_true", help="every field of every company, as one JSON document")
    p.set_defaults(func=cmd_companies)

    p = sub.add_parser("company-set", help="correct a company's name, segment, plan, MRR or ARR, renewal date or owner")
    p.add_argument("company_id", type=positive_id)
    p.add_argument("--name", help="a new name (one another company has is refused: merge them instead)")
    p.add_argument("--segment", help="e.g. Enterprise; empty to clear")
    p.add_argument("--plan")
    p.add_argument("--mrr", metavar="N", help="monthly revenue; ARR follows (x 12)")
    p.add_argument("--arr", metavar="N", help="annual revenue; MRR follows (/ 12)")
    p.add_argument("--renewal", metavar="DATE", help="renewal date, e.g. 2027-03-31; empty to clear")
    p.add_argument("--owner", help="the account owner")
    p.add_argument("--domain", help="e-mail domain, e.g. acme.com")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_company_set)

    p = sub.add_parser("company-merge", help="merge companies into one: requests move to KEEP_ID, the others are deleted")
    p.add_argument("keep_id", type=positive_id, metavar="KEEP_ID")
    p.add_argument("other_ids", type=positive_id, nargs="+", metavar="OTHER_ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_company_merge)

    p = sub.add_parser("segments", help="list the companies' segments with how many companies each has")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_segments)

    p = sub.add_parser("segment-rename", help="rename a segment on every company; an existing NEW merges the two")
    p.add_argument("old", metavar="OLD")
    p.add_argument("new", metavar="NEW")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_segment_rename)
