"""Small text helpers shared by the core."""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import datetime, timezone


def name_key(name: str) -> str:
    """The key two company names share when they are the same company.

    Trimmed, NFKC-normalised (full-width letters and spaces become ASCII),
    inner runs of spaces folded, case-insensitive.
    """
    text = unicodedata.normalize("NFKC", name or "")
    return " ".join(text.split()).casefold()


def clean_name(name: str) -> str:
    """A name as first written, minus the surrounding and doubled spaces."""
    return " ".join((name or "").split())


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def content_hash(*parts) -> str:
    """A stable hash of a request's content, for rows that carry no id."""
    text = "\x1f".join("" if p is None else str(p).strip() for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
