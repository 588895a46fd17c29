"""Whether the database has the schema of this version (every Alembic migration applied), for the
commands that need the tables: they say in one line what to run instead of printing a traceback."""

from __future__ import annotations

import click
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from studyapp.extensions import db, migrate

SETUP_COMMAND = "flask --app studyapp setup"


def schema_problem() -> str | None:
    """Why the database cannot be used yet, or None when it is migrated to the newest revision."""
    heads = set(ScriptDirectory.from_config(migrate.get_config()).get_heads())
    with db.engine.connect() as connection:
        current = set(MigrationContext.configure(connection).get_current_heads())
    if current == heads:
        return None
    if not current:
        return "the database has no tables yet"
    return "the database is not migrated to this version's schema"


def require_current_schema() -> None:
    """Exit with status 1 and one line saying what to run when the schema is missing or old."""
    problem = schema_problem()
    if problem is not None:
        click.echo(f"Cannot continue: {problem}. Run `{SETUP_COMMAND}` first "
                   "(it applies the migrations, then imports the decks).", err=True)
        raise SystemExit(1)
