"""Approval binds the content (issue 11): the PCC's approval is fixed as an Approval row with
the rendered letter and its hash, never altered (a trigger refuses it, as for published
versions, whose trigger now also covers the approval and the reason a date was recorded late).
A response approved before this had no such record: it goes back to "submitted", so the PCC
approves exactly what will be published."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

APPROVAL_PG_UP = """
CREATE FUNCTION responses_approval_frozen() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'An approval is never altered: the PCC approves again instead.'
        USING ERRCODE = 'integrity_constraint_violation';
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER responses_approval_frozen BEFORE UPDATE ON responses_approval
    FOR EACH ROW EXECUTE FUNCTION responses_approval_frozen();
CREATE FUNCTION responses_published_version_frozen_too() RETURNS trigger AS $$
BEGIN
    IF NEW.approval_id IS DISTINCT FROM OLD.approval_id
       OR NEW.recorded_late_reason <> OLD.recorded_late_reason THEN
        RAISE EXCEPTION 'A published version is never altered: publish a new version instead.'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER responses_published_version_frozen_too
    BEFORE UPDATE ON responses_publishedversion
    FOR EACH ROW EXECUTE FUNCTION responses_published_version_frozen_too();
"""
APPROVAL_PG_DOWN = """
DROP TRIGGER IF EXISTS responses_approval_frozen ON responses_approval;
DROP FUNCTION IF EXISTS responses_approval_frozen();
DROP TRIGGER IF EXISTS responses_published_version_frozen_too ON responses_publishedversion;
DROP FUNCTION IF EXISTS responses_published_version_frozen_too();
"""
APPROVAL_SQLITE_UP = [
    """CREATE TRIGGER responses_approval_frozen BEFORE UPDATE ON responses_approval
    BEGIN
        SELECT RAISE(ABORT, 'An approval is never altered: the PCC approves again instead.');
    END;""",
    """CREATE TRIGGER responses_published_version_frozen_too
    BEFORE UPDATE ON responses_publishedversion
    WHEN NEW.approval_id IS NOT OLD.approval_id
        OR NEW.recorded_late_reason IS NOT OLD.recorded_late_reason
    BEGIN
        SELECT RAISE(ABORT, 'A published version is never altered: publish a new version instead.');
    END;""",
]
APPROVAL_SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS responses_approval_frozen;",
    "DROP TRIGGER IF EXISTS responses_published_version_frozen_too;",
]


def run(statements: dict):
    def forwards(apps, schema_editor):
        sql = statements.get(schema_editor.connection.vendor)
        for statement in [sql] if isinstance(sql, str) else sql or []:
            schema_editor.execute(statement)

    return forwards


def approve_again(apps, schema_editor):
    """Approved before approvals were recorded: back to the PCC."""
    Response = apps.get_model("responses", "Response")
    Response.objects.filter(status="approved", approval__isnull=True).update(
        status="submitted", approved_at=None, approved_by=None
    )


class Migration(migrations.Migration):
    dependencies = [
        ("inspections", "0001_register"),
        ("responses", "0004_published_versions_frozen"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="publishedversion",
            name="recorded_late_reason",
            field=models.TextField(blank=True),
        ),
        migrations.AddField(
            model_name="response",
            name="cc_short_notice_reason",
            field=models.TextField(
                blank=True,
                verbose_name="why the Chief Constable was given less than the usual time",
            ),
        ),
        migrations.AddField(
            model_name="response",
            name="stale_publication_date",
            field=models.DateField(blank=True, null=True),
        ),
        migrations.CreateModel(
            name="Approval",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("content", models.JSONField()),
                ("approved_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("recorded_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("letter_html", models.TextField()),
                ("letter_sha256", models.CharField(max_length=64)),
                (
                    "approved_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "response",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="approvals",
                        to="responses.response",
                    ),
                ),
            ],
            options={
                "ordering": ["-approved_at", "-pk"],
            },
        ),
        migrations.AddField(
            model_name="publishedversion",
            name="approval",
            field=models.ForeignKey(
                blank=True,
                help_text="The PCC's approval whose letter this version publishes (none before 2026).",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="published_versions",
                to="responses.approval",
            ),
        ),
        migrations.AddField(
            model_name="response",
            name="approval",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="responses.approval",
            ),
        ),
        migrations.RunPython(approve_again, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="response",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("status__in", ["approved", "published", "sent"]), _negated=True),
                    ("approval__isnull", False),
                    ("published_on__isnull", False),
                    _connector="OR",
                ),
                name="response_approved_has_approval",
            ),
        ),
        migrations.AddConstraint(
            model_name="approval",
            constraint=models.CheckConstraint(
                condition=models.Q(("letter_sha256__regex", "^[0-9a-f]{64}$")),
                name="approval_hashed",
            ),
        ),
        migrations.RunPython(
            run({"postgresql": APPROVAL_PG_UP, "sqlite": APPROVAL_SQLITE_UP}),
            run({"postgresql": APPROVAL_PG_DOWN, "sqlite": APPROVAL_SQLITE_DOWN}),
        ),
    ]
