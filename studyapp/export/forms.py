from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired


class RestoreForm(FlaskForm):
    """A backup file to restore into the logged-in account (its content is checked, not its name)."""

    backup = FileField("Backup file", validators=[
        FileRequired("Choose the backup file to restore."),
        FileAllowed(["json", "gz"], "Choose a backup file: it ends in .json or .json.gz."),
    ])
