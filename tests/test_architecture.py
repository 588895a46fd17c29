"""The layering rules of ARCHITECTURE.md, checked on the source: `studyapp/core` is pure, and services
import no Flask, no clock and no blueprint."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from studyapp.config import PROJECT_ROOT

CORE = PROJECT_ROOT / "studyapp" / "core"
# What the pure core may not import: the web framework, the database, and every part of the app
# outside core (extensions, models, services, the clock, the blueprints, the factory).
FORBIDDEN_PACKAGES = ("flask", "sqlalchemy", "werkzeug", "wtforms", "jinja2", "alembic")
# Reading the time inside logic: the caller passes `now` (or `today`) in instead.
CLOCK_READS = {("datetime", "now"), ("datetime", "utcnow"), ("datetime", "today"), ("date", "today"),
               ("time", "time"), ("time", "time_ns")}


def imported_modules(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, module) of every import; `from studyapp import x` counts as `studyapp.x`."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = "." * node.level + (node.module or "")
            if node.level:  # relative: resolved against studyapp.core, where only core lives
                found.append((node.lineno, f"studyapp.core{module}"))
            elif module == "studyapp":
                found += [(node.lineno, f"studyapp.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, module))
    return found


def import_problems(source: str) -> list[str]:
    problems = []
    for line, module in imported_modules(ast.parse(source)):
        top = module.split(".")[0]
        if top in FORBIDDEN_PACKAGES or top.startswith("flask_"):
            problems.append(f"line {line}: imports {module}")
        elif top == "studyapp" and not (module == "studyapp.core" or module.startswith("studyapp.core.")):
            problems.append(f"line {line}: imports {module}, which is outside studyapp.core")
    return problems


def clock_problems(source: str) -> list[str]:
    problems = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            name = owner.id if isinstance(owner, ast.Name) else owner.attr if isinstance(owner, ast.Attribute) else ""
            if (name, node.func.attr) in CLOCK_READS:
                problems.append(f"line {node.lineno}: reads the clock ({name}.{node.func.attr}())")
    return problems


def core_modules() -> list[Path]:
    modules = sorted(CORE.rglob("*.py"))
    assert len(modules) >= 15, f"expected the pure modules under {CORE}"
    return modules


@pytest.mark.parametrize("path", core_modules(), ids=lambda path: str(path.relative_to(CORE)))
def test_core_imports_no_flask_database_or_app_module(path: Path) -> None:
    assert import_problems(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", core_modules(), ids=lambda path: str(path.relative_to(CORE)))
def test_core_never_reads_the_clock(path: Path) -> None:
    assert clock_problems(path.read_text(encoding="utf-8")) == []


def test_the_rules_catch_what_they_forbid() -> None:
    source = """
import flask
from flask_login import current_user
from sqlalchemy.orm import Session
import werkzeug.security
from studyapp.extensions import db
from studyapp import models
from studyapp.services.day_plan import today_for
from studyapp.clock import now
from studyapp.study import views
from studyapp.core.scheduling import sm2
from studyapp.core.content.codes import normalize_code
from . import stats
"""
    assert [problem.split(":")[0] for problem in import_problems(source)] == [
        f"line {n}" for n in range(2, 11)]
    clocks = "from datetime import date, datetime\nx = datetime.now(UTC)\ny = date.today()\nz = datetime.now\n"
    assert clock_problems(clocks) == ["line 2: reads the clock (datetime.now())",
                                      "line 3: reads the clock (date.today())"]


SERVICES = PROJECT_ROOT / "studyapp" / "services"
BLUEPRINTS = ("api", "auth", "decks", "export", "points", "progress", "quiz", "schedule", "study")


def service_problems(source: str) -> list[str]:
    """Services get request values, config values and `now` as arguments: they import no Flask
    (the database comes through studyapp.extensions), no clock and no blueprint."""
    problems = []
    for line, module in imported_modules(ast.parse(source)):
        top, _, rest = module.partition(".")
        web = top == "flask" or top.startswith("flask_")
        app_side = top == "studyapp" and (rest == "clock" or rest.split(".")[0] in BLUEPRINTS)
        if web or app_side:
            problems.append(f"line {line}: imports {module}")
    return problems


@pytest.mark.parametrize("path", sorted(SERVICES.glob("*.py")), ids=lambda path: path.name)
def test_services_import_no_flask_clock_or_blueprint(path: Path) -> None:
    assert service_problems(path.read_text(encoding="utf-8")) == []


def test_the_service_rule_catches_what_it_forbids() -> None:
    source = """
from flask import current_app
from flask_login import current_user
from studyapp.clock import now
from studyapp.study.views import bp
from studyapp.services import plain_rows
from studyapp.extensions import db
from studyapp.core.progress import stats
"""
    assert [problem.split(":")[0] for problem in service_problems(source)] == [f"line {n}" for n in range(2, 6)]


def test_readme_and_architecture_name_every_module_of_core_services_and_blueprints() -> None:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    layout = readme[readme.index("## Layout"):]
    architecture = (PROJECT_ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    # A package with a README of its own (core/body) is named, its modules are described there.
    self_described = {path.parent for path in CORE.rglob("README.md")}
    core = {path.stem for path in CORE.rglob("*.py") if path.stem not in ("__init__", "__main__")
            and not self_described & {path.parent, *path.parents}}
    core |= {f"{path.name}/" for path in CORE.iterdir() if path.is_dir() and any(path.glob("*.py"))}
    services = {path.stem for path in SERVICES.glob("*.py") if path.stem != "__init__"}
    blueprints = {path.parent.name for path in (PROJECT_ROOT / "studyapp").glob("*/views.py")}
    assert blueprints == set(BLUEPRINTS)
    assert {name for name in core | services | blueprints if name not in layout} == set()
    assert {name for name in services | blueprints if name not in architecture} == set()
