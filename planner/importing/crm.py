"""Companies from a CRM export (a Salesforce accounts report, a HubSpot companies export) or any sheet.

`preview_companies` reads a file and says how it would be read; `import_companies`
writes it as one batch, all or nothing. A row finds its company by the CRM's id,
then by normalised name (`planner.text.name_key`: width and case do not count),
then by web domain, and last by the name without its legal form (“Acme, Inc.” is
the “Acme” the requests brought in, where one company has that name); a company found is updated with the fields the file maps and
has a value for (an empty cell never erases, and the name a workspace knows a
company by is kept), one not found is added. The same file again changes nothing.

A bad optional cell (a price that is not a number, a date that is not a date)
leaves that field out of the row and says so in a warning; a row without a
name is not imported and is listed in `errors` with its row number as the
sheet shows it.
"""

from __future__ import annotations

import hashlib
import math
import re
from datetime import date, datetime
from pathlib import Path

from planner.errors import ImportFailed, check_progress
from planner.importing.companies import FREE_MAIL
from planner.importing.mapping import header_key
from planner.importing.table import Percent, Table, cell_text, read_table
from planner.importing.values import DateReader, ValueProblem, nfkc, parse_money
from planner.storage import company_import_store as store
from planner.text import clean_name, company_base_key, name_key, now_iso

FIELDS = ("name", "domain", "segment", "plan", "mrr", "arr", "renewal_date", "owner", "external_id")
SETTING = "import.companies.mapping"  # the mapping a user corrected, applied to the next file
LABELS = {"name": "name", "domain": "domain", "segment": "segment", "plan": "plan", "mrr": "MRR", "arr": "ARR",
          "renewal_date": "renewal date", "owner": "owner", "external_id": "CRM id"}

# Order matters inside a list: the first header found wins.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("account name", "company name", "company", "name", "organization", "organisation",
             "取引先名", "会社名", "企業名", "顧客名", "法人名"),
    "domain": ("website", "company domain name", "domain", "website url", "webサイト", "ウェブサイト", "ドメイン"),
    # Not `Industry`: what a company does is not how big a customer it is.
    "segment": ("segment", "type", "account type", "tier", "customer tier", "区分", "セグメント", "顧客区分",
                "企業規模", "規模"),
    "plan": ("plan", "edition", "subscription", "product", "プラン", "契約プラン", "エディション"),
    "mrr": ("mrr", "monthly recurring revenue", "月額", "月額料金"),
    "arr": ("arr", "annual recurring revenue", "amount", "年額", "契約金額", "年間契約額"),
    "renewal_date": ("renewal date", "contract end date", "更新日", "契約更新日", "契約終了日"),
    "owner": ("account owner", "company owner", "owner", "担当者", "担当営業", "営業担当"),
    "external_id": ("account id", "record id", "company id", "取引先id"),
}
# Salesforce's and HubSpot's `Annual Revenue` is what the company earns, not what it pays: ARR only for want of better.
ANNUAL_REVENUE = "annual revenue"

_KEYS = {f: tuple(header_key(s) for s in names) for f, names in SYNONYMS.items()}
_KNOWN = {k for keys in _KEYS.values() for k in keys} | {ANNUAL_REVENUE}
# A currency after a column name (`月額(円)`, `MRR (JPY)`) says nothing about the column; a unit does.
_CURRENCY_NOTE = re.compile(r"\s*\((?:円|jpy|usd|eur|gbp|¥|\$|€|£)\)$")
_UNIT_NOTE = re.compile(r"\s*\((千円|万円|百万円)\)$")
_UNITS = {"千円": 1e3, "万円": 1e4, "百万円": 1e6}
_SHOWN_PER_COLUMN = 5  # bad cells named one by one in each column; the rest are counted
MAX_ERRORS = 200


def _column_key(header) -> tuple[str, float]:
    """The key a column name is recognised by, and the factor its amounts are in (1,000 for `月額(千円)`)."""
    key = header_key(str(header or ""))
    unit = _UNIT_NOTE.search(key)
    if unit:
        return key[:unit.start()], _UNITS[unit.group(1)]
    return _CURRENCY_NOTE.sub("", key), 1.0


def header_hits(header) -> int:
    """How many cells of `header` are column names of a companies file (to tell what a file holds)."""
    return sum(1 for h in header if h is not None and str(h).strip() and _column_key(h)[0] in _KNOWN)


