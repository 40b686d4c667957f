"""rcpchgrowth loaded without SciPy (rcpch.py) gives the centiles, SDS and centile lines that rcpchgrowth
gives with the real SciPy: both computed over a grid of references, measurements, sexes and ages, each in a
fresh process so neither copy sees the other."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from statistics import NormalDist

import pytest

from twofold.growth.rcpch import between

# For each reference, kind and sex: ages from before term (UK-WHO's preterm data) to 4 years, across the
# table's fringes (birth, 2 weeks, 2 years), and measurements from far below to far above the chart.
GRID = """
import json, sys
if sys.argv[1] == "twofold":
    from twofold.growth.rcpch import library
    rcpch = library()
    assert "scipy" not in sys.modules and "numpy" not in sys.modules, "SciPy was loaded"
else:
    import rcpchgrowth as rcpch
    assert "scipy" in sys.modules
ages = [-0.15, -0.02, 0.0, 0.005, 0.0383, 0.04, 0.1, 0.25, 0.5, 0.9, 1.0, 1.5, 1.99, 2.0, 2.01, 3.0, 4.0]
values = {"weight": [0.5, 2.5, 3.4, 5.1, 8.0, 12.0, 20.0], "height": [40.0, 50.0, 62.0, 75.0, 90.0, 110.0],
          "ofc": [28.0, 34.0, 38.0, 42.0, 46.0, 52.0]}
out = []
for reference in ("uk-who", "who", "cdc"):
    for method, observed in values.items():
        for sex in ("female", "male"):
            for age in ages:
                for value in observed:
                    asked = dict(reference=reference, age=age, measurement_method=method, sex=sex)
                    try:
                        sds = rcpch.sds_for_measurement(observation_value=value, **asked)
                        out.append([float(sds), float(rcpch.centile(sds))])
                    except (LookupError, ValueError) as error:
                        out.append(type(error).__name__)
                for sds in (-8 / 3, -4 / 3, 0.0, 2 / 3, 2.0, 8 / 3):
                    asked = dict(reference=reference, age=age, measurement_method=method, sex=sex)
                    try:
                        out.append(float(rcpch.measurement_from_sds(requested_sds=sds, **asked)))
                    except (LookupError, ValueError) as error:
                        out.append(type(error).__name__)
print(json.dumps(out))
"""


def _grid(loaded: str) -> list[object]:
    finished = subprocess.run(  # noqa: S603  our own interpreter and our own script
        [sys.executable, "-c", GRID, loaded], capture_output=True, text=True, check=False
    )
    assert finished.returncode == 0, finished.stderr
    result: list[object] = json.loads(finished.stdout)
    return result


def _floats(found: object) -> list[float]:
    assert isinstance(found, float | list), found
    return found if isinstance(found, list) else [found]


def test_centiles_sds_and_lines_match_rcpchgrowth_with_the_real_scipy():
    real, ours = _grid("real"), _grid("twofold")
    assert len(real) == len(ours) > 2000
    numbers = 0
    for expected, got in zip(real, ours, strict=True):
        if isinstance(expected, str):
            assert got == expected  # the same ages are off the reference, with the same error
            continue
        for e, g in zip(_floats(expected), _floats(got), strict=True):
            assert math.isclose(e, g, rel_tol=1e-12, abs_tol=1e-12)
            numbers += 1
    assert numbers > 2000


@pytest.mark.parametrize(("z", "centile"), [(0.0, 50.0), (-2.0, 2.275), (1.0, 84.134), (-2.652, 0.4)])
def test_the_standard_normal_gives_the_published_centiles(z, centile):
    assert NormalDist().cdf(z) * 100 == pytest.approx(centile, abs=0.001)


def test_the_straight_line_is_drawn_as_interp1d_draws_it_and_refuses_outside_its_ends():
    line = between([0.0, 0.5], [3.0, 4.0])
    assert line(0.25) == 3.5
    assert line(0.0) == 3.0
    assert line(0.5) == 4.0
    with pytest.raises(ValueError, match="outside"):
        line(0.6)
