"""Turning chunks of cells into request values, a column at a time: text, ids, dates, money, counts and titles.

Per-cell Python is kept to the values pandas cannot read in bulk, through
per-value caches; a cell that cannot be read becomes a row error, not a guess.
"""

from __future__ import annotations

from planner.importing.plan import Plan
from planner.importing.values import DateReader, ValueProblem, parse_count, parse_money

MAX_ERRORS = 1000
TEXT_FIELDS = ("title", "body", "requester", "email", "company", "segment", "plan", "importance", "status", "url", "tags")


_ISO = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?"


def _iso_text(s):
    """ISO 8601 text in the form `DateReader` writes, without a Python call per value."""
    s = s.str.replace(r"^(\d{4}-\d{2}-\d{2})[ T]", r"\1T", regex=True)
    s = s.str.replace(r"(T\d{2}:\d{2}:\d{2})\.\d+", r"\1", regex=True)
    s = s.str.replace(r"(T\d{2}:\d{2})($|[Z+-])", r"\1:00\2", regex=True)
    s = s.str.replace(r"Z$", "+00:00", regex=True)
    s = s.str.replace(r"([+-]\d{2})(\d{2})$", r"\1:\2", regex=True)
    return s.str.replace(r"(T\d{2}:\d{2}:\d{2}[+-]\d{2})$", r"\1:00", regex=True)


class Converter:
    """Turns chunks of cells into request values, a column at a time, collecting row errors."""

    def __init__(self, plan: Plan):
        self.plan = plan
        self.dates = DateReader()
        created = plan.columns.get("created_at")
        if created:
            self.dates.decide(r[created[0]] for r in plan.shape.sample)
        self.errors: list[dict] = []
        self._failed_rows: set[int] = set()
        self.error_count = 0
        self.rounded_ids = 0
        self.header = plan.shape.header
        self._caches: dict[str, dict] = {"mrr": {}, "arr": {}, "votes": {}}

    @property
    def failed(self) -> int:
        """Rows that could not be read: one row with two bad cells is one failed row."""
        return len(self._failed_rows)

    def decide_dates(self, df) -> None:
        """Day/month order from a whole chunk's dates: more evidence than the sample's 200 rows."""
        created = self.plan.columns.get("created_at")
        if created:
            self.dates.decide(df[created[0]].tolist())

    def date_warnings(self) -> list[str]:
        if self.dates.assumed_order:
            return ["Dates like 3/12/2024 could be read either way; they were read month first."]
        return []

    def error(self, row: int, column: str | None, message: str) -> None:
        self._failed_rows.add(int(row))
        self.error_count += 1
        if len(self.errors) < MAX_ERRORS:
            self.errors.append({"row": int(row), "column": column, "message": message})

    def _text(self, df, fld):
        idx = self.plan.columns.get(fld)
        if not idx:
            return None
        out = df[idx[0]].str.strip()
        for i in idx[1:]:
            nxt = df[i].str.strip()
            out = out.where(nxt == "", out.where(out == "", out + ", ") + nxt)
        if fld == "body":
            # Excel writes CRLF inside quoted cells; one kind of line break is easier on everything downstream.
            out = out.str.replace("\r\n", "\n", regex=False)
        return out

    def _parsed(self, df, fld, parse, rows, bad):
        """Parse a column through a per-value cache; failures mark `bad` and become row errors."""
        idx = self.plan.columns.get(fld)
        if not idx:
            return None
        cells = df[idx[0]]
        stripped = cells.str.strip()
        result = [None] * len(cells)
        todo = stripped != ""
        if fld == "created_at":
            import pandas as pd

            iso = todo & stripped.str.fullmatch(_ISO)
            if iso.any():
                checked = pd.to_datetime(stripped[iso], format="ISO8601", errors="coerce", utc=True)
                ok = iso.copy()
                ok[iso] = checked.notna().to_numpy()
                if ok.any():
                    positions = ok.to_numpy().nonzero()[0]
                    for pos, text in zip(positions, _iso_text(stripped[ok]).tolist()):
                        result[pos] = text
                    todo = todo & ~ok
            cache: dict = {}
        else:
            cache = self._caches[fld]
        column = self.header[idx[0]]
        texts = stripped.tolist()
        for pos in todo.to_numpy().nonzero()[0]:
            text = texts[pos]
            hit = cache.get(text, cache)
            if hit is cache:
                try:
                    hit = parse(text)
                except ValueProblem as exc:
                    hit = exc
                if len(cache) < 200_000:
                    cache[text] = hit
            if isinstance(hit, ValueProblem):
                bad[pos] = True
                self.error(rows[pos], column, str(hit) + ".")
            else:
                result[pos] = hit
        return result

    def convert(self, df, rows):
        """Values for the non-blank, readable records of `df`.

        `rows` are the spreadsheet row numbers of the records. Returns (values,
        keep): `values` maps each field to a Series or list aligned with `df`,
        `keep` marks the rows to write.
        """
        import numpy as np
        import pandas as pd

        n = len(df)
        filled = np.zeros(n, dtype=bool)
        for c in df.columns:
            filled |= (df[c].str.strip() != "").to_numpy()
        self.filled = filled
        values: dict = {}
        for fld in TEXT_FIELDS + ("external_id", "source"):
            s = self._text(df, fld)
            if s is not None:
                values[fld] = s
        ext = values.get("external_id")
        if ext is not None:
            rounded = (ext.str.fullmatch(r"\d(?:\.\d+)?[eE]\+\d+") & filled).to_numpy()
            if rounded.any():
                # `1.03006E+13` lost its digits in a spreadsheet; matching on it would merge different tickets.
                self.rounded_ids += int(rounded.sum())
                values["external_id"] = ext.where(~rounded, "")
        bad = np.zeros(n, dtype=bool)
        for fld, parse in (("created_at", self.dates), ("mrr", parse_money), ("arr", parse_money), ("votes", parse_count)):
            parsed = self._parsed(df, fld, parse, rows, bad)
            if parsed is not None:
                values[fld] = parsed
        empty = pd.Series([""] * n, index=df.index, dtype=str)
        title = values.get("title", empty)
        body = values.get("body")
        if body is not None:
            derive = ((title == "") & (body != "")).to_numpy()
            if derive.any():
                first = body[derive].str.split("\n").str[0].str.strip()
                long = first.str.len() > 120
                first = first.where(~long, first.str.slice(0, 117).str.replace(r"\s+\S*$", "", regex=True) + "...")
                title = title.copy()
                title[derive] = first
        values["title"] = title
        no_title = filled & ~bad & (title == "").to_numpy()
        if no_title.any():
            column = self.plan.mapping.get("title") or self.plan.mapping.get("body")
            for pos in no_title.nonzero()[0]:
                self.error(rows[pos], column, "The row has no title.")
            bad |= no_title
        email = values.get("email")
        if email is None and values.get("requester") is not None:
            who = values["requester"]
            # Jira and others put the reporter's e-mail address in the name column.
            looks = who.str.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+")
            if looks.any():
                email = values["email"] = who.where(looks, "")
        if email is not None:
            values["email"] = email.where(~email.str.contains("@", regex=False), email.str.lower())
        return values, filled & ~bad

