"""Benchmarks: `python -m bench` (or `make bench`). Prints a table; see bench/README.md.
`python -m bench simulate` compares SM-2 and FSRS on simulated students instead (bench/simulate.py).

Builds two SQLite databases from the bundled decks:
- small: one student with 1,000 card states;
- large: students enough for 1,000,000 card states and 10,000,000 review-log rows (or as many as
  the build budget allows; the table says what was reached).
Then measures, in the same run, the server time (Flask test client: no network) of a hello-world
route, of "answer a card + load the next one", and of the next-due query (one deck's day plan).
The large database also gets one student with a year of daily study (about 73,000 answers, every
deck chosen), whose progress page is timed.
Before both, it times loading the bundled decks: parsing the files, the first import into an empty
database, and the re-import of unchanged files that `flask --app studyapp setup` does on every start.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from flask import Flask
from flask_migrate import upgrade
from sqlalchemy import func, select
from werkzeug.security import generate_password_hash

from studyapp import create_app
from studyapp.config import PROJECT_ROOT
from studyapp.core.content.deck_files import load_bundle
from studyapp.extensions import db
from studyapp.models import Card, CardState, Deck, User
from studyapp.services.day_plan import plan_for_deck
from studyapp.services.deck_import import import_bundle

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
TODAY = date(2026, 6, 1)
PASSWORD = "bench password"


def bench_app(path: Path) -> Flask:
    return create_app({
        "SECRET_KEY": "bench", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}",
        "WTF_CSRF_ENABLED": False, "CLOCK": lambda: NOW,
    })


# The log is filled straight through sqlite3, under the schema as it was before `review_days`; the
# upgrade to the newest revision then fills `review_days` from it, as it would for a real database.
BEFORE_REVIEW_DAYS = "0004"


def build_schema(path: Path) -> Flask:
    app = bench_app(path)
    with app.app_context():
        upgrade(revision=BEFORE_REVIEW_DAYS)
        import_bundle(load_bundle([PROJECT_ROOT / "decks"]), NOW, retire_missing_decks=True)
    return app


def measure_import(workdir: Path, repeat: int) -> dict[str, tuple[float, float]]:
    """Parse every deck file; import them all into an empty database; import them again unchanged."""
    empty = workdir / "bench-empty.sqlite"
    empty.unlink(missing_ok=True)
    with bench_app(empty).app_context():
        upgrade()
        db.engine.dispose()
    target = workdir / "bench-import.sqlite"
    app = bench_app(target)
    results = {"parse every deck file (load_bundle)": timed(lambda: load_bundle([PROJECT_ROOT / "decks"]), repeat)}
    bundle = load_bundle([PROJECT_ROOT / "decks"])
    points = len(bundle.points)

    def first_import() -> float:
        with app.app_context():
            db.engine.dispose()
            shutil.copyfile(empty, target)  # a fresh schema, not timed
            start = time.perf_counter()
            import_bundle(bundle, NOW, retire_missing_decks=True)
            return time.perf_counter() - start

    results[f"first import of all decks ({points} points, empty database)"] = timed_samples(first_import, repeat)
    with app.app_context():
        results["re-import, files unchanged (every start)"] = timed(
            lambda: import_bundle(bundle, NOW, retire_missing_decks=True), repeat)
        db.engine.dispose()
    return results


INSERT_USER = ("INSERT INTO users (username, password_hash, timezone, new_cards_per_day, reviews_per_day,"
               " created_at) VALUES (?, ?, 'UTC', 20, 200, ?)")
INSERT_REVIEW = ("INSERT INTO review_log (user_id, card_id, reviewed_at, study_day, kind, grade, answer_ms,"
                 " prev_repetitions, prev_easiness_centi, prev_interval, prev_due_day, new_repetitions,"
                 " new_easiness_centi, new_interval, new_due_day) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")


def fill(path: Path, target_states: int, target_reviews: int, budget: float) -> tuple[int, int, float]:
    """Insert users, card states and review-log rows straight through sqlite3 (fast bulk load)."""
    started = time.perf_counter()
    rng = random.Random(42)
    con = sqlite3.connect(path)
    con.execute("PRAGMA synchronous=OFF")
    card_ids = [row[0] for row in con.execute("SELECT id FROM cards WHERE retired = 0 ORDER BY id")]
    users_needed = max(1, -(-target_states // len(card_ids)))
    password_hash = generate_password_hash(PASSWORD)
    con.executemany(
        INSERT_USER,
        [(f"student{n}", password_hash, NOW.isoformat(sep=" ")) for n in range(users_needed)],
    )
    user_ids = [row[0] for row in con.execute("SELECT id FROM users ORDER BY id")]
    states = 0
    for user_id in user_ids:
        rows = []
        for card_id in card_ids:
            if states >= target_states:
                break
            states += 1
            if rng.random() < 0.25:  # new
                rows.append((user_id, card_id, 0, 250, 0, None, 0, None, None, 0))
                continue
            interval = rng.choice((1, 6, 15, 38, 95, 240))
            due = TODAY + timedelta(days=rng.randint(-10, interval))
            rows.append((user_id, card_id, rng.randint(1, 8), rng.randint(130, 300), interval,
                         due.isoformat(), rng.randint(0, 3), None,
                         (NOW - timedelta(days=interval)).isoformat(sep=" "), 1))
        con.executemany(
            "INSERT INTO card_states (user_id, card_id, repetitions, easiness_centi, interval, due_day,"
            " lapses, redrill_day, last_reviewed_at, version) VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
    con.commit()
    # Bulk-load the log without its indexes, then build them once.
    indexes = drop_log_indexes(con)
    reviews = 0
    per_user = max(1, target_reviews // len(user_ids))
    chunk = 200_000
    while reviews < target_reviews and time.perf_counter() - started < budget:
        rows = []
        for _ in range(min(chunk, target_reviews - reviews)):
            user_id = user_ids[(reviews + len(rows)) // per_user % len(user_ids)]
            day = TODAY - timedelta(days=rng.randint(1, 365))
            grade = rng.choice((1, 3, 4, 4, 5, 5))
            rows.append((user_id, rng.choice(card_ids), f"{day.isoformat()} 10:00:00", day.isoformat(),
                         "review", grade, rng.randint(800, 9000), 2, 250, 6, None, 3, 250, 15,
                         (day + timedelta(days=15)).isoformat()))
        con.executemany(INSERT_REVIEW, rows)
        reviews += len(rows)
    for statement in indexes:
        con.execute(statement)
    con.commit()
    con.execute("ANALYZE")
    con.close()
    return states, reviews, time.perf_counter() - started


def drop_log_indexes(con: sqlite3.Connection) -> list[str]:
    """Drop the review log's indexes (whatever the migrations made) and return the SQL to rebuild them."""
    indexes = con.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'review_log' AND sql IS NOT NULL"
    ).fetchall()
    for name, _ in indexes:
        con.execute(f"DROP INDEX {name}")
    return [sql for _, sql in indexes]


