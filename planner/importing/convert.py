"""Turning chunks of cells into request values, a column at a time: text, ids, dates, money, counts and titles.

Per-cell Python is kept to the values pandas cannot read in bulk, through
per-value caches. A cell that cannot be read is never guessed into a value:
in an optional field (a date, a sum, a count) the row is kept with that field
empty and a cell warning says so; only a row without a title fails.
"""

from __future__ import annotations

from planner.importing.plan import Plan
from planner.importing.values import DateReader, ValueProblem, parse_count, parse_money, shown

MAX_ERRORS = 1000
# What each optional field's cells must read as, for the summary of the cells left empty.
READ_AS = {"created_at": "a date", "mrr": "a sum of money", "arr": "a sum of money", "votes": "a whole number"}
TEXT_FIELDS = ("title", "body", "requester", "email", "company", "segment", "plan", "importance", "status", "url", "tags")


_ISO = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?"


def _iso_text(s):
    """ISO 8601 text in the form `DateReader` writes, without a Python call per value."""
    if s.str.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z").all():
        # What most exports write (2024-03-12T09:41:00Z): of the rewrites below only the `Z` applies.
        return s.str.slice(0, 19) + "+00:00"
    s = s.str.replace(r"^(\d{4}-\d{2}-\d{2})[ T]", r"\1T", regex=True)
    s = s.str.replace(r"(T\d{2}:\d{2}:\d{2})\.\d+", r"\1", regex=True)
    s = s.str.replace(r"(T\d{2}:\d{2})($|[Z+-])", r"\1:00\2", regex=True)
    s = s.str.replace(r"Z$", "+00:00", regex=True)
    s = s.str.replace(r"([+-]\d{2})(\d{2})$", r"\1:\2", regex=True)
    return s.str.replace(r"(T\d{2}:\d{2}:\d{2}[+-]\d{2})$", r"\1:00", regex=True)


class Converter:
    """Turns chunks of cells into request values, a column at a time, collecting row errors and cells left empty."""

    def __init__(self, plan: Plan):
        self.plan = plan
        self.dates = DateReader()
        created = plan.columns.get("created_at")
        if created:
            self.dates.decide(r[created[0]] for r in plan.shape.sample)
        self.errors: list[dict] = []
        self._failed_rows: set[int] = set()
        self.error_count = 0
        self.cell_warnings: list[dict] = []
        self.cell_warning_count = 0
        # Per column: [field, cells left empty, first row, first text].
        self._empty_cells: dict[str, list] = {}
        self.rounded_ids = 0
        self.header = plan.shape.header
        self._position = {name: i for i, name in reversed(list(enumerate(self.header)))}
        self._caches: dict[str, dict] = {"mrr": {}, "arr": {}, "votes": {}}

    @property
    def failed(self) -> int:
        """Rows that could not be imported (no title): one row with two errors is one failed row."""
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

    def left_empty(self, row: int, column: str, fld: str, text: str, problem: ValueProblem) -> None:
        """A cell of an optional field that cannot be read: its row is kept, the field left empty."""
        self.cell_warning_count += 1
        if len(self.cell_warnings) < MAX_ERRORS:
            self.cell_warnings.append({"row": int(row), "column": column, "message": f"{problem}; the cell was left empty."})
        tally = self._empty_cells.get(column)
        if tally is None:
            self._empty_cells[column] = [fld, 1, int(row), text]
        else:
            tally[1] += 1

    def cell_warning_lines(self) -> list[str]:
        """One line per column with cells left empty: how many, and the first one to look at."""
        lines = []
        # In reading order, as the user would come across them in the file.
        ordered = sorted(self._empty_cells.items(), key=lambda kv: (kv[1][2], self._position.get(kv[0], 0)))
        for column, (fld, count, row, text) in ordered:
            cells = "1 cell" if count == 1 else f"{count:,} cells"
            were = "was" if count == 1 else "were"
            lines.append(f"{column}: {cells} could not be read as {READ_AS[fld]} and {were} left empty "
                         f"(first: row {row}, {shown(text)}).")
        if self.cell_warning_count > len(self.cell_warnings):
            lines.append(f"Only the first {len(self.cell_warnings)} of {self.cell_warning_count:,} cells left empty "
                         "are listed one by one.")
        return lines

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

    def _parsed(self, df, fld, parse, rows):
        """Parse a column through a per-value cache; a cell that fails is left empty (None) with a cell warning."""
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
                self.left_empty(rows[pos], column, fld, text, hit)
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
        listed = len(self.cell_warnings)
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
        for fld, parse in (("created_at", self.dates), ("mrr", parse_money), ("arr", parse_money), ("votes", parse_count)):
            parsed = self._parsed(df, fld, parse, rows)
            if parsed is not None:
                values[fld] = parsed
        if len(self.cell_warnings) > listed + 1:  # parsed a field at a time; listed row by row
            self.cell_warnings[listed:] = sorted(
                self.cell_warnings[listed:], key=lambda w: (w["row"], self._position.get(w["column"], 0)))
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
        no_title = filled & (title == "").to_numpy()
        if no_title.any():
            column = self.plan.mapping.get("title") or self.plan.mapping.get("body")
            for pos in no_title.nonzero()[0]:
                self.error(rows[pos], column, "The row has no title.")
        email = values.get("email")
        if email is None and values.get("requester") is not None:
            who = values["requester"]
            # Jira and others put the reporter's e-mail address in the name column.
            looks = who.str.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+")
            if looks.any():
                email = values["email"] = who.where(looks, "")
        if email is not None:
            values["email"] = email.where(~email.str.contains("@", regex=False), email.str.lower())
        return values, filled & ~no_title

