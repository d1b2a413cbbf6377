"""Companies and segments corrected by hand: edit, merge, rename a segment; each undone and redone.

Each undo case runs an operation on a small workspace, then checks that undo
puts every table back exactly as it was and that redo makes it exactly as the
operation left it, with the same ids (as tests/planner/test_history.py does).
"""

from __future__ import annotations

import pytest

from planner import ops
from planner.errors import NotFoundError, ValidationError
from planner.ops import Entity
from planner.scoring.settings import get_scoring_settings

TABLES = ("items", "requests", "links", "companies", "lanes", "settings", "import_batches")


def dump(ws) -> dict:
    return {t: ws.db.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in TABLES}


@pytest.fixture
def world(ws):
    """Five companies in Enterprise, 大企業 and SMB; Acme twice (as “Acme Corp”), with requests and a link."""
    ops.upsert_company(ws, name="Acme", segment="Enterprise", plan="Scale", mrr=5000)
    ops.upsert_company(ws, name="Acme Corp", segment="大企業", domain="acme.example", mrr=4000)
    ops.upsert_company(ws, name="Globex", segment="Enterprise", mrr=8000)
    ops.upsert_company(ws, name="株式会社ヤマト", segment="大企業", plan="Enterprise", arr=120000)
    ops.upsert_company(ws, name="Initech", segment="SMB", mrr=300)
    sso = ops.add_item(ws, title="SSO", effort=3, impact=2, confidence=80)
    a = ops.add_request(ws, title="We need SAML", company="Acme", source="zendesk", external_id="1")
    ops.add_request(ws, title="SAML via Okta", company="Acme Corp", source="zendesk", external_id="2")
    ops.add_request(ws, title="Audit log", company="Acme Corp", source="zendesk", external_id="3")
    ops.add_request(ws, title="シングルサインオン", company="株式会社ヤマト")
    ops.link_requests(ws, [a["id"]], sso["id"], importance="critical")
    return ws


def _company(ws, name: str) -> dict:
    found = ops.find_company(ws, name)
    assert found is not None, name
    return found


def _cid(ws, name: str) -> int:
    return _company(ws, name)["id"]


CASES = {
    "rename a company": lambda ws: ops.edit_company(ws, _cid(ws, "Globex"), name="Globex Corporation"),
    "set the segment": lambda ws: ops.edit_company(ws, _cid(ws, "Initech"), segment="Mid-market"),
    "set MRR (ARR follows)": lambda ws: ops.edit_company(ws, _cid(ws, "Acme"), mrr=6000),
    "set renewal date and owner": lambda ws: ops.edit_company(ws, _cid(ws, "Globex"), renewal_date="2027-03-31",
                                                              owner="Account team East"),
    "merge two companies": lambda ws: ops.merge_companies(ws, _cid(ws, "Acme"), [_cid(ws, "Acme Corp")]),
    "merge three companies": lambda ws: ops.merge_companies(ws, _cid(ws, "Globex"),
                                                            [_cid(ws, "Acme Corp"), _cid(ws, "Initech")]),
    "rename a segment": lambda ws: ops.rename_segment(ws, "SMB", "Small business"),
    "merge 大企業 into Enterprise": lambda ws: ops.rename_segment(ws, "大企業", "Enterprise"),
}


@pytest.mark.parametrize("name", CASES)
def test_undo_puts_every_row_back_and_redo_does_it_again(world, name):
    before = dump(world)
    done = CASES[name](world)
    after = dump(world)
    assert after != before, "the operation changed nothing"
    assert done.changed and done.text and done.changes.touches(Entity.COMPANIES)

    undone = ops.undo(world, done)
    assert dump(world) == before
    assert undone.changes.ids.keys() == done.changes.ids.keys()

    ops.redo(world, undone)
    assert dump(world) == after  # the same ids: nothing made anew


def test_the_new_columns_are_there_and_empty_on_an_old_company(world):
    acme = _company(world, "Acme")
    assert acme["renewal_date"] is None and acme["owner"] is None
    listed = {c["name"]: c for c in ops.list_companies(world)}
    assert {"id", "name", "segment", "plan", "mrr", "arr", "renewal_date", "owner", "domain", "requests",
            "last_asked"} <= set(listed["Acme"])
    assert listed["Acme Corp"]["requests"] == 2


