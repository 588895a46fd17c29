"""`flask --app studyapp ...` commands: setup, decks check, decks import."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click
from flask import Flask, current_app
from flask_migrate import upgrade

from studyapp.clock import now
from studyapp.config import PROJECT_ROOT
from studyapp.core.content.deck_files import Bundle, PointRecord, check_against_reference, check_bundle, read_bundle
from studyapp.export import cli as export_cli
from studyapp.schedule import cli as schedule_cli
from studyapp.schema import require_current_schema
from studyapp.services.deck_import import import_bundle, points_kept_beside

# The standard names of the channel points (code, pinyin, hanzi), kept beside the tests that use them.
STANDARD_NAMES = PROJECT_ROOT / "tests" / "data" / "standard-point-names.tsv"


def _bundle(paths: tuple[Path, ...], kept_beside: Callable[[set[str]], list[PointRecord]], *,
            require_complete: bool) -> tuple[Bundle, bool]:
    """Load and check `paths` (default: the decks folder) as the decks will be after an import of
    them: beside the points `kept_beside(their slugs)` gives, unless they are the whole folder, which
    replaces every deck. The same on every path, so a point the files remove can no longer be named
    under `related` or measured from. Also says whether that is the whole folder."""
    decks_dir: Path = current_app.config["DECKS_DIR"]
    chosen = list(paths) or [decks_dir]
    whole_folder = any(p.resolve() == decks_dir.resolve() for p in chosen)
    bundle = read_bundle(chosen, root=Path.cwd())
    beside = [] if whole_folder else kept_beside({deck.slug for deck in bundle.decks})
    bundle.problems += check_bundle(bundle.decks, {point.code for point in beside},
                                    require_complete=require_complete, context=beside)
    return bundle, whole_folder


def _report_problems(bundle: Bundle) -> None:
    for problem in bundle.problems:
        click.echo(str(problem), err=True)
    click.echo(f"{len(bundle.problems)} problem(s); nothing imported.", err=True)


def _folder_points_beside(slugs: set[str]) -> list[PointRecord]:
    """The points of the decks folder's other decks (what `decks check FILE` resolves against)."""
    folder = read_bundle([current_app.config["DECKS_DIR"]])
    return [point for deck in folder.decks if deck.slug not in slugs for point in deck.points]


def _import(paths: tuple[Path, ...]) -> None:
    # Coverage (every standard point present) is `decks check`'s job; import refuses wrong data but
    # accepts a point removed from a file, which it retires.
    bundle, whole_folder = _bundle(paths, points_kept_beside, require_complete=False)
    if bundle.problems:
        _report_problems(bundle)
        raise SystemExit(1)
    report = import_bundle(bundle, now(), retire_missing_decks=whole_folder)
    points = len(bundle.points)
    click.echo(f"Imported {len(bundle.decks)} deck(s), {points} point(s): {report.summary()}.")


def register(app: Flask) -> None:
    export_cli.register(app)
    schedule_cli.register(app)

    @app.cli.command("setup")
    def setup_command() -> None:
        """Create or upgrade the database schema, then load the bundled decks."""
        upgrade()
        _import(())

    @app.cli.group("decks")
    def decks_group() -> None:
        """Check and import deck files."""

    @decks_group.command("check")
    @click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
    @click.option("--reference", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                  help="the standard names table (TSV: code, pinyin, hanzi, hanzi_who_print, channel); "
                       "default: tests/data/standard-point-names.tsv of the checkout")
    def check_command(paths: tuple[Path, ...], reference: Path | None) -> None:
        """Validate deck files (default: all of decks/) without importing. Exit 1 on error.

        Checking a single file resolves its related points against the whole decks folder. Codes,
        pinyin and hanzi are checked against the standard names table when there is one.
        """
        bundle, _ = _bundle(paths, _folder_points_beside, require_complete=True)
        reference = reference or (STANDARD_NAMES if STANDARD_NAMES.exists() else None)
        if reference is not None:
            bundle.problems += check_against_reference(bundle.decks, reference)
        for problem in bundle.problems:
            click.echo(str(problem), err=True)
        points = len(bundle.points)
        if bundle.problems:
            click.echo(f"{len(bundle.decks)} deck(s), {points} point(s): "
                       f"{len(bundle.problems)} problem(s).", err=True)
            raise SystemExit(1)
        click.echo(f"{len(bundle.decks)} deck(s), {points} point(s): OK.")

    @decks_group.command("import")
    @click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
    def import_command(paths: tuple[Path, ...]) -> None:
        """Load deck files (default: all of decks/). Idempotent; keeps every student's progress."""
        require_current_schema()
        _import(paths)
