from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from flask_wtf import FlaskForm
from wtforms import IntegerField
from wtforms.validators import InputRequired, NumberRange, Optional

from studyapp.models import INT_MAX
from studyapp.quiz.forms import QuizResponseFields

CARD_NUMBER = NumberRange(1, INT_MAX, "A card number is a whole number from 1 to %(max)s.")
VERSION_NUMBER = NumberRange(0, INT_MAX, "A version is a whole number from 0 to %(max)s.")
ANSWER_TIME = NumberRange(0, INT_MAX, "The answer time is a number of milliseconds from 0 to %(max)s.")


class AnswerForm(FlaskForm):
    """A grade for one card: SM-2's `grade` 0-5, or in FSRS mode a `rating` 1-4 (Again, Hard, Good,
    Easy); exactly one of the two. The state id and version pin the exact card and moment answered."""

    state_id = IntegerField(validators=[InputRequired("Which card?"), CARD_NUMBER])
    version = IntegerField(validators=[InputRequired("Which version?"), VERSION_NUMBER])
    grade = IntegerField(validators=[Optional(), NumberRange(0, 5, "The grade must be from 0 to 5.")])
    rating = IntegerField(validators=[Optional(), NumberRange(1, 4, "The rating must be from 1 (Again) to 4 (Easy).")])
    answer_ms = IntegerField(default=0, validators=[ANSWER_TIME])

    def validate(self, extra_validators: Mapping[str, Sequence[Any]] | None = None) -> bool:
        if not super().validate(extra_validators):
            return False
        if (self.grade.data is None) == (self.rating.data is None):
            self.grade.errors = ["Choose a grade from 0 to 5 or a rating from 1 to 4 (one of the two)."]
            return False
        return True


class QuizAnswerForm(QuizResponseFields):
    """An answer to a quiz card (see QuizResponseFields), pinned to the card state and version seen."""

    state_id = IntegerField(validators=[InputRequired("Which card?"), CARD_NUMBER])
    version = IntegerField(validators=[InputRequired("Which version?"), VERSION_NUMBER])
    answer_ms = IntegerField(default=0, validators=[Optional(), ANSWER_TIME])
