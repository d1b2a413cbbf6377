"""How an item's status and kind, and a lane's kind, read wherever a view shows them: a cell, a card, a combo box or a menu."""

from __future__ import annotations

from ui.i18n import tr


def status_label(status: str | None) -> str:
    return {
        "idea": tr("Idea"), "candidate": tr("Candidate"), "planned": tr("Planned"),
        "in_progress": tr("In progress"), "shipped": tr("Shipped"), "wont_do": tr("Won't do"),
    }.get(status or "", status or "")


def kind_label(kind: str | None) -> str:
    return {
        "feature": tr("Feature"), "improvement": tr("Improvement"), "bug": tr("Bug"),
        "tech_debt": tr("Tech debt"), "research": tr("Research"),
    }.get(kind or "", kind or "")


def lane_kind_label(kind: str | None) -> str:
    """A lane kind as the window says it: quarter, release, or bucket (a Now/Next/Later horizon)."""
    return {"quarter": tr("quarter"), "release": tr("release"), "horizon": tr("bucket")}.get(kind or "", kind or "")
