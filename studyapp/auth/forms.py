from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import Field, HiddenField, IntegerField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, NumberRange, Regexp, ValidationError

from studyapp.core.passwords import MAX_LENGTH, password_problems
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
