"""Which decks a student studies: the live decks, the chosen ones, choosing them, and enrolling the
student in a deck's cards (a card state for each live card)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, distinct, exists, func, insert, literal, select
from sqlalchemy.exc import IntegrityError

from studyapp.extensions import db
from studyapp.models import Card, CardState, Deck, User, UserDeck


def live_decks() -> list[Deck]:
    return list(db.session.scalars(
        select(Deck).where(Deck.retired.is_(False)).order_by(Deck.position, Deck.id)))


@dataclass(frozen=True)
class DeckSize:
    points: int
    cards: int


def deck_sizes() -> dict[int, DeckSize]:
    """How big each live deck is: its points and its cards (a theme deck's cards are about points of
    other decks, so it counts the points its cards ask about)."""
    rows = db.session.execute(
        select(Card.deck_id, func.count(distinct(Card.point_id)), func.count())
        .where(Card.retired.is_(False)).group_by(Card.deck_id)).all()
    return {deck_id: DeckSize(points, cards) for deck_id, points, cards in rows}


def chosen_deck_ids(user: User) -> set[int]:
    return set(db.session.scalars(select(UserDeck.deck_id).where(UserDeck.user_id == user.id)))


def chosen_decks(user: User) -> list[Deck]:
    """The student's live decks, in deck order."""
    chosen = chosen_deck_ids(user)
    return [deck for deck in live_decks() if deck.id in chosen]


def choose_decks(user: User, deck_ids: set[int]) -> None:
    """Make `deck_ids` the student's decks. Dropping a deck keeps its cards' history and schedule:
    choosing it again brings them back as they were."""
    current = chosen_deck_ids(user)
    for deck_id in deck_ids - current:
        db.session.add(UserDeck(user_id=user.id, deck_id=deck_id))
    if current - deck_ids:
        db.session.execute(delete(UserDeck).where(
            UserDeck.user_id == user.id, UserDeck.deck_id.in_(current - deck_ids)))
    try:
        db.session.commit()
    except IntegrityError:  # the same choice saved by a second tab a moment earlier
        db.session.rollback()


def choose_deck(user: User, deck: Deck) -> None:
    """Opening a deck to study it chooses it."""
    chosen = chosen_deck_ids(user)
    if deck.id not in chosen:
        choose_decks(user, chosen | {deck.id})


def enroll(user: User, deck_ids: Iterable[int]) -> None:
    """Give the student a state for every live card of these decks.

    One INSERT ... SELECT; cheap when there is nothing to add. A concurrent request adding the
    same rows first is harmless: the unique constraint stops the duplicates and we carry on.
    """
    rows = select(literal(user.id), Card.id).where(
        Card.retired.is_(False),
        ~exists().where(CardState.user_id == user.id, CardState.card_id == Card.id),
    )
    rows = rows.where(Card.deck_id.in_(list(deck_ids)))
    # Read first: most visits have nothing to add, and a read takes no write lock.
    if not db.session.scalar(select(rows.exists())):
        return
    statement = insert(CardState).from_select(["user_id", "card_id"], rows)
    try:
        db.session.execute(statement)
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
