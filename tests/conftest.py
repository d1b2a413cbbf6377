import os

# Tests never need a display; CI has none.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from planner.storage import open_workspace


@pytest.fixture(autouse=True)
def app_data(tmp_path, monkeypatch):
    """The application-data folder (default workspace, exports in progress) is the test's own."""
    folder = tmp_path / "appdata-home"
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    return folder


@pytest.fixture
def ws(tmp_path):
    workspace = open_workspace(tmp_path / "workspace.db")
    yield workspace
    workspace.close()


@pytest.fixture
def demo_ws(tmp_path):
    from datetime import date

    from planner.demo import load_demo

    workspace = open_workspace(tmp_path / "demo.db")
    load_demo(workspace, today=date(2026, 11, 23))
    yield workspace
    workspace.close()


def table_dump(workspace) -> dict:
    """Every row of every table: compare before and after a failed action."""
    return {
        name: [tuple(r) for r in workspace.db.execute(f"SELECT * FROM [{name}] ORDER BY rowid").fetchall()]
        for name in workspace.db.table_names()
    }


@pytest.fixture
def dump():
    return table_dump
