"""Each student's colour theme: as the device is set, light or dark

Revision ID: 0008_theme
Revises: 0007_fsrs
Create Date: 2026-12-03 21:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0008_theme'
down_revision = '0007_fsrs'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('users') as batch_op:
        batch_op.add_column(sa.Column('theme', sa.String(length=10), nullable=False, server_default='system'))


def downgrade():
    # Not in a batch: SQLite drops a column in place, where a batch would copy `users`, which the
    # foreign keys of every other table refuse.
    op.drop_column('users', 'theme')
