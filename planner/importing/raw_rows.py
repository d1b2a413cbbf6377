"""Each original row kept as JSON text (`requests.raw`), so no column of the file is lost to the mapping."""

from __future__ import annotations

from json.encoder import encode_basestring as _json_text


class RawRows:
    """Writes rows of a file with this header as JSON objects of their non-empty cells, by header name.

    A repeated header (Jira's 17 `Comment`) becomes an array of all its cells; a
    blank header is named by its position (`column 3`).
    """

    def __init__(self, header: list[str]):
        self.keys: list[str] = []
        self.groups: list[list[int]] = []
        where: dict[str, int] = {}
        for i, h in enumerate(header):
            key = h if h.strip() else f"column {i + 1}"
            if key in where:
                self.groups[where[key]].append(i)
            else:
                where[key] = len(self.keys)
                self.keys.append(key)
                self.groups.append([i])

    def texts(self, cells: list[list[str]], voters=None) -> list[str]:
        """The JSON text of each row; `cells` holds one list per column of the file.

        Built here rather than in SQL (json_object per row was ~45% of the insert),
        to the byte as SQLite's json_object and json_patch wrote it, so a file
        imported before compares unchanged. `voters`: one sorted list per row, kept
        under `_voters`.
        """
        keys = self.keys
        parts = []
        for key, idx in zip(keys, self.groups):
            prefix = _json_text(key) + ":"
            if len(idx) == 1:
                parts.append([prefix + _json_text(v) if v else None for v in cells[idx[0]]])
            else:
                parts.append([
                    prefix + "[" + ",".join(map(_json_text, vs)) + "]" if any(vs) else None
                    for vs in zip(*(cells[i] for i in idx))
                ])
        if voters is not None:
            listed = ['"_voters":[' + ",".join(map(_json_text, v)) + "]" for v in voters]
            if "_voters" in keys:
                # json_set put them in place of a non-empty `_voters` cell, else last.
                at = keys.index("_voters")
                filled = [p is not None for p in parts[at]]
                parts[at] = [new if f else None for f, new in zip(filled, listed)]
                listed = [None if f else new for f, new in zip(filled, listed)]
            parts.append(listed)
        return ["{" + ",".join([p for p in row if p]) + "}" for row in zip(*parts)]
