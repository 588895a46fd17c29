from __future__ import annotations

import math

from flask_wtf import FlaskForm
from wtforms import FloatField, HiddenField, IntegerField, PasswordField, RadioField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, EqualTo, Length, NumberRange, Regexp, ValidationError

from studyapp.core.scheduling import fsrs
from studyapp.core.scheduling.study_day import is_valid_timezone

USERNAME_RULE = Regexp(r"^[A-Za-z0-9_.-]+$", message="Use letters, digits, '.', '_' or '-' only.")


def _known_timezone(_form: FlaskForm, field: StringField) -> None:
    if field.data and not is_valid_timezone(field.data):
        raise ValidationError(f"Unknown time zone {field.data!r}.")


class RegisterForm(FlaskForm):
    username = StringField("Username", validators=[DataRequired(), Length(3, 40), USERNAME_RULE])
    password = PasswordField("Password", validators=[DataRequired(), Length(8, 200)])
    confirm = PasswordField(
        "Repeat password", validators=[DataRequired(), EqualTo("password", "Passwords differ.")])
    # Filled in by the browser (Intl API); UTC when missing.
    timezone = HiddenField("Time zone", validators=[_known_timezone])


class LoginForm(FlaskForm):
    username = StringField("Username", validators=[DataRequired(), Length(max=40)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=200)])


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