# ---------------------------------------------------------------- mapping

def _find(header: list[str], column: str) -> str | None:
    if column in header:
        return column
    key = header_key(column)
    return next((h for h in header if h.strip() and header_key(h) == key), None)


def _automatic(header: list[str]) -> dict[str, str]:
    keys = [_column_key(h)[0] if h.strip() else "" for h in header]
    used: set[str] = set()
    mapping: dict[str, str] = {}
    for fld in FIELDS:
        for synonym in _KEYS[fld]:
            hit = next((header[i] for i, k in enumerate(keys) if k == synonym and header[i] not in used), None)
            if hit is not None:
                mapping[fld] = hit
                used.add(hit)
                break
    if "mrr" not in mapping and "arr" not in mapping:
        revenue = next((header[i] for i, k in enumerate(keys) if k == ANNUAL_REVENUE and header[i] not in used), None)
        if revenue is not None:
            mapping["arr"] = revenue
    return mapping


def _revenue_warning(mapping: dict) -> list[str]:
    column = mapping.get("arr")
    if column is None or _column_key(column)[0] != ANNUAL_REVENUE:
        return []
    return [f"ARR is read from “{column}”: in a CRM that is usually the company's own revenue, not what it pays you. "
            "If so, leave ARR out (--map arr=) or map the column of what it pays (--map arr=COLUMN)."]


def choose_mapping(table: Table, *, mapping: dict | None = None, remembered: dict | None = None) -> tuple[dict, list[str]]:
    """Which column feeds which field: found by name, then the remembered mapping, then the one given.

    A field given an empty column is left out. Raises `ImportFailed` when a given
    field or column does not exist, or when no column can be the company name.
    """
    header, name = table.header, table.path.name
    final, warnings = _automatic(header), []
    for given, origin in ((remembered or {}, "remembered"), (mapping or {}, "given")):
        for fld, column in given.items():
            if fld not in FIELDS:
                raise ImportFailed(f"There is no company field {fld!r}.", hint=f"Fields: {', '.join(FIELDS)}.")
            if column is None or str(column).strip() == "":
                final.pop(fld, None)
                continue
            hit = _find(header, str(column))
            if hit is None:
                if origin == "remembered":
                    warnings.append(f"The remembered column “{column}” for {LABELS[fld]} is not in this file.")
                    continue
                shown = ", ".join(h for h in header if h.strip())[:300]
                raise ImportFailed(f"{name}: there is no column {column!r} to map to {fld}.", hint=f"Columns: {shown}.")
            for other, col in list(final.items()):
                if col == hit and other != fld:
                    final.pop(other)
            final[fld] = hit
    if "name" not in final:
        shown = ", ".join(h for h in header if h.strip())[:200]
        raise ImportFailed(
            f"{name}: no column can be the company name (expected one like Account Name, Company name, 取引先名 or 会社名; "
            f"columns: {shown}).",
            hint="Name it with --map name=COLUMN.",
        )
    if "arr" not in (remembered or {}) and "arr" not in (mapping or {}):  # a user's own choice needs no warning
        if "mrr" in final and _revenue_warning(final):
            final.pop("arr")  # the fallback gives way once MRR has a column of its own
        warnings += _revenue_warning(final)
    return {f: final[f] for f in FIELDS if f in final}, warnings


# ---------------------------------------------------------------- values

def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def web_domain(value) -> str | None:
    """`https://www.acme.co.jp/about` -> `acme.co.jp`; an e-mail address gives its domain. ValueProblem if none."""
    text = nfkc(cell_text(value)).lower()
    if not text:
        return None
    text = text.rsplit("@", 1)[-1]
    text = re.sub(r"^[a-z][a-z0-9+.\-]*://", "", text)
    text = re.split(r"[/?#]", text, maxsplit=1)[0]
    text = re.sub(r":\d+$", "", text).strip(".")
    text = text.removeprefix("www.")
    labels = text.split(".")
    if len(labels) < 2 or any(not label or not re.fullmatch(r"[\w\-]+", label) for label in labels):
        raise ValueProblem(f"{cell_text(value)!r} is not a web address or domain (like acme.co.jp)")
    if text in FREE_MAIL:
        raise ValueProblem(f"{text} is a free e-mail service, not the company's own domain")
    return text


