"""A parent's own trend chart: drawn for a desktop and for a phone, every band named inside each drawing."""

import datetime as dt
import re

from twofold.wellbeing.charts import NARROW, WIDE, Point, trend_svg
from twofold.wellbeing.instruments import PHQ9


def draw(points: list[Point]) -> str:
    bands = PHQ9.bands_for(True)
    return trend_svg(points=points, bands=bands, max_total=PHQ9.max_total, title_id="t", title="PHQ-9")


def _drawing(markup: str, frame_name: str) -> str:
    found = re.search(rf'<svg class="chart chart-{frame_name}".*?</svg>', markup)
    assert found is not None, frame_name
    return found.group(0)


def test_the_phone_drawing_names_each_band_inside_its_narrow_frame():
    markup = draw([Point(dt.date(2026, 11, 4), 12), Point(dt.date(2026, 11, 18), 5)])
    wide, narrow = _drawing(markup, "wide"), _drawing(markup, "narrow")

    assert f'viewBox="0 0 {WIDE.width} {WIDE.height}"' in wide
    assert f'viewBox="0 0 {NARROW.width} {NARROW.height}"' in narrow
    for drawing in (wide, narrow):
        assert "10+ Moderate" in drawing and "20+ Severe" in drawing
    # In the narrow drawing the names end at the plot's right edge, above their lines.
    plot_end = NARROW.width - NARROW.right
    assert all(float(x) <= plot_end for x in re.findall(r'class="tick band-label" x="([\d.]+)"', narrow))


def test_a_single_result_has_one_date_under_its_dot():
    narrow = _drawing(draw([Point(dt.date(2026, 11, 18), 5)]), "narrow")
    assert narrow.count(">18 Nov<") == 1 and 'text-anchor="middle">18 Nov<' in narrow
