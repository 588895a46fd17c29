"""Accounts against an attacker: hidden passwords, sessions that end, throttled guessing, no timing hint
which usernames exist, a password policy, changing the password."""

from __future__ import annotations

import re

from flask.testing import FlaskClient

from tests.conftest import AuthActions

INPUT = re.compile(r"<input[^>]*>")


def _inputs(page: str) -> dict[str, str]:
    """Each input's id -> its whole tag."""
    found = {}
    for tag in INPUT.findall(page):
        ident = re.search(r'id="([^"]+)"', tag)
        if ident:
            found[ident.group(1)] = tag
    return found


def test_password_inputs_are_password_fields_with_the_right_autocomplete(client: FlaskClient,
                                                                          auth: AuthActions) -> None:
    register = _inputs(client.get("/register").get_data(as_text=True))
    assert 'type="password"' in register["password"] and 'autocomplete="new-password"' in register["password"]
    assert 'type="password"' in register["confirm"] and 'autocomplete="new-password"' in register["confirm"]
    login = _inputs(client.get("/login").get_data(as_text=True))
    assert 'type="password"' in login["password"] and 'autocomplete="current-password"' in login["password"]
    assert '="None"' not in client.get("/register").get_data(as_text=True)
    assert '="None"' not in client.get("/login").get_data(as_text=True)
    auth.register()
    settings = client.get("/settings").get_data(as_text=True)
    assert '="None"' not in settings
    assert 'type="number"' in _inputs(settings)["new_cards_per_day"]
