"""What the columns of a backlog sheet or a tracker export mean, and how their cells read as item fields.

Header names are compared after `header_key` (case, width, accents and spaces
ignored), with Jira's `Custom field (Story Points)` read as `Story Points` and
a trailing unit in brackets (`Effort (person-months)`, `工数（人月）`) tried
without it. Cells are read as people write them: impact as 3 or "High",
confidence as 80 %, 0.8 or "Medium", a tracker's issue types and states as
our kinds and statuses. A cell that cannot be read raises `ValueProblem` with
what was expected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from planner.domain import validate_item_fields
from planner.errors import ValidationError
from planner.importing.mapping import header_key
from planner.importing.table import Percent, cell_text
from planner.importing.values import ValueProblem, nfkc, parse_number

ITEM_FIELDS_IMPORTED = (
    "title", "description", "kind", "status", "theme", "tags", "owner", "lane",
    "reach", "impact", "confidence", "effort", "value",
    "ice_impact", "ice_confidence", "ice_ease", "wsjf_value", "wsjf_time", "wsjf_risk", "wsjf_size",
    "story_points", "score", "external_id", "url", "start_date", "end_date",
)
# Fields with no column of their own on an item: kept in its `fields` JSON (the sheet's score only to read, never ours).
EXTRA_FIELDS = {"story_points": "story_points", "score": "sheet_score"}
# Fields whose repeated columns (Jira's three `Labels`, its two `Sprint`) are all read.
REPEATED = frozenset({"tags", "lane"})

# In claiming order: a header goes to the first field that names it. Inside a list, the first header found wins.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "external_id": ("issue key", "key", "id", "issue id", "number", "#", "no", "no.", "番号", "キー", "チケット番号",
                    "管理番号", "clé de ticket"),
    "url": ("html url", "url", "link", "issue url", "web url", "リンク"),
    "title": ("title", "feature", "feature name", "initiative", "idea", "summary", "name", "item", "subject",
              "施策名", "施策", "機能", "機能名", "項目", "件名", "タイトル", "要望", "résumé", "resume"),
    "description": ("description", "details", "detail", "body", "説明", "詳細", "概要", "内容", "descriptif"),
    "kind": ("issue type", "type", "kind", "item type", "種別", "種類", "タイプ", "区分", "type de demande"),
    "status": ("status", "state", "ステータス", "状態", "状況", "etat", "état"),
    "story_points": ("story points", "story point", "story point estimate", "estimate", "sp", "points",
                     "ストーリーポイント", "ポイント"),
    "score": ("score", "rice score", "rice", "ice score", "ice", "wsjf score", "wsjf", "スコア", "優先度スコア",
              "riceスコア"),
    "ice_ease": ("ease", "ice ease", "容易さ", "容易性", "実現容易性"),
    "ice_impact": ("ice impact",),
    "ice_confidence": ("ice confidence",),
    "wsjf_value": ("business value", "user business value", "user/business value", "ビジネス価値"),
    "wsjf_time": ("time criticality", "時間的緊急性", "時間的重要度"),
    "wsjf_risk": ("risk reduction", "risk reduction/opportunity enablement", "rr/oe", "risk reduction opportunity enablement",
                  "リスク低減"),
    "wsjf_size": ("job size", "ジョブサイズ"),
    "reach": ("reach", "リーチ", "到達数", "影響人数"),
    "impact": ("impact", "インパクト", "影響度", "影響"),
    "confidence": ("confidence", "確信度", "自信度", "確度", "信頼度"),
    "effort": ("effort", "effort (person-months)", "person-months", "工数", "工数(人月)", "人月", "開発工数"),
    "value": ("value", "価値"),
    "theme": ("theme", "epic", "epic link", "epic name", "area", "category", "テーマ", "カテゴリ", "カテゴリー",
              "分類", "領域", "project"),
    "tags": ("labels", "label", "tags", "tag", "ラベル", "タグ", "étiquettes"),
    "owner": ("owner", "assignee", "pm", "product owner", "担当", "担当者", "オーナー", "responsable"),
    "lane": ("quarter", "release", "lane", "roadmap", "timeline", "target", "fix version", "fix version/s",
             "fix versions", "target release", "target quarter", "milestone", "sprint", "cycle", "cycle name",
             "四半期", "リリース", "時期", "予定", "リリース時期", "実施時期"),
    "start_date": ("start date", "start", "planned start", "開始日", "開始", "着手日", "開始予定日"),
    "end_date": ("end date", "end", "due date", "due", "target date", "release date", "終了日", "終了", "期限", "期日",
                 "完了予定日", "リリース日"),
}
WSJF_PARTS = ("wsjf_value", "wsjf_time", "wsjf_risk", "wsjf_size")

_CUSTOM = re.compile(r"^custom field \((.+)\)$")
_UNIT = re.compile(r"\s*[(\[【](.*)[)\]】]\s*$")


def item_key(name) -> str:
    """A header as the synonyms are written: `header_key`, and Jira's `Custom field (X)` as X."""
    key = header_key(str(name or ""))
    found = _CUSTOM.match(key)
    return found.group(1).strip() if found else key