def test_editing_a_company_sets_what_is_given_and_says_what_changed(world):
    acme = _cid(world, "Acme")
    done = ops.edit_company(world, acme, mrr="6000", renewal_date="2027-03-31", owner="  Sales   East ")
    assert (done["mrr"], done["arr"], done["renewal_date"], done["owner"]) == (6000, 72000, "2027-03-31", "Sales East")
    assert done["requests"] == 1
    assert done.text == "Change MRR, ARR, renewal date, owner of company “Acme”"
    by_arr = ops.edit_company(world, acme, arr=24000)
    assert (by_arr["mrr"], by_arr["arr"]) == (2000, 24000)
    both = ops.edit_company(world, acme, mrr=100, arr=1200)
    assert (both["mrr"], both["arr"]) == (100, 1200)
    cleared = ops.edit_company(world, acme, mrr=None, renewal_date="", segment="")
    assert (cleared["mrr"], cleared["arr"], cleared["renewal_date"], cleared["segment"]) == (None, None, None, None)
    same = ops.edit_company(world, acme, plan="Scale")
    assert not same.changed


def test_renaming_updates_the_name_key_so_the_new_name_is_found(world):
    globex = _cid(world, "Globex")
    ops.edit_company(world, globex, name="Globex  Corporation ")
    assert ops.find_company(world, "globex corporation")["id"] == globex
    assert ops.find_company(world, "Globex") is None
    # An import naming the new name finds the same company.
    row, created = ops.upsert_company(world, name="GLOBEX CORPORATION").value
    assert (row["id"], created) == (globex, False)
    # A change of case only is a rename too.
    assert ops.edit_company(world, globex, name="GLOBEX Corporation")["name"] == "GLOBEX Corporation"


def test_a_name_another_company_has_is_refused_with_a_hint_to_merge(world, dump):
    before = dump(world)
    with pytest.raises(ValidationError, match="already a company named “Acme”") as refused:
        ops.edit_company(world, _cid(world, "Acme Corp"), name="ＡＣＭＥ")  # full-width: the same name
    assert f"company-merge {_cid(world, 'Acme')} {_cid(world, 'Acme Corp')}" in refused.value.hint
    assert "merge" in str(refused.value)
    assert dump(world) == before


@pytest.mark.parametrize("fields, message", [
    (dict(mrr=-1), "MRR cannot be negative"),
    (dict(arr=-12), "ARR cannot be negative"),
    (dict(mrr="lots"), "MRR must be a number"),
    (dict(mrr=float("inf")), "MRR must be a finite number"),
    (dict(mrr=1e14), "MRR must be an amount from 0 to"),
    (dict(mrr=100, arr=1000), "disagree: ARR is 12 × MRR"),
    (dict(mrr=100, arr=None), "Give MRR or ARR"),
    (dict(renewal_date="31/03/2027"), "renewal date must be a date like 2027-03-31"),
    (dict(renewal_date="2027-02-30"), "renewal date must be a date like"),
    (dict(name="   "), "A company needs a name"),
    (dict(domain="not a domain"), "A domain looks like example.com"),
    (dict(colour="red"), "Unknown company field"),
])
def test_bad_values_are_refused_with_what_is_expected_and_change_nothing(world, dump, fields, message):
    before = dump(world)
    with pytest.raises(ValidationError, match=message):
        ops.edit_company(world, _cid(world, "Acme"), **fields)
    assert dump(world) == before


def test_a_missing_company_is_not_found(world):
    for bad in (999, "x", 2**70):
        with pytest.raises(NotFoundError, match="There is no company"):
            ops.edit_company(world, bad, plan="Pro")
    with pytest.raises(NotFoundError, match="There is no company 999"):
        ops.merge_companies(world, _cid(world, "Acme"), [999])
    with pytest.raises(NotFoundError, match="There is no company 998"):
        ops.require_company(world, 998)


