"""Every body figure and the views cut from it, built once (pure).

Each module in this package draws one figure: `build() -> Figure` and `views(figure) -> list[View]`,
and `ORDER`, a number that sorts its views among the others (head first, feet last). A new module is
found by itself; nothing else needs to list it.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from types import ModuleType

from studyapp.core.body.views import Figure, View, ViewError


def figure_modules() -> list[ModuleType]:
    modules = [importlib.import_module(f"{__name__}.{info.name}") for info in pkgutil.iter_modules(__path__)]
    return sorted(modules, key=lambda module: (getattr(module, "ORDER", 100), module.__name__))


@cache
def _built() -> tuple[dict[str, Figure], dict[str, View]]:
    figures: dict[str, Figure] = {}
    views: dict[str, View] = {}
    for module in figure_modules():
        figure: Figure = module.build()
        if figure.key in figures:
            raise ViewError(f"figure {figure.key!r} twice")
        figures[figure.key] = figure
        for view in module.views(figure):
            if view.slug in views:
                raise ViewError(f"view {view.slug!r} twice")
            views[view.slug] = view
    return figures, views


def figures() -> dict[str, Figure]:
    return _built()[0]


def views() -> dict[str, View]:
    """Every view by slug, in the order a student meets them."""
    return _built()[1]