YEAR_STUDENT = "year-student"


def fill_year(path: Path, days: int = 365, per_day: int = 210) -> tuple[int, int]:
    """One student who chose every deck and studied almost every day for a year: card states for
    every live card (some new, some mature, a few leeches suspended) and `per_day` answers a day
    (new cards, scheduled reviews of young and mature cards, same-day re-drills)."""
    rng = random.Random(7)
    con = sqlite3.connect(path)
    con.execute("PRAGMA synchronous=OFF")
    (user_id,) = con.execute(
        INSERT_USER + " RETURNING id",
        (YEAR_STUDENT, generate_password_hash(PASSWORD), (NOW - timedelta(days=days)).isoformat(sep=" ")),
    ).fetchone()
    deck_ids = [row[0] for row in con.execute("SELECT id FROM decks WHERE retired = 0")]
    con.executemany("INSERT INTO user_decks (user_id, deck_id, chosen_at) VALUES (?, ?, ?)",
                    [(user_id, deck_id, NOW.isoformat(sep=" ")) for deck_id in deck_ids])
    card_ids = [row[0] for row in con.execute("SELECT id FROM cards WHERE retired = 0 ORDER BY id")]
    states = []
    for card_id in card_ids:
        if rng.random() < 0.15:  # not introduced yet
            states.append((user_id, card_id, 0, 250, 0, None, 0, 0, None, 0))
            continue
        interval = rng.choice((1, 3, 6, 10, 15, 24, 40, 70, 120, 200))
        lapses = rng.choice((0, 0, 0, 1, 1, 2, 3))
        suspended = 0
        if rng.random() < 0.004:  # a leech
            lapses, interval, suspended = rng.randint(8, 11), 1, 1
        due = TODAY + timedelta(days=rng.randint(-2, interval))
        states.append((user_id, card_id, rng.randint(1, 9), rng.randint(130, 290), interval, due.isoformat(),
                       lapses, suspended, (NOW - timedelta(days=interval)).isoformat(sep=" "), 1))
    con.executemany(
        "INSERT INTO card_states (user_id, card_id, repetitions, easiness_centi, interval, due_day, lapses,"
        " suspended, last_reviewed_at, version) VALUES (?,?,?,?,?,?,?,?,?,?)", states)
    indexes = drop_log_indexes(con)
    rows = []
    for offset in range(days, -1, -1):  # oldest first, today last (half done)
        day = TODAY - timedelta(days=offset)
        if rng.random() < 0.05:  # a day off now and then
            continue
        for n in range(per_day // 2 if offset == 0 else per_day):
            kind = rng.choices(("new", "review", "redrill"), (10, 78, 12))[0]
            prev_interval = 0 if kind == "new" else rng.choice((1, 3, 6, 10, 15, 21, 30, 45, 90, 180))
            grade = rng.choice((1, 2, 3, 4, 4, 5, 5, 5))
            at = datetime(day.year, day.month, day.day, 7, tzinfo=UTC) + timedelta(seconds=20 * n)
            rows.append((user_id, rng.choice(card_ids), at.isoformat(sep=" "), day.isoformat(), kind, grade,
                         rng.randint(800, 20_000), 3, 250, prev_interval, day.isoformat(), 4, 250,
                         max(1, prev_interval * 2), (day + timedelta(days=max(1, prev_interval * 2))).isoformat()))
    con.executemany(INSERT_REVIEW, rows)
    for statement in indexes:
        con.execute(statement)
    con.commit()
    con.execute("ANALYZE")
    con.close()
    return len(states), len(rows)


def timed(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median and 95th percentile in milliseconds, after a warm-up."""

    def sample() -> float:
        start = time.perf_counter()
        action()
        return time.perf_counter() - start

    return timed_samples(sample, repeat)


def timed_samples(sample: Callable[[], float], repeat: int) -> tuple[float, float]:
    """Median and 95th percentile in milliseconds of what `sample` says it took (seconds), after a
    warm-up: for actions that need an untimed set-up each time."""
    for _ in range(3):
        sample()
    samples = sorted(sample() * 1000 for _ in range(repeat))
    return statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)]


def measure(app: Flask, repeat: int) -> dict[str, tuple[float, float]]:
    results: dict[str, tuple[float, float]] = {}
    client = app.test_client()
    results["hello world (GET /healthz)"] = timed(lambda: client.get("/healthz"), repeat)
    with app.app_context():
        user = db.session.scalar(select(User).order_by(User.id))
        assert user is not None
        # The deck where this student has the most reviews due: every timed answer is a real review.
        deck_id, due = db.session.execute(
            select(Card.deck_id, func.count())
            .join(CardState, CardState.card_id == Card.id)
            .where(CardState.user_id == user.id, CardState.due_day <= TODAY)
            .group_by(Card.deck_id).order_by(func.count().desc()).limit(1)
        ).one()
        deck = db.session.get(Deck, deck_id)
        assert deck is not None
        user.reviews_per_day, user.new_cards_per_day = 100_000, 0
        db.session.commit()

        def next_due() -> None:
            db.session.expire_all()
            plan_for_deck(user, deck, TODAY)

        results["next-due query (one deck's day plan)"] = timed(next_due, repeat)
        username, slug = user.username, deck.slug
    client.post("/login", data={"username": username, "password": PASSWORD})

    page = client.get(f"/study/{slug}").get_data(as_text=True)

    def answer_and_next() -> None:
        nonlocal page
        state = page.split('name="state_id"')[1].split('value="')[1].split('"')[0]
        version = page.split('name="version"')[1].split('value="')[1].split('"')[0]
        client.post(f"/study/{slug}/answer", data={"state_id": state, "version": version, "grade": 4})
        page = client.get(f"/study/{slug}").get_data(as_text=True)

    results[f"answer + next card ({due} due in {slug})"] = timed(answer_and_next, min(repeat, due - 5))
    return results


def measure_progress(app: Flask, repeat: int, reviews: int) -> dict[str, tuple[float, float]]:
    """GET /progress for the student with a year of history (every query and the template)."""
    client = app.test_client()
    client.post("/login", data={"username": YEAR_STUDENT, "password": PASSWORD})
    response = client.get("/progress")
    assert response.status_code == 200, response.status_code
    return {f"progress page (one student, {reviews:,} reviews in a year)": timed(lambda: client.get("/progress"),
                                                                                   repeat)}


def main(argv: list[str]) -> int:
    if argv[:1] == ["simulate"]:  # SM-2 against FSRS on simulated students: bench/simulate.py
        from bench import simulate

        return simulate.main(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--states", type=int, default=1_000_000)
    parser.add_argument("--reviews", type=int, default=10_000_000)
    parser.add_argument("--budget", type=float, default=300, help="seconds allowed to build the large database")
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--import-repeat", type=int, default=20, help="samples of each deck-import timing")
    parser.add_argument("--dir", type=Path, default=None, help="where to build (default: a temp folder)")
    args = parser.parse_args(argv)
    workdir = args.dir or Path(tempfile.mkdtemp(prefix="studyapp-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)

    rows = [("-", "-", name, median, p95)
            for name, (median, p95) in measure_import(workdir, args.import_repeat).items()]
    for label, states, reviews, budget in (("1k", 1_000, 10_000, 60.0),
                                           ("large", args.states, args.reviews, args.budget)):
        path = workdir / f"bench-{label}.sqlite"
        path.unlink(missing_ok=True)
        app = build_schema(path)
        reached_states, reached_reviews, seconds = fill(path, states, reviews, budget)
        year_reviews = 0
        if label == "large":
            year_states, year_reviews = fill_year(path)
            reached_states, reached_reviews = reached_states + year_states, reached_reviews + year_reviews
        started = time.perf_counter()
        with app.app_context():
            upgrade()
        print(f"upgraded {label} to the newest schema (review_days summed from the log) in "
              f"{time.perf_counter() - started:.0f} s", file=sys.stderr)
        print(f"built {label}: {reached_states:,} card states, {reached_reviews:,} review-log rows "
              f"in {seconds:.0f} s ({path.stat().st_size / 1e6:,.0f} MB)", file=sys.stderr)
        results = measure(app, args.repeat)
        if year_reviews:
            results |= measure_progress(app, args.repeat, year_reviews)
        for name, (median, p95) in results.items():
            rows.append((f"{reached_states:,}", f"{reached_reviews:,}", name, median, p95))
        with app.app_context():
            db.engine.dispose()

    header = ("card states", "review rows", "operation", "median ms", "p95 ms")
    widths = [max(len(str(r[i])) if i < 3 else 9 for r in [*rows, header]) for i in range(5)]
    print(" | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("-|-".join("-" * w for w in widths))
    for states, reviews, name, median, p95 in rows:
        print(" | ".join([states.rjust(widths[0]), reviews.rjust(widths[1]), name.ljust(widths[2]),
                          f"{median:9.2f}", f"{p95:9.2f}"]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
