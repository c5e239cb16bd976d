"""The one module that touches Streamlit's internals was checked against the installed Streamlit, and the
internals it uses are still there."""

from __future__ import annotations

import ast
from pathlib import Path

import altair as alt
import pandas as pd
import streamlit
from streamlit.runtime.pages_manager import PagesManager

from tests.conftest import ROOT
from ui import streamlit_internals
from ui.streamlit_internals import CHECKED_WITH, altair_to_vega_lite, no_pages_directory


def test_the_installed_streamlit_is_the_one_the_internals_were_checked_against():
    assert streamlit.__version__ == CHECKED_WITH, (
        f"Streamlit {streamlit.__version__} is installed, but ui/streamlit_internals.py was checked against "
        f"{CHECKED_WITH}: check its legacy-pages workaround and its Altair conversion against the new "
        "version's source (or a public API that now does the job), then update CHECKED_WITH."
    )


def test_no_other_module_imports_streamlit_internals():
    # streamlit.testing (AppTest) and streamlit.proto (the wire protocol the lecture benchmark speaks) are public
    private = ("streamlit.runtime", "streamlit.elements", "streamlit.web")
    offenders = []
    for folder in ("core", "ui", "pages", "benchmarks", "tests"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path == Path(streamlit_internals.__file__) or path == Path(__file__):
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
                names += [a.name for a in node.names] if isinstance(node, ast.Import) else []
                offenders += [f"{path.relative_to(ROOT)}: {name}" for name in names if name.startswith(private)]
    assert not offenders, offenders


def test_no_pages_directory_switches_the_detection_off_only_while_inside():
    original = PagesManager.__init__
    with no_pages_directory():
        assert PagesManager.__init__ is not original
    assert PagesManager.__init__ is original


def test_the_conversion_turns_an_altair_chart_into_vega_lite_with_its_data_as_a_dataset():
    chart = alt.Chart(pd.DataFrame({"x": [1.0, 2.0], "y": [3.0, 4.0]})).mark_point().encode(x="x:Q", y="y:Q")
    spec = altair_to_vega_lite(chart)
    assert spec["mark"] in ("point", {"type": "point"})
    assert spec["encoding"]["x"]["field"] == "x"
    assert spec["datasets"], "the data travels as a named dataset, as st.altair_chart sends it"
