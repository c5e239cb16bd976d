"""The app's pages, in sidebar order: the one list the router and the Home cards both read."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageInfo:
    """One page: its script, its URL path, and the translation keys of its title and Home card."""

    script: str
    url_path: str  # a topic page's file is named like it: see ui/router.py
    icon: str
    title_key: str
    question_key: str | None = None

    @property
    def is_home(self) -> bool:
        return self.question_key is None


PAGES: list[PageInfo] = [
    PageInfo("pages/home.py", "", ":material/home:", "nav.home"),
    PageInfo("pages/mse.py", "mse", ":material/functions:", "nav.mse", "mse.question"),
    PageInfo("pages/autograd.py", "autograd", ":material/account_tree:", "nav.autograd", "autograd.question"),
    PageInfo("pages/regression.py", "regression", ":material/trending_down:", "nav.regression", "regression.question"),
    PageInfo("pages/softmax.py", "softmax", ":material/bar_chart:", "nav.softmax", "softmax.question"),
]


def topic_pages() -> list[PageInfo]:
    """The topic pages (all but Home), in sidebar order."""
    return [p for p in PAGES if not p.is_home]
