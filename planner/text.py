"""Small text helpers shared by the core."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import datetime, timezone


def name_key(name: str) -> str:
    """The key two company names share when they are the same company.

    Trimmed, NFKC-normalised (full-width letters and spaces become ASCII),
    inner runs of spaces folded, case-insensitive.
    """
    text = unicodedata.normalize("NFKC", name or "")
    return " ".join(text.split()).casefold()


# Legal forms a CRM writes and a request dump leaves out: "Acme Inc." and "Acme" are one customer.
_LEGAL_FORMS = re.compile(
    r"^(?:株式会社|有限会社|合同会社|\(株\)|\(有\)|㈱|㈲)\s*"
    r"|[\s,]*(?:株式会社|有限会社|合同会社|\(株\)|\(有\)|㈱|㈲"
    r"|\b(?:inc|incorporated|corp|corporation|co|company|ltd|limited|llc|l\.l\.c|plc|gmbh|ag|sa|s\.a|bv|b\.v"
    r"|nv|pty|pte|kk|k\.k|sas|srl|oy|ab)\b\.?)(?:[\s,.]*(?:co|ltd|inc)\b\.?)*$",
)


def company_base_key(name: str) -> str:
    """`name_key` without the legal form: 'Acme, Inc.', 'ACME Corp' and 'acme' share 'acme';
    '株式会社さくら物流' and 'さくら物流(株)' share 'さくら物流'. Empty when nothing else is left."""
    key = name_key(name)
    for _ in range(2):  # a form on both ends: 株式会社 Acme Co., Ltd.
        key = _LEGAL_FORMS.sub("", key).strip(" ,.")
    return key


def clean_name(name: str) -> str:
    """A name as first written, minus the surrounding and doubled spaces."""
    return " ".join((name or "").split())


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def content_hash(*parts) -> str:
    """A stable hash of a request's content, for rows that carry no id."""
    text = "\x1f".join("" if p is None else str(p).strip() for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
