"""A big file through the import wizard: read in a process of its own, started from the window's background task."""

from __future__ import annotations

import csv
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

import planner.importing.frame as frame
import planner.importing.read_process as read_process
from planner import ops
from ui.context import AppContext
from ui.import_wizard import PAGE_PREVIEW, PAGE_RESULT, ImportWizard


@pytest.fixture
def big_file(tmp_path, monkeypatch):
    """300 rows count as a big file here (a million in real use), in chunks of 25."""
    monkeypatch.setattr(read_process, "PROCESS_FROM_ROWS", 1)
    monkeypatch.setattr(frame, "CHUNK_ROWS", 25)
    path = tmp_path / "zendesk_tickets.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["Id", "Subject", "Description", "Organization", "Requester email", "Created at"])
        out.writerows([(str(1000 + i), f"Export to PDF #{i}", "Monthly reports, please", f"Acme {i % 9}",
                        f"user{i}@acme{i % 9}.example.com", "2024-03-12T09:30:00Z") for i in range(300)])
    return path


def test_a_big_file_imports_through_the_wizard_read_in_a_process(qtbot, ws, messages, big_file, monkeypatch):
    import subprocess

    started = []
    real = subprocess.Popen
    monkeypatch.setattr(subprocess, "Popen", lambda *a, **k: started.append(real(*a, **k)) or started[-1])
    ctx = AppContext(ws)
    wizard = ImportWizard(ctx, path=str(big_file))
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    assert wizard.currentId() == PAGE_PREVIEW
    shown = []
    wizard.import_page.bar.valueChanged.connect(shown.append)
    qtbot.mouseClick(wizard.button(QWizard.CommitButton), Qt.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == PAGE_RESULT, timeout=30000)
    report = wizard.session.report
    assert (report["new"], report["failed"], report["companies_new"]) == (300, 0, 9)
    assert [p.returncode for p in started] == [0]  # read in a process, which ended by itself
    assert len([r for r in ops.list_requests(ws) if r["title"].startswith("Export to PDF #")]) == 300
    assert "300" in wizard.result_page.counts.text()
    assert shown[-1] == wizard.import_page.bar.maximum()  # the bar filled as the rows came back from the process
