from __future__ import annotations

import math

from flask_wtf import FlaskForm
from wtforms import FloatField, IntegerField, StringField
from wtforms.validators import Length, NumberRange, Optional

from studyapp.services.quiz_pool import BadResponse, Response


class QuizResponseFields(FlaskForm):
    """The ways to answer any quiz question: a choice number, typed text, a click on a body chart
    (x, y in the view's drawing units), or giving up. The grade is derived, never sent."""

    choice = IntegerField(validators=[Optional(), NumberRange(1, 6, "Choose a number from 1 to 6.")])
    typed = StringField(validators=[Optional(), Length(max=100, message="Type at most 100 characters.")])
    give_up = StringField(validators=[Optional()])
    x = FloatField(validators=[Optional(), NumberRange(-10_000, 10_000, "The click is off the chart.")])
    y = FloatField(validators=[Optional(), NumberRange(-10_000, 10_000, "The click is off the chart.")])

    def response(self) -> Response:
        """What the student did. Raises BadResponse for half a click or one that is not a number."""
        typed = (self.typed.data or "").strip() if self.typed.data is not None and self.choice.data is None else None
        x, y = self.x.data, self.y.data
        if (x is None) != (y is None) or not all(math.isfinite(v) for v in (x, y) if v is not None):
            raise BadResponse("a click needs both x and y, as numbers")
        click = (x, y) if x is not None and y is not None else None
        return Response(choice=self.choice.data, typed=typed, gave_up=bool(self.give_up.data), click=click)


class PracticeAnswerForm(QuizResponseFields):
    """An answer to a practice question; the question itself travels in the query string (kind,
    filters, seed), so it is rebuilt exactly and nothing is stored."""
