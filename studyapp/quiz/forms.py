from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import IntegerField, StringField
from wtforms.validators import Length, NumberRange, Optional


class PracticeAnswerForm(FlaskForm):
    """An answer to a practice question; the question itself travels in the query string (kind,
    filters, seed), so it is rebuilt exactly and nothing is stored."""

    choice = IntegerField(validators=[Optional(), NumberRange(1, 6, "Choose a number from 1 to 6.")])
    typed = StringField(validators=[Optional(), Length(max=100, message="Type at most 100 characters.")])
    give_up = StringField(validators=[Optional()])
