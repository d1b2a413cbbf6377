from __future__ import annotations

import pytest

from planner.errors import ImportFailed
from planner.scoring.metrics import add_template, import_metrics
from planner.storage import demand


def test_long_form_with_segments_and_japanese_numbers(ws, tmp_path):
    path = tmp_path / "long.csv"
    path.write_text("metric,date,value,segment\nWAU,2026-09-01,\"1,200\",\nWAU,2026-10,１３００,\nWAU,2026-10,300,SMB\n",
                    encoding="utf-8")
    summary = import_metrics(ws, path)
    assert (summary["form"], summary["metrics"], summary["values_new"]) == ("long", ["WAU"], 3)
    wau = demand.find_metric(ws, "wau")["id"]
    assert demand.metric_latest(ws)[wau] == ("2026-10-01", 1300.0)
    assert demand.metric_latest(ws, "smb")[wau] == ("2026-10-01", 300.0)
    again = import_metrics(ws, path)
    assert (again["values_new"], again["values_updated"], again["values_unchanged"]) == (0, 0, 3)


def test_wide_form_in_cp932(ws, tmp_path):
    path = tmp_path / "wide.csv"
    path.write_bytes("日付,週間アクティブ,NPS\n2026/09/01,1000,20\n2026/10/01,1100,\n".encode("cp932"))
    summary = import_metrics(ws, path)
    assert summary["form"] == "wide" and sorted(summary["metrics"]) == ["NPS", "週間アクティブ"]
    assert summary["values_new"] == 3


def test_a_bad_row_imports_nothing_and_names_the_row(ws, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("metric,date,value\nWAU,2026-09-01,100\nWAU,2026-10-01,lots\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match="row 3"):
        import_metrics(ws, path)
    assert demand.list_metrics(ws) == []


def test_templates_add_aarrr_and_north_star_once(ws):
    assert len(add_template(ws, "aarrr")) == 5
    assert add_template(ws, "AARRR") == []
    assert len(add_template(ws, "north star")) == 3
    stages = {m["stage"] for m in demand.list_metrics(ws)}
    assert {"Acquisition", "Activation", "Retention", "Referral", "Revenue", "North star"} <= stages


def test_metrics_commands_import_list_and_link_a_metric_as_reach(ws, tmp_path, capsys):
    import json

    from planner import ops
    from planner.cli import main

    ops.add_item(ws, title="Faster loading", impact=2, confidence=100, effort=2)
    path = str(ws.path)
    ws.close()
    csv_path = tmp_path / "m.csv"
    csv_path.write_text("date,Weekly active users\n2026-09-01,4000\n2026-10-01,5000\n", encoding="utf-8")
    assert main(["--db", path, "metrics-import", str(csv_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["values_new"] == 2
    assert main(["--db", path, "metrics", "--template", "north-star", "--json"]) == 0
    listed = {m["name"]: m for m in json.loads(capsys.readouterr().out)}
    assert listed["Weekly active users"]["latest_value"] == 5000
    assert main(["--db", path, "item-set", "1", "--metric", "weekly active users", "--metric-share", "0.1"]) == 0
    capsys.readouterr()
    assert main(["--db", path, "score", "--json"]) == 0
    row = json.loads(capsys.readouterr().out)[0]
    assert (row["reach_source"], row["reach"], row["score"]) == ("metric", 500, 500)
