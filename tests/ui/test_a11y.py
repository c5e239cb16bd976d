"""The shared accessibility pieces without a browser: the themes' contrast, the chart colours, the
chart's text alternative, and what ui/a11y.py sends (tests/e2e/test_accessibility_browser.py runs axe)."""

from __future__ import annotations

import json
import re
import tomllib

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.app.helpers import ROOT, open_page
from ui import a11y
from ui.a11y import blend, contrast_ratio
from ui.chart import data_table
from ui.charts import (
    CATEGORICAL,
    CATEGORICAL_DARK,
    DIVERGING_NEGATIVE,
    DIVERGING_POSITIVE,
    DIVERGING_ZERO,
    NEUTRAL,
    OKABE_ITO,
    categorical_scale,
    diverging_scale,
    diverging_text,
)
from ui.i18n import translate
from ui.nav import PAGES

CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
THEMES = ("light", "dark")
# Streamlit 1.67 draws captions, help text and placeholders in the body text at 60 % opacity ("fadedText60"),
# and a selected segmented control or radio pill in the primary colour on 10 % primary over the widget background.
CAPTION_OPACITY = 0.6
SELECTED_TINT = 0.1


def _theme(name: str) -> dict:
    return CONFIG["theme"][name]


def test_contrast_ratio_matches_wcag_worked_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1)
    # #777777: sRGB 0.4667 -> linear ((0.4667 + 0.055) / 1.055) ** 2.4 = 0.1845; (1.05) / (0.2345) = 4.48
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.005)
    assert blend("#000000", "#ffffff", 0.5) == "#808080"


def test_the_app_follows_the_system_theme_with_a_light_and_a_dark_theme():
    assert "base" not in CONFIG["theme"]  # a base would pin one theme and hide the other
    assert set(THEMES) <= CONFIG["theme"].keys()


@pytest.mark.parametrize("name", THEMES)
def test_every_text_colour_of_each_theme_meets_aa(name):
    theme = _theme(name)
    text, primary = theme["textColor"], theme["primaryColor"]
    for background in (theme["backgroundColor"], theme["secondaryBackgroundColor"]):
        assert contrast_ratio(text, background) >= 7
        assert contrast_ratio(blend(text, background, 1 - CAPTION_OPACITY), background) >= 4.5
        assert contrast_ratio(primary, background) >= 4.5
        assert contrast_ratio(primary, blend(background, primary, SELECTED_TINT)) >= 4.5
        assert contrast_ratio(theme["linkColor"], background) >= 4.5
        assert contrast_ratio(theme["codeTextColor"], background) >= 4.5


@pytest.mark.parametrize(
    ("name", "tokens"), [("light", a11y.LIGHT_CODE_TOKENS), ("dark", a11y.DARK_CODE_TOKENS)], ids=THEMES
)
def test_code_token_colours_meet_aa_on_the_code_background(name, tokens):
    # the code background lies between the two backgrounds; the widget background is the closer to the tokens
    background = _theme(name)["secondaryBackgroundColor"]
    ratios = {color: round(contrast_ratio(color, background), 2) for color in tokens.values()}
    assert min(ratios.values()) >= 4.5, ratios


def test_the_css_uses_each_themes_primary_colour_for_the_focus_ring():
    css = a11y.css()
    assert f"--ll-focus: {_theme('light')['primaryColor']}" in css
    assert f'html[data-ll-theme="dark"] {{ --ll-focus: {_theme("dark")["primaryColor"]}; }}' in css
    assert ":focus-visible" in css


def test_the_categorical_palette_is_okabe_ito_and_the_themes_use_it():
    assert set(CATEGORICAL) | {OKABE_ITO["black"]} == set(CATEGORICAL_DARK) | {OKABE_ITO["black"]}
    assert set(CATEGORICAL) | {OKABE_ITO["black"]} == set(OKABE_ITO.values())
    assert CONFIG["theme"]["chartCategoricalColors"] == CATEGORICAL
    assert _theme("dark")["chartCategoricalColors"] == CATEGORICAL_DARK
    for name in THEMES:
        background = _theme(name)["backgroundColor"]
        # the colours a chart names itself: the first three keep 3:1 (WCAG 1.4.11) against both backgrounds
        assert min(contrast_ratio(c, background) for c in CATEGORICAL[:3]) >= 3
        # the theme's own, for charts that name no colours
        palette = _theme(name).get("chartCategoricalColors", CONFIG["theme"]["chartCategoricalColors"])
        assert min(contrast_ratio(c, background) for c in palette[:3]) >= 3
        assert contrast_ratio(NEUTRAL, background) >= 3
    scale = categorical_scale(["a", "b"]).to_dict()
    assert scale == {"domain": ["a", "b"], "range": CATEGORICAL[:2]}


