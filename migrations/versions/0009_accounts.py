"""Accounts: a session token per student (log-out ends every session), login failures for throttling

Adds users.session_token, filled with a new random token for every student (so every session made
before this migration ends: each student logs in once more), and login_failures, the failed logins
by username and address that the login throttle counts.

Revision ID: 0009_accounts
Revises: 0008_theme
Create Date: 2026-12-03 20:00:00

"""
import secrets

from alembic import op
import sqlalchemy as sa


revision = '0009_accounts'
down_revision = '0008_theme'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_token', sa.String(length=64), server_default='', nullable=False))
    users = sa.table('users', sa.column('id', sa.Integer()), sa.column('session_token', sa.String()))
    connection = op.get_bind()
    for (user_id,) in connection.execute(sa.select(users.c.id)).all():
        connection.execute(users.update().where(users.c.id == user_id)
                           .values(session_token=secrets.token_urlsafe(32)))

    op.create_table(
        'login_failures',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('username', sa.String(length=40), nullable=False),
        sa.Column('address', sa.String(length=64), nullable=False),
        sa.Column('failed_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_login_failures')),
    )
    with op.batch_alter_table('login_failures', schema=None) as batch_op:
        batch_op.create_index('ix_login_failures_username_at', ['username', 'failed_at'], unique=False)
        batch_op.create_index('ix_login_failures_address_at', ['address', 'failed_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_login_failures_failed_at'), ['failed_at'], unique=False)


def downgrade():
    with op.batch_alter_table('login_failures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_login_failures_failed_at'))
        batch_op.drop_index('ix_login_failures_address_at')
        batch_op.drop_index('ix_login_failures_username_at')
    op.drop_table('login_failures')

    # Not in a batch: SQLite drops a column in place, where a batch would copy `users`, which the
    # foreign keys of every other table refuse.
    op.drop_column('users', 'session_token')
