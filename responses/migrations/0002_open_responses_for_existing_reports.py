"""Reports recorded before responses existed get theirs, with the deadline worked out."""

from django.db import migrations

from responses.deadlines import default_cc_due_on, statutory_deadline

ANNEX_KINDS = ("recommendation", "afi")


def open_missing_responses(apps, schema_editor):
    Report = apps.get_model("inspections", "Report")
    Response = apps.get_model("responses", "Response")
    AnnexEntry = apps.get_model("responses", "AnnexEntry")
    for report in Report.objects.filter(response__isnull=True):
        deadline = statutory_deadline(report.published_on)
        response = Response.objects.create(
            report=report,
            deadline_rule=deadline.rule,
            due_on=deadline.last_day,
            cc_due_on=default_cc_due_on(report.published_on),
            subject=f"Response to HMICFRS - {report.title}",
        )
        for item in report.items.filter(kind__in=ANNEX_KINDS):
            AnnexEntry.objects.create(
                response=response, item=item, included=item.kind == "recommendation"
            )


class Migration(migrations.Migration):
    dependencies = [("responses", "0001_responses"), ("inspections", "0001_register")]

    operations = [migrations.RunPython(open_missing_responses, migrations.RunPython.noop)]
