"""The default ladders (issue 5): responses at 28, 14, 7, 3 and 1 days before the statutory
deadline, on the day, and weekly once overdue; the Chief Constable's comments at 7 and 1 days
before, on the day and once overdue; actions at 14, 7 and 1 days before, on the day, once overdue,
and escalated to the DCC after 28 days overdue. Admins change them in the admin."""

from django.db import migrations

DEFAULTS = [
    {"kind": "response_deadline", "days_before": "28, 14, 7, 3, 1", "overdue_every_days": 7},
    {"kind": "cc_comments", "days_before": "7, 1"},
    {"kind": "action_target", "days_before": "14, 7, 1", "escalate_after_days": 28},
]


def create(apps, schema_editor):
    Ladder = apps.get_model("reminders", "Ladder")
    for values in DEFAULTS:
        Ladder.objects.get_or_create(kind=values["kind"], defaults=values)


class Migration(migrations.Migration):
    dependencies = [("reminders", "0001_reminders")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
