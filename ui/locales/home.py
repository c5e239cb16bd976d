"""Strings of the Home page and of the navigation."""

STRINGS = {
    "nav.home": ("Home", "首页"),
    "home.intro": (
        "Loss Lab opens up what PyTorch does inside `nn.MSELoss`, `loss.backward()`, `torch.optim` and "
        "softmax / cross-entropy. Every number on these pages is computed live by PyTorch, and every one of them is a "
        "number you can derive by hand or reproduce with the code block each page gives you.",
        "Loss Lab 拆开 PyTorch 在 `nn.MSELoss`、`loss.backward()`、`torch.optim` 和 softmax / 交叉熵内部做的事。"
        "页面上的每个数都由 PyTorch 实时算出，每个数都可以手算推导，或用每页给出的代码块复现。",
    ),
    "home.topics": ("Topics", "主题"),
    "home.no_topics": ("No topic pages yet.", "还没有主题页面。"),
    "home.classroom": ("Using it in class", "课堂上怎么用"),
    "home.classroom_body": (
        "- **Share an exact view:** every control is kept in the address bar. Set up a page and open "
        "**Share this view** in the sidebar: the link it gives reopens the same numbers for everyone.\n"
        "- **Lesson links:** in the same panel, pick controls to hide; students who open that link see only "
        "the controls you left, as in TensorFlow Playground.\n"
        "- **Switch language for the whole class:** add `?lang=zh` (简体中文) or `?lang=en` to any link.\n"
        "- **Predict, then reveal:** turn on **Quiz me** in the sidebar; each topic page asks for predictions "
        "built from its current numbers, hides its results until they are revealed, and says how far off "
        "each guess was and why.\n"
        "- **Project it:** **Presenter mode** (`?present=true`) enlarges type and charts, raises contrast "
        "and collapses the sidebar.\n"
        "- **Worksheets:** with Quiz me on, each page offers a printable worksheet of its current state, "
        "with the answer key on a separate page.\n"
        "- **Take it home:** each page ends with a plain-PyTorch script that prints the same numbers.",
        "- **分享同一个画面：** 所有控件的取值都保存在地址栏里。设置好页面后打开侧边栏的**分享此视图**，"
        "得到的链接会让每个人看到完全相同的数。\n"
        "- **课堂链接：** 在同一面板中选择要隐藏的控件；学生打开该链接后只会看到你保留的控件，"
        "就像 TensorFlow Playground 那样。\n"
        "- **为全班切换语言：** 在任何链接后加上 `?lang=zh`（简体中文）或 `?lang=en`（English）。\n"
        "- **先预测，再揭晓：** 在侧边栏打开**考考我**；每个主题页会根据当前数值出题，在揭晓前隐藏结果，"
        "并告诉你每个预测差了多少、为什么。\n"
        "- **投影：** **投影模式**（`?present=true`）会放大字号和图表、提高对比度并收起侧边栏。\n"
        "- **练习单：** 打开考考我后，每页都可以下载当前状态的可打印练习单，答案在单独一页。\n"
        "- **带回家：** 每页末尾都有一段纯 PyTorch 脚本，运行后打印出相同的数。",
    ),
    "home.running_on": ("Running on", "运行环境"),
    "home.running_on_body": (
        "PyTorch **{torch}** on **{device}** ({threads} CPU threads). Change the device in the sidebar.",
        "PyTorch **{torch}**，设备 **{device}**（{threads} 个 CPU 线程）。可在侧边栏切换设备。",
    ),
}
