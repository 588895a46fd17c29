from __future__ import annotations

from flask_wtf import FlaskForm


class ChooseDecksForm(FlaskForm):
    """The deck checkboxes are read from request.form.getlist("deck"): their choices come from the
    database, and an unknown slug is a 400, not a silent skip."""
