"""Database work: each module reads and writes the tables for one concern and hands rows to the pure
`studyapp.core`. Views call these; these never touch the request, the app config or templates."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Row, Select

from studyapp.extensions import db

FETCH_ROWS = 500


def plain_rows(statement: Select[Any]) -> Iterator[Row[Any]]:
    """The rows of a query, as plain Core rows on the session's connection and transaction, read a
    few hundred at a time. The ORM's per-row bookkeeping would be most of the Python time on a
    few thousand rows; fetching them one by one costs a call each; holding them all at once makes
    the garbage collector run several times per page, and now and then a full collection."""
    for batch in db.session.connection().execute(statement).partitions(FETCH_ROWS):
        yield from batch