def unit_of(name) -> str:
    """The unit a header names in brackets at its end ('person-days' of `Effort (person-days)`), or ''."""
    found = _UNIT.search(item_key(name))
    return found.group(1).strip() if found else ""


def key_forms(name) -> tuple[str, ...]:
    """The forms a header is looked up by: as written, then without its unit in brackets."""
    key = item_key(name)
    bare = _UNIT.sub("", key).strip()
    return (key, bare) if bare and bare != key else (key,)


_ALL_KEYS = frozenset(k for names in SYNONYMS.values() for k in names)


def header_hits(header: list[str]) -> int:
    """How many cells of `header` are item column names: to guess what a file holds, and to find its header row."""
    return sum(1 for h in header if h and any(k in _ALL_KEYS for k in key_forms(h)))


# ---------------------------------------------------------------- presets

@dataclass(frozen=True)
class ItemPreset:
    """A tracker's export: known by enough of its headers, with the columns it prefers for some fields."""

    name: str
    label: str
    signature: frozenset
    marks: frozenset  # at least one of these, which a plain sheet rarely has
    min_hits: int
    fields: dict = field(default_factory=dict)


ITEM_PRESETS = {
    p.name: p for p in (
        ItemPreset("jira", "Jira", frozenset({
            "issue key", "issue id", "issue type", "summary", "project key", "project name", "reporter", "priority",
            "fix version/s", "sprint", "epic link", "story points", "story point estimate", "resolution", "parent id",
            "clé de ticket", "type de demande"}),
            marks=frozenset({"issue key", "issue id", "issue type", "clé de ticket", "type de demande"}), min_hits=3,
            fields={"external_id": ("issue key", "clé de ticket"), "title": ("summary", "résumé", "resume"),
                    "kind": ("issue type", "type de demande"), "lane": ("fix version/s", "fix versions", "sprint"),
                    "theme": ("epic link", "epic name", "parent summary"), "owner": ("assignee", "responsable")}),
        ItemPreset("linear", "Linear", frozenset({
            "id", "title", "description", "status", "priority", "estimate", "labels", "cycle", "cycle name",
            "project", "assignee", "creator", "team", "uuid", "created", "completed", "canceled"}),
            marks=frozenset({"cycle", "cycle name", "team", "creator", "uuid"}), min_hits=5,
            fields={"external_id": ("id",), "lane": ("cycle name", "cycle"), "theme": ("project",),
                    "story_points": ("estimate",)}),
        ItemPreset("github", "GitHub", frozenset({
            "number", "title", "state", "labels", "milestone", "html url", "assignee", "assignees", "user",
            "created at", "updated at", "closed at", "body"}),
            marks=frozenset({"number", "html url"}), min_hits=3,
            fields={"external_id": ("number",), "url": ("html url", "url"), "lane": ("milestone",),
                    "status": ("state",), "description": ("body",)}),
    )
}
GENERIC = ItemPreset("generic", "Spreadsheet", frozenset(), frozenset(), 0)


