"""The companies a dump names: found or added by normalised name (or by e-mail domain), with their segment, plan and revenue."""

from __future__ import annotations

from planner.storage import import_store
from planner.text import clean_name, name_key

# Addresses at these domains are people's own, not a company's: they name no company.
FREE_MAIL = frozenset(
    """gmail.com googlemail.com yahoo.com yahoo.co.jp ymail.com hotmail.com hotmail.co.jp outlook.com
    outlook.jp live.com live.jp msn.com icloud.com me.com mac.com aol.com gmx.com gmx.de gmx.net web.de
    mail.com proton.me protonmail.com yandex.ru mail.ru qq.com 163.com 126.com naver.com docomo.ne.jp
    ezweb.ne.jp au.com softbank.ne.jp i.softbank.jp nifty.com biglobe.ne.jp ocn.ne.jp so-net.ne.jp
    orange.fr free.fr laposte.net wanadoo.fr sfr.fr""".split()
)


class Companies:
    """Companies by normalised name (as `ops.upsert_company`), or by e-mail domain without a company column."""

    def __init__(self, db, batch_id: int | None, stamp: str):
        self.db, self.batch_id, self.stamp = db, batch_id, stamp
        self.by_key, self.by_domain = import_store.company_keys(db) if db is not None else ({}, {})
        self.created = 0
        # New companies get their ids here, after the largest (as SQLite would number them: the import is
        # the only writer in its transaction), so `ids` needs no database and can run on the reading
        # thread; `insert` writes them on the connection's thread before the rows that name them.
        self.next_id = import_store.next_company_id(db) if db is not None else 1
        self.new_rows: list[tuple] = []  # (id, name, name_key, domain) not written yet
        self.attrs: list = []  # per chunk, a DataFrame by company id: segment, plan, mrr, arr
        # A company's id by the text in the file, kept across chunks: a dump names the same companies in
        # every chunk, and normalising each name again per chunk grows with rows x companies.
        self.found: dict[str, int | None] = {"": None}

    def ids(self, values: dict, keep):
        """Company ids aligned with the chunk (None where a row names none). Touches no database:
        the companies it adds wait in `new_rows` for `take_new`."""
        company = values.get("company")
        from_domain = company is None
        if from_domain:
            email = values.get("email")
            if email is None:
                return None
            domain = email.str.extract(r"@([^@\s]+\.[^@\s]+)$", expand=False).fillna("").str.lower()
            company = domain.where(~domain.isin(FREE_MAIL), "")
        found = self.found
        if len(found) > 500_000:
            found.clear()
            found[""] = None
        new: dict[str, tuple] = {}
        waiting: dict[str, str] = {}
        # A list: iterating pandas' Arrow-backed array value by value cost ~1 s per 1M rows.
        for name in company[keep].unique().tolist():
            if name in found:
                continue
            if from_domain and name in self.by_domain:
                found[name] = self.by_domain[name]
                continue
            shown = clean_name(name)
            key = name_key(shown)
            if key in self.by_key:
                found[name] = self.by_key[key]
            elif key:
                new.setdefault(key, (shown, key, name if from_domain else None))
                waiting[name] = key
        if new:
            added = {key: self.next_id + n for n, key in enumerate(new)}
            self.next_id += len(added)
            self.new_rows.extend((added[key], shown, key, domain) for key, (shown, _, domain) in new.items())
            self.by_key.update(added)
            self.created += len(added)
            if from_domain:
                self.by_domain.update({domain: added[key] for key, (_, _, domain) in new.items()})
        for name, key in waiting.items():
            found[name] = self.by_key[key]
        ids = [found.get(name) for name in company.tolist()]
        self._gather_attrs(values, ids, keep)
        return ids

    def _gather_attrs(self, values: dict, ids, keep) -> None:
        """Segment, plan and revenue per company, merged a chunk at a time with pandas.

        A Python loop per company and chunk grew with rows x companies (~3 s of a
        1M-row file naming 50k companies). Within a chunk the last non-empty value of each field
        wins, as repeated upserts would; a chunk's value replaces an earlier one.
        """
        import numpy as np
        import pandas as pd

        present = [f for f in ("segment", "plan", "mrr", "arr") if f in values]
        if not present:
            return
        cid = pd.array(ids, dtype="Int64")
        use = np.asarray(keep, dtype=bool) & ~np.asarray(cid.isna(), dtype=bool)
        if not use.any():
            return
        frame = {}
        for f in ("segment", "plan"):
            if f in present:
                col = pd.Series(np.asarray(values[f], dtype=object)[use], dtype=object)
                frame[f] = col.where(col != "", None)
        for f in ("mrr", "arr"):
            if f in present:
                frame[f] = pd.Series(np.asarray(values[f], dtype=object)[use], dtype="float64")
        frame = pd.DataFrame(frame)
        frame["cid"] = np.asarray(cid[use], dtype=np.int64)
        latest = frame.groupby("cid", sort=False).last()  # the last non-null value of each column
        if "arr" in latest:
            derived = latest["arr"] / 12  # as ops.upsert_company does
            latest["mrr"] = latest["mrr"].where(latest["mrr"].notna(), derived) if "mrr" in latest else derived
        self.attrs.append(latest)

    def take_new(self) -> list[tuple]:
        """The companies `ids` added since the last call, (id, name, name_key, domain), for `insert`."""
        rows, self.new_rows = self.new_rows, []
        return rows

    def insert(self, rows: list[tuple]) -> None:
        """Write companies `take_new` handed over, with the ids `ids` gave them. On the connection's thread."""
        if rows:
            import_store.insert_companies(self.db, rows, batch_id=self.batch_id, created_at=self.stamp)

    def flush(self) -> None:
        self.insert(self.take_new())
        import pandas as pd

        if self.attrs:
            # A later chunk's value replaces an earlier one; an empty one keeps it.
            merged = pd.concat(self.attrs).groupby(level=0, sort=False).last()
            merged = merged.astype(object).where(merged.notna(), None)
            cols = [merged[f].tolist() if f in merged else [None] * len(merged) for f in ("segment", "plan", "mrr", "arr")]
            import_store.update_companies(self.db, list(zip(*cols, (int(c) for c in merged.index))))
        self.attrs = []
