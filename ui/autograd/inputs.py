"""The autograd page's settings: the preset's numbers (each a widget kept in the URL) and the optimizer's.

Everything counts from 0, as Python and PyTorch do (X₀₀ is X[0, 0], z₀ is z[0, 0], class 0 is the
first); the URL keys of the numbers (ag_x11, ag_w1, ag_z1, …) kept their 1-based names so that old
links still open, and each input's help says which key it is.
"""

from __future__ import annotations

from core.autograd_presets import SCALAR_FNS, ChainInputs, LinearInputs, SoftmaxInputs
from ui.i18n import t
from ui.state import url_number, url_select, url_toggle

PRESETS = ["linear", "chain", "softmax_ce"]
FNS = list(SCALAR_FNS)
FN_LABELS = {"square": "u²", "sin": "sin(u)", "exp": "exp(u)", "tanh": "tanh(u)", "sigmoid": "σ(u) = 1/(1+e⁻ᵘ)"}
SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def sub(index: int) -> str:
    """A 0-based index as subscript digits: 0 -> ₀."""
    return str(index).translate(SUBSCRIPTS)


def preset_label(preset: str) -> str:
    return t(f"autograd.preset_{preset}")


def fn_name(code: str) -> str:
    return FN_LABELS[code]


def read_inputs(preset: str, box) -> tuple:
    """The preset's editable numbers (and function choices), each a widget kept in the URL, drawn in the
    expander `box` while it is open; closed, they are read without drawing (the formula shows them)."""
    draw = box.open

    def columns(spec, parent=box, **kwargs) -> list:
        return parent.columns(spec, **kwargs) if draw else [None] * (spec if isinstance(spec, int) else len(spec))

    def number(key: str, label: str, python: str, default: float, container, **limits) -> float:
        limits = limits or dict(min_value=-100.0, max_value=100.0, step=0.5)
        help_text = t("autograd.url_key_help", python=python, param=key)
        return url_number(key, label, default=default, container=container, help=help_text, draw=draw, **limits)

    if preset == "linear":
        d = LinearInputs()
        data, params = columns([3, 2], gap="large")
        if draw:
            data.markdown(t("autograd.data_heading"))
        xs, ys = [], []
        for i in range(3):
            cells = columns(3, data)
            for j in range(2):
                xs.append(number(f"ag_x{i + 1}{j + 1}", f"X{sub(i)}{sub(j)}", f"X[{i}, {j}]", d.X[i][j], cells[j]))
            ys.append(number(f"ag_y{i + 1}", f"y{sub(i)}", f"y[{i}, 0]", d.y[i], cells[2]))
        if draw:
            params.markdown(t("autograd.params_heading"))
        cells = columns(3, params)
        w = [number(f"ag_w{j + 1}", f"w{sub(j)}", f"w[0, {j}]", d.w[j], cells[j]) for j in range(2)]
        b = number("ag_b", "b", "b[0]", d.b, cells[2])
        return (*xs, *ys, *w, b)
    if preset == "chain":
        d = ChainInputs()
        c1, c2, c3 = columns(3)
        x = url_number("ag_cx", "x", default=d.x, min_value=-10.0, max_value=10.0, step=0.1, container=c1, draw=draw)
        fn = dict(format_func=fn_name, draw=draw)
        g = url_select("ag_g", t("autograd.inner_fn"), FNS, default=d.g, container=c2, **fn)
        f = url_select("ag_f", t("autograd.outer_fn"), FNS, default=d.f, container=c3, **fn)
        return (x, g, f)
    d = SoftmaxInputs()
    cells = columns(4)
    limits = dict(min_value=-50.0, max_value=50.0, step=0.1)
    logits = [number(f"ag_z{k + 1}", f"z{sub(k)}", f"z[0, {k}]", d.logits[k], cells[k], **limits) for k in range(3)]
    target = url_select(
        "ag_t",
        t("autograd.target"),
        ["0", "1", "2"],
        default=str(d.target),
        container=cells[3],
        help=t("autograd.target_help"),
        draw=draw,
    )
    return (*logits, int(target))


def optimizer_given(preset: str, only_w: bool) -> tuple[str, ...] | None:
    return ("w",) if only_w and preset == "linear" else None


def optimizer_settings(preset: str, tab) -> tuple[float, bool]:
    """The optimizer tab's lr and its "give only w" switch, drawn in `tab`; with no tab (it is closed)
    they are read without drawing, for the quiz asks about them."""
    draw = tab is not None
    lr_col = given_col = None
    if draw:
        tab.markdown(t("autograd.optim_intro"))
        lr_col, given_col = tab.columns(2)
    lr = url_number(
        "ag_lr",
        t("autograd.lr"),
        default=0.1,
        min_value=0.001,
        max_value=10.0,
        step=0.05,
        format="%.3f",
        container=lr_col,
        draw=draw,
    )
    if preset != "linear":
        return lr, False
    only_w = url_toggle("ag_ow", t("autograd.only_w"), help=t("autograd.only_w_help"), container=given_col, draw=draw)
    return lr, only_w
