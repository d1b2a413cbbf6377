"""Files that cannot be imported: each gets one clear line, and the workspace is left exactly as it was."""

import codecs
import re

import pytest

from planner.errors import ImportFailed
from planner.importing import import_requests, preview_import

from importer_helpers import dump, write_csv


def _bytes(data):
    def make(path):
        path.write_bytes(data)
        return path
    return make


def _rows(rows, **kw):
    def make(path):
        return write_csv(path, rows, **kw)
    return make


def _huge_field(path):
    with open(path, "w", encoding="utf-8") as fh:
        fh.write('Title,Body\nBig one,"')
        chunk = "a" * (1 << 20)
        for _ in range(50):
            fh.write(chunk)
        fh.write('"\nSmall one,ok\n')
    return path


def _late_wide_row(path):
    rows = [["Title", "Company"]] + [[f"T{i}", "Acme"] for i in range(2500)] + [["late", "Acme", "x", "y"]]
    return write_csv(path, rows)


def _utf16_header_only(path):
    path.write_bytes(codecs.BOM_UTF16_LE + "Title,Company\r\n".encode("utf-16-le"))
    return path


def _folder(path):
    path.mkdir()
    return path


CASES = [
    ("empty", _bytes(b""), {}, "the file is empty"),
    ("blank_lines", _bytes(b"\n\n\r\n  \n"), {}, "no text in it"),
    ("only_separators", _bytes(b",,,\n;;;\n,,,\n"), {}, "no text in it"),
    ("header_only", _rows([["Title", "Company"]]), {}, "has a header but no rows"),
    ("header_then_blank_rows", _bytes(b"Title,Company\n\n,\n\n"), {}, "has a header but no rows"),
    ("utf16_header_only", _utf16_header_only, {}, "has a header but no rows"),
    ("binary_noise", _bytes(bytes(range(256)) * 40), {}, "binary file, not a CSV"),
    ("xlsx", _bytes(b"PK\x03\x04" + b"\x00" * 200), {}, "a ZIP archive, not a CSV file or an Excel workbook that can be read"),
    ("xls", _bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200), {}, "old Excel .xls workbook, which cannot be read"),
    ("pdf", _bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), {}, "a PDF document"),
    ("png", _bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64), {}, "a PNG image"),
    ("gzip", _bytes(b"\x1f\x8b\x08\x00" + b"\x00" * 64), {}, "a gzip archive"),
    ("sqlite", _bytes(b"SQLite format 3\x00" + b"\x00" * 200), {}, "an SQLite database"),
    ("nul_bytes", _bytes(b"Title,Company\nA,Acme\nB\x00,Beta\n"), {}, r"NUL bytes \(first on line 3\)"),
    ("no_title_column", _rows([["Count", "Amount"], ["3", "120"]]), {}, "no column can be a request title"),
    ("huge_field", _huge_field, {}, "column 'Body' is 50 MB long; the limit is 10 MB"),
    ("unclosed_quote", _bytes(b'Title,Body\nA,"starts here\nand never ends\nB,x\n'), {}, "never closed"),
    ("late_row_too_wide", _late_wide_row, {}, "line 2502 has 4 fields but the header has 2"),
    ("wrong_encoding_forced", _bytes("件名,会社名\n要望,北沢電機\n".encode("cp932")), {"encoding": "utf-8"}, "not valid utf-8"),
    ("unknown_encoding", _rows([["Title"], ["A"]]), {"encoding": "klingon"}, "unknown encoding 'klingon'"),
    ("unknown_preset", _rows([["Title"], ["A"]]), {"preset": "trello"}, "no preset 'trello'"),
    ("map_missing_column", _rows([["Title"], ["A"]]), {"mapping": {"title": "Nope"}}, "no column 'Nope' to map to title"),
    ("map_unknown_field", _rows([["Title"], ["A"]]), {"mapping": {"priority_score": "Title"}}, "no request field 'priority_score'"),
    ("every_title_and_body_empty", _rows([["Title", "Body", "Created"], ["", "", "someday"], ["", " ", "2024-03-01"]]), {},
     r"none of the 2 rows could be imported \(row 2, Title: The row has no title"),
    ("every_title_empty", _rows([["Title", "Company"], ["", "Acme"], [" ", "Beta"]]), {}, r"none of the 2 rows could be imported \(row 2, Title: The row has no title"),
    ("footer_without_data", _bytes(b"Title,Company,MRR\n\n\"Grand Totals (0 records)\"\n\n\"Confidential Information\"\n"), {}, "has a header but no rows"),
    ("missing_file", None, {}, "there is no such file"),
    ("folder", _folder, {}, "this is a folder"),
]


