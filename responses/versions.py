"""Snapshots of the letter and annex, and a side-by-side comparison of any two."""

import difflib
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .letter_parts import LETTER_FIELDS
from .models import Response, ResponseVersion
from .richtext import plain_text


def snapshot(response: Response) -> dict:
    """The letter, the annex and the report and item text they quote, as data."""
    report = response.report
    letter = {name: str(getattr(response, name) or "") for name, _ in LETTER_FIELDS}
    annex = [
        {
            "item": entry.item.reference,
            "kind": entry.item.get_kind_display(),
            "item_text": entry.item.text,
            "addressee": entry.item.addressee_label,
            "included": entry.included,
            "explanation": entry.get_explanation_display() if entry.explanation else "",
            "text": entry.text,
            "owner": entry.owner,
            "target_date": entry.target_date.isoformat() if entry.target_date else "",
        }
        for entry in response.annex.select_related("item")
    ]
    quoted = {"title": report.title, "published_on": report.published_on.isoformat()}
    return {"report": quoted, "letter": letter, "annex": annex}


def record_version(*, response: Response, by, note: str = "") -> ResponseVersion:
    return ResponseVersion.objects.create(
        response=response,
        number=response.lock_version,
        saved_by=by,
        note=note,
        content=snapshot(response),
    )


@dataclass(frozen=True)
class ComparedPart:
    label: str
    old: str
    new: str

    @property
    def changed(self) -> bool:
        return self.old != self.new

    def marked(self) -> tuple[str, str]:
        """Both sides as HTML with the words removed and added marked by <del> and <ins>."""
        old_words, new_words = self.old.split(), self.new.split()
        old_html: list[str] = []
        new_html: list[str] = []
        matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            before, after = escape(" ".join(old_words[i1:i2])), escape(" ".join(new_words[j1:j2]))
            if tag == "equal":
                old_html.append(before)
                new_html.append(after)
                continue
            if before:
                old_html.append(f"<del>{before}</del>")
            if after:
                new_html.append(f"<ins>{after}</ins>")
        return mark_safe(" ".join(old_html)), mark_safe(" ".join(new_html))


#: The report's facts the letter quotes, with the comparison's labels.
REPORT_FIELDS = [("title", "The report's title"), ("published_on", "The report's publication date")]


def _annex_text(entry: dict | None) -> str:
    if entry is None:
        return ""
    parts = [entry["explanation"], plain_text(entry["text"])]
    if entry["owner"] or entry["target_date"]:
        parts.append(f"Owner: {entry['owner']}; target date: {entry['target_date']}")
    if not entry["included"]:
        parts.append("(not included)")
    # An entry that exists but says nothing must still differ from no entry at all.
    return " | ".join(part for part in parts if part) or "(nothing written yet)"


def _quoted_item(entry: dict | None) -> str:
    if entry is None:
        return ""
    return f"{entry['kind']}: {entry.get('item_text', '')} (to {entry.get('addressee', '')})"


def _annex_parts(old: dict, new: dict) -> list[ComparedPart]:
    old_annex = {e["item"]: e for e in old["annex"]}
    new_annex = {e["item"]: e for e in new["annex"]}
    parts = []
    for reference in dict.fromkeys([*old_annex, *new_annex]):
        entry = new_annex.get(reference) or old_annex[reference]
        before, after = old_annex.get(reference), new_annex.get(reference)
        label = f"Annex: {entry['kind']} {reference}"
        # The item's own words, where both sides have the entry (an added or removed entry
        # shows as the annex part below).
        if before and after and "item_text" in before and "item_text" in after:
            quoted = ComparedPart(f"{label}: its text", _quoted_item(before), _quoted_item(after))
            parts.append(quoted)
        parts.append(ComparedPart(label, _annex_text(before), _annex_text(after)))
    return parts


def compare(old, new) -> list[ComparedPart]:
    """Any two snapshots side by side: versions, or a version and the PCC's approval."""
    old_report, new_report = old.content.get("report"), new.content.get("report")
    parts = []
    if old_report and new_report:  # snapshots made before 2026-12 did not keep them
        parts = [
            ComparedPart(label, old_report[name], new_report[name]) for name, label in REPORT_FIELDS
        ]
    parts += [
        ComparedPart(
            label,
            plain_text(old.content["letter"].get(name, "")),
            plain_text(new.content["letter"].get(name, "")),
        )
        for name, label in LETTER_FIELDS
    ]
    return parts + _annex_parts(old.content, new.content)


def response_changes_since(response: Response, version: int) -> list[str]:
    """For an edit conflict: who saved since `version`, and which parts differ now."""
    versions = list(
        response.versions.filter(number__gte=version).select_related("saved_by").order_by("number")
    )
    if len(versions) < 2:
        return []
    who = sorted({v.saved_by.get_username() for v in versions[1:] if v.saved_by})
    changed = [part.label for part in compare(versions[0], versions[-1]) if part.changed]
    return [f"{', '.join(who) or 'someone'} changed {', '.join(changed) or 'nothing visible'}"]


def changes_since_approval(response: Response) -> list[ComparedPart] | None:
    """What differs now from what the PCC last approved, once the response has been sent back
    or returned (None while there is no earlier approval, or it still stands)."""
    last = response.approvals.order_by("-approved_at", "-pk").first()
    if last is None or last.pk == response.approval_id:
        return None
    latest = response.versions.order_by("-number").first()
    return [part for part in compare(last, latest) if part.changed]
