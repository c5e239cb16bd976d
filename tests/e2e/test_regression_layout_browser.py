"""The regression page in a real browser: settings that survive the CSV source, and nothing clipped at desktop
and phone widths, in both languages."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest

from tests.e2e.conftest import SETTLED, Watched
from ui.i18n import translate

pytestmark = pytest.mark.e2e

TABS = ("regression.tab.step", "regression.tab.curves", "regression.tab.regimes", "regression.tab.result")
# a run that diverges: by step 40 its numbers are ~1e23, the widest the formulas and the tables get
WIDE = "regression?lr=0.5&epochs=30&step=40&cmp=true"

# Elements whose content is wider than they are: a formula, a label, a caption or a table that the reader
# sees cut off (or has to scroll sideways at desktop size). Returns a description of each.
_CLIPPED = """
(tables) => {
  const main = document.querySelector('[data-testid="stMainBlockContainer"]');
  const edge = main.getBoundingClientRect();
  const text = (el) => (el.innerText || el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 60);
  const found = [];
  for (const el of main.querySelectorAll('[data-testid="stElementContainer"]')) {
    const r = el.getBoundingClientRect();
    if (r.width && (r.right > edge.right + 1 || r.left < edge.left - 1)) found.push('outside the page: ' + text(el));
  }
  const boxes = '.katex-display, [data-testid="stMarkdownContainer"], [data-testid="stWidgetLabel"], '
    + '[data-testid="stCaptionContainer"], [data-baseweb="select"] > div' + (tables ? ', .dvn-scroller' : '');
  for (const el of main.querySelectorAll(boxes)) {
    // KaTeX's aligned environment overhangs its box by a pixel or two, which cuts nothing off
    if (el.clientWidth && el.scrollWidth > el.clientWidth + 3) found.push('wider than its box: ' + text(el));
  }
  for (const el of main.querySelectorAll('*')) {
    const style = getComputedStyle(el);
    if (style.textOverflow === 'ellipsis' && el.clientWidth && el.scrollWidth > el.clientWidth + 1
        && !el.closest('[role="tablist"]')) {
      found.push('cut off: ' + text(el));
    }
  }
  return found;
}
"""


class Narrow(Watched):
    """A page at any width: at phone width the sidebar starts collapsed, so settling cannot wait for it."""

    def settle(self, timeout: float = 60_000) -> None:
        self.page.wait_for_selector('[data-testid="stMain"]', timeout=timeout)
        for _ in range(3):
            self.page.wait_for_selector(SETTLED, timeout=timeout)
            self.page.wait_for_timeout(400)
            if self.page.locator(SETTLED).count():
                break


@pytest.mark.parametrize("width", [1400, 390])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_nothing_is_wider_than_its_container_or_cut_off(browser, server, lang, width):
    context = browser.new_context(viewport={"width": width, "height": 1000}, locale="en-US")
    app = Narrow(context.new_page(), server.url)
    app.goto(f"{WIDE}&lang={lang}")
    app.page.locator('[data-testid="stNumberInputField"]').first.wait_for()
    for key in TABS:
        if key != TABS[0]:
            app.open_tab(translate(key, lang))
        app.page.wait_for_timeout(800)  # charts and formulas laid out
        # at phone width a table may scroll sideways inside its own frame; at desktop size it must fit
        clipped = app.page.evaluate(_CLIPPED, width >= 1000)
        assert not clipped, (key, clipped)
        app.screenshot(f"regression-layout-{key.rsplit('.', 1)[1]}-{lang}-{width}")
    app.assert_clean()
    context.close()


def test_uploading_a_csv_keeps_every_training_setting_and_the_url(app, tmp_path):
    """Choosing "Your CSV" stops the page before the training widgets until a file is there; afterwards every
    widget must show its real value, and the first edit must change that one setting only."""
    csv = tmp_path / "houses.csv"
    csv.write_text("size,age,price\n1,2,3\n2,1,5\n3,1,7\n4,0,9\n5,1,11\n6,2,13\n")
    app.goto("regression")
    app.page.get_by_text(translate("regression.data.source_csv", "en"), exact=True).click()
    app.settle()
    app.page.locator('input[type="file"]').set_input_files(str(csv))
    app.settle()
    app.page.get_by_text("6 usable rows").wait_for(timeout=30_000)

    def shown() -> dict[str, str | bool]:
        box = app.page.get_by_role
        labels = {key: f"regression.train.{key}" for key in ("lr", "batch", "epochs", "seed")}
        labels["b0"] = "regression.model.b0"
        values = {key: box("spinbutton", name=translate(label, "en")).input_value() for key, label in labels.items()}
        values["w0"] = box("textbox", name=translate("regression.model.w0", "en")).input_value()
        values["shuffle"] = box("switch", name=translate("regression.train.shuffle", "en")).is_checked()
        values["loss"] = box("radio", name=translate("regression.model.loss_sum_over_batch", "en")).is_checked()
        return values

    before = {"lr": "0.5", "batch": "3", "epochs": "3", "seed": "0", "b0": "0", "w0": "1, 2", "shuffle": True}
    assert shown() == {**before, "loss": True}
    epochs = app.page.get_by_role("spinbutton", name=translate("regression.train.epochs", "en"))
    epochs.fill("4")
    epochs.press("Enter")
    app.settle()
    assert shown() == {**before, "epochs": "4", "loss": True}
    params = {key: values[0] for key, values in parse_qs(urlparse(app.page.url).query, keep_blank_values=True).items()}
    assert params == {"data": "csv", "epochs": "4"}, app.page.url
    # the first step's loss is the small number w = [1, 2], b = 0 give, not ~1e12 from b0 = -1,000,000
    loss = app.page.locator(".katex-display").filter(has_text="ℓ").first.inner_text()  # ℓ = … = value
    value = re.sub(r"\s+", "", loss.split("=")[-1])
    assert re.fullmatch(r"\d{1,3}(\.\d+)?", value), value
    app.assert_clean()
