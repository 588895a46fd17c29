"""Configuration: safe defaults, overridden by environment variables, read once in create_app."""

from __future__ import annotations

import os
import secrets
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _flag(value: str | None, default: bool) -> bool:
    if value is None:
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


def _milliseconds(value: str | None, default: int) -> int:
    if value is None or not value.strip():
        return default
    if not value.strip().isdigit() or int(value) <= 0:
        raise ValueError(f"expected a positive number of milliseconds, not {value!r}")
    return int(value)


def _cun_thresholds(value: str | None) -> tuple[float, float, float]:
    """'0.5,1,1.5': the largest distances in cun that earn a locate answer 5, 4 and 3."""
    if value is None or not value.strip():
        return (0.5, 1.0, 1.5)
    try:
        five, four, three = (float(part) for part in value.split(","))
    except ValueError:
        raise ValueError(f"expected three distances in cun like '0.5,1,1.5', not {value!r}") from None
    if not 0 < five <= four <= three:
        raise ValueError(f"the three distances must grow: {value!r}")
    return five, four, three


def _count(value: str | None, default: int, what: str) -> int:
    if value is None or not value.strip():
        return default
    if not value.strip().isdigit():
        raise ValueError(f"expected a whole number of {what}, not {value!r}")
    return int(value)


def load_config(
    instance_path: Path, environ: Mapping[str, str], overrides: Mapping[str, Any]
) -> dict[str, Any]:
    """Defaults plus environment overrides. The secret key is generated into instance/ if unset.

    `overrides` (the test config) is applied by the caller; here it only spares tests a key file.
    """
    database_url = environ.get("DATABASE_URL") or f"sqlite:///{instance_path / 'studyapp.sqlite'}"
    # Heroku-style URLs say postgres://; SQLAlchemy wants an explicit driver.
    if database_url.startswith("postgres://"):
        database_url = "postgresql+psycopg://" + database_url.removeprefix("postgres://")
    elif database_url.startswith("postgresql://"):
        database_url = "postgresql+psycopg://" + database_url.removeprefix("postgresql://")
    secure_cookies = _flag(environ.get("SESSION_COOKIE_SECURE"), default=False)
    return {
        "SECRET_KEY": overrides.get("SECRET_KEY")
        or environ.get("SECRET_KEY")
        or instance_secret_key(instance_path),
        "SQLALCHEMY_DATABASE_URI": database_url,
        "DECKS_DIR": Path(environ.get("STUDYAPP_DECKS_DIR") or PROJECT_ROOT / "decks"),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": secure_cookies,
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SECURE": secure_cookies,
        "WTF_CSRF_TIME_LIMIT": None,  # tokens live as long as the session: no expired study pages
        # Forms are small; the limit is for restoring a backup (a year of reviews: about 3 MiB
        # gzipped, 32 MiB as plain JSON). Werkzeug spools uploaded files to disk, not memory.
        "MAX_CONTENT_LENGTH": 40 * 1024 * 1024,
        "NEW_CARDS_PER_DAY": 20,
        "REVIEWS_PER_DAY": 200,
        # A correct first answer slower than this earns a 4 instead of a 5 (milliseconds).
        "QUIZ_FAST_MS": _milliseconds(environ.get("STUDYAPP_QUIZ_FAST_MS"), 8_000),
        "QUIZ_TYPED_FAST_MS": _milliseconds(environ.get("STUDYAPP_QUIZ_TYPED_FAST_MS"), 15_000),
        # A click on a body chart within these many cun of the point earns 5, 4 and 3.
        "LOCATE_CUN": _cun_thresholds(environ.get("STUDYAPP_LOCATE_CUN")),
        # Login throttling: at most this many failed logins per username and per address in the window;
        # then 429 with Retry-After. Counted in the database, so every worker of a server agrees.
        "LOGIN_FAILURES_PER_ACCOUNT": 10,
        "LOGIN_FAILURES_PER_ADDRESS": 50,
        "LOGIN_FAILURE_WINDOW_SECONDS": 15 * 60,
        # Behind a reverse proxy (nginx, Caddy) every request comes from the proxy's address: trust this
        # many proxies' X-Forwarded-For and X-Forwarded-Proto to see the student's own address.
        "TRUSTED_PROXIES": _count(environ.get("STUDYAPP_TRUSTED_PROXIES"), 0, "proxies"),
    }


def instance_secret_key(instance_path: Path) -> str:
    """Read instance/secret_key, creating it (readable by the owner only) on first start."""
    key_file = instance_path / "secret_key"
    if key_file.exists():
        return key_file.read_text(encoding="utf-8").strip()
    instance_path.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    # Written whole to a private file, then linked into place: a second worker starting at the same
    # moment either wins the link or reads a complete key, never an empty or half-written file.
    descriptor, draft = tempfile.mkstemp(dir=instance_path, prefix=".secret_key-")  # mode 0600
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(key)
        os.link(draft, key_file)
    except FileExistsError:  # another process created it first: use theirs
        return key_file.read_text(encoding="utf-8").strip()
    finally:
        os.unlink(draft)
    return key