def detect_preset(header: list[str]) -> ItemPreset:
    """The tracker whose export this header looks like, or the plain sheet."""
    keys = {item_key(h) for h in header if h}
    best, hits = GENERIC, 0
    for preset in ITEM_PRESETS.values():
        found = len(keys & preset.signature)
        if found >= preset.min_hits and keys & preset.marks and found > hits:
            best, hits = preset, found
    return best


# ---------------------------------------------------------------- values

def _words(table: dict) -> dict:
    return {_word_key(w): value for value, words in table.items() for w in words}


def _word_key(text: str) -> str:
    text = nfkc(str(text)).casefold().replace("’", "'").replace("_", " ").replace("-", " ")
    return " ".join(text.split())


KIND_WORDS = _words({
    "feature": ("feature", "new feature", "story", "user story", "epic", "initiative", "feature request",
                "機能", "新機能", "機能追加", "ストーリー", "エピック", "要望",
                "nouvelle fonctionnalité", "récit", "épopée"),
    "improvement": ("improvement", "enhancement", "task", "sub task", "subtask", "change", "改善", "改修", "タスク",
                    "amélioration", "tâche", "sous tâche"),
    "bug": ("bug", "defect", "incident", "bug fix", "バグ", "不具合", "障害", "bogue", "anomalie"),
    "tech_debt": ("tech debt", "technical debt", "tech_debt", "chore", "refactoring", "refactor", "maintenance",
                  "技術的負債", "リファクタリング", "保守"),
    "research": ("research", "spike", "discovery", "investigation", "experiment", "調査", "検証", "リサーチ"),
})
STATUS_WORDS = _words({
    "idea": ("idea", "to do", "todo", "backlog", "open", "new", "triage", "reopened", "proposed", "未着手", "未対応",
             "アイデア", "新規", "バックログ", "à faire", "ouvert", "ouverte", "réouvert"),
    "candidate": ("candidate", "selected for development", "ready", "ready for development", "next", "up next",
                  "候補", "検討中"),
    "planned": ("planned", "scheduled", "committed", "計画済", "計画済み", "予定", "計画中"),
    "in_progress": ("in progress", "in_progress", "in review", "doing", "in development", "started", "wip",
                    "対応中", "進行中", "作業中", "開発中", "レビュー中", "en cours"),
    "shipped": ("shipped", "done", "closed", "released", "resolved", "complete", "completed", "fixed", "merged",
                "完了", "リリース済", "リリース済み", "対応済", "対応済み", "terminé", "terminée", "fermé", "fermée",
                "résolu", "résolue"),
    "wont_do": ("wont_do", "won't do", "wont do", "won't fix", "wontfix", "rejected", "declined", "canceled",
                "cancelled", "duplicate", "invalid", "obsolete", "見送り", "却下", "対応しない", "中止", "abandonné"),
})
IMPACT_WORDS = _words({
    3.0: ("massive", "huge", "very high", "extreme", "特大", "極大", "最大", "非常に大きい", "非常に高い"),
    2.0: ("high", "large", "big", "大", "高", "大きい", "高い"),
    1.0: ("medium", "moderate", "mid", "normal", "average", "中", "普通", "中程度"),
    0.5: ("low", "small", "小", "低", "小さい", "低い"),
    0.25: ("minimal", "very low", "tiny", "minimum", "negligible", "極小", "最小", "微小", "ごく小さい"),
})
CONFIDENCE_WORDS = _words({
    100.0: ("high", "高", "高い"),
    80.0: ("medium", "中", "中程度", "普通"),
    50.0: ("low", "低", "低い"),
})
_IMPACT_SCALE = "on the RICE scale: 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal"
_EFFORT_UNITS = re.compile(r"\s*(?:人月|person[- ]?months?|pm|months?|mo|ヶ月|か月|カ月|ケ月)$", re.I)