def _money(value, factor: float) -> float | None:
    from planner.ops.companies import MONEY_MAX

    if isinstance(value, bool) or isinstance(value, Percent):
        raise ValueProblem(f"{cell_text(value)!r} is not a sum of money")
    if isinstance(value, (int, float)):
        amount = float(value)
        if not math.isfinite(amount) or amount < 0:
            raise ValueProblem(f"{cell_text(value)!r} is not a sum of money of 0 or more")
    elif isinstance(value, (date, datetime)):
        raise ValueProblem(f"{cell_text(value)!r} is a date, not a sum of money")
    else:
        amount = parse_money(str(value))
        if amount is None:
            return None
    amount *= factor
    if amount > MONEY_MAX:
        raise ValueProblem(f"{cell_text(value)!r} is more than {MONEY_MAX:,.0f}")
    return amount


def _day(value, dates: DateReader) -> str | None:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        raise ValueProblem(f"{cell_text(value)!r} is a number, not a date (format the column as dates)")
    parsed = dates(str(value))
    return parsed[:10] if parsed else None


class _Reader:
    """Turns the rows of a table into company values, noting bad cells column by column."""

    def __init__(self, table: Table, mapping: dict[str, str]):
        self.table, self.mapping = table, mapping
        self.index = {f: table.column(c) for f, c in mapping.items() if f != "name"}  # the name is read apart
        self.factor = {f: _column_key(c)[1] for f, c in mapping.items()}
        self.dates = DateReader()
        if "renewal_date" in self.index:
            i = self.index["renewal_date"]
            self.dates.decide([r[i] for r in table.rows if isinstance(r[i], str)])
        self.bad: dict[str, list[tuple[int, str]]] = {}  # column -> [(row number, message)]

    def values(self, row: list, number: int) -> dict:
        """The fields a row has a value for (MRR and ARR completed from each other); bad cells left out."""
        out: dict = {}
        for fld, i in self.index.items():
            value = row[i]
            if _blank(value):
                continue
            try:
                if fld in ("mrr", "arr"):
                    value = _money(value, self.factor[fld])
                elif fld == "renewal_date":
                    value = _day(value, self.dates)
                elif fld == "domain":
                    value = web_domain(value)
                else:
                    value = clean_name(cell_text(value)) or None
            except ValueProblem as problem:
                self.bad.setdefault(self.mapping[fld], []).append((number, f"{problem}; {LABELS[fld]} was not imported"))
                continue
            if value is not None:
                out[fld] = value
        if "arr" in out and "mrr" not in out:
            out["mrr"] = out["arr"] / 12  # as ops.upsert_company does
        elif "mrr" in out and "arr" not in out:
            out["arr"] = out["mrr"] * 12  # as a correction in the Companies view does
        return out

    def warnings(self) -> list[str]:
        out = []
        for fld, column in self.mapping.items():
            factor = self.factor[fld]
            if fld in ("mrr", "arr") and factor != 1:
                out.append(f"Amounts in “{column}” were multiplied by {factor:,.0f}, as its name says.")
        for column, bad in self.bad.items():
            for number, message in bad[:_SHOWN_PER_COLUMN]:
                out.append(f"Row {number}, {column}: {message}.")
            if len(bad) > _SHOWN_PER_COLUMN:
                out.append(f"… and {len(bad) - _SHOWN_PER_COLUMN:,} more cells of “{column}” could not be read; "
                           "those fields were not imported.")
        if self.dates.assumed_order:
            out.append(f"Dates like 3/4/2027 in “{self.mapping['renewal_date']}” could be read either way; "
                       "they were read month first.")
        return out


# ---------------------------------------------------------------- matching

class _New:
    """A company the file adds (its row number, for messages)."""

    def __init__(self, name: str, key: str, row: int):
        self.name, self.key, self.row = name, key, row


