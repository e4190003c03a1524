import hashlib

from django.db import migrations, models


def hash_tokens(apps, schema_editor):
    """Existing addresses keep working: each token is replaced by its SHA-256."""
    CalendarToken = apps.get_model("reminders", "CalendarToken")
    for row in CalendarToken.objects.all():
        row.token_sha256 = hashlib.sha256(row.token.encode()).hexdigest()
        row.save(update_fields=["token_sha256"])


def drop_tokens(apps, schema_editor):
    apps.get_model("reminders", "CalendarToken").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("reminders", "0003_every_choice_constrained")]

    operations = [
        migrations.RemoveConstraint(model_name="calendartoken", name="calendar_token_long_enough"),
        migrations.AddField(
            model_name="calendartoken",
            name="token_sha256",
            field=models.CharField(max_length=64, null=True),
        ),
        # Hashing is one way: going back drops the addresses (their owners make new ones).
        migrations.RunPython(hash_tokens, migrations.RunPython.noop),
        migrations.RemoveField(model_name="calendartoken", name="token"),
        migrations.RunPython(migrations.RunPython.noop, drop_tokens),
        migrations.AlterField(
            model_name="calendartoken",
            name="token_sha256",
            field=models.CharField(max_length=64, unique=True),
        ),
        migrations.AddConstraint(
            model_name="calendartoken",
            constraint=models.CheckConstraint(
                condition=models.Q(("token_sha256__regex", "^[0-9a-f]{64}$")),
                name="calendar_token_is_a_sha256",
            ),
        ),
    ]
