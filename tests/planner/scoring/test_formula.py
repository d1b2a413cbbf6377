"""Your own formula: read safely, scored over every item at once, explained, saved, and written to the workbook."""

from __future__ import annotations

import math
import re

import pytest

from planner import ops
from planner.errors import ValidationError
from planner.importing.items import import_items
from planner.scoring import get_scoring_settings, score_items, set_scoring_settings
from planner.scoring.formula import parse
from planner.scoring.metrics import import_metrics
from planner.scoring.numbers import round_score

TODAY = "2026-11-01"
RICE = "reach * impact * confidence / effort"


def by_title(rows):
    return {r["title"]: r for r in rows}


def intercom(ws):
    ops.add_item(ws, title="A", reach=450, impact=3, confidence=100, effort=2)
    ops.add_item(ws, title="B", reach=2000, impact=1, confidence=80, effort=4)
    ops.add_item(ws, title="C", reach=800, impact=2, confidence=50, effort=1)


# ---------------------------------------------------------------- the parser refuses what is not a formula

@pytest.mark.parametrize("text, said", [
    ("__import__('os')", "'__import__' at 1–10 is not a factor or a function"),
    ("reach.__class__", "'.' at 6 is not part of a formula"),
    ("effort.real * 2", "'.' at 7 is not part of a formula"),
    ("lambda: reach", "'lambda' at 1–6 is not a factor or a function"),
    ("[reach for reach in effort]", "'[' at 1 is not part of a formula"),
    ("open('/etc/passwd')", "'open' at 1–4 is not a factor or a function"),
    ("'reach' * 2", "Text in quotes at 1–7 belongs only inside metric(\"...\") or field(\"...\")"),
    ("9 ** 9 ** 9", "The exponent 9 ** 9 of '^' at 3–4 is too large: use a power from -10 to 10"),
    ("reach ^ 1000", "The exponent 1000 of '^' at 7 is too large"),
    ("(" * 25 + "reach" + ")" * 25, "The formula nests too deeply at 21: at most 20 levels"),
    ("-" * 30 + "reach", "The formula nests too deeply"),
    ("reach + " * 70 + "1", "The formula is 561 characters long: at most 500 are read"),
    ("reach; effort", "';' at 6 is not part of a formula"),
])
def test_unsafe_input_is_refused_with_where_it_is(text, said):
    with pytest.raises(ValidationError) as caught:
        parse(text)
    assert said in str(caught.value)


@pytest.mark.parametrize("text, said", [
    ("reech * impact", "Unknown factor 'reech' at 1–5; did you mean reach?"),
    ("reach *", "The formula ends after '*': a factor, a number or '(' must follow."),
    ("reach impact", "After 'reach' at 1–5 an operator (+ - * / ^) must come, not 'impact' at 7–12."),
    ("(reach + 1", "The '(' at 1 is never closed: add ')'."),
    ("reach + 1)", "')' at 10 closes a bracket that was never opened."),
    ("", "The formula is empty: write one such as reach * impact * confidence / effort."),
    ("min(reach)", "'min' at 1–3 takes two or more numbers, separated by commas; it was given 1."),
    ("sqrt(reach, 2)", "'sqrt' at 1–4 takes one number; it was given 2."),
    ("log(reach, 1)", "The base of 'log' at 1–3 must be more than 0 and not 1."),
    ("impact(2)", "'impact' at 1–6 is a factor, not a function: write it without brackets."),
    ("reach * sqrt", "'sqrt' at 9–12 is a function: give it its numbers in brackets, sqrt(...)."),
    ("metric(reach)", "'metric' at 1–6 takes a name in quotes, such as metric(\"Weekly active users\")."),
    ("confidence * 80%", "'%' at 16 is not part of a formula: confidence is already a fraction (80 % is 0.8)"),
    ("reach, effort", "',' at 6 is outside a function"),
    ("field(\"points", "The text in quotes at 7 is never closed"),
])
def test_malformed_input_says_what_is_wrong_and_where(text, said):
    with pytest.raises(ValidationError) as caught:
        parse(text)
    assert said in str(caught.value)


