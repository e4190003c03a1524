"""`python manage.py load_demo`: the demo users and the three demo reports (demo.register_data),
then the office, its signatories and the section 55 responses (responses.demo_data), and a JASP
update report for the panel's next meeting (demo.update_report).

Everything goes through inspections.services, acting as the demo user whose role does it in
practice (OPCC staff record reports and items; force staff record actions, updates and evidence;
the DCC signs off), so the history rows name the right person. A report already present, matched
on title and publication date, is left as it is: running the command again changes nothing. The
responses are loaded by demo.responses, through responses.services, with the same care.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from accounts.demo import DEMO_PASSWORD, DEMO_USERS, ensure_demo_users
from demo.register_data import DEMO_REPORTS, DemoAction, DemoItem, DemoReport
from demo.responses import load_demo_responses, responses_summary
from demo.update_report import load_demo_update_report
from inspections import services
from inspections.choices import ActionStatus
from inspections.models import Action, Item, Report
from reminders.scan import reminders_prepare


class Command(BaseCommand):
    help = (
        "Load the demo users, the three demo HMICFRS reports and their section 55 responses "
        "(idempotent)."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            users = ensure_demo_users()
            for demo in DEMO_REPORTS:
                if Report.objects.filter(title=demo.title, published_on=demo.published_on).exists():
                    self.stdout.write(f"Already loaded: {demo.title}")
                    continue
                load_report(demo, users)
                self.stdout.write(self.style.SUCCESS(f"Loaded: {demo.title}"))
            for line in load_demo_responses(users):
                self.stdout.write(line)
            self.stdout.write(load_demo_update_report(users))
            # The demo's deadlines are long past: the overdue reminders and escalations are due
            # now, so the first beat tick after `make run` starts has digests to send.
            due = reminders_prepare(now=timezone.now())
            self.stdout.write(f"Reminders: {due.dispatched} due now, {due.deliveries} to send.")
        self.stdout.write(responses_summary())
        self.stdout.write(logins_table())


def load_report(demo: DemoReport, users: dict) -> Report:
    report = services.report_create(
        by=users["opcc"],
        title=demo.title,
        report_type=demo.report_type,
        scope=demo.scope,
        published_on=demo.published_on,
        hmicfrs_url=demo.hmicfrs_url,
        summary=demo.summary,
    )
    for demo_item in demo.items:
        item = load_item(report, demo_item, users)
        for demo_action in demo_item.actions:
            load_action(item, demo_action, users)
    return report


def load_item(report: Report, demo: DemoItem, users: dict) -> Item:
    return services.item_create(
        report=report,
        by=users["opcc"],
        kind=demo.kind,
        reference=demo.reference,
        position=demo.position,
        text=demo.text,
        addressee=demo.addressee,
        addressee_other=demo.addressee_other,
        hmicfrs_deadline=demo.hmicfrs_deadline,
    )


def load_action(item: Item, demo: DemoAction, users: dict) -> Action:
    force = users["force"]
    action = services.action_create(
        item=item,
        by=force,
        description=demo.description,
        owner_name=demo.owner_name,
        owner_user=users[demo.owner_username] if demo.owner_username else None,
        target_date=demo.target_date,
        status=ActionStatus.IN_PROGRESS,
    )
    for text in demo.updates:
        services.action_add_update(action=action, by=force, text=text)
    for evidence in demo.evidence:
        services.evidence_add(
            action=action, by=force, description=evidence.description, link=evidence.link
        )
    if demo.signed_off:
        services.action_submit_for_sign_off(
            action=action, by=force, expected_version=action.lock_version
        )
        services.action_sign_off(
            action=action,
            by=users["dcc"],
            expected_version=action.lock_version,
            note=demo.sign_off_note,
        )
    return action


def logins_table() -> str:
    rows = [("Username", "Name", "Role")]
    rows += [
        (name, f"{first} {last}", role.value) for name, (first, last, role) in DEMO_USERS.items()
    ]
    widths = [max(len(row[col]) for row in rows) for col in range(3)]
    lines = ["", "Demo logins:"]
    for row in rows:
        cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        lines.append("  " + "  ".join(cells))
    lines += [
        f"Password for all of them: {DEMO_PASSWORD}",
        "It works only with the local settings (pccresponse.settings.local, the manage.py",
        "default), which enable the demo login backend; elsewhere these accounts cannot log in.",
    ]
    return "\n".join(line.rstrip() for line in lines)