def test_merging_moves_the_requests_fills_empty_fields_and_deletes_the_others(world):
    acme, corp = _cid(world, "Acme"), _cid(world, "Acme Corp")
    corp_requests = [r["id"] for r in ops.list_requests(world) if r["company_id"] == corp]
    done = ops.merge_companies(world, acme, [corp])
    assert done.value["requests_moved"] == 2 and done.value["merged"] == ["Acme Corp"]
    kept = done.value["company"]
    # Its own values stay; the domain it lacked comes from the other.
    assert (kept["segment"], kept["plan"], kept["mrr"], kept["domain"]) == ("Enterprise", "Scale", 5000, "acme.example")
    assert kept["requests"] == 3
    assert ops.find_company(world, "Acme Corp") is None
    assert {r["company_id"] for r in ops.list_requests(world) if r["id"] in corp_requests} == {acme}
    assert done.text == "Merge “Acme Corp” into “Acme”"
    assert done.changes.touches(Entity.REQUESTS, Entity.COMPANIES) and done.changes.scores


def test_merging_fills_money_as_a_pair(world):
    initech = ops.edit_company(world, _cid(world, "Initech"), mrr=None)
    yamato = _cid(world, "株式会社ヤマト")
    kept = ops.merge_companies(world, initech["id"], [yamato]).value["company"]
    assert (kept["mrr"], kept["arr"], kept["segment"], kept["plan"]) == (10000, 120000, "SMB", "Enterprise")


def test_merging_refuses_the_kept_company_itself_and_an_empty_list(world, dump):
    acme = _cid(world, "Acme")
    before = dump(world)
    with pytest.raises(ValidationError, match="cannot be merged into itself"):
        ops.merge_companies(world, acme, [acme])
    with pytest.raises(ValidationError, match="at least one company"):
        ops.merge_companies(world, acme, [])
    assert dump(world) == before


def test_segments_are_listed_with_their_counts(world):
    assert ops.list_segments(world) == [
        {"segment": "Enterprise", "companies": 2}, {"segment": "大企業", "companies": 2}, {"segment": "SMB", "companies": 1},
    ]


def test_renaming_a_segment_to_one_that_exists_merges_them(world):
    done = ops.rename_segment(world, "大企業", "Enterprise")
    assert done.value == 2
    assert done.text == "Merge segment “大企業” into “Enterprise”"
    assert ops.list_segments(world) == [{"segment": "Enterprise", "companies": 4}, {"segment": "SMB", "companies": 1}]
    assert _company(world, "株式会社ヤマト")["segment"] == "Enterprise"
    renamed = ops.rename_segment(world, "SMB", "Small business")
    assert renamed.value == 1 and renamed.text == "Rename segment “SMB” to “Small business”"


def test_renaming_a_segment_refuses_an_unknown_or_empty_name(world, dump):
    before = dump(world)
    with pytest.raises(NotFoundError, match="No company has the segment “中堅”") as missing:
        ops.rename_segment(world, "中堅", "Mid-market")
    assert "Enterprise" in missing.value.hint
    with pytest.raises(ValidationError, match="new name of segment “SMB”"):
        ops.rename_segment(world, "SMB", "  ")
    assert dump(world) == before
    assert not ops.rename_segment(world, "SMB", "SMB").changed


def test_the_scoring_segment_follows_a_merged_segment_in_the_same_step(world):
    ops.change_scoring(world, segment="大企業")
    done = ops.rename_segment(world, "大企業", "Enterprise")
    assert get_scoring_settings(world)["segment"] == "Enterprise"
    assert done.changes.touches(Entity.SETTINGS)
    ops.undo(world, done)
    assert get_scoring_settings(world)["segment"] == "大企業"
    assert _company(world, "Acme Corp")["segment"] == "大企業"


def test_the_scoring_segment_stays_when_another_segment_is_renamed(world):
    ops.change_scoring(world, segment="Enterprise")
    done = ops.rename_segment(world, "SMB", "Small business")
    assert get_scoring_settings(world)["segment"] == "Enterprise"
    assert not done.changes.touches(Entity.SETTINGS)


def test_an_import_still_updates_companies_with_the_new_columns_in_place(world, tmp_path):
    ops.edit_company(world, _cid(world, "Acme"), owner="Sales East", renewal_date="2027-01-31")
    path = tmp_path / "tickets.csv"
    path.write_text("id,subject,organization\n71,Gantt chart,Acme\n72,Slack alerts,Hooli\n", encoding="utf-8")
    ops.import_requests(world, path, preset="zendesk")
    acme = _company(world, "Acme")
    assert (acme["owner"], acme["renewal_date"]) == ("Sales East", "2027-01-31")
    assert _company(world, "Hooli")["owner"] is None