def test_the_parser_reads_weights_powers_and_functions_in_the_usual_order():
    formula = parse("0.6*reach + 0.4*mrr/1000 - effort^2 + max(impact, 1) - -log(requests + 1, 10)")
    assert formula.factors == ("reach", "mrr", "effort", "impact", "requests")
    values = {"reach": 100, "mrr": 5000, "effort": 3, "impact": 0.5, "requests": 99}
    assert formula.score(values) == pytest.approx(60 + 2 - 9 + 1 + 2)
    assert parse("2^3^2").score({}) == 512  # powers group from the right, as in mathematics
    assert parse("-2^2").score({}) == -4
    assert parse("Reach * IMPACT").factors == ("reach", "impact")  # names are read whatever their case


# ---------------------------------------------------------------- scoring

def test_a_formula_equal_to_rice_reproduces_intercoms_675_400_800(ws):
    intercom(ws)
    rows = score_items(ws, method="custom", formula=RICE, today=TODAY)
    assert [(r["title"], r["score"], r["rank"]) for r in rows] == [("C", 800, 1), ("A", 675, 2), ("B", 400, 3)]
    assert rows[1]["explanation"].startswith("Your formula 675 = reach * impact * confidence / effort; reach 450")


def test_a_formula_equal_to_rice_ranks_the_demo_as_rice_does(demo_ws):
    rice = score_items(demo_ws, method="rice", today="2026-11-23", stability=False)
    ours = score_items(demo_ws, method="custom", formula=RICE, today="2026-11-23", stability=False)
    assert len(rice) > 20
    assert [(r["id"], r["rank"], r["score"]) for r in ours] == [(r["id"], r["rank"], r["score"]) for r in rice]


def test_weights_and_demand_signals(ws, ask):
    ops.upsert_company(ws, name="Acme", mrr=3000)
    ops.upsert_company(ws, name="Globex", mrr=2000)
    sso = ops.add_item(ws, title="SSO", effort=2, reach_mode="companies")
    ops.add_item(ws, title="Quiet", effort=1, reach_mode="companies")
    ask(sso["id"], company="Acme", person="ann")
    ask(sso["id"], company="Globex", person="bob")
    ask(sso["id"], company="Globex", person="cy")
    rows = by_title(score_items(ws, method="custom", formula="10*companies + requests + mrr/1000 - effort", today=TODAY))
    assert rows["SSO"]["score"] == 10 * 2 + 3 + 5 - 2
    assert rows["Quiet"]["score"] == -1  # no demand: only the effort counts, against it
    assert [r["title"] for r in score_items(ws, method="custom", formula="10*companies - effort", today=TODAY)] == \
        ["SSO", "Quiet"]


def test_functions_over_items(ws):
    ops.add_item(ws, title="A", reach=100, impact=2, confidence=50, effort=4)
    row = score_items(ws, method="custom", formula="sqrt(reach) * min(impact, 1) + log(effort, 2) + max(confidence, 0.9)",
                      today=TODAY)[0]
    assert row["score"] == pytest.approx(10 * 1 + 2 + 0.9)


def test_an_item_the_formula_cannot_score_says_why(ws):
    ops.add_item(ws, title="zero", reach=0, impact=1, confidence=100, effort=1)
    ops.add_item(ws, title="one", reach=10, impact=1, confidence=100, effort=1)
    ops.add_item(ws, title="no impact", reach=10, confidence=100, effort=1)
    ops.add_item(ws, title="fine", reach=10, impact=2, confidence=100, effort=1)
    rows = by_title(score_items(ws, method="custom", formula="log(reach) * impact / (impact - 1)", today=TODAY))
    assert rows["zero"]["score"] is None and rows["zero"]["unscored_reason"] == "the formula takes the log of zero or less"
    assert rows["one"]["unscored_reason"] == "the formula divides by zero"
    assert rows["no impact"]["unscored_reason"] == "impact missing"
    assert rows["fine"]["score"] == pytest.approx(round(math.log(10) * 2, 2)) and rows["fine"]["rank"] == 1
    assert "Unscored: the formula divides by zero." in rows["one"]["explanation"]
    negative = score_items(ws, method="custom", formula="sqrt(impact - 1.5)", today=TODAY)
    assert by_title(negative)["one"]["unscored_reason"] == "the formula takes the square root of a negative number"


