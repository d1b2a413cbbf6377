"""A big backlog's suggestion index is built in the background once the scores show, so the inbox suggests at once."""

from __future__ import annotations

import os
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QThreadPool

from planner import ops, suggest, triage

SSO_REQUEST = "We need SSO for our subsidiary too"
SSO_ITEM = "Single sign-on with SAML and Okta"


@pytest.fixture
def big_demo(demo_ws, monkeypatch):
    """The demo counts as a big backlog; builds of the index are counted by the thread that made them."""
    import ui.inbox.view as inbox_view

    n = len(ops.list_items(demo_ws))
    monkeypatch.setattr(suggest, "BUILD_AHEAD_FROM", n)
    monkeypatch.setattr(inbox_view, "_BIG_BACKLOG", n)
    suggest._cache.clear()
    built = []
    init = suggest.SuggestionIndex.__init__

    def counted(self, *args, **kwargs):
        built.append("built on the GUI thread" if threading.current_thread() is threading.main_thread() else "built")
        init(self, *args, **kwargs)

    monkeypatch.setattr(suggest.SuggestionIndex, "__init__", counted)
    yield built
    QThreadPool.globalInstance().waitForDone(20000)
    suggest._cache.clear()


def test_the_inbox_s_first_request_gets_suggestions_built_while_the_backlog_was_shown(qtbot, make_window, demo_ws,
                                                                                       big_demo, monkeypatch):
    from ui.app import build_suggestions_ahead

    import ui.backlog.view as backlog_view

    monkeypatch.setattr(backlog_view, "BIG_WORKSPACE", 1)  # listed at once, scored in the background
    window = make_window(demo_ws, show=False)
    assert window.backlog.model.rowCount() > 0  # the items are listed, their scores still to come
    window.backlog.scores_shown.connect(lambda: big_demo.append("scores shown"))
    build_suggestions_ahead(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: triage.index_is_current(demo_ws), timeout=20000)
    assert big_demo == ["scores shown", "built"]  # after the scores, once, off the GUI thread

    window.show_view(1)
    inbox = window.view("inbox")
    row = next(n for n, r in enumerate(inbox.model.rows) if r["title"] == SSO_REQUEST)
    inbox.select_row(row)
    # At once: no "Finding similar items…" and no second build in the inbox.
    assert inbox.detail.suggestions.current_suggestions[0]["title"] == SSO_ITEM
    assert not inbox._index.busy
    assert big_demo == ["scores shown", "built"]


def test_later_rescores_do_not_build_again_until_another_workspace_opens(qtbot, make_window, demo_ws, big_demo):
    from ui.app import build_suggestions_ahead

    window = make_window(demo_ws, show=False)
    build_suggestions_ahead(window)
    build_suggestions_ahead(window)  # the scores of a small backlog show at once: built from here
    build_suggestions_ahead(window)  # asked again for the same opening: still one build
    window.show()
    qtbot.waitUntil(lambda: triage.index_is_current(demo_ws), timeout=20000)
    suggest._cache.clear()  # a build started by the next rescore would have to build again
    with qtbot.waitSignal(window.backlog.scores_shown, timeout=20000):
        window.backlog.refresh()
    QThreadPool.globalInstance().waitForDone(20000)
    assert big_demo == ["built"]
    assert not triage.index_is_current(demo_ws)
