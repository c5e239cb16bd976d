"""Strings shared by every page: the app shell, the sidebar, URL-state messages."""

STRINGS = {
    "app.title": ("Loss Lab", "Loss Lab 损失函数实验室"),
    "app.tagline": (
        "See every number PyTorch computes in a loss, its gradient and an optimizer step.",
        "看清 PyTorch 在损失、梯度和一步优化中算出的每一个数。",
    ),
    "sidebar.language": ("Language · 语言", "Language · 语言"),
    "sidebar.device": ("Compute device", "计算设备"),
    "sidebar.device_help": (
        "Where the tensors live. 'cuda' and 'mps' appear only when this machine has that hardware.",
        "张量所在的设备。只有本机有相应硬件时才会出现 'cuda' 和 'mps'。",
    ),
    "sidebar.versions": ("PyTorch {torch} · Streamlit {streamlit}", "PyTorch {torch} · Streamlit {streamlit}"),
    "state.bad_param": (
        "The link's parameter **{name}** = {value} is not allowed (allowed: {allowed}); the default is used.",
        "链接参数 **{name}** = {value} 不合法（允许：{allowed}），已改用默认值。",
    ),
    "state.integers": (", whole numbers", "，整数"),
    "state.at_most_chars": ("at most {n} characters", "最多 {n} 个字符"),
    "error.input": ("**Input problem:** {message}", "**输入有误：** {message}"),
    "error.kept_last": (
        "Showing the last valid result until the input is fixed.",
        "在输入修正之前，仍显示上一次有效的结果。",
    ),
}

STRINGS |= {
    "err.not_finite": (
        "{name} has a non-finite value {value} at index {index}; only finite numbers are allowed.",
        "{name} 在位置 {index} 处的值 {value} 不是有限数；只允许有限的数。",
    ),
    "err.shape": ("{name} has shape {shape}, expected {expected}.", "{name} 的形状是 {shape}，应为 {expected}。"),
    "err.not_number": ("{name} must be a finite number, got {value}.", "{name} 必须是有限的数，得到的是 {value}。"),
    "err.not_integer": ("{name} must be a whole number, got {value}.", "{name} 必须是整数，得到的是 {value}。"),
    "err.out_of_range": (
        "{name} must be in {interval}, got {value}.",
        "{name} 必须在 {interval} 之内，得到的是 {value}。",
    ),
}

STRINGS |= {
    "code.download": ("Download {file}", "下载 {file}"),
    # the optimizer fields of core/config.TrainConfig (the optimizers and classification pages)
    "err.nesterov_momentum": (
        "Nesterov momentum needs momentum > 0 (with 0 it is plain SGD).",
        "Nesterov 动量要求 momentum > 0（为 0 时就是普通 SGD）。",
    ),
    "err.betas": ("betas must be two numbers, got {value}.", "betas 必须是两个数，得到的是 {value}。"),
}
