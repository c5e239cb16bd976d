"""The MSE page's inputs: an example (preset), the shape, the two matrix editors and the reduction.

`matrices` draws the example and the editors and gives the checked pair (X, Y), or raises `InputError` for
a bad cell or two shapes that do not match; the page keeps the last valid pair with `ui.settings.last_valid`.
`settings` adds the reduction and the device: `MSESettings`, what every part of the page draws from.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NoReturn

import streamlit as st

from core.errors import InputError
from core.mse import PRESET_ALIASES, PRESETS, REDUCTIONS, Reduction, preset_pair
from ui.errors import show_input_error
from ui.i18n import t
from ui.mse.compute import Matrix, analyse
from ui.mse.matrix_editor import MAX_SIZE, decode_matrix, encode_matrix, matrix_editor, parse_cells, resize
from ui.state import read_param, url_number, url_select, write_param

Rows = list[list[float]]


@dataclass(frozen=True)
class MSESettings:
    """What the page shows: prediction `x` and target `y` (same shape, nested tuples so they key the cache),
    the `reduction` and the torch `device`."""

    x: Matrix
    y: Matrix
    reduction: Reduction
    device: str

    @property
    def n(self) -> int:
        return len(self.x)

    @property
    def d(self) -> int:
        return len(self.x[0])

    def lists(self) -> tuple[Rows, Rows]:
        """X and Y as nested lists, as Python source and the quiz write them."""
        return [list(row) for row in self.x], [list(row) for row in self.y]


def as_tuple(values: Rows) -> Matrix:
    """A matrix as nested tuples, hashable for the cache."""
    return tuple(tuple(row) for row in values)


def _load(x: Rows, y: Rows, *, set_shape: bool = True) -> None:
    """New editor contents: fresh editor keys, so old cell edits are not re-applied to them."""
    ss = st.session_state
    ss["mse_base"] = (x, y)
    ss["mse_current"] = (x, y)
    ss["mse_version"] = ss.get("mse_version", 0) + 1
    if set_shape:
        ss["mse_rows"], ss["mse_cols"] = len(x), len(x[0])


def _example() -> tuple[Rows, Rows]:
    """The example row (preset, seed, rows, cols); loads the editors when the example changes or the shape does.
    Returns the example's own matrices: X and Y leave the URL while they equal them."""
    ss = st.session_state
    old_name = st.query_params.get("preset")
    if old_name in PRESET_ALIASES and "preset" not in ss:  # a link from before a preset was renamed
        st.query_params["preset"] = PRESET_ALIASES[old_name]
        warning = t("mse.input.preset_renamed", old=old_name, new=PRESET_ALIASES[old_name])
        st.warning(warning, icon=":material/warning:")
    top = st.columns([3, 2, 2, 2])
    labels = {name: t(f"mse.preset.{name}") for name in PRESETS}
    preset = url_select("preset", t("mse.input.preset"), PRESETS, format_func=labels.__getitem__, container=top[0])
    random = preset == "random"
    seed = url_number(
        "seed", t("mse.input.seed"), default=0, min_value=0, max_value=9999, container=top[1], disabled=not random
    )
    preset_x, preset_y = preset_pair(preset, seed=seed)
    source = (preset, seed if random else 0)
    if ss.get("mse_source") != source:
        x0, y0 = preset_x, preset_y
        if "mse_source" not in ss:  # first run: a shared link's own matrices win over its preset
            allowed = t("mse.input.url_matrix_allowed", limit=MAX_SIZE)
            x0 = read_param("X", lambda raw: decode_matrix(raw, "X"), x0, allowed)
            y0 = read_param("Y", lambda raw: decode_matrix(raw, "Y"), y0, allowed)
        _load(x0, y0)
        ss["mse_source"] = source

    size_help = t("mse.input.size_help", limit=MAX_SIZE)
    rows = top[2].number_input(t("mse.input.rows"), min_value=1, max_value=MAX_SIZE, key="mse_rows", help=size_help)
    cols = top[3].number_input(t("mse.input.cols"), min_value=1, max_value=MAX_SIZE, key="mse_cols", help=size_help)
    base_x, _ = ss["mse_base"]
    if (rows, cols) != (len(base_x), len(base_x[0])):
        cur_x, cur_y = ss["mse_current"]
        _load(resize(cur_x, rows, cols), resize(cur_y, rows, cols), set_shape=False)
    return preset_x, preset_y


def matrices(device: str) -> tuple[Matrix, Matrix]:
    """Draw the example row and both editors; the pair (X, Y) as typed, checked by computing its results
    once (cached, so the page's own call is free). Raises `InputError` naming a bad cell or both shapes."""
    ss = st.session_state
    preset_x, preset_y = _example()
    base_x, base_y = ss["mse_base"]
    left, right = st.columns(2)
    left.markdown(t("mse.input.x_label"))
    right.markdown(t("mse.input.y_label"))
    version = ss["mse_version"]
    cells = {
        "X": matrix_editor(base_x, key=f"mse_X_v{version}", container=left),
        "Y": matrix_editor(base_y, key=f"mse_Y_v{version}", container=right),
    }
    parsed, errors = {}, []
    for name, raw in cells.items():
        try:
            parsed[name] = parse_cells(name, raw)
        except InputError as error:
            errors.append(error)
    cur_x, cur_y = ss["mse_current"]  # a resize keeps the entries of an editor that still reads
    ss["mse_current"] = (parsed.get("X", cur_x), parsed.get("Y", cur_y))
    for error in errors[:-1]:  # both editors may hold a bad cell: name each, in page order
        show_input_error(error)
    if errors:
        raise errors[-1]
    x, y = parsed["X"], parsed["Y"]
    analyse(as_tuple(x), as_tuple(y), device)  # InputError for two shapes
    write_param("X", None if x == preset_x else encode_matrix(x))
    write_param("Y", None if y == preset_y else encode_matrix(y))
    return as_tuple(x), as_tuple(y)


def nothing_to_show() -> NoReturn:
    """Bad input before any valid pair: say what to do and stop (there is no last result to keep)."""
    st.info(t("mse.input.no_result"))
    st.stop()


def settings(pair: tuple[Matrix, Matrix], device: str) -> MSESettings:
    """The reduction control (below the editors) and the settings it completes."""
    reduction = url_select(
        "reduction",
        t("mse.input.reduction"),
        REDUCTIONS,
        default="mean",
        widget="segmented",
        format_func=lambda r: f"'{r}'",
    )
    return MSESettings(*pair, reduction=reduction, device=device)
