"""The agency on the rows that pages scan, kept right by the database.

An assessment carries its service's agency (`agency_id`), and an option its
assessment's, so that every page filters and indexes those tables by the agency itself
rather than through the services table (docs/architecture.md). The models set it
(`SetsAgency`); these triggers make the database hold it whatever writes the row (a
page, the admin, an import, `psql`):

- a row whose agency is not its parent's is refused (an `IntegrityError`), on insert and
  when its parent or agency changes;
- a service moved to another agency carries its assessments, and they their options:
  the move is one fact, never half made.

Triggers rather than a composite foreign key, because the rule must hold on SQLite too
(the tests run on both), where Django remakes a table to alter it and would drop a
constraint it did not make. There a trigger that names a table being remade stops the
remaking, so on SQLite they come out before every `migrate` and go back after it
(`sync_triggers`, as `coprod_site.changes` does its own).
"""

from django.db import connection as default_connection

PREFIX = "coprod_tenancy_"
ASSESSMENTS = "assessments_assessment"
OPTIONS = "assessments_option"
SERVICES = "services_service"

# (name, table, parent table, parent key column): the row's agency must be its parent's.
CHECKS = (
    ("assessment", ASSESSMENTS, SERVICES, "service_id"),
    ("option", OPTIONS, ASSESSMENTS, "assessment_id"),
)
# (name, parent table, child table, child's key column): a parent's new agency is carried
# to its children.
CARRIES = (
    ("service_moved", SERVICES, ASSESSMENTS, "service_id"),
    ("assessment_moved", ASSESSMENTS, OPTIONS, "assessment_id"),
)


def refusal(table: str, parent: str) -> str:
    """The constraint's name and what it says, in the error the database raises."""
    return (
        f"{table}_agency_is_parents: a row of {table} must have the agency_id of its "
        f"{parent.split('_', 1)[1]}"
    )


def _postgresql() -> dict[str, tuple[str, list[str]]]:
    triggers = {}
    for name, table, parent, key in CHECKS:
        function = f"{PREFIX}check_{name}"
        triggers[f"{PREFIX}{name}_agency"] = (
            table,
            [
                f"""
                CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.agency_id IS DISTINCT FROM
                            (SELECT agency_id FROM {parent} WHERE id = NEW.{key}) THEN
                        RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation',
                            CONSTRAINT = '{table}_agency_is_parents',
                            MESSAGE = '{refusal(table, parent)}';
                    END IF;
                    RETURN NEW;
                END
                $$
                """,
                f"CREATE TRIGGER {PREFIX}{name}_agency BEFORE INSERT OR UPDATE OF {key}, "
                f"agency_id ON {table} FOR EACH ROW EXECUTE FUNCTION {function}()",
            ],
        )
    for name, parent, child, key in CARRIES:
        function = f"{PREFIX}{name}"
        triggers[function] = (
            parent,
            [
                f"""
                CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE {child} SET agency_id = NEW.agency_id WHERE {key} = NEW.id;
                    RETURN NULL;
                END
                $$
                """,
                f"CREATE TRIGGER {function} AFTER UPDATE OF agency_id ON {parent} FOR EACH ROW "
                f"WHEN (OLD.agency_id IS DISTINCT FROM NEW.agency_id) "
                f"EXECUTE FUNCTION {function}()",
            ],
        )
    return triggers


def _sqlite() -> dict[str, tuple[str, list[str]]]:
    triggers = {}
    for name, table, parent, key in CHECKS:
        for event in ("insert", f"update of {key}, agency_id"):
            trigger = f"{PREFIX}{name}_{event.split()[0]}"
            triggers[trigger] = (
                table,
                [
                    f"CREATE TRIGGER {trigger} BEFORE {event.upper()} ON {table} FOR EACH ROW "
                    f"WHEN NEW.agency_id IS NOT (SELECT agency_id FROM {parent} "
                    f"WHERE id = NEW.{key}) "
                    f"BEGIN SELECT RAISE(ABORT, '{refusal(table, parent)}'); END"
                ],
            )
    for name, parent, child, key in CARRIES:
        trigger = f"{PREFIX}{name}"
        triggers[trigger] = (
            parent,
            [
                f"CREATE TRIGGER {trigger} AFTER UPDATE OF agency_id ON {parent} FOR EACH ROW "
                "WHEN OLD.agency_id IS NOT NEW.agency_id "
                f"BEGIN UPDATE {child} SET agency_id = NEW.agency_id WHERE {key} = NEW.id; END"
            ],
        )
    return triggers


def _wanted(database) -> dict[str, tuple[str, list[str]]]:
    return _postgresql() if database.vendor == "postgresql" else _sqlite()


def installed(database=None) -> set[tuple[str, str]]:
    """The tenancy triggers in the database: (table, name) pairs."""
    database = database or default_connection
    with database.cursor() as cursor:
        if database.vendor == "postgresql":
            cursor.execute(
                "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c "
                "ON c.oid = t.tgrelid WHERE t.tgname LIKE %s AND pg_table_is_visible(c.oid)",
                [f"{PREFIX}%"],
            )
        else:
            cursor.execute(
                "SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
                [f"{PREFIX}%"],
            )
        return set(cursor.fetchall())


def remove_triggers(database=None) -> None:
    database = database or default_connection
    with database.cursor() as cursor:
        for table, name in installed(database):
            on = f" ON {table}" if database.vendor == "postgresql" else ""
            cursor.execute(f"DROP TRIGGER {name}{on}")


def sync_triggers(database=None) -> None:
    """Put in the tenancy triggers that are missing: after every `migrate`, as SQLite
    drops a remade table's. Nothing to do before the agency columns exist (a database
    migrated back past them): then any left are taken out, as they would name a column
    that is gone."""
    database = database or default_connection
    if database.vendor not in ("postgresql", "sqlite"):
        raise NotImplementedError(f"No tenancy triggers for {database.vendor}.")
    with database.cursor() as cursor:
        tables = set(database.introspection.table_names(cursor))
        ready = {ASSESSMENTS, OPTIONS, SERVICES} <= tables and all(
            "agency_id"
            in {
                column.name
                for column in database.introspection.get_table_description(cursor, table)
            }
            for table in (ASSESSMENTS, OPTIONS)
        )
    if not ready:
        remove_triggers(database)
        return
    present = {name for _, name in installed(database)}
    with database.cursor() as cursor:
        for name, (_, statements) in _wanted(database).items():
            if name not in present:
                for statement in statements:
                    cursor.execute(statement)


def migration_starting(using="default", **kwargs) -> None:
    """The `pre_migrate` signal: on SQLite, the triggers come out for the migrate, as a
    trigger that names a table Django remakes stops the remaking (`migration_ended` puts
    them back)."""
    from django.db import connections

    if connections[using].vendor == "sqlite":
        remove_triggers(connections[using])


def migration_ended(using="default", **kwargs) -> None:
    """The `post_migrate` signal."""
    from django.db import connections

    sync_triggers(connections[using])
