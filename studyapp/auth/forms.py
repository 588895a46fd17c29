from __future__ import annotations

import math

from flask_wtf import FlaskForm
from wtforms import Field, FloatField, HiddenField, IntegerField, PasswordField, RadioField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, EqualTo, Length, NumberRange, Regexp, ValidationError

from studyapp.core.passwords import MAX_LENGTH, password_problems
from studyapp.core.scheduling import fsrs
from studyapp.core.scheduling.study_day import is_valid_timezone

USERNAME_RULE = Regexp(r"^[A-Za-z0-9_.-]+$", message="Use letters, digits, '.', '_' or '-' only.")


def _known_timezone(_form: FlaskForm, field: StringField) -> None:
    if field.data and not is_valid_timezone(field.data):
        raise ValidationError(f"Unknown time zone {field.data!r}.")


def _check_policy(field: Field, username: str) -> None:
    """The password policy (core.passwords): long enough, not a common password, not the username."""
    problems = password_problems(field.data or "", username)
    if problems:
        raise ValidationError(" ".join(problems))


class RegisterForm(FlaskForm):
    username = StringField("Username", validators=[DataRequired(), Length(3, 40), USERNAME_RULE])
    password = PasswordField("Password", validators=[DataRequired()])
    confirm = PasswordField(
        "Repeat password", validators=[DataRequired(), EqualTo("password", "Passwords differ.")])
    # Filled in by the browser (Intl API); UTC when missing.
    timezone = HiddenField("Time zone", validators=[_known_timezone])

    def validate_password(self, field: PasswordField) -> None:
        _check_policy(field, self.username.data or "")


class LoginForm(FlaskForm):
    username = StringField("Username", validators=[DataRequired(), Length(max=40)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=MAX_LENGTH)])


class SettingsForm(FlaskForm):
    timezone = SelectField("Time zone", validators=[DataRequired(), _known_timezone],
                           validate_choice=False)
    new_cards_per_day = IntegerField(
        "New cards per deck per day", validators=[NumberRange(0, 500, "Choose 0 to 500.")])
    reviews_per_day = IntegerField(
        "Reviews per day", validators=[NumberRange(0, 5000, "Choose 0 to 5000.")])
    theme = SelectField("Colours", choices=[SelectChoice("system", "As my device is set (light or dark)"),
                                            SelectChoice("light", "Light"), SelectChoice("dark", "Dark")])
    # Left out of a post, these two keep their values (the form is filled from the student).
    scheduler = RadioField("Scheduler", choices=[
        SelectChoice("sm2", "SM-2: grade each card 0-5 (the default)"),
        SelectChoice("fsrs", "FSRS: grade each card Again, Hard, Good or Easy; reviews fall due when your "
                             "recall is expected to drop to the retention below"),
    ])
    desired_retention = FloatField(
        "Desired retention (FSRS)",
        validators=[NumberRange(fsrs.MIN_RETENTION, fsrs.MAX_RETENTION,
                                f"Choose {fsrs.MIN_RETENTION:.2f} to {fsrs.MAX_RETENTION:.2f}.")])

    def validate_desired_retention(self, field: FloatField) -> None:
        if field.data is not None and not math.isfinite(field.data):
            raise ValidationError(f"Choose {fsrs.MIN_RETENTION:.2f} to {fsrs.MAX_RETENTION:.2f}.")


class ChangePasswordForm(FlaskForm):
    """The current password, and the new one twice. The view sets `account_name` (the policy keeps
    the username out of the password)."""

    current_password = PasswordField("Current password", validators=[DataRequired(), Length(max=MAX_LENGTH)])
    new_password = PasswordField("New password", validators=[DataRequired()])
    confirm_password = PasswordField(
        "Repeat the new password", validators=[DataRequired(), EqualTo("new_password", "Passwords differ.")])
    account_name = ""

    def validate_new_password(self, field: PasswordField) -> None:
        _check_policy(field, self.account_name)
