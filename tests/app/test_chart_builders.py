"""Every chart every tab of every page draws: a valid Vega-Lite spec, built from typed Altair channels.

ui/chart.py converts charts without Altair's schema validation (a cost on every new input, as large as
drawing the chart); this test is where they are validated, all of them, as the pages really draw them. It also
checks that no builder hands Altair a shorthand string or an `alt.condition` dict: Altair turns those
into channel objects through `SchemaBase.from_dict`, which hashes its whole schema for every channel.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import pkgutil
import threading

import altair as alt
import pytest

import ui
import ui.charts
from tests.app.helpers import open_page, open_tab, page_tabs
from ui import chart
from ui.nav import page_info
from ui.streamlit_internals import no_pages_directory

# more than the default state: a one-feature data set (batch_scatter), quiz mode (charts without the
# result), the MSE page's large matrices (no numbers in the cells) and its diverging residual preset
VARIANTS: dict[str, list[dict[str, str]]] = {
    "mse": [{}, {"preset": "residuals"}, {"mse_rows": "12", "mse_cols": "12"}],
    "regression": [
        {},
        {"data": "synthetic"},
        {"data": "synthetic", "tw": "1.5", "w0": ""},
        {"data": "synthetic", "tw": "1.5", "w0": "", "quiz": "1"},
        {"lr": "3"},  # a run that diverges
    ],
    "softmax": [{}, {"T": "0.1"}],
    "classification": [{}, {"step": "0", "k": "6"}, {"quiz": "1"}],
}


def _chart_modules() -> list[str]:
    """ui/charts/* and each topic package's charts module (ui/<topic>/charts.py)."""
    shared = [f"ui.charts.{m.name}" for m in pkgutil.iter_modules(ui.charts.__path__)]
    topics = [f"ui.{m.name}.charts" for m in pkgutil.iter_modules(ui.__path__) if m.ispkg and m.name != "charts"]
    return shared + [name for name in topics if importlib.util.find_spec(name) is not None]


def _builders() -> set[str]:
    """module.function of every public chart builder in ui/charts/ and ui/<topic>/charts.py (they return
    Altair charts)."""
    names = set()
    for module_name in _chart_modules():
        module = importlib.import_module(module_name)
        for name, function in inspect.getmembers(module, inspect.isfunction):
            returns = inspect.signature(function).return_annotation
            if function.__module__ == module.__name__ and not name.startswith("_") and "Chart" in str(returns):
                names.add(f"{module.__name__}.{name}")
    return names


@pytest.fixture(scope="module")
def drawn():
    """(builder name, builder, frames, options, from_dict calls while building) for every chart drawn."""
    calls: list[tuple] = []
    from_dict_calls = threading.local()
    original_from_dict = alt.SchemaBase.from_dict.__func__
    original_spec = chart.vega_lite_spec

    def counting_from_dict(cls, *args, **kwargs):
        from_dict_calls.count = getattr(from_dict_calls, "count", 0) + 1
        return original_from_dict(cls, *args, **kwargs)

    def spy(name, content, options, _builder, _frames):
        def counted(*frames, **kwargs):  # runs where the cache misses: once for each chart content
            from_dict_calls.count = 0
            built = _builder(*frames, **kwargs)
            calls.append((name, _builder, frames, options, from_dict_calls.count))
            return built

        return original_spec(name, content, options, counted, _frames)

    patch = pytest.MonkeyPatch()
    patch.setattr(alt.SchemaBase, "from_dict", classmethod(counting_from_dict))
    patch.setattr(chart, "vega_lite_spec", spy)
    original_spec.clear()  # so that every chart the pages draw is built here
    try:
        with no_pages_directory():  # as tests/conftest.py does; its autouse fixture is per test
            for info, code in page_tabs():
                for params in VARIANTS.get(info.url_path, [{}]):
                    at = open_page(info, params=params)
                    if code:
                        open_tab(at, info.url_path, code)
                    assert not at.exception, (info.url_path, code, params, [e.value for e in at.exception])
    finally:
        patch.undo()
    return calls


def test_every_builder_is_drawn_by_some_page(drawn):
    assert _builders(), "no builders found in ui/charts/"
    assert _builders() <= {name for name, *_ in drawn}


def test_every_drawn_chart_is_valid_vega_lite(drawn):
    for name, builder, frames, options, _ in drawn:
        spec = builder(*frames, **dict(options)).to_dict(validate=True)  # raises on an invalid spec
        assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/"), name


def test_builders_use_typed_channels_only(drawn):
    slow = sorted({name for name, *_, from_dict in drawn if from_dict})
    assert not slow, f"these builders pass shorthand strings or alt.condition to Altair: {slow}"


def test_a_shorthand_channel_would_be_caught():
    """The check above sees what it looks for: a shorthand string goes through from_dict."""
    counted = []
    original = alt.SchemaBase.from_dict.__func__
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            alt.SchemaBase, "from_dict", classmethod(lambda cls, *a, **k: counted.append(cls) or original(cls, *a, **k))
        )
        alt.Chart().mark_point().encode(alt.X("a:Q"))
        typed = len(counted)
        alt.Chart().mark_point().encode(x="a:Q")
    assert typed == 0 and len(counted) > 0


def test_the_variants_are_pages_of_the_app():
    for path in VARIANTS:
        page_info(path)  # StopIteration for a page that does not exist
