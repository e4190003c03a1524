from django.db import migrations


def create_role(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name="Administrator")


def remove_role(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Administrator").delete()


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_roles")]

    operations = [migrations.RunPython(create_role, remove_role)]
