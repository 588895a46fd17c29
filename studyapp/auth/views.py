"""Register, log in, log out, settings, changing the password."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit
from zoneinfo import available_timezones

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user
from werkzeug.wrappers import Response

from studyapp.auth.forms import ChangePasswordForm, LoginForm, RegisterForm, SettingsForm
from studyapp.clock import now
from studyapp.extensions import login_manager
from studyapp.models import User
from studyapp.services import accounts, login_throttle

bp = Blueprint("auth", __name__)

SCHEDULER_SWITCHED = {
    "fsrs": "Your reviews are now scheduled by FSRS: grade with Again, Hard, Good and Easy (keys 1-4). "
            "SM-2's schedule is kept up to date beside it; switch back any time and nothing is lost.",
    "sm2": "Your reviews are scheduled by SM-2 again, exactly as SM-2 would have them. FSRS keeps learning "
           "from every answer beside it.",
}


@login_manager.user_loader
def load_user(session_id: str) -> User | None:
    return accounts.user_for_session(session_id)


def _safe_next(target: str | None) -> str:
    """Only follow a `next` that stays on this site (no open redirect)."""
    if target and not urlsplit(target).netloc and target.startswith("/") and not target.startswith("//"):
        return target
    return url_for("decks.index")


def _limits() -> login_throttle.Limits:
    config = current_app.config
    return login_throttle.Limits(per_account=config["LOGIN_FAILURES_PER_ACCOUNT"],
                                 per_address=config["LOGIN_FAILURES_PER_ADDRESS"],
                                 window=timedelta(seconds=config["LOGIN_FAILURE_WINDOW_SECONDS"]))


def _address() -> str:
    """The address the request came from (the student's own behind a trusted proxy: TRUSTED_PROXIES)."""
    return request.remote_addr or "unknown"


def _throttled(page: str, throttled: login_throttle.Throttled) -> tuple[str, int, dict[str, str]]:
    """429 with Retry-After: the page carries the reason on the password field."""
    return page, 429, {"Retry-After": str(throttled.retry_after)}


def _throttle_message(throttled: login_throttle.Throttled) -> str:
    minutes = -(-throttled.retry_after // 60)
    wait = f"{minutes} minutes" if minutes > 1 else "a minute"
    return (f"Too many failed logins for this account or from this address. Wait {wait}, then try "
            "again (nothing was checked this time).")


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
def login() -> Response | tuple[str, int] | tuple[str, int, dict[str, str]] | str:
    form = LoginForm()
    if form.validate_on_submit():
        try:
            user = accounts.log_in(form.username.data, form.password.data, address=_address(), now=now(),
                                   limits=_limits())
        except login_throttle.Throttled as throttled:
            form.password.errors.append(_throttle_message(throttled))
            return _throttled(render_template("auth/login.html", form=form), throttled)
        if user is not None:
            login_user(user)
            return redirect(_safe_next(request.args.get("next")))
        form.password.errors.append("Wrong username or password.")
    status = 400 if request.method == "POST" else 200
    return render_template("auth/login.html", form=form), status


@bp.post("/logout")
@login_required
def logout() -> Response:
    """Log out everywhere: the account gets a new session token, so no cookie made before still works."""
    accounts.end_sessions(current_user)
    logout_user()
    flash("You are logged out (on every device).")
    return redirect(url_for("auth.login"))


def _settings_page(form: SettingsForm, password_form: ChangePasswordForm) -> str:
    form.timezone.choices = sorted(available_timezones())
    return render_template("auth/settings.html", form=form, password_form=password_form)


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
    return _settings_page(form, ChangePasswordForm(formdata=None)), status


@bp.post("/settings/password")
@login_required
def change_password() -> Response | tuple[str, int] | tuple[str, int, dict[str, str]]:
    """A new password, given the current one; every other session of the account ends."""
    form = ChangePasswordForm()
    form.account_name = current_user.username
    settings_form = SettingsForm(obj=current_user, formdata=None)
    if form.validate_on_submit():
        try:
            changed = accounts.change_password(current_user, form.current_password.data, form.new_password.data,
                                               address=_address(), now=now(), limits=_limits())
        except login_throttle.Throttled as throttled:
            form.current_password.errors.append(_throttle_message(throttled))
            return _throttled(_settings_page(settings_form, form), throttled)
        if changed:
            login_user(current_user._get_current_object())  # this session, under the new token
            flash("Your password is changed; every other session of your account is logged out.")
            return redirect(url_for("auth.settings"))
        form.current_password.errors.append("That is not your current password.")
    return _settings_page(settings_form, form), 400
