from __future__ import annotations

from flask_wtf import FlaskForm


class OptimizeForm(FlaskForm):
    """"Optimize my schedule": a button-only form, which still carries its CSRF token."""
