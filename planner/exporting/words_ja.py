"""The workbook's words in Japanese: sheet names, headers, legends, statuses and fixed sentences.

The core never imports Qt, so the workbook cannot use the window's translations;
the words here follow the ones the window already uses (ui/resources/translations/
planner_ja.ts: 要望, 企業, レーン, リリース済み ...). Keys are the English text the
sheets write; `say(text, lang)` returns the text in `lang`, the English itself when
there is no Japanese for it (a user's own words: titles, lane names, company names).

Dates in Japanese are written 2026/12/05 everywhere (cells and sentences), so a date
column keeps one width in both languages.
"""

from __future__ import annotations

from datetime import date, datetime

LANGUAGES = ("en", "ja")

JA: dict[str, str] = {
    # sheets
    "Roadmap": "ロードマップ",
    "Changes": "変更点",
    "Priorities": "優先順位",
    "Demand": "需要",
    "Requests": "要望",
    "Who to tell": "連絡先",
    "About": "このブックについて",
    # statuses, kinds, importance
    "Idea": "アイデア",
    "Candidate": "候補",
    "Planned": "計画済み",
    "In progress": "進行中",
    "Shipped": "リリース済み",
    "Won't do": "対応しない",
    "Feature": "機能",
    "Improvement": "改善",
    "Bug": "バグ",
    "Tech debt": "技術的負債",
    "Research": "調査",
    "Critical": "必須",
    "Important": "重要",
    "Nice to have": "あれば望ましい",
    "Quick win": "クイックウィン",
    "Big bet": "大きな賭け",
    "Fill in": "穴埋め",
    "Time sink": "時間の浪費",
    # scoring methods (labels.METHOD_NAMES)
    "RICE (reach × impact × confidence ÷ effort)": "RICE(リーチ × インパクト × 確度 ÷ 工数)",
    "Value ÷ effort": "価値 ÷ 工数",
    "ICE (impact × confidence × ease)": "ICE(インパクト × 確度 × 容易さ)",
    "WSJF (cost of delay ÷ job size)": "WSJF(遅延コスト ÷ ジョブサイズ)",
    "Your own formula": "独自の数式",
    # lane modes
    "Quarters": "四半期",
    "Releases": "リリース",
    "Now / Next / Later": "Now / Next / Later",
    # column headers
    "Rank": "順位",
    "ID": "ID",
    "Title": "タイトル",
    "Kind": "種類",
    "Status": "ステータス",
    "Theme": "テーマ",
    "Lane": "レーン",
    "When": "時期",
    "Score": "スコア",
    "Reach": "リーチ",
    "Impact": "インパクト",
    "Confidence": "確度",
    "Effort": "工数",
    "Value": "価値",
    "Ease": "容易さ",
    "Reach source": "リーチの根拠",
    "Quadrant": "象限",
    "Companies": "企業",
    "Companies asking": "要望した企業",
    "MRR at stake": "関連MRR",
    "Single customer": "単一顧客",
    "Stays in top {n}": "上位{n}位に残る確率",
    "Pinned rank": "固定順位",
    "Why pinned": "固定の理由",
    "How the score was computed": "スコアの計算",
    "Notes": "メモ",
    "Item ID": "項目ID",
    "Item": "項目",
    "Request ID": "要望ID",
    "External ID": "外部ID",
    "Source": "取得元",
    "Text": "本文",
    "Company": "企業",
    "Segment": "セグメント",
    "Segments": "セグメント",
    "Plan": "プラン",
    "MRR": "MRR",
    "Requester": "要望者",
    "E-mail": "メール",
    "E-mails": "メール",
    "Asked on": "要望日",
    "Votes": "投票数",
    "Importance": "重要度",
    "URL": "URL",
    "Last asked": "最終要望日",
    "People who asked": "要望者",
    "Top companies asking": "主な要望企業",
    "Company / item": "企業 / 項目",
    "What changed": "変更内容",
    # legends (one line under a business sheet's title)
    "Every item in the order the product team plans to work on it, with the demand behind it.":
        "プロダクトチームが取り組む順に並べたすべての項目と、その背景にある要望です。",
    "Per item: how many requests and companies asked, the MRR at stake, segments and when it was last asked.":
        "項目ごとの要望件数、要望した企業数、関連MRR、セグメント、最終要望日です。",
    "Per company: the planned, in-progress and shipped items it asked for, to tell when they arrive.":
        "企業ごとに、要望された計画済み・進行中・リリース済みの項目です。リリース時の連絡にお使いください。",
    "What moved on the roadmap since the last workbook, {since}.":
        "前回のブック({since})以降のロードマップの変更点です。",
    "This is the first workbook exported from this workspace: the next one will list what changed since this one.":
        "このワークスペースから出力する最初のブックです。次回のブックから、今回以降の変更点が載ります。",
    "Nothing on the roadmap moved since the last workbook, {since}.":
        "前回のブック({since})以降、ロードマップに変更はありません。",
    "The changes since the last workbook could not be read ({why}); the other sheets are complete.":
        "前回のブック以降の変更点を読み取れませんでした({why})。ほかのシートはすべて揃っています。",
    # Changes headings and sentences
    "New on the roadmap": "ロードマップに追加",
    "Moved": "時期の変更",
    "Dropped": "取りやめ",
    "Added to {lane}.": "{lane}に追加されました。",
    "Placed in {lane}.": "{lane}に入りました。",
    "{before} → {after}: later than planned.": "{before} → {after}(予定より後ろ倒し)",
    "{before} → {after}: earlier than planned.": "{before} → {after}(予定より前倒し)",
    "{before} → {after}.": "{before} → {after}",
    "Taken off {before}; no date yet.": "{before}から外れました。時期は未定です。",
    "Shipped.": "リリースされました。",
    "Shipped in {lane}.": "{lane}でリリースされました。",
    "No longer planned.": "対応しないことになりました。",
    "Removed from the plan.": "計画から削除されました。",
    # Roadmap sheet
    "{mode} · exported {when}{quarter} · ranked by {method} · {edition} edition":
        "{mode} · {when}{quarter}出力 · {method}で順位付け · {edition}版",
    "{mode} · exported {when}{quarter} · {edition} edition": "{mode} · {when}{quarter}出力 · {edition}版",
    "internal": "社内",
    "business": "ビジネス",
    "Each card is one item, coloured by its status (legend below).":
        "カード1枚が1項目です。色はステータスを表します(下の凡例)。",
    "This workspace has no {lanes} lanes yet.": "このワークスペースにはまだ{lanes}のレーンがありません。",
    "No items are placed in these lanes yet; the Priorities sheet lists them all.":
        "これらのレーンにはまだ項目がありません。すべての項目は「優先順位」シートにあります。",
    "{n} item": "{n}件",
    "{n} items": "{n}件",
    "from {day}": "{day}から",
    # About sheet
    "About this workbook": "このブックについて",
    "Workspace": "ワークスペース",
    "Exported": "出力日時",
    "Edition": "版",
    "Internal: everything, for the product team.": "社内版:プロダクトチーム向けに、すべてを含みます。",
    "Business: for sales and customer teams; what comes when, and who asked for it.":
        "ビジネス版:営業・カスタマー担当向けに、いつ何が届くか、誰が要望したかを示します。",
    "Roadmap lanes": "ロードマップのレーン",
    "Scoring method": "スコアリング手法",
    "Demand window": "要望の集計期間",
    "Requests from the last {days} days count towards reach.": "直近{days}日の要望をリーチに数えます。",
    "Segment filter": "セグメントの絞り込み",
    "All segments": "すべてのセグメント",
    "Importance weights": "重要度の重み",
    "Items": "項目数",
    "Linked requests": "紐づいた要望",
    "Sheets": "シート",
    "The {lanes} side by side; each item is coloured by its status (legend at the top).":
        "{lanes}を横に並べています。各項目の色はステータスを表します(上部の凡例)。",
    "What moved since the last workbook: new on the roadmap, moved, shipped and dropped.":
        "前回のブック以降の変更点:ロードマップへの追加、時期の変更、リリース、取りやめ。",
    "Every item in rank order with its score and the factors behind it.":
        "すべての項目を順位順に、スコアとその要素とともに示します。",
    " The score is a live formula: change a factor and the score follows (the order does not re-sort).":
        " スコアは数式です。要素を変えるとスコアも変わります(並び順は変わりません)。",
    "Per item: how many requests and companies asked, the MRR at stake, segments and when it was last asked, over all time.":
        "項目ごとの要望件数、要望した企業数、関連MRR、セグメント、最終要望日(全期間)です。",
    "Every request linked to an item: what was asked, by whom, when, and how important it is.":
        "項目に紐づいたすべての要望:内容、要望者、日付、重要度です。",
    "Per lane, the planned, in-progress and shipped items and the companies that asked for them.":
        "レーンごとの計画済み・進行中・リリース済みの項目と、それを要望した企業です。",
    "Reading the numbers": "数字の読み方",
    "Duplicates and MRR": "重複とMRR",
    "Requests marked as duplicates are left out. MRR at stake counts each company once per item.":
        "重複とされた要望は除いています。関連MRRは項目ごとに各企業を1回だけ数えます。",
    "Company names are left out of this edition.": "この版には企業名を載せていません。",
    "Currency": "通貨",
    "No company asked for the planned, in-progress or shipped items yet.":
        "計画済み・進行中・リリース済みの項目を要望した企業はまだありません。",
    "one company": "1社",
    "{who} ({share} of demand)": "{who}(要望の{share})",
}


