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

    def texts_arrow(self, columns):
        """`texts` without voters for Arrow string columns (one per column of the file), as an Arrow array.

        The same bytes built by Arrow's string kernels, which run in C without the GIL: a
        Python call per cell was the largest share of a 1M-row import after the insert.
        """
        import pyarrow as pa
        import pyarrow.compute as pc

        columns = [c if c.type == pa.large_string() else c.cast(pa.large_string()) for c in columns]
        text = pa.large_string()

        def lit(value: str):
            return pa.scalar(value, type=text)

        empty = lit("")
        # Each part starts with its comma ("" for an empty cell), the first one cut off at the end:
        # joining with null_handling="skip" drops a row whose parts are all null (Arrow 26).
        parts = []
        for key, idx in zip(self.keys, self.groups):
            prefix = lit("," + _json_text(key) + ":")
            if len(idx) == 1:
                cells = columns[idx[0]]
                part = pc.binary_join_element_wise(prefix, _quoted(cells), empty)
                parts.append(pc.if_else(pc.greater(pc.binary_length(cells), 0), part, empty))
            else:
                group = [columns[i] for i in idx]
                filled = pc.greater(pc.binary_length(group[0]), 0)
                for cells in group[1:]:
                    filled = pc.or_(filled, pc.greater(pc.binary_length(cells), 0))
                listed = pc.binary_join_element_wise(*(_quoted(c) for c in group), lit(","))
                part = pc.binary_join_element_wise(prefix, lit("["), listed, lit("]"), empty)
                parts.append(pc.if_else(filled, part, empty))
        body = pc.utf8_slice_codeunits(pc.binary_join_element_wise(*parts, empty), 1)
        return pc.binary_join_element_wise(lit("{"), body, lit("}"), empty)


# What json's encode_basestring escapes besides the short forms: the other control characters, as \u00XX.
_CONTROL = "".join(chr(i) for i in range(0x20) if chr(i) not in "\b\f\n\r\t")
_SHORT = (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t"), ("\b", "\\b"), ("\f", "\\f"))
_SPECIAL = "[" + "".join(f"\\x{i:02x}" for i in range(0x20)) + '\\\\"]'
_CONTROL_CLASS = "[" + "".join(f"\\x{ord(c):02x}" for c in _CONTROL) + "]"
# Everything but the quote and the line feed, the two that most text has: one scan to skip five replacements.
_RARE = "[" + "".join(f"\\x{i:02x}" for i in range(0x20) if i != 0x0A) + "\\\\]"


def _quoted(cells):
    """Each cell as `encode_basestring` writes it (quoted, escaped), by Arrow kernels; only cells that need it are escaped."""
    import pyarrow as pa
    import pyarrow.compute as pc

    text = pa.large_string()
    quote = pa.scalar('"', type=text)
    needs = pc.match_substring_regex(cells, _SPECIAL)
    if pc.any(needs).as_py():
        some = pc.filter(cells, needs)
        if pc.any(pc.match_substring_regex(some, _RARE)).as_py():
            for plain, escaped in _SHORT:
                some = pc.replace_substring(some, plain, escaped)
            if pc.any(pc.match_substring_regex(some, _CONTROL_CLASS)).as_py():
                for c in _CONTROL:
                    some = pc.replace_substring(some, c, f"\\u{ord(c):04x}")
        else:
            for plain, escaped in _SHORT[1:3]:
                some = pc.replace_substring(some, plain, escaped)
        cells = pc.replace_with_mask(cells, needs, some)
    return pc.binary_join_element_wise(quote, cells, quote, pa.scalar("", type=text))