def test_metrics_and_the_items_own_fields(ws, tmp_path):
    sheet = tmp_path / "backlog.csv"
    sheet.write_text("Title,Story points,Effort\nSSO,5,2\nExport,3,1\nDark mode,,1\n", encoding="utf-8")
    import_items(ws, sheet)
    values = tmp_path / "metrics.csv"
    values.write_text("metric,date,value\nWeekly active users,2026-09-01,1000\nWeekly active users,2026-10-01,1200\n",
                      encoding="utf-8")
    import_metrics(ws, values)
    formula = 'field("story_points") * metric("Weekly active users") / 100 / effort'
    rows = by_title(score_items(ws, method="custom", formula=formula, today=TODAY))
    assert (rows["SSO"]["score"], rows["Export"]["score"]) == (30, 36)  # 5 x 1200 / 100 / 2; 3 x 1200 / 100 / 1
    assert rows["Dark mode"]["unscored_reason"] == 'field("story_points") missing (the item has no such number)'
    sources = {f["name"]: f["source"] for f in rows["SSO"]["factors"]}
    assert sources['metric("Weekly active users")'] == "metric Weekly active users (2026-10-01)"
    unknown = score_items(ws, method="custom", formula='metric("DAU") * effort', today=TODAY)
    assert {r["unscored_reason"] for r in unknown} == {"there is no metric “DAU”"}


def test_a_sum_is_explained_term_by_term(ws):
    ops.add_item(ws, title="A", reach=100, impact=2, confidence=80, effort=3)
    row = score_items(ws, method="custom", formula="0.6*reach + 10*impact - effort", today=TODAY)[0]
    assert row["score"] == 77
    factors = {f["name"]: f for f in row["factors"]}
    assert [f["name"] for f in row["factors"]] == ["reach", "impact", "effort"]
    assert (factors["reach"]["term"], factors["reach"]["share"]) == ("0.6*reach", round(60 / 83, 3))
    assert (factors["effort"]["term"], factors["effort"]["share"]) == ("-effort", round(-3 / 83, 3))
    assert factors["impact"]["source"] == "estimate (high)"
    assert "0.6*reach 60 (72%), 10*impact 20 (24%), -effort -3 (-4%)" in row["explanation"]


def test_a_product_is_explained_by_each_factors_part(ws):
    ops.add_item(ws, title="A", reach=450, impact=3, confidence=100, effort=2)
    row = score_items(ws, method="custom", formula=RICE, today=TODAY)[0]
    shares = {f["name"]: f["share"] for f in row["factors"]}
    logs = {"reach": math.log(450), "impact": math.log(3), "confidence": 0.0, "effort": -math.log(2)}
    total = sum(abs(v) for v in logs.values())
    assert shares == {k: round(v / total, 3) for k, v in logs.items()}
    assert {f["name"]: f["text"] for f in row["factors"]}["confidence"] == "100%"


# ---------------------------------------------------------------- the workspace's setting

def test_the_formula_is_saved_checked_and_used(ws):
    intercom(ws)
    with pytest.raises(ValidationError, match=re.escape("Unknown factor 'efort' at 31–35; did you mean effort?")):
        set_scoring_settings(ws, method="custom", formula="reach * impact * confidence / efort")
    with pytest.raises(ValidationError, match="Your own formula is empty"):
        set_scoring_settings(ws, method="custom")
    assert get_scoring_settings(ws)["method"] == "rice"
    set_scoring_settings(ws, method="custom", formula="  reach *   impact * confidence / effort ")
    assert (get_scoring_settings(ws)["method"], get_scoring_settings(ws)["formula"]) == ("custom", RICE)
    assert [r["score"] for r in score_items(ws, today=TODAY)] == [800, 675, 400]
    # another method keeps the formula for later, and its scores side by side
    set_scoring_settings(ws, method="ice")
    assert score_items(ws, today=TODAY)[0]["scores"]["custom"] in (800, 675, 400)


def test_changing_the_formula_is_one_undoable_step(ws):
    intercom(ws)
    done = ops.change_scoring(ws, method="custom", formula="reach / effort")
    assert [(r["title"], r["score"]) for r in score_items(ws, today=TODAY)] == [("C", 800), ("B", 500), ("A", 225)]
    ops.undo(ws, done)
    assert (get_scoring_settings(ws)["method"], get_scoring_settings(ws)["formula"]) == ("rice", "")


