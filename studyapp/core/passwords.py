"""The password policy (pure): long enough, not one of the passwords everybody tries first, and not
the username.

`common-passwords.txt.gz` beside this module holds the 8,354 passwords of eight or more characters
from the list of the 20,000 most common passwords that Django ships
(django/contrib/auth/common-passwords.txt.gz, compiled by Royce Williams from leaked password
sets; BSD licence), most common first, lower-cased.
"""

from __future__ import annotations

import gzip
from collections.abc import Collection
from functools import cache
from importlib import resources

MIN_LENGTH = 8
MAX_LENGTH = 200
COMMON_FILE = "common-passwords.txt.gz"


@cache
def common_passwords() -> frozenset[str]:
    """The bundled list, read once per process."""
    raw = resources.files(__package__).joinpath(COMMON_FILE).read_bytes()
    return frozenset(gzip.decompress(raw).decode("utf-8").split())


def password_problems(password: str, username: str, common: Collection[str] | None = None) -> list[str]:
    """Why `password` will not do for `username`, in the student's words; empty when it is fine.
    `common` defaults to the bundled list of common passwords."""
    problems = []
    if len(password) < MIN_LENGTH:
        problems.append(f"Use at least {MIN_LENGTH} characters.")
    elif len(password) > MAX_LENGTH:
        problems.append(f"Use at most {MAX_LENGTH} characters.")
    folded = password.strip().casefold()
    if folded in (common_passwords() if common is None else common):
        problems.append("This is one of the most common passwords, the first an attacker tries. "
                        "Several unrelated words make a strong password that is easy to remember.")
    name = username.strip().casefold()
    if name and name in folded:
        problems.append("The password must not contain your username.")
    return problems
