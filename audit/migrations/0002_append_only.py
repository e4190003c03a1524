"""An audit entry is never altered or removed: the database refuses any UPDATE or DELETE of one,
whoever asks (the app, the admin, a person at a SQL prompt without the table owner's rights).
TRUNCATE is left to privileges (docs/deploy.md: the app's database user is not granted it),
as the test runner empties tables with it."""

from django.db import migrations

POSTGRESQL_UP = """
CREATE FUNCTION audit_entry_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'The audit trail is append-only: an entry is never changed or deleted.'
        USING ERRCODE = 'integrity_constraint_violation';
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_entry_append_only
    BEFORE UPDATE OR DELETE ON audit_auditentry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
"""
POSTGRESQL_DOWN = """
DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_auditentry;
DROP FUNCTION IF EXISTS audit_entry_append_only();
"""
# SQLite runs one statement at a time.
SQLITE_UP = [
    f"""CREATE TRIGGER audit_entry_no_{event.lower()} BEFORE {event} ON audit_auditentry
    BEGIN
        SELECT RAISE(ABORT, 'The audit trail is append-only: an entry is never changed or deleted.');
    END;"""
    for event in ("UPDATE", "DELETE")
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS audit_entry_no_update;",
    "DROP TRIGGER IF EXISTS audit_entry_no_delete;",
]


def run(statements: dict[str, str | list[str]]):
    def forwards(apps, schema_editor):
        sql = statements.get(schema_editor.connection.vendor, [])
        for statement in [sql] if isinstance(sql, str) else sql:
            schema_editor.execute(statement)

    return forwards


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [
        migrations.RunPython(
            run({"postgresql": POSTGRESQL_UP, "sqlite": SQLITE_UP}),
            run({"postgresql": POSTGRESQL_DOWN, "sqlite": SQLITE_DOWN}),
        ),
    ]
