"""The item commands (items, item-add, item-set, item-delete, item-duplicate, item-merge), through a real subprocess."""

import json

import pytest

from cli_run import planner

from planner import ops
from planner.domain import ITEM_FIELDS
from planner.storage import open_workspace


@pytest.fixture
def db(tmp_path):
    """A lane '2027 Q1' holding SSO then Audit log; 'SAML login' off the roadmap; three requests linked."""
    path = tmp_path / "items.db"
    ws = open_workspace(path)
    ops.add_lane(ws, name="2027 Q1", start_date="2027-01-01", end_date="2027-03-31")
    sso = ops.add_item(ws, title="SSO", effort=3, impact=2, confidence=80, lane="2027 Q1")["id"]
    ops.add_item(ws, title="Audit log", effort=1, lane="2027 Q1")
    saml = ops.add_item(ws, title="SAML login", theme="Security", description="Signed assertions.")["id"]
    a = ops.add_request(ws, title="We need SAML", company="Acme")["id"]
    b = ops.add_request(ws, title="SSO with Okta", company="Globex")["id"]
    c = ops.add_request(ws, title="SAML please", company="Initech")["id"]
    ops.link_requests(ws, [a], sso, importance="important")
    ops.link_requests(ws, [a, b], saml, importance="critical")
    ops.link_requests(ws, [c], saml, importance="nice_to_have")
    ws.close()
    return str(path)


def items(db) -> dict:
    return {i["id"]: i for i in json.loads(planner("--db", db, "items", "--json").stdout)}


def one_line_error(result) -> str:
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    return result.stderr.strip()


# ---------------------------------------------------------------- items


def test_items_json_carries_every_field_and_the_table_stays_as_it_was(db):
    rows = items(db)
    assert set(ITEM_FIELDS) | {"id", "lane", "metric", "created_at", "updated_at"} <= set(rows[1])
    assert (rows[1]["lane"], rows[1]["effort"], rows[3]["description"]) == ("2027 Q1", 3, "Signed assertions.")
    table = planner("--db", db, "items").stdout.splitlines()
    assert table[0].split() == ["id", "title", "kind", "status", "theme", "lane", "impact", "confidence", "effort"]
    assert table[1].split() == ["1", "SSO", "feature", "idea", "2027", "Q1", "2", "80", "3"]


# ---------------------------------------------------------------- item-set


def test_item_set_changes_the_item_s_words_and_dates_and_says_so(db):
    out = planner("--db", db, "item-set", "3", "--title", " SAML sign-on ", "--description", "Okta and Azure AD.",
                  "--kind", "improvement", "--status", "candidate", "--theme", "Identity", "--tags", "enterprise, ,auth,",
                  "--owner", "Platform", "--start", "2027-02-01", "--end", "2027-03-15").stdout
    assert out == ("Item 3 (SAML sign-on): title SAML sign-on, description (18 characters), kind improvement, "
                   "status candidate, theme Identity, owner Platform, start date 2027-02-01, end date 2027-03-15, "
                   "tags enterprise, auth.\n")
    item = items(db)[3]
    assert (item["title"], item["description"], item["kind"], item["status"], item["theme"], item["tags"],
            item["owner"], item["start_date"], item["end_date"]) == (
        "SAML sign-on", "Okta and Azure AD.", "improvement", "candidate", "Identity", "enterprise, auth", "Platform",
        "2027-02-01", "2027-03-15")
    cleared = planner("--db", db, "item-set", "3", "--theme", "", "--tags", "", "--json").stdout
    assert (json.loads(cleared)["theme"], json.loads(cleared)["tags"]) == (None, None)


def test_item_set_moves_an_item_to_a_lane_by_name_or_id_and_off_the_roadmap(db):
    assert planner("--db", db, "item-set", "3", "--lane", "2027 q1").stdout == "Item 3 (SAML login): lane 2027 Q1.\n"
    assert items(db)[3]["lane"] == "2027 Q1"
    for off in ("none", ""):
        assert planner("--db", db, "item-set", "1", "--lane", off).stdout == "Item 1 (SSO): off the roadmap.\n"
        assert items(db)[1]["lane"] is None
        planner("--db", db, "item-set", "1", "--lane", "1")
        assert items(db)[1]["lane"] == "2027 Q1"
    missing = planner("--db", db, "item-set", "1", "--lane", "2031 Q9", check=False)
    assert one_line_error(missing) == "planner: There is no lane named '2031 Q9'. Lanes: 2027 Q1."
    assert one_line_error(planner("--db", db, "item-set", "1", "--lane", "7", check=False)) == "planner: There is no lane 7."


def test_item_set_takes_the_ice_and_wsjf_parts_by_their_friendly_names_and_the_old_flags_still_work(db):
    out = planner("--db", db, "item-set", "1", "--ease", "4", "--business-value", "8", "--time-criticality", "5",
                  "--risk-reduction", "3", "--job-size", "13").stdout
    assert out == "Item 1 (SSO): ice ease 4, wsjf value 8, wsjf time 5, wsjf risk 3, wsjf size 13.\n"
    item = items(db)[1]
    assert (item["ice_ease"], item["wsjf_value"], item["wsjf_time"], item["wsjf_risk"], item["wsjf_size"]) == (4, 8, 5, 3, 13)
    planner("--db", db, "item-set", "1", "--ice-ease", "6", "--wsjf-size", "5", "--effort", "2", "--reach", "120")
    item = items(db)[1]
    assert (item["ice_ease"], item["wsjf_size"], item["effort"], item["reach_manual"], item["reach_mode"]) == (6, 5, 2, 120, "manual")
    assert planner("--db", db, "item-set", "1", "--ease", "6", "--ice-ease", "6").returncode == 0  # the same value twice


