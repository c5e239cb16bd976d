"""Altair chart builders, one module per topic: each takes DataFrames and returns an `alt.Chart`.

The colours every topic shares live here, chosen to be told apart with any colour vision and to read in
the light and the dark theme (the chart's background is the page's; only the cells of a heatmap have
their own colour, and the numbers written on them pick black or white to suit each cell):

- `CATEGORICAL`: the Okabe–Ito palette for series and groups, in an order whose first three keep 3:1
  (WCAG 1.4.11, graphics) against both themes' backgrounds: for colours a chart names itself, which
  stay the same in both themes. `categorical_scale(domain)` pins one colour to each name.
  A chart that names no colours gets the theme's `chartCategoricalColors` (.streamlit/config.toml):
  `CATEGORICAL` in the light theme, `CATEGORICAL_DARK` (the lighter ones first) in the dark one.
  Streamlit draws a bar, line or point that names no colour in the first of these. Past three series
  the colours are paler than 3:1 on one background: tell such series apart by more than colour too
  (a direct label, a dash, a shape).
- `NEUTRAL`: the grey for reference lines, rules, diagonals, graph edges and the points a chart plays
  down: 3:1 on both backgrounds (Streamlit's darker greys fall to 2.3:1 on the dark one).
- Text (a number over a bar, axis and legend labels): leave its colour unset. `ui.chart.show` gives
  it the theme's text colour (`ui.chart.readable_text`); a series colour is too pale for text.
- `diverging_scale(limit)`: signed values around 0, blue below and red above (ColorBrewer's RdBu
  ends, safe for red-green colour blindness), white at 0, symmetric so equal sizes look equally strong.
  `diverging_text(limit)` is the colour of a number written on such a cell: >= 4.5:1 on every cell.
"""

from __future__ import annotations

import altair as alt

from ui.a11y import blend, contrast_ratio

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
# without black, which vanishes on the dark theme's background
CATEGORICAL = [
    OKABE_ITO[name] for name in ("blue", "vermillion", "bluish_green", "reddish_purple", "orange", "sky_blue", "yellow")
]

CATEGORICAL_DARK = [
    OKABE_ITO[name] for name in ("sky_blue", "orange", "bluish_green", "reddish_purple", "yellow", "blue", "vermillion")
]

NEUTRAL = "#808080"

DIVERGING_NEGATIVE = "#2166ac"
DIVERGING_ZERO = "#f7f7f7"
DIVERGING_POSITIVE = "#b2182b"
DARK_TEXT, LIGHT_TEXT = "#000000", "#ffffff"


def categorical_scale(domain: list) -> alt.Scale:
    """One Okabe–Ito colour per name in `domain`, in order (repeating after seven)."""
    colors = [CATEGORICAL[i % len(CATEGORICAL)] for i in range(len(domain))]
    return alt.Scale(domain=list(domain), range=colors)


def diverging_scale(limit: float) -> alt.Scale:
    """Blue for -`limit`, white for 0, red for +`limit` (pass the largest |value|, or a fixed bound),
    mixed in sRGB so `diverging_text` knows exactly which colour each cell gets."""
    limit = float(limit) or 1.0
    return alt.Scale(
        domain=[-limit, 0.0, limit],
        range=[DIVERGING_NEGATIVE, DIVERGING_ZERO, DIVERGING_POSITIVE],
        interpolate="rgb",
        clamp=True,
    )


def light_text_from(end: str) -> float:
    """The share of the way from 0 to the end colour `end` from which white text reads better than black."""
    steps = 1000
    return next(
        (
            i / steps
            for i in range(steps + 1)
            if contrast_ratio(LIGHT_TEXT, blend(DIVERGING_ZERO, end, i / steps))
            > contrast_ratio(DARK_TEXT, blend(DIVERGING_ZERO, end, i / steps))
        ),
        1.0,
    )


_LIGHT_BELOW, _LIGHT_ABOVE = light_text_from(DIVERGING_NEGATIVE), light_text_from(DIVERGING_POSITIVE)


def diverging_text(limit: float, field: str = "value") -> alt.ColorValue:
    """The colour of the number written on a `diverging_scale(limit)` cell whose value is in `field`:
    white on the strong ends, black elsewhere."""
    limit = float(limit) or 1.0
    strong = f"datum['{field}'] <= {-_LIGHT_BELOW * limit!r} || datum['{field}'] >= {_LIGHT_ABOVE * limit!r}"
    return alt.ColorValue(DARK_TEXT, condition={"test": strong, "value": LIGHT_TEXT})