def test_explanations_follow_a_new_formula_with_the_same_scores(ws):
    intercom(ws)
    first = score_items(ws, method="custom", formula="reach * 2 / 2", today=TODAY)
    second = score_items(ws, method="custom", formula="reach", today=TODAY)
    assert [r["score"] for r in first] == [r["score"] for r in second]
    assert second[0]["explanation"].startswith("Your formula 2,000 = reach;")


# ---------------------------------------------------------------- the workbook

WORKBOOK_FORMULA = "0.6*reach*confidence + sqrt(reach)*max(impact, 1.5) - effort^2 + log(reach, 10) - -mrr/1000"


def _export_custom(ws, tmp_path):
    import openpyxl

    from planner.exporting import export_roadmap

    intercom(ws)
    set_scoring_settings(ws, method="custom", formula=WORKBOOK_FORMULA)
    out = tmp_path / "roadmap.xlsx"
    export_roadmap(ws, out)
    return out, openpyxl.load_workbook(out)["Priorities"]


def test_the_workbook_holds_the_formula_live_over_the_rows_factor_cells(ws, tmp_path):
    _out, sheet = _export_custom(ws, tmp_path)
    head = [c.value for c in sheet[1]]
    assert head[7:13] == ["Score", "Reach", "Confidence", "Impact", "Effort", "Mrr"]
    rows = {r[2]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["B"][7] == "=0.6*I2*J2+SQRT(I2)*MAX(K2,1.5)-L2^2+LOG(I2,10)--M2/1000"
    assert rows["B"][8:13] == (2000, 0.8, 1, 4, 0)  # confidence as the fraction the formula takes


def test_a_spreadsheet_program_computes_the_scores_we_do(ws, tmp_path):
    import shutil
    import subprocess

    import openpyxl

    assert shutil.which("soffice"), "LibreOffice is needed to check the workbook's formulas"
    out, sheet = _export_custom(ws, tmp_path)
    ours = {r["title"]: r["score"] for r in score_items(ws, today=TODAY)}
    # openpyxl saves no results: the program has to compute every formula itself
    plain = tmp_path / "plain.xlsx"
    openpyxl.load_workbook(out).save(plain)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless", "--calc",
                    "--convert-to", "xlsx", "--outdir", str(tmp_path / "lo"), str(plain)],
                   check=True, capture_output=True, timeout=180)
    computed = openpyxl.load_workbook(tmp_path / "lo" / "plain.xlsx", data_only=True)["Priorities"]
    theirs = {r[2]: r[7] for r in computed.iter_rows(min_row=2, values_only=True)}
    assert set(theirs) == {"A", "B", "C"}
    # as every score is shown (numbers.py): whole numbers from 100 up, so 1014.38 reads 1,014 in both
    assert {title: round_score(value) for title, value in theirs.items()} == ours
    assert theirs["B"] == pytest.approx(0.6 * 2000 * 0.8 + math.sqrt(2000) * 1.5 - 16 + math.log10(2000))


def test_a_stored_number_out_of_its_range_is_named_as_the_built_in_methods_name_it(tmp_path):
    import sqlite3

    from planner.storage import open_workspace

    path = tmp_path / "edited.db"
    ws = open_workspace(path)
    ops.add_item(ws, title="Bad", reach=10, impact=1, confidence=100, effort=1)
    ops.add_item(ws, title="Good", reach=10, impact=1, confidence=100, effort=1)
    ws.close()
    con = sqlite3.connect(path)
    con.execute("UPDATE items SET effort = 5000 WHERE title = 'Bad'")  # a workspace edited by hand
    con.commit()
    con.close()
    ws = open_workspace(path)
    try:
        rows = by_title(score_items(ws, method="custom", formula="reach / effort", today=TODAY))
        assert rows["Bad"]["score"] is None and rows["Bad"]["unscored_reason"] == "effort is outside 0.05\u20131000"
        assert (rows["Good"]["score"], rows["Good"]["rank"]) == (10, 1)
    finally:
        ws.close()
