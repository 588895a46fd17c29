"""Suspend and bury cards; keep the whole previous state in the review log for undo

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 19:20:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('card_states', schema=None) as batch_op:
        batch_op.add_column(sa.Column('suspended', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('buried_day', sa.Date(), nullable=True))

    with op.batch_alter_table('review_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('prev_lapses', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('prev_redrill_day', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('prev_reviewed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('prev_suspended', sa.Boolean(), nullable=True))


def downgrade():
    with op.batch_alter_table('review_log', schema=None) as batch_op:
        batch_op.drop_column('prev_suspended')
        batch_op.drop_column('prev_reviewed_at')
        batch_op.drop_column('prev_redrill_day')
        batch_op.drop_column('prev_lapses')

    with op.batch_alter_table('card_states', schema=None) as batch_op:
        batch_op.drop_column('buried_day')
        batch_op.drop_column('suspended')