def _text_color(condition: dict, value: float) -> str:
    """What the Vega expression "datum['value'] <= low || datum['value'] >= high" picks for `value`."""
    low, high = map(
        float,
        re.fullmatch(
            r"datum\['value'\] <= (\S+) \|\| datum\['value'\] >= (\S+)", condition["condition"]["test"]
        ).groups(),
    )
    return condition["condition"]["value"] if value <= low or value >= high else condition["value"]


@pytest.mark.parametrize("limit", [1e-3, 1.0, 37.5])
def test_numbers_on_a_diverging_heatmap_keep_aa_contrast_on_every_cell(limit):
    scale = diverging_scale(limit).to_dict()
    assert scale["domain"] == [-limit, 0.0, limit]  # centred at 0, symmetric
    assert scale["range"] == [DIVERGING_NEGATIVE, DIVERGING_ZERO, DIVERGING_POSITIVE]
    assert scale["interpolate"] == "rgb"
    text = diverging_text(limit).to_dict()
    worst = 21.0
    for i in range(-200, 201):
        value = limit * i / 200
        end = DIVERGING_POSITIVE if value > 0 else DIVERGING_NEGATIVE
        cell = blend(DIVERGING_ZERO, end, abs(value) / limit)
        worst = min(worst, contrast_ratio(_text_color(text, value), cell))
    assert worst >= 4.5


def _described_script(loss: float) -> None:
    import altair as alt
    import pandas as pd

    from ui import chart

    def line(frame: pd.DataFrame) -> alt.Chart:
        return alt.Chart(frame).mark_line().encode(x=alt.X("step:Q"), y=alt.Y("loss:Q"))

    frame = pd.DataFrame({"step": [1, 2], "loss": [12.0, loss]})
    chart.described(line, frame, summary=f"The loss falls from 12 to {loss} in 2 steps.", data=frame)


@pytest.mark.parametrize("loss", [1 / 3, 0.00002])
def test_a_described_chart_has_its_caption_and_its_numbers_as_a_table(loss):
    at = AppTest.from_function(_described_script, args=(loss,)).run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.get("vega_lite_chart")) == 1
    assert at.caption[0].value == f"The loss falls from 12 to {loss} in 2 steps."
    assert at.expander[0].label == translate("a11y.chart_data", "en")
    table = at.expander[0].table[0].value
    assert list(table.index) == ["1", "2"] and list(table["loss"]) == ["12", {1 / 3: "0.3333", 0.00002: "2e-05"}[loss]]


def test_the_data_table_writes_floats_like_the_rest_of_the_app():
    frame = pd.DataFrame({"class": ["a", "b"], "p": [0.1234567, 1e-9], "n": [1000, 2]})
    table = data_table(frame)
    assert table.to_dict("list") == {"p": ["0.1235", "1e-09"], "n": [1000, 2]}
    assert list(table.index) == ["a", "b"]
    steps = data_table(pd.DataFrame({"step": [1, 1000], "loss": [2.0, 0.5]}))
    assert list(steps.index) == ["1", "1,000"], "integer row headers as text, or the browser's table drops them"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_app_sends_the_style_sheet_and_the_script_with_labels_in_the_pages_language(lang):
    at = open_page(PAGES[0], params={"lang": lang})
    bodies = [element.proto.body for element in at.get("html")]
    assert any(":focus-visible" in body for body in bodies)
    (sent,) = [body for body in bodies if body.startswith("<script data-ll-a11y>")]
    labels = {translate(key, lang) for key in a11y.SCROLLERS.values()}
    assert labels and all(label in sent for label in labels)
    other = "zh" if lang == "en" else "en"
    assert not any(translate(key, other) in sent for key in a11y.SCROLLERS.values())
    assert f"state.lang = {json.dumps(a11y.HTML_LANG[lang])};" in sent
    # DOMPurify (st.html) silently drops a script whose text has "<" before a letter, "/" or "!"
    source = re.fullmatch(r"<script data-ll-a11y>(.*)</script>", sent, re.DOTALL)[1]
    assert re.findall(r"<[\w/!]", source) == []
