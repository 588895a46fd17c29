from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import IntegerField, StringField
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from studyapp.models import INT_MAX

CARD_NUMBER = NumberRange(1, INT_MAX, "A card number is a whole number from 1 to %(max)s.")
VERSION_NUMBER = NumberRange(0, INT_MAX, "A version is a whole number from 0 to %(max)s.")
ANSWER_TIME = NumberRange(0, INT_MAX, "The answer time is a number of milliseconds from 0 to %(max)s.")


class AnswerForm(FlaskForm):
    """A grade for one card. The state id and version pin the exact card and moment answered."""

    state_id = IntegerField(validators=[InputRequired("Which card?"), CARD_NUMBER])
    version = IntegerField(validators=[InputRequired("Which version?"), VERSION_NUMBER])
    grade = IntegerField(validators=[InputRequired("Choose a grade from 0 to 5."),
                                     NumberRange(0, 5, "The grade must be from 0 to 5.")])
    answer_ms = IntegerField(default=0, validators=[ANSWER_TIME])


class QuizAnswerForm(FlaskForm):
    """An answer to a quiz card: a choice number, typed text, or giving up. The grade is derived."""

    state_id = IntegerField(validators=[InputRequired("Which card?"), CARD_NUMBER])
    version = IntegerField(validators=[InputRequired("Which version?"), VERSION_NUMBER])
    choice = IntegerField(validators=[Optional(), NumberRange(1, 6, "Choose a number from 1 to 6.")])
    typed = StringField(validators=[Optional(), Length(max=100, message="Type at most 100 characters.")])
    give_up = StringField(validators=[Optional()])
    answer_ms = IntegerField(default=0, validators=[Optional(), ANSWER_TIME])
