"""The `rcpchgrowth` library (EVIDENCE.md §9.2), loaded without SciPy.

rcpchgrowth imports SciPy at start-up for three things only: the standard normal CDF and its inverse
(`scipy.stats.norm.cdf`, `.ppf`) and a straight line between two points (`scipy.interpolate.interp1d`, at the
ends of a reference's table). SciPy and NumPy add about 85 MB to every app worker; Python's standard library
does the same three things to within a few units in the last place (`statistics.NormalDist` is accurate to
about 1e-15). So the library is imported once with a small stand-in for those three names, which is then
taken out of `sys.modules` again: anything else that imports SciPy later gets the real one.
test_rcpch.py checks, in fresh processes, that centiles and SDS match rcpchgrowth with the real SciPy.

If rcpchgrowth or SciPy is already imported (a test, a shell), that copy is used as it is.
"""

from __future__ import annotations

import functools
import importlib
import sys
import threading
import types
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from statistics import NormalDist
from typing import Any

STAND_INS = ("scipy", "scipy.stats", "scipy.interpolate")
_STANDARD = NormalDist()
_loading = threading.Lock()


def between(xs: Sequence[float], ys: Sequence[float]) -> Callable[[float], float]:
    """The straight line through two points, as `interp1d(xs, ys)` draws it: the same arithmetic, and the
    same ValueError for an x outside the two."""
    (x0, x1), (y0, y1) = xs, ys
    slope = (y1 - y0) / (x1 - x0)

    def at(x: float) -> float:
        if not min(x0, x1) <= x <= max(x0, x1):
            raise ValueError(f"{x} is outside the interpolation range [{x0}, {x1}].")
        return slope * (x - x0) + y0

    return at


def _stand_ins() -> dict[str, types.ModuleType]:
    stats = types.ModuleType("scipy.stats")
    stats.norm = types.SimpleNamespace(cdf=_STANDARD.cdf, ppf=_STANDARD.inv_cdf)  # type: ignore[attr-defined]
    interpolate = types.ModuleType("scipy.interpolate")
    interpolate.interp1d = between  # type: ignore[attr-defined]
    scipy = types.ModuleType("scipy")
    scipy.stats, scipy.interpolate = stats, interpolate  # type: ignore[attr-defined]
    return {"scipy": scipy, "scipy.stats": stats, "scipy.interpolate": interpolate}


@contextmanager
def _without_scipy() -> Iterator[None]:
    sys.modules.update(_stand_ins())
    try:
        yield
    finally:
        for name in STAND_INS:
            sys.modules.pop(name, None)


@functools.cache
def library() -> Any:
    """The rcpchgrowth package, imported on first use (a worker that never draws a chart need not load it)."""
    with _loading:
        if "rcpchgrowth" in sys.modules or "scipy" in sys.modules:
            return importlib.import_module("rcpchgrowth")
        with _without_scipy():
            return importlib.import_module("rcpchgrowth")