def kind_of(value) -> tuple[str | None, bool]:
    """(our kind, known): an unknown word reads as a feature, and `known` is False so the caller can say so."""
    text = cell_text(value)
    if not text:
        return None, True
    found = KIND_WORDS.get(_word_key(text))
    return (found, True) if found else ("feature", False)


def kind_in_labels(tags: str) -> str | None:
    """The kind the first label that names one says ("Bug", "enhancement", "tech debt"), or None."""
    for tag in str(tags or "").split(","):
        found = KIND_WORDS.get(_word_key(tag.strip())) if tag.strip() else None
        if found:
            return found
    return None


def status_of(value) -> tuple[str | None, bool]:
    """(our status, known): an unknown state reads as an idea, and `known` is False."""
    text = cell_text(value)
    if not text:
        return None, True
    found = STATUS_WORDS.get(_word_key(text))
    return (found, True) if found else ("idea", False)


def _checked(field_name: str, number: float):
    """`number` as the item field takes it, or the domain's words for what is expected."""
    try:
        return validate_item_fields({field_name: number})[field_name]
    except ValidationError as exc:
        raise ValueProblem(exc.message.rstrip(".")) from None


def read_number(value, *, what: str = "number") -> float | None:
    """A number cell: a real number from a workbook, or text such as `1,200`, `1.2k`, `１２万`."""
    if value is None or isinstance(value, bool):
        if isinstance(value, bool):
            raise ValueProblem(f"{cell_text(value)!r} is not a {what}")
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, (date, datetime)):
        raise ValueProblem(f"{cell_text(value)!r} is a date, not a {what}")
    return parse_number(str(value), what=what)


def read_impact(value) -> float | None:
    """RICE impact: 3, 2, 1, 0.5, 0.25, or Massive / High / Medium / Low / Minimal (極大 / 大 / 中 / 小 / 極小)."""
    text = cell_text(value)
    if not text:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
    elif (number := _maybe_number(text)) is None:
        key = _word_key(text)
        if key in IMPACT_WORDS:
            return IMPACT_WORDS[key]
        # "3 - Massive", "Very high (3)": the words name one impact and any number agrees; nothing else in the cell.
        parts = [p for p in re.split(r"[\s()（）:：/=]+", key) if p]
        numbers = {n for n in (_maybe_number(p) for p in parts) if n is not None}
        words = " ".join(p for p in parts if _maybe_number(p) is None)
        said = numbers | ({IMPACT_WORDS[words]} if words in IMPACT_WORDS else set())
        if len(said) != 1 or (words and words not in IMPACT_WORDS):
            raise ValueProblem(f"{text!r} is not an impact {_IMPACT_SCALE}")
        number = said.pop()
    try:
        return _checked("impact", number)
    except ValueProblem:
        raise ValueProblem(f"{text!r} is not an impact {_IMPACT_SCALE}") from None


def _maybe_number(text: str) -> float | None:
    try:
        return parse_number(text)
    except ValueProblem:
        return None


def read_confidence(value) -> float | None:
    """Confidence as a percentage: `80%`, `80`, `0.8`, a cell formatted as 80 %, or High / Medium / Low (100, 80, 50)."""
    text = cell_text(value)
    if not text:
        return None
    if isinstance(value, Percent):
        number = float(value) * 100
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value) * 100 if 0 <= value <= 1 else float(value)
    else:
        if _word_key(text) in CONFIDENCE_WORDS:
            return CONFIDENCE_WORDS[_word_key(text)]
        plain = nfkc(text)
        try:
            number = parse_number(plain.rstrip("% ").strip(), what="percentage")
        except ValueProblem:
            raise ValueProblem(f"{text!r} is not a confidence: give a percentage (80%, 80 or 0.8) "
                               "or High, Medium, Low") from None
        if number is None:
            return None
        if not plain.endswith("%") and 0 <= number <= 1:
            number *= 100
    number = round(number, 9)  # 0.07 * 100 is 7.000000000000001
    return _checked("confidence", number)


