"""A published version is never altered: the database refuses any change to its content, its
HTML hash, its number or date, and to its PDF once written (the render job writes it once)."""

from django.db import migrations

POSTGRESQL_UP = """
CREATE FUNCTION responses_published_version_frozen() RETURNS trigger AS $$
BEGIN
    IF NEW.response_id <> OLD.response_id OR NEW.number <> OLD.number
       OR NEW.published_on <> OLD.published_on OR NEW.published_at <> OLD.published_at
       OR NEW.published_by_id <> OLD.published_by_id OR NEW.content_id <> OLD.content_id
       OR NEW.html <> OLD.html OR NEW.html_sha256 <> OLD.html_sha256
       OR (OLD.pdf_sha256 <> '' AND (NEW.pdf <> OLD.pdf OR NEW.pdf_sha256 <> OLD.pdf_sha256
           OR NEW.pdf_bytes IS DISTINCT FROM OLD.pdf_bytes)) THEN
        RAISE EXCEPTION 'A published version is never altered: publish a new version instead.'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER responses_published_version_frozen
    BEFORE UPDATE ON responses_publishedversion
    FOR EACH ROW EXECUTE FUNCTION responses_published_version_frozen();
"""
POSTGRESQL_DOWN = """
DROP TRIGGER IF EXISTS responses_published_version_frozen ON responses_publishedversion;
DROP FUNCTION IF EXISTS responses_published_version_frozen();
"""
SQLITE_UP = """
CREATE TRIGGER responses_published_version_frozen
BEFORE UPDATE ON responses_publishedversion
WHEN NEW.response_id IS NOT OLD.response_id OR NEW.number IS NOT OLD.number
    OR NEW.published_on IS NOT OLD.published_on OR NEW.published_at IS NOT OLD.published_at
    OR NEW.published_by_id IS NOT OLD.published_by_id OR NEW.content_id IS NOT OLD.content_id
    OR NEW.html IS NOT OLD.html OR NEW.html_sha256 IS NOT OLD.html_sha256
    OR (OLD.pdf_sha256 <> '' AND (NEW.pdf IS NOT OLD.pdf OR NEW.pdf_sha256 IS NOT OLD.pdf_sha256
        OR NEW.pdf_bytes IS NOT OLD.pdf_bytes))
BEGIN
    SELECT RAISE(ABORT, 'A published version is never altered: publish a new version instead.');
END;
"""
SQLITE_DOWN = "DROP TRIGGER IF EXISTS responses_published_version_frozen;"


def run(statements: dict[str, str]):
    def forwards(apps, schema_editor):
        sql = statements.get(schema_editor.connection.vendor)
        if sql:
            schema_editor.execute(sql)

    return forwards


class Migration(migrations.Migration):
    dependencies = [("responses", "0003_publication")]

    operations = [
        migrations.RunPython(
            run({"postgresql": POSTGRESQL_UP, "sqlite": SQLITE_UP}),
            run({"postgresql": POSTGRESQL_DOWN, "sqlite": SQLITE_DOWN}),
        ),
    ]
