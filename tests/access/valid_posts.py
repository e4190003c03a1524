"""Valid data for every URL that writes, and a persona allowed to send it."""

from datetime import timedelta

from django.utils import timezone

from responses.models import Response
from tests.imports.helpers import preview_post

from .table import ACCESS, PERSONA_ROLES, Access
from .world import World

WRITE_URLS = sorted(
    name for name, rule in ACCESS.items() if isinstance(rule, Access) and rule.write
)


def valid_post(name: str, world: World) -> dict[str, str]:
    """A POST to `name` that saves something when the right role sends it."""
    report, item, action, pending = world.report, world.item, world.action, world.pending_action
    report_fields = {
        "title": "PEEL 2025: an inspection of this force",
        "report_type": "peel",
        "scope": "this_force",
        "published_on": "2025-03-20",
        "hmicfrs_url": "",
        "summary": "",
    }
    item_fields = {
        "kind": "afi",
        "reference": "AFI 9",
        "text": "The force should record missing episodes consistently.",
        "addressee": "this_force",
        "addressee_other": "",
        "action_required": "",
        "action_required_reason": "",
        "hmicfrs_deadline": "",
        "cause_of_concern": "",
        "position": "",
    }
    data = {
        "inspections:report_create": report_fields,
        "inspections:report_update": {**report_fields, "lock_version": report.lock_version},
        "inspections:item_create": item_fields,
        "inspections:item_update": {**item_fields, "lock_version": item.lock_version},
        "inspections:item_oversight": {
            "hmicfrs_status": "complete",
            "assurance": "assured",
            "lock_version": item.lock_version,
        },
        "inspections:report_withdraw": {
            "reason": "Recorded by mistake: it is another force's report.",
            "lock_version": report.lock_version,
        },
        "inspections:report_restore": {
            "reason": "It was this force's report after all.",
            "lock_version": world.withdrawn_report.lock_version,
        },
        "inspections:item_withdraw": {
            "reason": "Not in the printed report.",
            "lock_version": item.lock_version,
        },
        "inspections:item_restore": {
            "reason": "It is in the annex of the printed report.",
            "lock_version": world.withdrawn_item.lock_version,
        },
        "inspections:action_create": {
            "description": "Audit a sample of missing episodes.",
            "owner_name": "Public Protection",
            "owner_user": "",
            "target_date": "2030-12-31",
            "status": "in_progress",
        },
        "inspections:action_update": {
            "description": "Review the protocol with the local authority.",
            "owner_name": "Public Protection",
            "owner_user": "",
            "status": "in_progress",
            "lock_version": action.lock_version,
        },
        "inspections:action_target_date": {
            "new_date": "2031-03-31",
            "reason": "The partners' review moved.",
            "lock_version": action.lock_version,
        },
        "inspections:update_create": {"text": "Partners have agreed the draft."},
        "inspections:evidence_create": {
            "description": "The signed protocol",
            "link": "https://example.org/protocol",
        },
        "inspections:action_submit": {"note": "Done.", "lock_version": action.lock_version},
        "inspections:action_sign_off": {
            "decision": "close",
            "note": "",
            "lock_version": pending.lock_version,
        },
        "responses:compose": compose_post(world.response),
        "responses:assign_owner": {
            "owner": world.opcc_staff.pk,
            "lock_version": world.response.lock_version,
        },
        "responses:invite": {
            "invited_on": "2020-03-02",
            "cc_due_on": "2020-03-26",
            "lock_version": world.response.lock_version,
        },
        "responses:cc_comments": {
            "received_on": "2020-03-20",
            "comments": "The force accepts the recommendation.",
            "no_comments_reason": "",
            "lock_version": world.invited_response.lock_version,
        },
        "responses:no_cc_comments": {
            "reason": "The Chief Constable made no comments by 26 March 2020.",
            "lock_version": world.invited_response.lock_version,
        },
        "responses:submit": {"lock_version": world.drafted_response.lock_version},
        "responses:approve": {
            "decision": "approve",
            "comments": "",
            "lock_version": world.submitted_response.lock_version,
        },
        "responses:publish": {
            # Approved just now (world.moved_to), so published today.
            "published_on": timezone.localdate().isoformat(),
            "lock_version": world.approved_response.lock_version,
        },
        "responses:send": {"confirm_again": "on"},
        "responses:reopen": {
            "reason": "Recommendation 1's owner was wrong.",
            "lock_version": world.sent_response.lock_version,
        },
        "responses:previews": {"lock_version": world.response.lock_version},
        "responses:render_job": {"action": "retry"},
        "reminders:calendar": {"do": "issue"},
        "dashboards:update_reports": {
            "meeting_date": f"{timezone.localdate() + timedelta(days=14):%Y-%m-%d}",
            "since": "",
        },
        "dashboards:update_report": {"action": "retry"},
        "imports:start": {"text": "Recommendation 1\nWithin six months, the force should act."},
        "imports:job": preview_post(world.import_job),
        "people:list": {
            "email": "new.officer@example.org",
            "first_name": "Nia",
            "last_name": "Okoro",
            "roles": ["JASP member"],
        },
        "people:person": {"do": "roles", "roles": ["OPCC staff", "PCC"]},
    }
    return data[name]


def compose_post(response: Response) -> dict[str, object]:
    """The composer's letter form and annex formset, every entry explained."""
    entries = list(response.annex.all())
    data = {
        "lock_version": response.lock_version,
        "letter_date": "2020-04-20",
        "addressee": response.addressee,
        "copy_to": response.copy_to,
        "subject": response.subject,
        "opening": response.opening,
        "pcc_comments": "I welcome this report.",
        "cc_comments": "",
        "cc_no_comments_reason": "",
        "pcc_comments_on_cc": "",
        "monitoring": response.monitoring,
        "annex-TOTAL_FORMS": len(entries),
        "annex-INITIAL_FORMS": len(entries),
        "annex-MIN_NUM_FORMS": 0,
        "annex-MAX_NUM_FORMS": 500,
    }
    for index, entry in enumerate(entries):
        data |= {
            f"annex-{index}-entry": entry.pk,
            f"annex-{index}-explanation": "action_proposed",
            f"annex-{index}-text": "The force will review its protocol.",
            f"annex-{index}-owner": "Public Protection",
            f"annex-{index}-target_date": "2030-06-30",
        }
    return data


def writer_for(name: str) -> str:
    write = ACCESS[name].write
    return next(persona for persona, role in PERSONA_ROLES.items() if role in write)