class _Plan:
    """What the file does to the workspace's companies, decided before anything is written."""

    def __init__(self, existing: list[dict]):
        self.existing = {c["id"]: c for c in existing}
        self.by_key = {c["name_key"]: c["id"] for c in existing}
        self.by_ext: dict = {}
        self.by_domain: dict = {}
        for c in existing:
            if c["external_id"]:
                self.by_ext.setdefault(c["external_id"], c["id"])
            if c["domain"]:
                self.by_domain.setdefault(c["domain"].lower(), c["id"])
        # Last resort: the name without its legal form ("Acme Inc." is the "Acme" of the requests),
        # only where that names one company.
        self.by_base: dict = {}
        for c in existing:
            base = company_base_key(c["name"])
            if base:
                self.by_base[base] = c["id"] if self.by_base.get(base, c["id"]) == c["id"] else None
        self.segments_before = {clean_name(c["segment"]) for c in existing if c["segment"]}
        self.values: dict = {}  # target (company id or _New) -> merged values, in the file's order
        self.first_row: dict = {}
        self.duplicates = 0
        self.warnings: list[str] = []

    def _said(self, target) -> str:
        if isinstance(target, _New):
            return f"the company of row {target.row} (“{target.name}”)"
        return f"company {target} “{self.existing[target]['name']}”"

    def add(self, number: int, name: str, values: dict) -> None:
        key = name_key(name)
        ext, domain = values.get("external_id"), values.get("domain")
        hits = [(why, index.get(v)) for why, index, v in (("its CRM id", self.by_ext, ext), ("its name", self.by_key, key),
                                                          ("its domain", self.by_domain, domain)) if v]
        found = [(why, t) for why, t in hits if t is not None]
        base = company_base_key(name)
        if not found and base and self.by_base.get(base) is not None:
            found = [("its name without the legal form", self.by_base[base])]
            self.warnings.append(f"Row {number}: “{name}” was taken as {self._said(found[0][1])}, the same name "
                                 "without its legal form; if they are two customers, correct the name in the file.")
        if found:
            why, target = found[0]
            others = [(w, t) for w, t in found[1:] if t != target]
            if others:
                w, other = others[0]
                self.warnings.append(
                    f"Row {number}: “{name}” is {self._said(target)} by {why} but {self._said(other)} by {w}; "
                    f"the first was updated. If they are one customer, merge them in the Companies view.")
        else:
            target = _New(name, key, number)
            self.by_key[key] = target
        if ext:
            self.by_ext.setdefault(ext, target)
        if domain:
            self.by_domain.setdefault(domain, target)
        if target in self.values:
            self.duplicates += 1
            self.warnings.append(
                f"Row {number} names the same company as row {self.first_row[target]} (“{name}”): "
                "the two were taken as one, the later row's value where both have one.")
            self.values[target].update(values)
        else:
            self.first_row[target] = number
            self.values[target] = dict(values)

    def outcome(self) -> tuple[list[dict], list[tuple[int, dict]], int]:
        """(companies to add, [(id, changed columns)] to update, how many are unchanged)."""
        added, changed, unchanged = [], [], 0
        for target, values in self.values.items():
            if isinstance(target, _New):
                added.append(dict(values, name=target.name, name_key=target.key))
                continue
            stored = self.existing[target]
            diff = {f: v for f, v in values.items() if not _same(stored.get(f), v)}
            if diff:
                changed.append((target, diff))
            else:
                unchanged += 1
        return added, changed, unchanged

    def segments_new(self) -> list[str]:
        """Segments no company had before that the file gives a company, in the file's order."""
        out: list[str] = []
        for values in self.values.values():
            segment = values.get("segment")
            if segment and segment not in self.segments_before and segment not in out:
                out.append(segment)
        return out


def _same(stored, value) -> bool:
    if isinstance(value, float) and isinstance(stored, (int, float)):
        return math.isclose(stored, value, rel_tol=1e-12, abs_tol=1e-9)
    return stored == value


# ---------------------------------------------------------------- the two ways in

def _remembered(ws) -> dict | None:
    if ws is None:
        return None
    from planner.storage.queries import get_setting

    stored = get_setting(ws, SETTING)
    return stored if isinstance(stored, dict) else None


def _remember(ws, mapping: dict) -> None:
    from planner.storage.queries import set_setting

    merged = dict(_remembered(ws) or {})
    merged.update(mapping)
    set_setting(ws, SETTING, merged)


def _read(path, *, sheet, mapping, encoding, ws) -> tuple[Table, dict, list[str]]:
    table = read_table(path, sheet=sheet, encoding=encoding, known=header_hits)
    chosen, warnings = choose_mapping(table, mapping=mapping, remembered=_remembered(ws))
    return table, chosen, list(table.warnings) + warnings


