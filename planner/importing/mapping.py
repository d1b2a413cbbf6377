"""Canonical request fields and the header names (English, Japanese, French) that mean them."""

from __future__ import annotations

import re
import unicodedata

CANONICAL_FIELDS = (
    "external_id", "title", "body", "created_at", "requester", "email", "company", "segment",
    "mrr", "arr", "plan", "votes", "importance", "status", "tags", "url", "source",
)

# Order matters inside a list: the first header found wins.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "external_id": (
        "id", "external id", "key", "issue key", "ticket id", "request id", "case number", "number",
        "no", "no.", "#", "番号", "チケット番号", "管理番号", "要望id", "問い合わせ番号", "clé de ticket", "clé",
    ),
    "title": (
        "title", "summary", "subject", "request", "feature request", "idea", "idea title", "request title",
        "件名", "要望", "タイトル", "題名", "要望タイトル", "概要", "表題", "résumé", "titre", "sujet",
    ),
    "body": (
        "description", "body", "details", "detail", "content", "text", "message", "feedback", "comments",
        "内容", "詳細", "本文", "要望内容", "ご意見", "ご要望", "説明", "descriptif",
    ),
    "created_at": (
        "created", "created at", "created date", "creation date", "date created", "submitted at", "submitted",
        "date/time opened", "opened date", "timestamp", "date", "受付日", "作成日", "作成日時", "登録日",
        "登録日時", "投稿日", "受付日時", "日付", "タイムスタンプ", "créé", "création", "date de création",
    ),
    "requester": (
        "requester", "reporter", "author", "author name", "requested by", "submitted by", "user name",
        "user", "contact", "contact name", "customer name", "name", "担当者", "依頼者", "報告者", "氏名",
        "お名前", "名前", "申請者", "rapporteur", "demandeur",
    ),
    "email": (
        "email", "e-mail", "email address", "e-mail address", "user email address", "requester email", "user email",
        "author email", "contact email", "customer email", "メールアドレス", "メール", "courriel",
    ),
    "company": (
        "company", "company name", "organization", "organisation", "organization name", "account",
        "account name", "customer", "customer company", "会社名", "顧客名", "企業名", "会社", "法人名",
        "取引先", "取引先名", "所属", "entreprise", "société", "societe",
    ),
    "segment": ("segment", "customer segment", "tier", "customer tier", "セグメント", "顧客区分", "区分"),
    # A currency unit in brackets after any of these (`月額(円)`, `MRR (USD)`) is ignored: see `header_key`.
    "mrr": ("mrr", "monthly revenue", "monthly recurring revenue", "月額", "月額料金", "月額売上"),
    "arr": ("arr", "annual revenue", "annual recurring revenue", "年額", "年間売上", "年間契約額", "契約金額"),
    "plan": ("plan", "pricing plan", "subscription", "subscription plan", "プラン", "契約プラン", "料金プラン"),
    "votes": ("votes", "vote count", "votes count", "voters count", "upvotes", "投票数", "票数", "いいね数"),
    "importance": ("importance", "priority", "urgency", "重要度", "優先度", "緊急度", "priorité", "importance"),
    "status": ("status", "state", "状態", "ステータス", "対応状況", "etat", "état", "statut"),
    "tags": ("tags", "tag", "labels", "label", "タグ", "ラベル", "étiquettes", "etiquettes"),
    "url": ("url", "link", "html url", "issue url", "post url", "web url", "リンク"),
    "source": ("source", "channel", "チャネル", "流入元", "ソース"),
}

# Fields whose repeated columns (Jira's three `Labels`) are gathered into one list.
LIST_FIELDS = frozenset({"tags"})

_SUFFIX = re.compile(r"\s*\[(?:list|txt|dropdown|date|int|decimal|checkbox|multiselect|regexp|tagger)\]$", re.I)
# `月額(円)`, `MRR（円）`, `ARR (JPY)`, `Revenue ($)`: the unit says how the sums are written, not what
# the column is. Not `(万円)` or `(千円)`: those scale the numbers, and reading 12 as ¥12 would be wrong.
_CURRENCY_UNIT = re.compile(r"\s*[(\[]\s*(?:円|¥|\\|\$|€|£|jpy|usd|eur|gbp)\s*[)\]]$")


def strip_accents(text: str) -> str:
    # Only Latin letters lose their accents: NFKD would take the voicing marks off kana.
    out = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch) and out and out[-1].isascii():
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def header_key(name: str) -> str:
    """The form two header names share when they mean the same column.

    Case, width (NFKC makes `（円）` `(円)`), accents, a tool's `[list]` suffix and a currency unit in
    brackets do not count.
    """
    text = unicodedata.normalize("NFKC", name or "").strip().casefold()
    text = _SUFFIX.sub("", text)
    text = _CURRENCY_UNIT.sub("", text)
    text = text.replace("_", " ").replace("\u3000", " ")
    text = " ".join(text.split())
    return strip_accents(text)


def _camel_words(name: str) -> str:
    # UserVoice writes `ideaTitle`, `userEmailAddress`.
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name or "")


SYNONYM_KEYS = {field: tuple(header_key(s) for s in names) for field, names in SYNONYMS.items()}
_ALL_KEYS = {key: field for field, keys in SYNONYM_KEYS.items() for key in keys}


def match_synonyms(headers: list[str], *, taken: set[str] | None = None) -> dict[str, str]:
    """Map canonical fields to header names by exact (normalised) synonym."""
    keys = [header_key(h) for h in headers]
    camel = [header_key(_camel_words(h)) for h in headers]
    used = set(taken or ())
    mapping: dict[str, str] = {}
    for field in CANONICAL_FIELDS:
        for synonym in SYNONYM_KEYS[field]:
            hit = next((headers[i] for i in range(len(headers)) if headers[i] not in used
                        and headers[i].strip() and (keys[i] == synonym or camel[i] == synonym)), None)
            if hit is not None:
                mapping[field] = hit
                used.add(hit)
                break
    return mapping


# Words that, inside a longer header (a form question), say what the column holds.
_WORDS = {
    "title": ("title", "件名", "タイトル", "要望名"),
    "body": ("request", "feature", "feedback", "idea", "suggest", "要望", "ご意見", "内容", "改善"),
    "company": ("company", "organization", "organisation", "会社", "企業", "法人", "社名"),
    "email": ("email", "e-mail", "メール"),
    "requester": ("your name", "name", "氏名", "お名前", "名前"),
    "segment": ("segment", "業種", "規模"),
    "plan": ("plan", "プラン"),
    "importance": ("importance", "priority", "how important", "重要", "優先"),
}


def match_words(headers: list[str], *, taken: set[str]) -> dict[str, str]:
    """Looser matching for long headers such as Google Forms questions."""
    used = set(taken)
    mapping: dict[str, str] = {}
    for field, words in _WORDS.items():
        for header in headers:
            if header in used or not header.strip():
                continue
            key = header_key(header)
            if any(w in key for w in words):
                mapping[field] = header
                used.add(header)
                break
    return mapping


def known_header_count(headers) -> int:
    return sum(1 for h in headers if header_key(h) in _ALL_KEYS)
