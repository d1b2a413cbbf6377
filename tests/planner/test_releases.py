"""Release notes and whom to tell for a lane: the words customers read, who asked, and marking them informed."""

from datetime import date

import pytest

from planner import ops
from planner.errors import NotFoundError, ValidationError
from planner.releases import format_notes, mark_informed, release_notes, whom_csv, whom_to_tell


def build_release_workspace(ws) -> dict:
    """Lane v4.2 with three items (one with a public title, one without a theme) and a won't-do item;
    an empty lane v4.3; requests from Acme (two people), Globex (asking for two items), a Japanese company,
    one requester without a company, and requests for the won't-do item and for an item off the lane."""
    ops.add_lane(ws, name="v4.2", kind="release", start_date="2026-12-01", end_date="2027-01-15")
    ops.add_lane(ws, name="v4.3", kind="release")
    sso = ops.add_item(ws, title="SSO", theme="Security", status="shipped", lane="v4.2")["id"]
    ops.edit_item(ws, sso, public_title="Sign in with your company account",
                  public_summary="Use Okta or Azure AD to sign in.")
    audit = ops.add_item(ws, title="Audit log", theme="Security", status="planned", lane="v4.2")["id"]
    dark = ops.add_item(ws, title="Dark mode", status="in_progress", lane="v4.2")["id"]
    dropped = ops.add_item(ws, title="Fax export", theme="Legacy", status="wont_do", lane="v4.2")["id"]
    elsewhere = ops.add_item(ws, title="Reports", theme="Analytics", status="planned")["id"]

    def ask(title, item_ids, **who):
        request_id = ops.add_request(ws, title=title, **who)["id"]
        for item_id in item_ids:
            ops.link_requests(ws, [request_id], item_id)
        return request_id

    requests = {
        "ann": ask("Need SAML login", [sso], requester="Ann", email="ann@acme.example", company="Acme"),
        "bob": ask("Okta please", [sso], requester="Bob", email="bob@acme.example", company="Acme"),
        "cy": ask("SSO and a dark theme", [sso, dark], requester="Cy", email="cy@globex.example", company="Globex"),
        "dee": ask("Dark mode for night shifts", [dark], requester="Dee", email="dee@mail.example"),
        "tanaka": ask("監査ログが必要です", [audit], requester="田中", email="tanaka@hikari.example",
                      company="株式会社ひかり"),
        "fax": ask("Fax it", [dropped], requester="Ed", email="ed@acme.example", company="Acme"),
        "reports": ask("Monthly reports", [elsewhere], requester="Flo", email="flo@globex.example", company="Globex"),
    }
    acme = next(c for c in ops.list_companies(ws) if c["name"] == "Acme")
    ops.edit_company(ws, acme["id"], owner="Mia Sales")
    return {"sso": sso, "audit": audit, "dark": dark, "dropped": dropped, "requests": requests}


@pytest.fixture
def world(ws):
    return ws, build_release_workspace(ws)


def test_release_notes_group_the_lanes_items_by_theme_in_customer_words(world):
    ws, ids = world
    notes = release_notes(ws, "v4.2")
    assert notes["lane"]["name"] == "v4.2" and notes["count"] == 3
    assert [g["theme"] for g in notes["themes"]] == ["Security", "Other"]  # won't-do left out, "Other" last
    security = notes["themes"][0]["items"]
    assert [(i["title"], i["status"]) for i in security] == [
        ("Sign in with your company account", "shipped"), ("Audit log", "planned")]
    assert security[0]["summary"] == "Use Okta or Azure AD to sign in."
    assert security[0]["internal_title"] == "SSO"
    assert security[0]["companies"] == ["Acme", "Globex"]  # the most requests first
    assert security[0]["requests"] == 3
    other = notes["themes"][1]["items"]
    assert [(i["title"], i["companies"], i["requests"]) for i in other] == [("Dark mode", ["Globex"], 2)]
    assert release_notes(ws, notes["lane"]["id"])["themes"] == notes["themes"]  # by id as by name


