from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import IntegerField
from wtforms.validators import InputRequired, NumberRange, Optional

from studyapp.quiz.forms import QuizResponseFields


class AnswerForm(FlaskForm):
    """A grade for one card. The state id and version pin the exact card and moment answered."""

    state_id = IntegerField(validators=[InputRequired("Which card?"), NumberRange(min=1)])
    version = IntegerField(validators=[InputRequired("Which version?"), NumberRange(min=0)])
    grade = IntegerField(validators=[InputRequired("Choose a grade from 0 to 5."),
                                     NumberRange(0, 5, "The grade must be from 0 to 5.")])
    answer_ms = IntegerField(default=0, validators=[NumberRange(min=0)])


class QuizAnswerForm(QuizResponseFields):
    """An answer to a quiz card (see QuizResponseFields), pinned to the card state and version seen."""

    state_id = IntegerField(validators=[InputRequired("Which card?"), NumberRange(min=1)])
    version = IntegerField(validators=[InputRequired("Which version?"), NumberRange(min=0)])
    answer_ms = IntegerField(default=0, validators=[Optional(), NumberRange(min=0)])
