"""Make the project root importable (`core`, `ui`) however pytest is started."""

import sys
from pathlib import Path

import pytest
from streamlit.runtime.pages_manager import PagesManager

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(autouse=True)
def _no_legacy_pages_directory(monkeypatch):
    """AppTest re-detects the folder pages/ before every run and, seeing it, runs the last page's
    script directly (Streamlit's legacy multipage mode) instead of the router. A real server
    detects it once, and streamlit_app.py switches it off on that first run (see there)."""
    original_init = PagesManager.__init__

    def init(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)