def test_item_set_refuses_two_flags_that_disagree_and_values_out_of_range(db):
    before = items(db)
    clash = planner("--db", db, "item-set", "1", "--ease", "3", "--ice-ease", "4", check=False)
    assert one_line_error(clash) == "planner: --ease and --ice-ease set the same thing to different values; give one of them."
    size = planner("--db", db, "item-set", "1", "--job-size", "4", check=False)
    assert one_line_error(size) == "planner: WSJF job size must be one of 1, 2, 3, 5, 8, 13, 20; got 4.0."
    date = planner("--db", db, "item-set", "1", "--start", "next week", check=False)
    assert one_line_error(date) == "planner: Start date must be a date like 2026-04-01."
    title = planner("--db", db, "item-set", "1", "--title", "  ", check=False)
    assert one_line_error(title) == "planner: An item needs a title."
    kind = planner("--db", db, "item-set", "1", "--kind", "epic", check=False)
    assert kind.returncode == 2 and "invalid choice: 'epic'" in kind.stderr
    assert items(db) == before


# ---------------------------------------------------------------- item-delete


def test_item_delete_says_how_many_requests_went_back_to_the_inbox(db):
    out = planner("--db", db, "item-delete", "3").stdout
    assert out == "Deleted item 3 (SAML login); 2 requests went back to the inbox.\n"  # one is still linked to SSO
    assert 3 not in items(db)
    unlinked = json.loads(planner("--db", db, "requests", "--unlinked", "--json").stdout)
    assert [r["title"] for r in unlinked] == ["SSO with Okta", "SAML please"]
    gone = json.loads(planner("--db", db, "item-delete", "2", "--json").stdout)
    assert gone == {"items": [2], "requests_back_in_inbox": 0, "title": "Audit log"}


# ---------------------------------------------------------------- item-duplicate


def test_item_duplicate_copies_the_item_just_after_it_without_its_requests(db):
    out = planner("--db", db, "item-duplicate", "1").stdout
    assert out == ("Duplicated item 1 as item 4: SSO (copy) in 2027 Q1, just after the original. "
                   "Its requests stay linked to the original only.\n")
    rows = items(db)
    lane = sorted((r for r in rows.values() if r["lane"] == "2027 Q1"), key=lambda r: r["lane_position"])
    assert [r["title"] for r in lane] == ["SSO", "SSO (copy)", "Audit log"]
    assert (rows[4]["effort"], rows[4]["impact"], rows[4]["confidence"]) == (3, 2, 80)
    assert [r["id"] for r in json.loads(planner("--db", db, "requests", "--unlinked", "--json").stdout)] == []
    copy = json.loads(planner("--db", db, "item-duplicate", "3", "--json").stdout)
    assert (copy["title"], copy["theme"], copy["description"], copy["lane"]) == (
        "SAML login (copy)", "Security", "Signed assertions.", None)


# ---------------------------------------------------------------- item-merge


def test_item_merge_moves_the_requests_and_deletes_the_others(db):
    out = planner("--db", db, "item-merge", "1", "3", "2").stdout
    assert out == ("Merged items 3, 2 into item 1 (SSO): 2 requests moved, 1 already linked to it; filled theme. "
                   "Deleted items 3, 2.\n")
    rows = items(db)
    assert sorted(rows) == [1]
    assert rows[1]["theme"] == "Security"
    assert rows[1]["description"] == "Merged from #3 SAML login:\nSigned assertions."
    assert json.loads(planner("--db", db, "requests", "--unlinked", "--json").stdout) == []


def test_item_merge_json_says_what_happened(db):
    done = json.loads(planner("--db", db, "item-merge", "3", "1", "--json").stdout)
    assert (done["kept"], done["merged"], done["requests_moved"], done["requests_already_linked"]) == (3, [1], 0, 1)
    assert done["fields_filled"] == ["impact", "confidence", "effort"]
    assert (done["item"]["id"], done["item"]["effort"]) == (3, 3)


def test_item_merge_refuses_an_item_into_itself_and_a_missing_one_changing_nothing(db):
    before = items(db)
    itself = planner("--db", db, "item-merge", "1", "1", check=False)
    assert one_line_error(itself) == "planner: Item 1 cannot be merged into itself: pick the other items to merge into it."
    missing = planner("--db", db, "item-merge", "1", "3", "99", check=False)
    assert one_line_error(missing) == "planner: There is no item 99. List them with `planner items`."
    usage = planner("--db", db, "item-merge", "1", check=False)
    assert usage.returncode == 2 and "the following arguments are required: OTHER_ID" in usage.stderr
    assert items(db) == before


@pytest.mark.parametrize("command", [("item-set", "99", "--effort", "2"), ("item-delete", "99"), ("item-duplicate", "99"),
                                     ("item-merge", "99", "1")])
def test_a_missing_item_exits_2_with_one_line(db, command):
    result = planner("--db", db, *command, check=False)
    assert one_line_error(result) == "planner: There is no item 99. List them with `planner items`."
