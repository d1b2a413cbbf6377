"""The command-line contract, through a real subprocess as a user runs it."""

import json

import pytest

from cli_run import planner


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "demo.db"
    out = planner("--db", str(path), "demo")
    assert "Demo workspace ready" in out.stdout
    return path


def test_demo_lists_at_least_40_items_and_600_requests(demo_db):
    items = json.loads(planner("--db", str(demo_db), "items", "--json").stdout)
    requests = json.loads(planner("--db", str(demo_db), "requests", "--json").stdout)
    assert len(items) >= 40 and len(requests) >= 600
    assert {"id", "title", "status", "kind", "effort", "impact", "confidence", "lane"} <= set(items[0])
    assert {"id", "title", "company", "source", "created_at", "status"} <= set(requests[0])
    assert {i["kind"] for i in items} == {"feature", "improvement", "bug", "tech_debt", "research"}
    assert len({i["status"] for i in items}) >= 5


def test_demo_companies_have_segments_and_mrr(demo_db):
    companies = json.loads(planner("--db", str(demo_db), "companies", "--json").stdout)
    assert len(companies) >= 80
    assert len({c["segment"] for c in companies}) >= 3
    assert all(c["mrr"] > 0 for c in companies)


def test_unlinked_requests_are_left_for_triage(demo_db):
    unlinked = json.loads(planner("--db", str(demo_db), "requests", "--unlinked", "--json").stdout)
    assert 20 <= len(unlinked) < 600
    assert {r["status"] for r in unlinked} == {"new"}


def test_item_add_prints_the_new_item_and_link_connects_it(tmp_path):
    db = str(tmp_path / "w.db")
    item = json.loads(planner("--db", db, "item-add", "Audit log export", "--kind", "feature", "--effort", "2",
                              "--impact", "2", "--confidence", "80", "--reach", "120", "--json").stdout)
    assert item["title"] == "Audit log export"
    assert (item["effort"], item["impact"], item["confidence"], item["reach_manual"]) == (2, 2, 80, 120)
    assert "Added item" in planner("--db", db, "item-add", "Second").stdout


def test_user_errors_print_one_line_and_exit_2(tmp_path):
    db = str(tmp_path / "w.db")
    bad = planner("--db", db, "item-add", "X", "--impact", "4", check=False)
    assert bad.returncode == 2
    assert bad.stderr.strip().count("\n") == 0 and "RICE scale" in bad.stderr
    assert "Traceback" not in bad.stderr
    missing = planner("--db", db, "link", "5", "6", check=False)
    assert missing.returncode == 2 and "no request 5" in missing.stderr
    usage = planner("--db", db, "item-add", "X", "--kind", "epic", check=False)
    assert usage.returncode == 2 and "invalid choice" in usage.stderr


def test_not_a_workspace_is_refused_with_the_file_named(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("hello " * 100)
    result = planner("--db", str(path), "items", check=False)
    assert result.returncode == 2
    assert str(path) in result.stderr and "not a Roadmap Planner workspace" in result.stderr


def test_lanes_can_be_added_changed_and_deleted_from_the_command_line(tmp_path):
    db = str(tmp_path / "lanes.db")
    first = json.loads(planner("--db", db, "lane-add", "2027 Q1", "--start", "2027-01-01", "--end", "2027-03-31",
                               "--capacity", "8", "--json").stdout)
    following = planner("--db", db, "lane-add", "--next-quarter").stdout
    assert following.strip() == "Added lane 2: 2027 Q2 (quarter, 2027-04-01 to 2027-06-30, capacity 8 person-months)."
    planner("--db", db, "item-add", "SSO", "--lane", "2027 Q1", "--effort", "3")
    changed = json.loads(planner("--db", db, "lane-set", str(first["id"]), "--capacity", "12", "--json").stdout)
    assert changed["capacity"] == 12
    refused = planner("--db", db, "lane-set", str(first["id"]), "--end", "2026-12-31", check=False)
    assert refused.returncode == 2 and refused.stderr.strip() == "planner: A lane cannot end before it starts."
    gone = planner("--db", db, "lane-delete", str(first["id"])).stdout
    assert gone.strip() == "Deleted lane 2027 Q1; 1 item(s) are now off the roadmap."
    items = json.loads(planner("--db", db, "items", "--json").stdout)
    assert [(i["title"], i["lane"]) for i in items] == [("SSO", None)]
