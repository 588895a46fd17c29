"""`flask --app studyapp backup export|restore USERNAME FILE`: the JSON backup from the command line.

A FILE ending in .gz is written gzip-compressed; restore reads either. No upload limit applies here.
"""

from __future__ import annotations

from pathlib import Path

import click
from flask import Flask

from studyapp.clock import now
from studyapp.core.backup_format import BackupError, read_backup, write_backup
from studyapp.models import User
from studyapp.schema import require_current_schema
from studyapp.services.accounts import find_user
from studyapp.services.backup import RestoreRefused, export_backup, restore_backup


def _user_or_exit(username: str) -> User:
    require_current_schema()
    user = find_user(username)
    if user is None:
        click.echo(f"No student called {username!r}.", err=True)
        raise SystemExit(1)
    return user


def register(app: Flask) -> None:
    @app.cli.group("backup")
    def backup_group() -> None:
        """Back up a student's progress as JSON, or restore it into an account."""

    @backup_group.command("export")
    @click.argument("username")
    @click.argument("file", type=click.Path(dir_okay=False, writable=True, path_type=Path))
    def export_command(username: str, file: Path) -> None:
        """Write USERNAME's settings, decks, schedule and review log to FILE (.json or .json.gz)."""
        backup = export_backup(_user_or_exit(username), now())
        data = write_backup(backup, compress=file.suffix == ".gz")
        file.write_bytes(data)
        click.echo(f"Wrote {len(backup.reviews)} review(s) of {len(backup.cards)} card(s) "
                   f"in {len(backup.decks)} deck(s) to {file} ({len(data):,} bytes).")

    @backup_group.command("restore")
    @click.argument("username")
    @click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    def restore_command(username: str, file: Path) -> None:
        """Restore FILE into USERNAME, an account with no reviews yet. All or nothing; exit 1 if refused."""
        user = _user_or_exit(username)
        try:
            report = restore_backup(user, read_backup(file.read_bytes()))
        except BackupError as error:
            for problem in error.problems:
                click.echo(f"{file}: {problem}", err=True)
            click.echo(f"{len(error.problems)} problem(s); nothing restored.", err=True)
            raise SystemExit(1) from None
        except RestoreRefused as error:
            click.echo(str(error), err=True)
            for detail in error.details:
                click.echo(f"  {detail}", err=True)
            raise SystemExit(1) from None
        click.echo(f"Restored {report.reviews} review(s) of {report.cards} card(s) "
                   f"in {report.decks} deck(s) into {user.username}.")
