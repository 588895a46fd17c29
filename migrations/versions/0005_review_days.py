"""Each student's answers summed per study day, for the progress page

Adds review_days, one row per student and study day, filled here from the whole review log (the
app keeps it in step from now on), and puts back the plain (user_id, study_day) index on the log in
place of 0004's wide one, which only the progress page's old year-long count needed.

The sums follow studyapp.stats.answer_totals as of this revision: a scheduled review ("review")
with an interval of 21 days or more before it is mature, 1 to 20 young; grade 3 or more passed.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 23:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

REVIEW = "kind = 'review'"
MATURE = f"{REVIEW} AND prev_interval >= 21"
YOUNG = f"{REVIEW} AND prev_interval BETWEEN 1 AND 20"
PASSED = "grade >= 3"
REDRILL = "kind = 'redrill'"


def upgrade():
    op.create_table(
        'review_days',
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('study_day', sa.Date(), nullable=False),
        sa.Column('answers', sa.Integer(), nullable=False),
        sa.Column('redrills', sa.Integer(), nullable=False),
        sa.Column('reviews', sa.Integer(), nullable=False),
        sa.Column('mature_passed', sa.Integer(), nullable=False),
        sa.Column('mature_total', sa.Integer(), nullable=False),
        sa.Column('young_passed', sa.Integer(), nullable=False),
        sa.Column('young_total', sa.Integer(), nullable=False),
        sa.Column('answer_ms', sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_review_days_user_id_users')),
        sa.PrimaryKeyConstraint('user_id', 'study_day', name=op.f('pk_review_days')),
    )

    def count(condition):
        return f"SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)"

    op.execute(
        "INSERT INTO review_days (user_id, study_day, answers, redrills, reviews, mature_passed, mature_total,"
        " young_passed, young_total, answer_ms)"
        f" SELECT user_id, study_day, COUNT(*), {count(REDRILL)}, {count(REVIEW)},"
        f" {count(f'{MATURE} AND {PASSED}')}, {count(MATURE)}, {count(f'{YOUNG} AND {PASSED}')}, {count(YOUNG)},"
        " COALESCE(SUM(answer_ms), 0)"
        " FROM review_log GROUP BY user_id, study_day"
    )

    with op.batch_alter_table('review_log', schema=None) as batch_op:
        batch_op.create_index('ix_review_log_user_day', ['user_id', 'study_day'], unique=False)
        batch_op.drop_index('ix_review_log_user_day_tally')


def downgrade():
    with op.batch_alter_table('review_log', schema=None) as batch_op:
        batch_op.create_index(
            'ix_review_log_user_day_tally',
            ['user_id', 'study_day', 'kind', 'grade', 'prev_interval', 'answer_ms'],
            unique=False,
        )
        batch_op.drop_index('ix_review_log_user_day')
    op.drop_table('review_days')
