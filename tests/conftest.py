"""Make the project root importable (`core`, `ui`) however pytest is started."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(autouse=True)
def _no_legacy_pages_directory():
    """AppTest re-detects the folder pages/ before every run and, seeing it, runs the last page's
    script directly (Streamlit's legacy multipage mode) instead of the router. A real server
    detects it once and leaves that mode on its first run (ui/streamlit_internals.py)."""
    from ui.streamlit_internals import no_pages_directory

    with no_pages_directory():
        yield
