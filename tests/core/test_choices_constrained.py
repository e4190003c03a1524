"""Every choices column is held to its choices by the database, not only by the forms: a value
written by the shell, a data migration or raw SQL that no form would offer is refused."""

import pytest
from django.apps import apps
from django.db import IntegrityError, connection, transaction

OUR_APPS = {"accounts", "core", "dashboards", "demo", "exports", "imports", "inspections"}
OUR_APPS |= {"reminders", "responses", "search"}


def choice_columns() -> list:
    return list(_choice_columns())


def _choice_columns():
    for model in apps.get_models():
        if model._meta.app_label not in OUR_APPS or model.__name__.startswith("Historical"):
            continue
        for field in model._meta.concrete_fields:
            if field.choices:
                yield pytest.param(model, field, id=f"{model.__name__}.{field.name}")


def check_constraint_sql(model, field) -> list[str]:
    """The definitions of the table's CHECK constraints that read this column, as PostgreSQL
    holds them (not as the model declares them)."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT pg_get_constraintdef(c.oid)
            FROM pg_constraint c
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
            WHERE c.contype = 'c' AND c.conrelid = %s::regclass AND a.attname = %s
            """,
            [model._meta.db_table, field.column],
        )
        return [row[0] for row in cursor.fetchall()]


def test_the_walk_finds_every_choices_column():
    # A walk that found nothing would pass the test below vacuously.
    assert len(list(choice_columns())) >= 21


@pytest.mark.django_db
@pytest.mark.parametrize(("model", "field"), choice_columns())
def test_the_database_names_exactly_the_choices(model, field):
    values = {str(value) for value, _label in field.choices}
    if field.blank:
        values.add("")
    definitions = [d for d in check_constraint_sql(model, field) if "ANY" in d or "IN" in d]
    listed = [d for d in definitions if all(f"'{value}'" in d for value in values)]
    assert listed, f"no CHECK constraint on {model.__name__}.{field.name} lists its choices"


@pytest.mark.django_db
def test_a_value_outside_the_choices_is_refused_by_the_database(report):
    from inspections.models import Report

    table = Report._meta.db_table
    refused = pytest.raises(IntegrityError, match="report_report_type_is_a_choice")
    with refused, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET report_type = 'made_up'")
    assert Report.objects.get().report_type != "made_up"
