"""Memory stays flat while a class explores: 500 distinct configurations through every page.

Runs the real pages under AppTest in this process (Streamlit's caches are per process, as on a
server) and samples this process's resident memory every 50 configurations. The caches are
bounded (`max_entries`, `ttl`), so the curve must level off instead of growing with every config.
"""

from __future__ import annotations

import gc
import random

import psutil
from common import ROOT, print_table
from streamlit.testing.v1 import AppTest

from tests.app.helpers import open_tab, random_widget_value
from ui.nav import PAGES
from ui.state import SPECS_KEY, TAB_PARAM
from ui.streamlit_internals import no_pages_directory

CONFIGS = 500
SAMPLE_EVERY = 50


def _open(info) -> AppTest:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120).run()
    if not info.is_home:
        at.switch_page(info.script).run()
    return at


def _rss_mb() -> float:
    gc.collect()
    return psutil.Process().memory_info().rss / 2**20


def main() -> None:
    rng = random.Random(0)
    topics = [p for p in PAGES if not p.is_home] or PAGES
    rows = [{"configurations": 0, "RSS MB": f"{_rss_mb():.0f}"}]
    sessions = {info.script: _open(info) for info in topics}
    for count in range(1, CONFIGS + 1):
        info = topics[count % len(topics)]
        at = sessions[info.script]
        specs = {
            k: s
            for k, s in at.session_state[SPECS_KEY].items()
            if k not in ("lang", "device", "present", "quiz") and s[0] in ("select", "number", "toggle")
        }
        for key in rng.sample(sorted(specs), k=min(2, len(specs))):
            if key == TAB_PARAM:  # a page draws only its open tab: open another one, with its own caches
                open_tab(at, info.url_path, random_widget_value(rng, specs[key]))
                continue
            for kind in ("selectbox", "radio", "button_group", "toggle", "number_input", "slider"):
                widget = next((w for w in getattr(at, kind) if w.key == key and not w.disabled), None)
                if widget is not None:
                    widget.set_value(random_widget_value(rng, specs[key]))
                    break
        at.run()
        if count % SAMPLE_EVERY == 0:
            rows.append({"configurations": count, "RSS MB": f"{_rss_mb():.0f}"})
    print_table(f"Memory while {CONFIGS} distinct configurations go through the pages (one process)", rows)


if __name__ == "__main__":
    with no_pages_directory():  # as tests/conftest.py does
        main()