def read_effort(value) -> float | None:
    """Effort in person-months: a number, or text such as `2.5`, `2.5人月`, `2.5 person-months`."""
    if isinstance(value, str):
        value = _EFFORT_UNITS.sub("", nfkc(value)).strip()
    number = read_number(value, what="number of person-months")
    return None if number is None else _checked("effort", number)


def read_score_part(field_name: str, value) -> float | None:
    """Reach, value, ICE's and WSJF's parts: a number within the field's range."""
    number = read_number(value)
    if number is None:
        return None
    return _checked("reach_manual" if field_name == "reach" else field_name, number)


def read_ice_part(field_name: str, value) -> float | None:
    """ICE's impact and confidence, 1 to 10; a cell formatted as a percentage is read on that scale (80 % is 8)."""
    if isinstance(value, Percent):
        value = float(value) * 10
    return read_score_part(field_name, value)


def read_points(value) -> float | int | None:
    """Story points: a number of 0 or more, kept whole when it is."""
    number = read_number(value, what="number of points")
    if number is None:
        return None
    if number < 0:
        raise ValueProblem(f"{cell_text(value)!r} is negative; story points cannot be")
    return int(number) if number == int(number) else number


def read_sheet_score(value) -> float | int | None:
    number = read_number(value, what="score")
    if number is None:
        return None
    return int(number) if number == int(number) and abs(number) < 1e15 else number


def whole_text(value) -> str | None:
    """A text cell as one line: the title of an item, a lane's name."""
    text = " ".join(cell_text(value).split())
    return text or None


def read_tags(values) -> str | None:
    """Tags from one or several cells (`a, b`, `a; b`), as the planner stores them: 'a, b', each once."""
    seen: list[str] = []
    for value in values:
        for tag in re.split(r"[,;、]", cell_text(value)):
            tag = " ".join(tag.split())
            if tag and tag.casefold() not in {t.casefold() for t in seen}:
                seen.append(tag)
    return ", ".join(seen) or None


def read_date(value, reader) -> str | None:
    """A date cell as ISO (2027-03-31): a workbook's date, or text the request importer's `DateReader` reads."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise ValueProblem(f"{cell_text(value)!r} is a number, not a date")
    found = reader(str(value))
    return found[:10] if found else None


# ---------------------------------------------------------------- quarters named in a cell

_QUARTER_FORMS = (
    # 2027 Q1, FY2027 Q1, 2027-Q1, 2027年度 Q1, 2027年 第1四半期, 2027年1Q, FY27 Q1
    re.compile(r"^(?:fy\s*)?(?P<year>\d{4}|(?<=fy)\s*\d{2})\s*(?:年度?|fy)?\s*[-/ .]?\s*"
               r"(?:q\s*(?P<q1>[1-4])|第\s*(?P<q2>[1-4])\s*四半期|(?P<q3>[1-4])\s*q)$"),
    # Q1 2027, Q1 FY2027, Q1/2027, 1Q 2027
    re.compile(r"^(?:q\s*(?P<q1>[1-4])|(?P<q3>[1-4])\s*q)\s*[-/ .]?\s*(?:fy\s*)?(?P<year>\d{4})\s*(?:年度?)?$"),
)


def quarter_named(text: str) -> tuple[int, int, str] | None:
    """(fiscal year, quarter, language) of a text that names a quarter ('2027 Q1', 'Q1 2027', '2027年度 第1四半期')."""
    key = " ".join(nfkc(text).casefold().split())
    for form in _QUARTER_FORMS:
        found = form.match(key)
        if found:
            parts = found.groupdict()
            year = int(parts["year"])
            year = year + 2000 if year < 100 else year
            quarter = int(next(parts[k] for k in ("q1", "q2", "q3") if parts.get(k)))
            language = "ja" if re.search(r"[年度期]", key) else "en"
            return year, quarter, language
    return None
