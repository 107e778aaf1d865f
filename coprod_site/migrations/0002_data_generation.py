"""The data's generation, kept by the database itself (coprod_site/changes.py): one row
whose number every committed write to a watched table moves on, by a trigger, in the
writing transaction. The triggers on the watched tables are put in after every migrate
(`changes.sync_triggers`), so that tables added or remade later are watched too; this
migration makes the row and, on PostgreSQL, the functions they call."""

from django.db import migrations

TABLE = "coprod_site_datageneration"

POSTGRESQL = [
    # The CHECK keeps it to one row: the triggers update it, and nothing inserts another.
    f"CREATE TABLE {TABLE} (id integer PRIMARY KEY CHECK (id = 1), value bigint NOT NULL)",
    f"INSERT INTO {TABLE} (id, value) VALUES (1, 1)",
    # After each write statement on a watched table, at once: marks the transaction's
    # latest write (which it sees before its commit moves the number) and, at its first,
    # leaves a row here, whose deferred trigger moves the number when the transaction
    # commits. The pending trigger event is on this table, not the watched one, which a
    # migration may then still alter in the same transaction.
    "CREATE TABLE coprod_site_datachange (id bigserial PRIMARY KEY)",
    """
    CREATE FUNCTION coprod_data_written() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF COALESCE(current_setting('coprod.written', true), '') = '' THEN
            INSERT INTO coprod_site_datachange DEFAULT VALUES;
        END IF;
        PERFORM set_config('coprod.written', clock_timestamp()::text, true);
        RETURN NULL;
    END
    $$
    """,
    # At the commit, once a transaction: the row's lock is held only while it commits.
    f"""
    CREATE FUNCTION coprod_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM coprod_site_datachange WHERE id = NEW.id;
        UPDATE {TABLE} SET value = value + 1 WHERE id = 1;
        RETURN NULL;
    END
    $$
    """,
    "CREATE CONSTRAINT TRIGGER coprod_data_changed AFTER INSERT ON coprod_site_datachange "
    "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION coprod_data_changed()",
]
SQLITE = [
    f"CREATE TABLE {TABLE} (id integer PRIMARY KEY CHECK (id = 1), value bigint NOT NULL)",
    f"INSERT INTO {TABLE} (id, value) VALUES (1, 1)",
]


def create(apps, schema_editor):
    statements = POSTGRESQL if schema_editor.connection.vendor == "postgresql" else SQLITE
    for statement in statements:
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        # CASCADE takes every table's triggers with the functions.
        schema_editor.execute("DROP FUNCTION IF EXISTS coprod_data_written() CASCADE")
        schema_editor.execute("DROP TABLE coprod_site_datachange")
        schema_editor.execute("DROP FUNCTION coprod_data_changed()")
    else:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
                ["coprod_changed_%"],
            )
            triggers = [name for (name,) in cursor.fetchall()]
        for name in triggers:
            schema_editor.execute(f"DROP TRIGGER {connection.ops.quote_name(name)}")
    schema_editor.execute(f"DROP TABLE {TABLE}")


class Migration(migrations.Migration):
    dependencies = [("coprod_site", "0001_cache_table")]

    operations = [migrations.RunPython(create, drop)]
