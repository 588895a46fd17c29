from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from flask_wtf import FlaskForm
from wtforms import IntegerField
from wtforms.validators import InputRequired, NumberRange, Optional

from studyapp.quiz.forms import QuizResponseFields


class AnswerForm(FlaskForm):
    """A grade for one card: SM-2's `grade` 0-5, or in FSRS mode a `rating` 1-4 (Again, Hard, Good,
    Easy); exactly one of the two. The state id and version pin the exact card and moment answered."""

    state_id = IntegerField(validators=[InputRequired("Which card?"), NumberRange(min=1)])
    version = IntegerField(validators=[InputRequired("Which version?"), NumberRange(min=0)])
    grade = IntegerField(validators=[Optional(), NumberRange(0, 5, "The grade must be from 0 to 5.")])
    rating = IntegerField(validators=[Optional(), NumberRange(1, 4, "The rating must be from 1 (Again) to 4 (Easy).")])
    answer_ms = IntegerField(default=0, validators=[NumberRange(min=0)])

    def validate(self, extra_validators: Mapping[str, Sequence[Any]] | None = None) -> bool:
        if not super().validate(extra_validators):
            return False
        if (self.grade.data is None) == (self.rating.data is None):
            self.grade.errors = ["Choose a grade from 0 to 5 or a rating from 1 to 4 (one of the two)."]
            return False
        return True


class QuizAnswerForm(QuizResponseFields):
    """An answer to a quiz card (see QuizResponseFields), pinned to the card state and version seen."""

    state_id = IntegerField(validators=[InputRequired("Which card?"), NumberRange(min=1)])
    version = IntegerField(validators=[InputRequired("Which version?"), NumberRange(min=0)])
    answer_ms = IntegerField(default=0, validators=[Optional(), NumberRange(min=0)])
