"""A generation for each agency beside the shared one (coprod_site/changes.py): a write in
one agency moves that agency's number only, so other agencies' kept pages stay kept.

On PostgreSQL the functions the triggers call are replaced: a statement trigger on a table
whose rows belong to agencies passes the SELECT of their agencies from its transition
tables, and the transaction notes them (`coprod.agencies`); a table whose rows belong to
none (or a row whose agency cannot be found, or a TRUNCATE) notes the shared number
(`coprod.shared`). At the commit, once a transaction, the noted numbers move, the agencies'
in their order and the shared one last, so two commits take their locks in one order.
The triggers themselves are put back by `changes.sync_triggers` after this migrate: the
old ones go with the old function."""

from django.db import migrations

TABLE = "coprod_site_agencygeneration"
NOTED = "COALESCE(NULLIF(current_setting('coprod.agencies', true), ''), '{}')::integer[]"

POSTGRESQL = [
    # No foreign key: an agency deleted keeps its number, so an id used again (SQLite)
    # goes on from it rather than back to a number a kept page holds.
    f"CREATE TABLE {TABLE} (agency_id integer PRIMARY KEY, value bigint NOT NULL)",
    "DROP FUNCTION coprod_data_written() CASCADE",
    f"""
    CREATE FUNCTION coprod_data_written() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        found integer[];
        before integer[];
    BEGIN
        IF COALESCE(current_setting('coprod.written', true), '') = '' THEN
            INSERT INTO coprod_site_datachange DEFAULT VALUES;
        END IF;
        PERFORM set_config('coprod.written', clock_timestamp()::text, true);
        IF TG_NARGS = 0 OR TG_OP = 'TRUNCATE' THEN
            PERFORM set_config('coprod.shared', 'moved', true);
            RETURN NULL;
        END IF;
        EXECUTE format('SELECT array_agg(DISTINCT agency) FROM (' || TG_ARGV[0]
            || ') AS found(agency)', CASE WHEN TG_OP = 'DELETE' THEN 'old_rows'
            ELSE 'new_rows' END) INTO found;
        IF TG_OP = 'UPDATE' THEN  -- where the rows were, too: a service moved
            EXECUTE format('SELECT array_agg(DISTINCT agency) FROM (' || TG_ARGV[0]
                || ') AS found(agency)', 'old_rows') INTO before;
            found := found || before;
        END IF;
        IF found IS NULL THEN  -- no row written
            RETURN NULL;
        END IF;
        IF array_position(found, NULL) IS NOT NULL THEN  -- a row of no agency found
            PERFORM set_config('coprod.shared', 'moved', true);
        END IF;
        PERFORM set_config('coprod.agencies', COALESCE((
            SELECT array_agg(DISTINCT agency ORDER BY agency)::text
            FROM unnest(found || {NOTED}) AS noted(agency) WHERE agency IS NOT NULL
        ), ''), true);
        RETURN NULL;
    END
    $$
    """,
    "DROP FUNCTION coprod_data_changed() CASCADE",
    f"""
    CREATE FUNCTION coprod_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM coprod_site_datachange WHERE id = NEW.id;
        INSERT INTO {TABLE} AS g (agency_id, value)
            SELECT agency, 1 FROM unnest({NOTED}) AS noted(agency) ORDER BY agency
            ON CONFLICT (agency_id) DO UPDATE SET value = g.value + 1;
        IF current_setting('coprod.shared', true) = 'moved' THEN
            UPDATE coprod_site_datageneration SET value = value + 1 WHERE id = 1;
        END IF;
        -- Moved: writes after this (where the checks were made immediate) note afresh.
        PERFORM set_config('coprod.agencies', '', true);
        PERFORM set_config('coprod.shared', '', true);
        PERFORM set_config('coprod.written', '', true);
        RETURN NULL;
    END
    $$
    """,
    "CREATE CONSTRAINT TRIGGER coprod_data_changed AFTER INSERT ON coprod_site_datachange "
    "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION coprod_data_changed()",
]
SQLITE = [f"CREATE TABLE {TABLE} (agency_id integer PRIMARY KEY, value bigint NOT NULL)"]

# Back to 0002's functions (its triggers are put back by `changes.sync_triggers`, as they
# were then).
POSTGRESQL_BACK = [
    "DROP FUNCTION coprod_data_written() CASCADE",
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
    "DROP FUNCTION coprod_data_changed() CASCADE",
    """
    CREATE FUNCTION coprod_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM coprod_site_datachange WHERE id = NEW.id;
        UPDATE coprod_site_datageneration SET value = value + 1 WHERE id = 1;
        RETURN NULL;
    END
    $$
    """,
    "CREATE CONSTRAINT TRIGGER coprod_data_changed AFTER INSERT ON coprod_site_datachange "
    "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION coprod_data_changed()",
    f"DROP TABLE {TABLE}",
]


def _drop_sqlite_triggers(schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
            ["coprod_changed_%"],
        )
        triggers = [name for (name,) in cursor.fetchall()]
    for name in triggers:
        schema_editor.execute(f"DROP TRIGGER {connection.ops.quote_name(name)}")


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRESQL:
            schema_editor.execute(statement)
    else:
        # Put back, per agency, by `changes.sync_triggers` after this migrate.
        _drop_sqlite_triggers(schema_editor)
        for statement in SQLITE:
            schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRESQL_BACK:
            schema_editor.execute(statement)
    else:
        _drop_sqlite_triggers(schema_editor)
        schema_editor.execute(f"DROP TABLE {TABLE}")


class Migration(migrations.Migration):
    dependencies = [("coprod_site", "0002_data_generation")]

    operations = [migrations.RunPython(create, drop)]