def language_of(lang) -> str:
    """'en' or 'ja' from a code such as 'ja_JP'; anything else is a ValueError the caller words."""
    code = str(lang or "en").replace("-", "_").split("_")[0].lower()
    if code not in LANGUAGES:
        raise ValueError(code)
    return code


def say(text: str | None, lang: str = "en") -> str | None:
    """`text` in `lang`: the Japanese where there is one, else the text as it is (names, titles)."""
    if text is None or lang != "ja":
        return text
    return JA.get(text, text)


def say_date(day, lang: str = "en", *, with_time: bool = False) -> str:
    """A date as a reader of `lang` writes it: '5 Dec 2026' or '2026/12/05' (with the time: ' 14:03')."""
    if isinstance(day, datetime):
        when = day
    else:
        when = datetime.combine(day, datetime.min.time()) if isinstance(day, date) else None
    if when is None:
        return ""
    clock = f" {when:%H:%M}" if with_time else ""
    if lang == "ja":
        return f"{when:%Y/%m/%d}{clock}"
    return f"{when.day} {when:%b %Y}{clock}"


def date_format(lang: str = "en") -> str:
    """The number format of date cells: ISO in English (as before), the Japanese slash form in Japanese."""
    return "yyyy/mm/dd" if lang == "ja" else "yyyy-mm-dd"
