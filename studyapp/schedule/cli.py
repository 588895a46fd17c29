"""`flask --app studyapp fsrs optimize USERNAME`: fit FSRS's parameters to a student's reviews on a server."""

from __future__ import annotations

import click
from flask import Flask

from studyapp.clock import now
from studyapp.core.scheduling import fsrs
from studyapp.services import fsrs_states
from studyapp.services.accounts import find_user

KEPT = {"optimized": "the optimized parameters", "default": "the defaults", "current": "theirs"}


def register(app: Flask) -> None:
    @app.cli.group("fsrs")
    def fsrs_group() -> None:
        """FSRS, the scheduler beside SM-2."""

    @fsrs_group.command("optimize")
    @click.argument("username")
    def optimize_command(username: str) -> None:
        """Fit FSRS's parameters to USERNAME's reviews; keep the best of the fitted ones, the defaults and
        theirs (lowest log loss) and rebuild their FSRS states. Exit 1 if there are too few reviews."""
        user = find_user(username)
        if user is None:
            click.echo(f"No student called {username!r}.", err=True)
            raise SystemExit(1)
        try:
            result = fsrs_states.optimize(user, now())
        except fsrs.NotEnoughReviews as error:
            click.echo(f"{user.username} has {error.have} review(s) of cards answered on an earlier day; "
                       f"the optimizer needs {error.need}. Nothing changed.", err=True)
            raise SystemExit(1) from None
        click.echo(f"Fitted to {result.reviews} review(s) of {user.username}.")
        click.echo(f"{'parameters':<12} {'log loss':>9} {'RMSE (bins)':>12}")
        rows = [("default", result.default), ("theirs", result.current), ("optimized", result.optimized)]
        for name, fit in rows:
            if fit is not None:
                click.echo(f"{name:<12} {fit.log_loss:>9.4f} {fit.rmse_bins:>12.4f}")
        click.echo(f"Kept: {KEPT[result.kept]}.")
