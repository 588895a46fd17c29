"""Review-log index that covers the progress page's per-day tallies

Replaces ix_review_log_user_day (user_id, study_day) with a wider index that starts with the same
two columns, so every lookup by study day is served as before, and the progress page's grouped
count over a year of answers reads the index alone, in order.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 10:00:00

"""
from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('review_log', schema=None) as batch_op:
        batch_op.create_index(
            'ix_review_log_user_day_tally',
            ['user_id', 'study_day', 'kind', 'grade', 'prev_interval', 'answer_ms'],
            unique=False,
        )
        batch_op.drop_index('ix_review_log_user_day')


def downgrade():
    with op.batch_alter_table('review_log', schema=None) as batch_op:
        batch_op.create_index('ix_review_log_user_day', ['user_id', 'study_day'], unique=False)
        batch_op.drop_index('ix_review_log_user_day_tally')