def _origin(header: list[str]) -> str:
    """Which CRM a file looks exported from, for the list of imports."""
    keys = {header_key(h) for h in header}
    if keys & {"account id", "account name", "account owner"}:
        return "salesforce"
    if keys & {"record id", "company domain name", "company owner"}:
        return "hubspot"
    return "sheet"


def _convert(table: Table, mapping: dict, progress=None):
    """(reader, [(row number, name, values)], errors) for every row of the table."""
    reader = _Reader(table, mapping)
    rows, errors = [], []
    name_at = table.column(mapping["name"])
    total = len(table.rows)
    for n, (row, number) in enumerate(zip(table.rows, table.row_numbers)):
        if n % 500 == 0:
            check_progress(progress, n, total, f"Reading {table.path.name}")
        name = clean_name(cell_text(row[name_at]))
        if not name:
            errors.append({"row": number, "column": mapping["name"],
                           "message": f"The company name is empty, so the row was not imported; fill in "
                                      f"“{mapping['name']}” or delete the row."})
            continue
        rows.append((number, name, reader.values(row, number)))
    return reader, rows, errors


def preview_companies(path, *, sheet=None, mapping=None, encoding=None, rows=20, ws=None) -> dict:
    """How a file of companies would be read: mapping, columns and its first rows as field values. Writes nothing.

    `ws`, when given, lets the remembered mapping apply.
    """
    table, chosen, warnings = _read(path, sheet=sheet, mapping=mapping, encoding=encoding, ws=ws)
    reader, converted, errors = _convert(table, chosen)
    shown = []
    for _number, name, values in converted[: max(0, int(rows))]:
        shown.append({f: (name if f == "name" else values.get(f)) for f in FIELDS if f in chosen or f in values})
    return {
        "file": str(path), "sheet": table.sheet, "sheets": table.sheets, "encoding": table.encoding,
        "mapping": chosen, "columns": [h for h in table.header], "rows": shown, "rows_read": len(table.rows),
        "errors": errors[:MAX_ERRORS], "warnings": warnings + reader.warnings(), "fields": list(FIELDS),
    }


def import_companies(ws, path, *, sheet=None, mapping=None, encoding=None, dry_run=False, progress=None) -> dict:
    """Import a file of companies as one batch, all or nothing; returns the report.

    The report: batch_id (None for a dry run), file, sheet, mapping, rows_read, new,
    updated, unchanged, duplicates (rows naming a company an earlier row named),
    failed, errors, warnings and segments_new (segments no company had before).
    A mapping given is remembered for the next file (not by a dry run).
    """
    path = Path(path)
    check_progress(progress, 0, None, f"Reading {path.name}")
    table, chosen, warnings = _read(path, sheet=sheet, mapping=mapping, encoding=encoding, ws=ws)
    reader, converted, errors = _convert(table, chosen, progress)

    def decide() -> tuple[dict, list, list]:
        plan = _Plan(store.companies(ws.db))
        for number, name, values in converted:
            plan.add(number, name, values)
        added, changed, unchanged = plan.outcome()
        report = {
            "batch_id": None, "file": str(path), "sheet": table.sheet, "encoding": table.encoding,
            "source": _origin(table.header), "mapping": chosen, "rows_read": len(table.rows), "new": len(added),
            "updated": len(changed), "unchanged": unchanged, "duplicates": plan.duplicates, "failed": len(errors),
            "errors": errors[:MAX_ERRORS], "warnings": warnings + reader.warnings() + plan.warnings,
            "segments_new": plan.segments_new(), "dry_run": bool(dry_run),
        }
        return report, added, changed

    if dry_run:  # read only: no write lock taken
        return decide()[0]
    with ws.db.atomic():  # decided inside the transaction, so no other writer slips in between
        report, added, changed = decide()
        check_progress(progress, len(table.rows), len(table.rows), f"Saving the companies of {path.name}")
        stamp = now_iso()
        batch_id = store.begin_batch(
            ws.db, file_name=path.name, sha256=_sha256(path), source=report["source"], sheet=table.sheet,
            encoding=table.encoding, delimiter=table.delimiter, mapping=chosen, created_at=stamp)
        store.add_companies(ws.db, added, batch_id=batch_id, created_at=stamp)
        store.update_companies(ws.db, changed)
        report["batch_id"] = batch_id
        store.finish_batch(ws.db, batch_id, report)
        if mapping:
            _remember(ws, mapping)
    return report


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
