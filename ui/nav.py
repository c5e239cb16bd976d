"""The app's pages, in sidebar order: the one list the router and the Home cards both read."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageInfo:
    """One page: its script, its URL path, the translation keys of its title and Home card, and its tabs
    as (URL code, translation key of the label) pairs, in order (the first one opens by default)."""

    script: str
    url_path: str  # a topic page's file is named like it: see ui/streamlit_internals.py
    icon: str
    title_key: str
    question_key: str | None = None
    tabs: tuple[tuple[str, str], ...] = ()

    @property
    def is_home(self) -> bool:
        return self.question_key is None


PAGES: list[PageInfo] = [
    PageInfo("pages/home.py", "", ":material/home:", "nav.home"),
    PageInfo(
        "pages/mse.py", "mse", ":material/functions:", "nav.mse", "mse.page.question",
        (
            ("result", "mse.tab.result"),
            ("grad", "mse.tab.grad"),
            ("switch", "mse.tab.switch"),
            ("norms", "mse.tab.norms"),
            ("numpy", "mse.tab.numpy"),
            ("autograd", "mse.tab.autograd"),
            ("legacy", "mse.tab.legacy"),
            ("code", "mse.tab.code"),
        ),
    ),
    PageInfo(
        "pages/autograd.py", "autograd", ":material/account_tree:", "nav.autograd", "autograd.page.question",
        (
            ("graph", "autograd.tab.graph"),
            ("chain", "autograd.tab.chain"),
            ("modes", "autograd.tab.modes"),
            ("pitfalls", "autograd.tab.pitfalls"),
            ("optim", "autograd.tab.optim"),
            ("code", "autograd.tab.code"),
        ),
    ),
    PageInfo(
        "pages/regression.py", "regression", ":material/trending_down:", "nav.regression", "regression.page.question",
        (
            ("step", "regression.tab.step"),
            ("curves", "regression.tab.curves"),
            ("regimes", "regression.tab.regimes"),
            ("result", "regression.tab.result"),
        ),
    ),
    PageInfo(
        "pages/optimizers.py", "optimizers", ":material/speed:", "nav.optimizers", "optimizers.page.question",
        (
            ("race", "optimizers.tab.race"),
            ("update", "optimizers.tab.update"),
            ("code", "optimizers.tab.code"),
        ),
    ),
    PageInfo(
        "pages/classification.py", "classification", ":material/scatter_plot:", "nav.classification",
        "classification.page.question",
        (
            ("regions", "classification.tab.regions"),
            ("curves", "classification.tab.curves"),
            ("sample", "classification.tab.sample"),
            ("lessons", "classification.tab.lessons"),
            ("code", "classification.tab.code"),
        ),
    ),
    PageInfo(
        "pages/softmax.py", "softmax", ":material/bar_chart:", "nav.softmax", "softmax.page.question",
        (
            ("probs", "softmax.tab.probs"),
            ("jacobian", "softmax.tab.jacobian"),
            ("vjp", "softmax.tab.vjp"),
            ("ce", "softmax.tab.ce"),
            ("stability", "softmax.tab.stability"),
            ("code", "softmax.tab.code"),
        ),
    ),
]  # fmt: skip


def page_info(url_path: str) -> PageInfo:
    """The page at `url_path` ("" for Home)."""
    return next(p for p in PAGES if p.url_path == url_path)


def topic_pages() -> list[PageInfo]:
    """The topic pages (all but Home), in sidebar order."""
    return [p for p in PAGES if not p.is_home]
