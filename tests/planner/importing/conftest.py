import pytest

from planner.storage import open_workspace


@pytest.fixture
def ws(tmp_path):
    workspace = open_workspace(tmp_path / "ws.db")
    yield workspace
    workspace.close()