@pytest.mark.parametrize("name, make, kwargs, message", CASES, ids=[c[0] for c in CASES])
def test_malformed_file_gets_a_clear_message_and_the_workspace_is_untouched(ws, tmp_path, name, make, kwargs, message):
    from planner import ops

    ops.add_request(ws, title="Already here", company="Acme")
    path = tmp_path / f"{name}.csv"
    if make is not None:
        path = make(path)
    before = dump(ws)
    with pytest.raises(ImportFailed) as info:
        import_requests(ws, path, **kwargs)
    text = str(info.value)
    assert re.search(message, text), text
    assert "\n" not in text
    assert dump(ws) == before


def test_there_are_at_least_25_malformed_files():
    assert len(CASES) >= 25


@pytest.mark.parametrize("name, make, kwargs, message", [c for c in CASES if c[0] in {"empty", "xlsx", "no_title_column", "nul_bytes"}])
def test_preview_refuses_the_same_files_with_the_same_message(tmp_path, name, make, kwargs, message):
    path = make(tmp_path / f"{name}.csv")
    with pytest.raises(ImportFailed, match=message):
        preview_import(path, **kwargs)


def test_formulas_and_code_in_cells_are_stored_as_text_never_run(ws, tmp_path):
    rows = [["Title", "Body", "Company"],
            ["=HYPERLINK(\"http://x\")", "__import__('os').system('echo hi')", "'); DROP TABLE requests; --"],
            ["{{7*7}}", "${jndi:ldap://x}", "Robert\"); DROP TABLE companies;--"]]
    report = import_requests(ws, write_csv(tmp_path / "evil.csv", rows))
    assert report["new"] == 2
    titles = sorted(r[0] for r in ws.conn.execute("SELECT title FROM requests"))
    assert titles == ["=HYPERLINK(\"http://x\")", "{{7*7}}"]
    assert ws.conn.execute("SELECT COUNT(*) FROM companies").fetchone()[0] == 2


def test_hostile_header_names_stay_data(ws, tmp_path):
    rows = [["Title", "x', 'y'); DROP TABLE requests; --", "?1"], ["A", "1", "2"]]
    import_requests(ws, write_csv(tmp_path / "h.csv", rows))
    raw = ws.conn.execute("SELECT raw FROM requests").fetchone()[0]
    assert "DROP TABLE requests" in raw and '"?1":"2"' in raw


def test_a_bad_byte_past_the_checked_part_of_a_big_file_stops_the_import_cleanly(ws, tmp_path, monkeypatch):
    import planner.importing.frame as frame
    import planner.importing.reading as reading

    monkeypatch.setattr(reading, "FULL_CHECK_BYTES", 4096)
    monkeypatch.setattr(reading, "SAMPLE_BYTES", 4096)
    monkeypatch.setattr(frame, "CHUNK_ROWS", 50)
    for encoding, bad in (("utf-8", b"\xff\xfe"), ("cp932", b"\x81\x20")):
        good = "".join(f"要望{i},北沢電機\n" for i in range(2000)).encode(encoding)
        path = tmp_path / f"late_{encoding}.csv"
        path.write_bytes("件名,会社名\n".encode(encoding) + good + b"bad" + bad + b",x\n")
        before = dump(ws)
        with pytest.raises(ImportFailed, match=f"some bytes are not valid {encoding}"):
            import_requests(ws, path, encoding=encoding if encoding == "cp932" else None)
        assert dump(ws) == before


def test_a_read_interrupted_where_nothing_could_record_it_is_an_interruption_not_a_bad_file(ws, tmp_path, monkeypatch):
    """Ctrl-C can land between the stream's calls; pandas then reports only that the read failed."""
    import pandas as pd

    path = write_csv(tmp_path / "requests.csv", [["Title", "Body"], ["SSO", "Please"]])
    before = dump(ws)

    def interrupted_read(*args, **kwargs):
        raise pd.errors.ParserError("Error tokenizing data. C error: Calling read(nbytes) on source failed. "
                                    "Try engine='python'.")

    monkeypatch.setattr(pd, "read_csv", interrupted_read)
    with pytest.raises(KeyboardInterrupt):
        import_requests(ws, path)
    assert dump(ws) == before