def test_business_edition_names_companies_only_where_allowed(world):
    ws, _ = world
    business = release_notes(ws, "v4.2", edition="business")
    first = business["themes"][0]["items"][0]
    assert first["companies"] == ["Acme", "Globex"] and "internal_title" not in first
    hidden = release_notes(ws, "v4.2", edition="business", include_companies=False)
    assert [i["companies"] for g in hidden["themes"] for i in g["items"]] == [[], [], []]
    assert "Acme" not in format_notes(hidden, "md") and "Asked for by" not in format_notes(hidden, "text")


def test_an_idea_parked_in_the_lane_is_in_the_pdms_draft_but_promised_to_no_customer(world):
    ws, _ = world
    ops.add_item(ws, title="Maybe: offline mode", theme="Security", status="idea", lane="v4.2")
    internal = release_notes(ws, "v4.2")
    assert internal["count"] == 4 and "Maybe: offline mode" in format_notes(internal, "md")
    business = release_notes(ws, "v4.2", edition="business")
    assert business["count"] == 3 and "offline" not in format_notes(business, "md")


def test_markdown_starts_with_the_lanes_name_and_dates_and_text_uses_bullets(world):
    ws, _ = world
    notes = release_notes(ws, "v4.2")
    md = format_notes(notes, "md")
    assert md.splitlines()[0] == "# v4.2 · 2026-12-01 – 2027-01-15"
    assert "## Security" in md and "- **Sign in with your company account** (shipped): Use Okta or Azure AD" in md
    assert "  Asked for by Acme and Globex." in md
    text = format_notes(notes, "text")
    assert text.splitlines()[0] == "v4.2 (2026-12-01 – 2027-01-15)"
    assert "• Dark mode (in progress)" in text
    assert "#" not in text and "**" not in text


def test_a_title_with_markdown_characters_stays_a_title(world):
    ws, ids = world
    ops.edit_item(ws, ids["audit"], public_title="Audit *everything* #now")
    md = format_notes(release_notes(ws, "v4.2"), "md")
    assert "**Audit \\*everything\\* \\#now**" in md


def test_whom_to_tell_has_a_row_per_company_and_item_and_one_per_requester_without_a_company(world):
    ws, ids = world
    rows = whom_to_tell(ws, "v4.2")
    assert [(r["company"], r["item_id"], r["requests"]) for r in rows] == [
        ("Acme", ids["sso"], 2), ("Globex", ids["sso"], 1), ("Globex", ids["dark"], 1),
        ("株式会社ひかり", ids["audit"], 1), ("", ids["dark"], 1)]
    acme = rows[0]
    assert acme["item"] == "Sign in with your company account"
    assert acme["requesters"] == ["Ann", "Bob"]
    assert acme["emails"] == ["ann@acme.example", "bob@acme.example"]
    assert acme["owner"] == "Mia Sales" and rows[1]["owner"] == ""
    assert acme["words"] == ["Need SAML login", "Okta please"]
    assert (rows[4]["requesters"], rows[4]["emails"]) == (["Dee"], ["dee@mail.example"])


def test_business_edition_of_whom_to_tell_names_no_people(world):
    ws, ids = world
    rows = whom_to_tell(ws, "v4.2", edition="business")
    assert [(r["company"], r["item_id"]) for r in rows][0] == ("Acme", ids["sso"])
    for row in rows:
        assert not {"requesters", "emails", "owner", "words"} & set(row)
    csv = whom_csv(rows, "business")
    assert csv.splitlines()[0] == "company,item_id,item,requests,informed_at"
    assert "ann@acme.example" not in csv and "Ann" not in csv


def test_informed_rows_leave_the_list_and_come_back_with_include_informed(world):
    ws, ids = world
    result = mark_informed(ws, "v4.2", item_id=ids["sso"])
    assert result.value["requests"] == 3 and result.value["companies"] == 2 and result.value["day"] == date.today().isoformat()
    assert result.text == "Mark 3 requests informed for v4.2"
    rows = whom_to_tell(ws, "v4.2")
    assert [(r["company"], r["item_id"]) for r in rows] == [
        ("Globex", ids["dark"]), ("株式会社ひかり", ids["audit"]), ("", ids["dark"])]
    everyone = whom_to_tell(ws, "v4.2", include_informed=True)
    assert len(everyone) == 5
    told = [r for r in everyone if r["item_id"] == ids["sso"]]
    assert [r["informed_at"] for r in told] == [date.today().isoformat()] * 2
    # Globex's request for SSO and dark mode: told about SSO only, so it still waits for dark mode.
    assert ("Globex", ids["dark"]) in [(r["company"], r["item_id"]) for r in rows]


