"""The app's pages, in sidebar order: the one list the router and the Home cards both read."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageInfo:
    """One page: its script, its URL path, and the translation keys of its title and Home card."""

    script: str
    url_path: str  # never the script's file name: see tests/app/test_shell.py::test_url_paths_are_not_file_names
    icon: str
    title_key: str
    question_key: str | None = None

    @property
    def is_home(self) -> bool:
        return self.question_key is None


PAGES: list[PageInfo] = [
    PageInfo("pages/home.py", "", ":material/home:", "nav.home"),
    PageInfo(
        "pages/sgd_regression.py", "regression", ":material/trending_down:", "nav.regression", "regression.question"
    ),
]


def topic_pages() -> list[PageInfo]:
    """The topic pages (all but Home), in sidebar order."""
    return [p for p in PAGES if not p.is_home]
