"""Database work: each module reads and writes the tables for one concern and hands rows to the pure
`studyapp.core`. Views call these; these never touch the request, the app config or templates."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeVarTuple, cast

from sqlalchemy import CursorResult, Row, Select
from sqlalchemy.sql.dml import UpdateBase

from studyapp.extensions import db

FETCH_ROWS = 500
Columns = TypeVarTuple("Columns")


def plain_rows(statement: Select[*Columns]) -> Iterator[Row[*Columns]]:
    """The rows of a query, as plain Core rows on the session's connection and transaction, read a
    few hundred at a time. The ORM's per-row bookkeeping would be most of the Python time on a
    few thousand rows; fetching them one by one costs a call each; holding them all at once makes
    the garbage collector run several times per page, and now and then a full collection."""
    for batch in db.session.connection().execute(statement).partitions(FETCH_ROWS):
        yield from batch


def rows_changed(statement: UpdateBase) -> int:
    """Run an UPDATE or DELETE in the session's transaction; how many rows it changed. (It returns a
    CursorResult, which has the count; Session.execute is typed for every statement as a Result.)"""
    return cast("CursorResult[*tuple[Any, ...]]", db.session.execute(statement)).rowcount
