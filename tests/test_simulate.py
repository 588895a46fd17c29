"""`python -m bench simulate`: SM-2 against FSRS on simulated students, its table and its last two lines."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from bench import simulate
from studyapp.config import PROJECT_ROOT
from studyapp.core.scheduling import fsrs


def test_the_simulation_prints_its_table_and_the_two_lines(capsys: pytest.CaptureFixture[str]) -> None:
    assert simulate.main(["--students", "2", "--days", "45", "--seed", "7"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert re.fullmatch(r"sm2: reviews \d+, retention 0\.\d{3}", out[-2])
    assert re.fullmatch(r"fsrs: reviews \d+, retention 0\.\d{3}", out[-1])
    table = {line.split("|")[0].strip(): [cell.strip() for cell in line.split("|")[1:]]
             for line in out if "|" in line and not line.startswith("-")}
    assert list(table) == ["scheduler", "sm2", "fsrs", "fsrs at 0.93", "fsrs at 0.95"]
    for name in ("sm2", "fsrs"):
        total = int(out[-2 if name == "sm2" else -1].split()[2].rstrip(","))
        assert table[name][1] == f"{total:,}"  # the table's total is the line's
        assert float(table[name][0]) == pytest.approx(total / (2 * 45), abs=0.05)
    # More retention asked, more reviews and more retention had.
    reviews = [int(table[name][1].replace(",", "")) for name in ("fsrs", "fsrs at 0.93", "fsrs at 0.95")]
    retention = [float(table[name][2]) for name in ("fsrs", "fsrs at 0.93", "fsrs at 0.95")]
    assert reviews == sorted(reviews) and retention == sorted(retention)
    # Seeded: the same students give the same table.
    simulate.main(["--students", "2", "--days", "45", "--seed", "7"])
    assert capsys.readouterr().out.splitlines() == out


def test_students_forget_by_parameters_fsrs_allows() -> None:
    rng = simulate.random.Random(1)
    for _ in range(50):
        parameters = simulate.true_parameters(rng)
        assert fsrs.check_parameters(parameters) == parameters


def test_the_command_line() -> None:
    done = subprocess.run([sys.executable, "-m", "bench", "simulate", "--students", "0"], cwd=PROJECT_ROOT,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2 and "at least 1" in done.stderr
    done = subprocess.run([sys.executable, "-m", "bench", "simulate", "--students", "1", "--days", "10"],
                          cwd=PROJECT_ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1].startswith("fsrs: reviews ")