def test_an_informed_link_keeps_its_first_date(world):
    ws, ids = world
    mark_informed(ws, "v4.2", request_ids=[ids["requests"]["ann"]], day="2026-11-01")
    again = mark_informed(ws, "v4.2", day="2026-12-05")
    assert again.value["requests"] == 4 and again.value["already"] == 1
    acme = whom_to_tell(ws, "v4.2", include_informed=True)[0]
    assert acme["informed_at"] == "2026-12-05"  # the latest day, once every request of the row is told
    ann = ws.db.execute("SELECT informed_at FROM links WHERE request_id = ?", [ids["requests"]["ann"]]).fetchone()
    assert ann[0] == "2026-11-01"
    nothing = mark_informed(ws, "v4.2")
    assert nothing.value["requests"] == 0 and not nothing.changed and nothing.undo is None


def test_undo_of_mark_informed_brings_the_rows_back_and_redo_takes_them_away(world):
    ws, ids = world
    before = whom_to_tell(ws, "v4.2")
    result = mark_informed(ws, "v4.2")
    assert whom_to_tell(ws, "v4.2") == []
    assert result.changed and not result.changes.scores  # being told moves no score
    undone = ops.undo(ws, result)
    assert whom_to_tell(ws, "v4.2") == before
    ops.redo(ws, undone)
    assert whom_to_tell(ws, "v4.2") == []


def test_editing_public_texts_is_validated_and_undoable(world):
    ws, ids = world
    result = ops.edit_item(ws, ids["audit"], public_title="  Every change, on record  ", public_summary="")
    assert (result.value["public_title"], result.value["public_summary"]) == ("Every change, on record", None)
    assert not result.changes.scores
    ops.undo(ws, result)
    assert ops.get_item(ws, ids["audit"])["public_title"] is None
    with pytest.raises(ValidationError, match="not valid text"):
        ops.edit_item(ws, ids["audit"], public_title="bad \udcff byte")


def test_mark_informed_refuses_an_item_or_request_that_is_not_on_the_lane(world):
    ws, ids = world
    with pytest.raises(ValidationError, match="Item .* is not on lane 'v4.2'"):
        mark_informed(ws, "v4.2", item_id=ids["dropped"])
    with pytest.raises(ValidationError, match=f"Request\\(s\\) {ids['requests']['reports']} ask for nothing"):
        mark_informed(ws, "v4.2", request_ids=[ids["requests"]["reports"]])
    with pytest.raises(ValidationError, match="no items"):
        mark_informed(ws, "v4.3")
    with pytest.raises(NotFoundError):
        whom_to_tell(ws, "v9")
    assert whom_to_tell(ws, "v4.2") != []  # nothing was marked


def test_merging_items_keeps_the_informed_date_of_moved_links(world):
    ws, ids = world
    mark_informed(ws, "v4.2", item_id=ids["audit"], day="2026-11-02")
    ops.merge_items(ws, ids["sso"], [ids["audit"]])
    tanaka = ws.db.execute("SELECT item_id, informed_at FROM links WHERE request_id = ?",
                           [ids["requests"]["tanaka"]]).fetchone()
    assert tuple(tanaka) == (ids["sso"], "2026-11-02")


def test_marking_a_row_tells_a_request_about_that_item_only(world):
    ws, ids = world
    cy = ids["requests"]["cy"]  # Globex asks for SSO and dark mode in one request
    mark_informed(ws, "v4.2", pairs=[(cy, ids["sso"])])
    left = [(r["company"], r["item_id"]) for r in whom_to_tell(ws, "v4.2")]
    assert ("Globex", ids["sso"]) not in left and ("Globex", ids["dark"]) in left
    with pytest.raises(ValidationError, match=f"Request {cy} does not ask for item {ids['audit']}"):
        mark_informed(ws, "v4.2", pairs=[(cy, ids["audit"])])
