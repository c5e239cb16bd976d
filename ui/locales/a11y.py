"""Strings of the shared accessibility pieces (ui/a11y.py, ui/chart.py)."""

STRINGS = {
    "a11y.formula": ("Formula, scrolls sideways", "公式，可横向滚动"),
    "a11y.code": ("Code, scrolls sideways", "代码，可横向滚动"),
    "a11y.table": ("Table, scrolls sideways", "表格，可横向滚动"),
    "a11y.chart": ("Chart, scrolls sideways", "图表，可横向滚动"),
    "a11y.chart_data": ("The numbers behind this chart", "本图背后的数据"),
}
