"""Strings of the Home page and of the navigation."""

STRINGS = {
    "nav.home": ("Home", "首页"),
    "home.intro": (
        "Loss Lab opens up what PyTorch does inside `nn.MSELoss`, `loss.backward()`, `optim.SGD` and "
        "softmax. Every number on these pages is computed live by PyTorch, and every one of them is a "
        "number you can derive by hand or reproduce with the code block each page gives you.",
        "Loss Lab 拆开 PyTorch 在 `nn.MSELoss`、`loss.backward()`、`optim.SGD` 和 softmax 内部做的事。"
        "页面上的每个数都由 PyTorch 实时算出，每个数都可以手算推导，或用每页给出的代码块复现。",
    ),
    "home.topics": ("Topics", "主题"),
    "home.no_topics": ("No topic pages yet.", "还没有主题页面。"),
    "home.classroom": ("Using it in class", "课堂上怎么用"),
    "home.classroom_body": (
        "- **Share an exact view:** every control is kept in the address bar. Set up a page, copy the "
        "link, and whoever opens it sees the same numbers.\n"
        "- **Switch language for the whole class:** add `?lang=zh` (简体中文) or `?lang=en` to any link.\n"
        "- **Predict, then reveal:** ask the class for the loss or a gradient entry before you scroll to it; "
        "every formula on the page is written out with the live numbers, so the reveal is also the derivation.\n"
        "- **Take it home:** each page ends with a plain-PyTorch script that prints the same numbers.",
        "- **分享同一个画面：** 所有控件的取值都保存在地址栏里。设置好页面后复制链接，打开链接的人看到的数完全相同。\n"
        "- **为全班切换语言：** 在任何链接后加上 `?lang=zh`（简体中文）或 `?lang=en`（English）。\n"
        "- **先预测，再揭晓：** 先让学生说出损失或某个梯度分量，再滚动到结果；页面上每个公式都代入了实时数值，"
        "揭晓的同时就是推导过程。\n"
        "- **带回家：** 每页末尾都有一段纯 PyTorch 脚本，运行后打印出相同的数。",
    ),
    "home.running_on": ("Running on", "运行环境"),
    "home.running_on_body": (
        "PyTorch **{torch}** on **{device}** ({threads} CPU threads). Change the device in the sidebar.",
        "PyTorch **{torch}**，设备 **{device}**（{threads} 个 CPU 线程）。可在侧边栏切换设备。",
    ),
}
