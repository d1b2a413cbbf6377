"""A big backlog's suggestions made ready before they are asked for, and built once when two ask at once."""

from __future__ import annotations

import threading

import pytest

from planner import ops, suggest, triage
from planner.storage.db import open_workspace


@pytest.fixture(autouse=True)
def nothing_in_memory():
    suggest._cache.clear()
    yield
    suggest._cache.clear()


@pytest.fixture
def ws(tmp_path):
    ws = open_workspace(tmp_path / "w.db")
    for title, asks in [("Single sign-on with SAML", ["We need SSO with Okta", "SAML login please"]),
                        ("Export the roadmap to PDF", ["PDF export of the roadmap"]),
                        ("Dark mode", ["A dark theme for night shifts"])]:
        item = ops.add_item(ws, title=title).value
        for text in asks:
            ops.link_request(ws, ops.add_request(ws, title=text).value["id"], item["id"])
    yield ws
    ws.close()


@pytest.fixture
def builds(monkeypatch):
    """How many times the index was built from the workspace's texts."""
    made = []
    init = suggest.SuggestionIndex.__init__

    def counted(self, *args, **kwargs):
        made.append(threading.current_thread().name)
        init(self, *args, **kwargs)

    monkeypatch.setattr(suggest.SuggestionIndex, "__init__", counted)
    return made


def test_a_big_backlog_is_ready_before_the_first_request_is_asked_about(ws, builds, monkeypatch):
    monkeypatch.setattr(suggest, "BUILD_AHEAD_FROM", 3)
    request = ops.add_request(ws, title="Okta SSO for the subsidiary").value
    assert not triage.index_is_current(ws)
    assert triage.build_ahead(ws) is True
    assert triage.index_is_current(ws)
    assert len(builds) == 1
    found = triage.suggest_items(ws, request["id"], limit=3)
    assert found[0]["title"] == "Single sign-on with SAML"
    assert len(builds) == 1  # the suggestion used the index built ahead
    assert triage.build_ahead(ws) is False  # already current: nothing to do


def test_a_backlog_under_the_threshold_is_left_to_build_when_asked(ws, builds, monkeypatch):
    monkeypatch.setattr(suggest, "BUILD_AHEAD_FROM", 4)
    assert triage.build_ahead(ws) is False
    assert builds == []
    assert not triage.index_is_current(ws)


def test_two_callers_at_once_build_the_index_once_and_share_it(ws, tmp_path, builds, monkeypatch):
    init = suggest.SuggestionIndex.__init__
    entered, release = threading.Event(), threading.Event()

    def slow(self, *args, **kwargs):
        entered.set()
        release.wait(10)  # the second caller arrives while the first is still building
        init(self, *args, **kwargs)

    monkeypatch.setattr(suggest.SuggestionIndex, "__init__", slow)
    got = {}

    def ask(name):
        with open_workspace(tmp_path / "w.db") as own:  # each thread has its own connection, as tasks do
            got[name] = suggest.suggestion_index(own)

    first = threading.Thread(target=ask, args=("first",))
    first.start()
    assert entered.wait(10)
    second = threading.Thread(target=ask, args=("second",))
    second.start()
    second.join(0.3)
    assert second.is_alive()  # waiting for the build under way, not building a second one
    release.set()
    first.join(10)
    second.join(10)
    assert len(builds) == 1
    assert got["first"] is got["second"]
