"""FSRS beside SM-2: each card's FSRS memory, each answer's FSRS rating, each student's FSRS settings

Adds to users the scheduler in use ("sm2", the default), the desired retention (0.9) and the
student's own FSRS parameters (none: FSRS-6's defaults) with the optimizer's last fit; to
card_states the FSRS memory (stability, difficulty), the study day of the last answer and the FSRS
due day, indexed by student like SM-2's; to review_log the rating FSRS saw.

Then fills them from the history already there, so a student who switches to FSRS on day 200 gets a
schedule that knows their past:

- every answer's rating from its grade, as `core.scheduling.fsrs.rating_for_grade` maps them as of
  this revision: 0-2 Again (1), 3 Hard (2), 4 Good (3), 5 Easy (4);
- every answered card's memory by replaying its answers, oldest first, through the FSRS engine with
  FSRS-6's default parameters (fsrs-rs-python), the days between answers counted in study days;
  its due day is the last answer's day plus the interval at a retention of 0.9, rounded, at least
  1 day and at most 36,500 (`Scheduler.due_day`). A card answered but without any logged answer
  gets the engine's estimate from its SM-2 easiness and interval (as Anki converts SM-2 cards),
  last answered `interval` days before its SM-2 due day. New cards stay new.

Revision ID: 0007_fsrs
Revises: 0005
Create Date: 2026-12-03 19:00:00

"""
from collections import defaultdict
from datetime import timedelta

from alembic import op
import fsrs_rs_python as engine
import sqlalchemy as sa


revision = '0007_fsrs'
down_revision = '0005'
branch_labels = None
depends_on = None

RETENTION = 0.9
MAX_INTERVAL = 36_500
BATCH = 5_000  # card states written at a time
RATING_OF_GRADE = "CASE WHEN grade <= 2 THEN 1 WHEN grade = 3 THEN 2 WHEN grade = 4 THEN 3 ELSE 4 END"

card_states = sa.table(
    'card_states', sa.column('id', sa.Integer), sa.column('user_id', sa.Integer), sa.column('card_id', sa.Integer),
    sa.column('easiness_centi', sa.Integer), sa.column('interval', sa.Integer), sa.column('due_day', sa.Date),
    sa.column('fsrs_stability', sa.Float), sa.column('fsrs_difficulty', sa.Float),
    sa.column('fsrs_last_day', sa.Date), sa.column('fsrs_due_day', sa.Date),
)
review_log = sa.table(
    'review_log', sa.column('id', sa.Integer), sa.column('user_id', sa.Integer), sa.column('card_id', sa.Integer),
    sa.column('study_day', sa.Date), sa.column('rating', sa.SmallInteger),
)


def upgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('scheduler', sa.String(length=8), server_default='sm2', nullable=False))
        batch_op.add_column(sa.Column('desired_retention', sa.Float(), server_default='0.9', nullable=False))
        batch_op.add_column(sa.Column('fsrs_parameters', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('fsrs_fit', sa.JSON(), nullable=True))

    with op.batch_alter_table('card_states', schema=None) as batch_op:
        batch_op.add_column(sa.Column('fsrs_stability', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('fsrs_difficulty', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('fsrs_last_day', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('fsrs_due_day', sa.Date(), nullable=True))
        batch_op.create_index('ix_card_states_user_fsrs_due', ['user_id', 'fsrs_due_day'], unique=False)

    with op.batch_alter_table('review_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('rating', sa.SmallInteger(), nullable=True))
    op.execute(f"UPDATE review_log SET rating = {RATING_OF_GRADE}")
    with op.batch_alter_table('review_log', schema=None) as batch_op:
        batch_op.alter_column('rating', existing_type=sa.SmallInteger(), nullable=False)

    fill_fsrs_states(op.get_bind())


def fill_fsrs_states(connection):
    """Each student's answered cards, one student at a time (a student's log is read through the
    (user_id, card_id) index and fits in memory), replayed together in the engine."""
    model = engine.FSRS(list(engine.DEFAULT_PARAMETERS))
    update = (
        card_states.update().where(card_states.c.id == sa.bindparam('state_id'))
        .values(fsrs_stability=sa.bindparam('stability'), fsrs_difficulty=sa.bindparam('difficulty'),
                fsrs_last_day=sa.bindparam('last_day'), fsrs_due_day=sa.bindparam('due'))
    )
    students = connection.execute(
        sa.select(card_states.c.user_id).where(card_states.c.due_day.is_not(None)).distinct()
        .order_by(card_states.c.user_id)).scalars().all()
    for user_id in students:
        rows = _student_states(connection, model, user_id)
        for start in range(0, len(rows), BATCH):
            connection.execute(update, rows[start:start + BATCH])


def _student_states(connection, model, user_id):
    # Every answered card of the student: card -> (state id, easiness, interval, SM-2 due day).
    answered = {
        card_id: (state_id, easiness_centi, interval, due_day)
        for state_id, card_id, easiness_centi, interval, due_day in connection.execute(
            sa.select(card_states.c.id, card_states.c.card_id, card_states.c.easiness_centi, card_states.c.interval,
                      card_states.c.due_day)
            .where(card_states.c.user_id == user_id, card_states.c.due_day.is_not(None)))
    }
    histories = defaultdict(list)  # card -> [(study day, rating)], oldest first
    for card_id, study_day, rating in connection.execute(
        sa.select(review_log.c.card_id, review_log.c.study_day, review_log.c.rating)
        .where(review_log.c.user_id == user_id).order_by(review_log.c.card_id, review_log.c.id)
    ):
        if card_id in answered:
            histories[card_id].append((study_day, rating))

    replayed = list(histories)
    items = []
    for card_id in replayed:
        reviews, previous = [], None
        for study_day, rating in histories[card_id]:
            reviews.append(engine.FSRSReview(rating, 0 if previous is None else max(0, (study_day - previous).days)))
            previous = study_day
        items.append(engine.FSRSItem(reviews))
    memories = dict(zip(replayed, model.memory_state_batch(items) if items else [], strict=True))

    rows = []
    for card_id, (state_id, easiness_centi, interval, sm2_due) in answered.items():
        if card_id in memories:
            memory, last_day = memories[card_id], histories[card_id][-1][0]
        else:
            memory = model.memory_state_from_sm2(easiness_centi / 100, max(1, interval), RETENTION)
            last_day = sm2_due - timedelta(days=max(1, interval))
        days = model.next_interval(memory.stability, RETENTION, 3)
        rows.append({'state_id': state_id, 'stability': memory.stability, 'difficulty': memory.difficulty,
                     'last_day': last_day,
                     'due': last_day + timedelta(days=max(1, min(MAX_INTERVAL, round(days))))})
    return rows


def downgrade():
    with op.batch_alter_table('review_log', schema=None) as batch_op:
        batch_op.drop_column('rating')

    with op.batch_alter_table('card_states', schema=None) as batch_op:
        batch_op.drop_index('ix_card_states_user_fsrs_due')
        batch_op.drop_column('fsrs_due_day')
        batch_op.drop_column('fsrs_last_day')
        batch_op.drop_column('fsrs_difficulty')
        batch_op.drop_column('fsrs_stability')

    # Not in a batch: on SQLite that would copy the users table, which every other table refers to.
    # SQLite drops a plain column itself (since 3.35).
    for column in ('fsrs_fit', 'fsrs_parameters', 'desired_retention', 'scheduler'):
        op.drop_column('users', column)
