"""Register, log in, log out, settings."""

from __future__ import annotations

from urllib.parse import urlsplit
from zoneinfo import available_timezones

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user
from werkzeug.wrappers import Response

from studyapp.auth.forms import LoginForm, RegisterForm, SettingsForm
from studyapp.extensions import login_manager
from studyapp.models import User
from studyapp.services import accounts

bp = Blueprint("auth", __name__)

SCHEDULER_SWITCHED = {
    "fsrs": "Your reviews are now scheduled by FSRS: grade with Again, Hard, Good and Easy (keys 1-4). "
            "SM-2's schedule is kept up to date beside it; switch back any time and nothing is lost.",
    "sm2": "Your reviews are scheduled by SM-2 again, exactly as SM-2 would have them. FSRS keeps learning "
           "from every answer beside it.",
}


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    return accounts.user_by_id(user_id)


def _safe_next(target: str | None) -> str:
    """Only follow a `next` that stays on this site (no open redirect)."""
    if target and not urlsplit(target).netloc and target.startswith("/") and not target.startswith("//"):
        return target
    return url_for("decks.index")


@bp.route("/register", methods=["GET", "POST"])
def register() -> Response | tuple[str, int] | str:
    form = RegisterForm()
    if form.validate_on_submit():
        try:
            user = accounts.register(form.username.data, form.password.data, form.timezone.data)
        except accounts.UsernameTaken:
            form.username.errors.append("That username is taken.")
            return render_template("auth/register.html", form=form), 400
        login_user(user)
        flash(f"Welcome, {user.username}. Pick a deck to start.")
        return redirect(url_for("decks.index"))
    status = 400 if request.method == "POST" else 200
    return render_template("auth/register.html", form=form), status


@bp.route("/login", methods=["GET", "POST"])
def login() -> Response | tuple[str, int] | str:
    form = LoginForm()
    if form.validate_on_submit():
        user = accounts.check_login(form.username.data, form.password.data)
        if user is not None:
            login_user(user)
            return redirect(_safe_next(request.args.get("next")))
        form.password.errors.append("Wrong username or password.")
    status = 400 if request.method == "POST" else 200
    return render_template("auth/login.html", form=form), status


@bp.post("/logout")
@login_required
def logout() -> Response:
    logout_user()
    flash("You are logged out.")
    return redirect(url_for("auth.login"))


@bp.route("/settings", methods=["GET", "POST"])
@login_required
def settings() -> Response | tuple[str, int] | str:
    form = SettingsForm(obj=current_user)
    form.timezone.choices = sorted(available_timezones())
    if form.validate_on_submit():
        before = current_user.scheduler
        accounts.save_settings(current_user, timezone=form.timezone.data,
                               new_cards_per_day=form.new_cards_per_day.data,
                               reviews_per_day=form.reviews_per_day.data, theme=form.theme.data,
                               scheduler=form.scheduler.data, desired_retention=form.desired_retention.data)
        flash("Settings saved.")
        if current_user.scheduler != before:
            flash(SCHEDULER_SWITCHED[current_user.scheduler])
        return redirect(url_for("auth.settings"))
    status = 400 if request.method == "POST" else 200
    return render_template("auth/settings.html", form=form), status
