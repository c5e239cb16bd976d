"""The optimizers page's strings: STRINGS = {key: (english, chinese)}, keys `optimizers.<area>.<name>`."""

STRINGS = {
    "nav.optimizers": ("Optimizers: SGD to AdamW", "优化器：从 SGD 到 AdamW"),
    "optimizers.page.question": (
        "`backward()` only fills `.grad`: what do momentum, RMSprop and Adam then do with it — and why does everyone use Adam?",
        "`backward()` 只填好 `.grad`：动量、RMSprop 和 Adam 接着拿它做什么？为什么人人都用 Adam？",
    ),
    "optimizers.page.intro": (
        "The same linear regression, the same mini-batches (one seeded `DataLoader`), the same start: only the "
        "optimizer differs. Each one is one `torch.optim` call; the page runs it, records its state after every "
        "step under PyTorch's own names, and writes every update out with the numbers that went into it. "
        "The loss is `nn.MSELoss()`, the mean squared error (MSE).",
        "同一个线性回归、同样的小批量（同一个设了种子的 `DataLoader`）、同一个起点：只有优化器不同。"
        "每个优化器就是一次 `torch.optim` 调用；本页运行它，按 PyTorch 自己的名字记录每一步之后的状态，"
        "并把每次更新连同代入的数值一起写出来。损失是 `nn.MSELoss()`，即均方误差（MSE）。",
    ),
    "optimizers.page.settings": ("Settings", "设置"),
    "optimizers.page.sep": ("; ", "；"),
    "optimizers.page.upload_first": (
        "Upload a CSV file to train on it (or pick another data source).",
        "上传一个 CSV 文件即可在其上训练（或选择其他数据来源）。",
    ),
    "optimizers.page.ws_title": ("Optimizers, step {step}", "优化器：第 {step} 步"),
    "optimizers.tab.race": ("Race: paths and losses", "比赛：轨迹与损失"),
    "optimizers.tab.update": ("The update, written out", "写出每一次更新"),
    "optimizers.tab.code": ("Plain PyTorch scripts", "纯 PyTorch 脚本"),
    "optimizers.training": ("Training {name}: {total} steps…", "正在训练 {name}：共 {total} 步…"),
}

STRINGS |= {  # names and lessons
    "optimizers.name.torch_sgd": ("SGD", "SGD"),
    "optimizers.name.momentum": ("SGD + momentum", "SGD + 动量"),
    "optimizers.name.nesterov": ("SGD + Nesterov", "SGD + Nesterov 动量"),
    "optimizers.name.rmsprop": ("RMSprop", "RMSprop"),
    "optimizers.name.adam": ("Adam", "Adam"),
    "optimizers.name.adamw": ("AdamW", "AdamW"),
    "optimizers.lesson.free": ("Free play", "自由探索"),
    "optimizers.lesson.ill": ("One feature ×10: ill-conditioned", "一个特征放大 10 倍：病态条件"),
    "optimizers.lesson.scale": ("Rescale a feature: Adam vs SGD", "缩放一个特征：Adam 与 SGD"),
    "optimizers.lesson.nesterov": ("Nesterov vs classical momentum", "Nesterov 动量与经典动量"),
    "optimizers.lesson.decay": ("Weight decay: Adam vs AdamW", "权重衰减：Adam 与 AdamW"),
    "optimizers.lesson.lr": ("Too large a learning rate", "学习率过大"),
}

STRINGS |= {  # the settings panel
    "optimizers.input.lesson": ("Lesson", "课"),
    "optimizers.input.lesson_help": (
        "Each lesson sets the data and the optimizers that show one idea; a link with `lesson=` opens it. "
        "Change anything afterwards: the lesson's sentence follows the live numbers.",
        "每一课都设好能说明一个道理的数据和优化器；带 `lesson=` 的链接会直接打开它。之后可以随意修改：这一课的结论句跟随实时数值。",
    ),
    "optimizers.input.data": ("Data", "数据"),
    "optimizers.source.toy": ("6-sample example", "6 个样本的例子"),
    "optimizers.source.synthetic": ("Synthetic (d2l)", "合成数据（d2l）"),
    "optimizers.source.csv": ("Your CSV", "你的 CSV"),
    "optimizers.input.true_w": ("True w", "真实 w"),
    "optimizers.input.true_w_help": (
        "One weight per feature, separated by commas; at most {limit} features.",
        "每个特征一个权重，用逗号分隔；最多 {limit} 个特征。",
    ),
    "optimizers.input.true_b": ("True b", "真实 b"),
    "optimizers.input.n": ("Samples n", "样本数 n"),
    "optimizers.input.limit": ("At most {limit}.", "最多 {limit}。"),
    "optimizers.input.noise": ("Noise std", "噪声（标准差）"),
    "optimizers.input.data_seed": ("Data seed", "数据随机种子"),
    "optimizers.input.x0scale": ("Multiply feature x₀ by", "把特征 x₀ 乘以"),
    "optimizers.input.x0scale_help": (
        "0.001 … 1000. A feature on another scale makes the loss surface a long narrow valley "
        "(an ill-conditioned problem).",
        "0.001 … 1000。尺度不同的特征会把损失曲面变成又长又窄的山谷（病态问题）。",
    ),
    "optimizers.input.data_caption": (
        "{n} samples, {d} feature(s); x₀ multiplied by {scale}.",
        "{n} 个样本，{d} 个特征；x₀ 乘以 {scale}。",
    ),
    "optimizers.input.upload": (
        "CSV file with a header row (at most {limit} MB)",
        "带表头的 CSV 文件（最多 {limit} MB）",
    ),
    "optimizers.input.upload_help": (
        "At most {rows} rows; the target is one column, the features are the others (at most 20).",
        "最多 {rows} 行；目标是其中一列，其余列是特征（最多 20 个）。",
    ),
    "optimizers.input.target": ("Target column", "目标列"),
    "optimizers.input.csv_dropped": (
        "{count} row(s) with a missing or non-numeric cell are left out.",
        "有 {count} 行含缺失或非数值的单元格，已略去。",
    ),
    "optimizers.input.batch": ("Batch size", "批大小"),
    "optimizers.input.batch_help": (
        "1 … n = {n}; every optimizer sees the same batches.",
        "1 … n = {n}；每个优化器看到的批都相同。",
    ),
    "optimizers.input.epochs": ("Epochs", "训练轮数（epoch）"),
    "optimizers.input.epochs_help": (
        "At most {steps} steps per optimizer and epochs × n ≤ {visits}.",
        "每个优化器最多 {steps} 步，且训练轮数 × n ≤ {visits}。",
    ),
    "optimizers.input.seed": ("Shuffle seed", "打乱顺序的随机种子"),
    "optimizers.input.shuffle": ("Shuffle every epoch", "每轮打乱顺序"),
    "optimizers.input.w0": ("Initial w", "初始 w"),
    "optimizers.input.w0_help": (
        "One number per feature; empty: d2l's w ~ N(0, 0.01²) from the shuffle seed.",
        "每个特征一个数；留空：用打乱顺序的随机种子按 d2l 的方式抽取 w ~ N(0, 0.01²)。",
    ),
    "optimizers.input.b0": ("Initial b", "初始 b"),
    "optimizers.input.steps_caption": (
        "{total} steps per optimizer (limit {limit}).",
        "每个优化器 {total} 步（上限 {limit}）。",
    ),
    "optimizers.input.opts": ("Optimizers (two to six)", "优化器（两到六个）"),
    "optimizers.input.opts_help": (
        "Each one trains on the same batches from the same start; each is cached on its own.",
        "每个优化器都从同一起点、在同样的批上训练；每个的结果分别缓存。",
    ),
    "optimizers.input.opts_allowed": (
        "two or more of {codes}, separated by commas",
        "{codes} 中的两个或更多，用逗号分隔",
    ),
    "optimizers.input.list_allowed": ("numbers separated by commas", "用逗号分隔的数"),
    "optimizers.input.lr_help": ("The learning rate γ: 0 < lr ≤ {limit}.", "学习率 γ：0 < lr ≤ {limit}。"),
    "optimizers.input.unit_help": ("Allowed: 0 ≤ value < 1.", "允许：0 ≤ 取值 < 1。"),
    "optimizers.input.eps_help": (
        "ε, added to the denominator: 0 < eps ≤ 1.",
        "ε，加在分母上：0 < eps ≤ 1。",
    ),
    "optimizers.input.wd_help": (
        "λ: 0 ≤ weight_decay ≤ {limit}. Written out in every call (AdamW's own default is 0.01, the others' 0).",
        "λ：0 ≤ weight_decay ≤ {limit}。每次调用都会写明（AdamW 自己的默认值是 0.01，其他的是 0）。",
    ),
    "optimizers.input.torch_defaults": ("PyTorch's defaults", "PyTorch 默认值"),
    "optimizers.input.torch_defaults_help": (
        "Set lr and the other arguments to torch.optim's own defaults (momentum: 0.9, the usual choice; SGD's own is 0).",
        "把 lr 和其他参数设为 torch.optim 自己的默认值（动量取常用的 0.9；SGD 自己的默认值是 0）。",
    ),
    "err.optimizers_two": ("Pick at least two optimizers to compare.", "请至少选择两个优化器来比较。"),
}

STRINGS |= {  # warnings and lessons' sentences
    "optimizers.warn.diverged": (
        "{name} diverged at step {step}: its loss or parameters became inf or nan, so its run stops there "
        "(the steps before are kept).",
        "{name} 在第 {step} 步发散：损失或参数变成了 inf 或 nan，训练停在那里（之前的步骤保留）。",
    ),
    "optimizers.lesson.reached": (
        "reaches 1% of the optimum's loss at step {step}",
        "在第 {step} 步达到最优损失的 1% 以内",
    ),
    "optimizers.lesson.not_reached": (
        "has not reached 1% of the optimum's loss after {steps} steps",
        "{steps} 步后仍未达到最优损失的 1% 以内",
    ),
    "optimizers.lesson.diverged": ("diverges at step {step}", "在第 {step} 步发散"),
    "optimizers.lesson.ill_text": (
        "Feature x₀ is multiplied by {scale}, so the loss surface is a valley that curves {kappa} times more "
        "sharply across than along (the condition number of AᵀA). {verdicts}.",
        "特征 x₀ 乘以了 {scale}，于是损失曲面成了一条山谷：横向的弯曲程度是纵向的 {kappa} 倍（AᵀA 的条件数）。{verdicts}。",
    ),
    "optimizers.lesson.scale_text": (
        "With x₀ × {scale}, the first step moves w₀ by {moves}. Without the factor it moved it by {moves1}. "
        "SGD's step follows the gradient, which the factor multiplies; Adam's first step is about lr whatever the gradient's size.",
        "x₀ 乘以 {scale} 时，第一步让 w₀ 移动了 {moves}；不乘这个因子时移动了 {moves1}。"
        "SGD 的步长跟着梯度走，而梯度被这个因子放大了；Adam 的第一步无论梯度多大都约为 lr。",
    ),
    "optimizers.lesson.nesterov_text": (
        "Along the line from the start to the optimum, {overshoots}. {verdicts}.",
        "沿着从起点到最优点的直线看，{overshoots}。{verdicts}。",
    ),
    "optimizers.lesson.overshoot": ("{name} overshoots the optimum by {amount}", "{name} 越过最优点 {amount}"),
    "optimizers.lesson.decay_text": (
        "Both with weight_decay = {wd}: Adam ends at w = {w_adam}, AdamW at w = {w_adamw} (‖difference‖ = {gap}). "
        "Adam adds λθ to the gradient, so the decay is divided by √v̂ + ε like the rest of it; AdamW shrinks θ by "
        "γλθ directly.",
        "两者都设 weight_decay = {wd}：Adam 最终 w = {w_adam}，AdamW 最终 w = {w_adamw}（差的范数 = {gap}）。"
        "Adam 把 λθ 加进梯度，所以衰减也和梯度一样被 √v̂ + ε 除；AdamW 直接把 θ 缩小 γλθ。",
    ),
    "optimizers.lesson.decay_missing": (
        "Pick Adam and AdamW (with the same weight_decay > 0) to compare their decay.",
        "选择 Adam 和 AdamW（weight_decay 相同且 > 0）来比较它们的衰减。",
    ),
    "optimizers.lesson.lr_text": ("At these learning rates: {verdicts}.", "在这些学习率下：{verdicts}。"),
    "optimizers.lesson.lr_noisy": (
        "{name} (lr {lr}) stays finite: over its last epoch the full-data loss ranges from {low} to {high}",
        "{name}（lr {lr}）保持有限：最后一轮里全数据损失在 {low} 到 {high} 之间",
    ),
    "optimizers.lesson.lr_growing": (
        "{name} (lr {lr}) is diverging: its full-data loss grows from {start} to {end}",
        "{name}（lr {lr}）正在发散：全数据损失从 {start} 增长到 {end}",
    ),
    "optimizers.lesson.lr_diverged": (
        "{name} (lr {lr}) diverges at step {step}",
        "{name}（lr {lr}）在第 {step} 步发散",
    ),
    "optimizers.lesson.need": (
        "This lesson compares {names}: pick them to see it.",
        "这一课比较 {names}：选上它们即可看到。",
    ),
}

STRINGS |= {  # the race tab
    "optimizers.race.table": ("Who gets there, and when", "谁先到达、何时到达"),
    "optimizers.race.col_name": ("optimizer", "优化器"),
    "optimizers.race.col_call": ("torch.optim call", "torch.optim 调用"),
    "optimizers.race.col_final": ("final loss", "最终损失"),
    "optimizers.race.col_reached": ("step within 1% of the optimum's loss", "进入最优损失 1% 以内的步"),
    "optimizers.race.never": ("not within this run", "本次训练中未达到"),
    "optimizers.race.diverged_at": ("diverged at step {step}", "第 {step} 步发散"),
    "optimizers.race.optimum": (
        "The optimum (normal equation) has MSE {loss}.",
        "最优解（正规方程）的 MSE 为 {loss}。",
    ),
    "optimizers.race.curves": ("Full-data loss after each step", "每一步之后的全数据损失"),
    "optimizers.race.x_step": ("step", "步"),
    "optimizers.race.y_loss": ("MSE on all the data", "全部数据上的 MSE"),
    "optimizers.race.curves_summary": (
        "The full-data MSE from the start to the last step, one line per optimizer (the optimum's: {optimum}): {items}.",
        "从起点到最后一步的全数据 MSE，每个优化器一条线（最优值：{optimum}）：{items}。",
    ),
    "optimizers.race.curve_item": ("{name} {start} → {end}", "{name} {start} → {end}"),
    "optimizers.race.col_epoch": ("epoch", "轮"),
    "optimizers.race.surface": ("Paths on the loss surface", "损失曲面上的轨迹"),
    "optimizers.race.pa": ("Horizontal axis", "横轴"),
    "optimizers.race.pb": ("Vertical axis", "纵轴"),
    "optimizers.race.same_axes": ("Pick two different parameters.", "请选择两个不同的参数。"),
    "optimizers.race.slice": (
        "A 2-D slice of a {dims}-dimensional surface: {held} held at the optimum's values; each path is drawn "
        "projected onto it.",
        "这是 {dims} 维曲面的一个二维切片：{held} 固定在最优点的取值上；每条轨迹画的是它在切片上的投影。",
    ),
    "optimizers.race.surface_summary": (
        "Loss surface over {a} and {b}, lowest at the optimum ({a_star}, {b_star}); from the start ({a0}, {b0}) "
        "the paths end at {ends}.",
        "{a} 与 {b} 上的损失曲面，最低点在最优点（{a_star}, {b_star}）；各轨迹从起点（{a0}, {b0}）出发，终点为 {ends}。",
    ),
    "optimizers.race.end_item": ("{name} ({a}, {b})", "{name}（{a}, {b}）"),
    "optimizers.race.mark_start": ("start", "起点"),
    "optimizers.race.mark_optimum": ("optimum", "最优点"),
    "optimizers.race.col_a": ("value on the horizontal axis", "横轴取值"),
    "optimizers.race.col_b": ("value on the vertical axis", "纵轴取值"),
    "optimizers.race.col_order": ("step", "步"),
}

STRINGS |= {  # the update tab
    "optimizers.update.step": ("Step", "步"),
    "optimizers.update.step_help": (
        "1 … {last}: the steps of the longest run; every optimizer saw the same batch at each step.",
        "1 … {last}：最长一次训练的各步；每一步所有优化器看到的是同一批数据。",
    ),
    "optimizers.update.coord": ("Parameter", "参数"),
    "optimizers.update.intro": (
        "Step {step} for {param}, in the symbols of PyTorch's algorithm boxes: γ = lr, λ = weight_decay, "
        "g = {param}.grad, t = the step. The state values are read from the run's torch.optim state.",
        "第 {step} 步的 {param}，用 PyTorch 算法框里的符号：γ = lr，λ = weight_decay，g = {param}.grad，t = 步数。"
        "状态的数值读自这次训练的 torch.optim 状态。",
    ),
    "optimizers.update.not_reached": (
        "{name} diverged at step {step}, before this step.",
        "{name} 在第 {step} 步已发散，没有走到这一步。",
    ),
    "optimizers.update.agree": (
        "The hand-written update (`core/optimizers.py`) from the same gradient and the state before gives the "
        "same parameters and state: largest difference {diff}.",
        "手写的更新（`core/optimizers.py`）从同一个梯度和之前的状态出发，得到相同的参数和状态：最大差 {diff}。",
    ),
    "optimizers.update.state_table": ("State after step {step}, all parameters", "第 {step} 步之后的状态（所有参数）"),
    "optimizers.update.col_param": ("parameter", "参数"),
    "optimizers.update.col_before": ("before the step", "这一步之前"),
    "optimizers.update.col_after": ("after the step", "这一步之后"),
}

STRINGS |= {  # the code tab and the quiz
    "optimizers.code.intro": (
        "One self-contained script per optimizer: `nn.Linear`, `nn.MSELoss()`, the seeded `DataLoader` and the "
        "optimizer's own `torch.optim` call. Each prints the same final w and b as the run on this page (to 1e-5).",
        "每个优化器一个独立脚本：`nn.Linear`、`nn.MSELoss()`、设了种子的 `DataLoader` 和该优化器自己的 `torch.optim` 调用。"
        "每个脚本打印的最终 w 和 b 与本页的训练结果一致（误差在 1e-5 以内）。",
    ),
    "optimizers.code.too_big": (
        "The table is too large to write into a script ({values} values; at most {limit}).",
        "表格太大，无法写进脚本（{values} 个数；最多 {limit} 个）。",
    ),
    "optimizers.quiz.momentum": (
        "{name}, step {step}: with momentum μ = {mu}, the buffer before b = {before} and g = w₀.grad = {grad}, "
        "what is the momentum buffer b for w₀ after the step?",
        "{name} 第 {step} 步：动量 μ = {mu}，之前的缓冲 b = {before}，g = w₀.grad = {grad}，这一步之后 w₀ 的动量缓冲 b 是多少？",
    ),
    "optimizers.quiz.momentum_reason": (
        "b ← μ·b + g = {mu}·{before} + {grad} = {answer} (on the first step b ← g).",
        "b ← μ·b + g = {mu}·{before} + {grad} = {answer}（第一步时 b ← g）。",
    ),
    "optimizers.quiz.adam_first": (
        "{name}, step 1: lr = {lr} and w₀.grad = {grad}. By how much does w₀ move (|Δw₀|)?",
        "{name} 第 1 步：lr = {lr}，w₀.grad = {grad}。w₀ 移动了多少（|Δw₀|）？",
    ),
    "optimizers.quiz.adam_first_reason": (
        "On step 1, m̂ = g and v̂ = g², so the step is γ·|g| / (|g| + ε) ≈ γ = {lr} whatever the gradient's size; "
        "here {answer}.",
        "第 1 步时 m̂ = g、v̂ = g²，所以步长是 γ·|g| / (|g| + ε) ≈ γ = {lr}，与梯度大小无关；这里是 {answer}。",
    ),
    "optimizers.quiz.square_avg": (
        "{name}, step {step}: with α = {alpha}, square_avg before v = {before} and g = w₀.grad = {grad}, what is "
        "square_avg v for w₀ after the step?",
        "{name} 第 {step} 步：α = {alpha}，之前的 square_avg v = {before}，g = w₀.grad = {grad}，这一步之后 w₀ 的 square_avg v 是多少？",
    ),
    "optimizers.quiz.square_avg_reason": (
        "v ← α·v + (1 − α)·g² = {alpha}·{before} + {rest}·{grad}² = {answer}.",
        "v ← α·v + (1 − α)·g² = {alpha}·{before} + {rest}·{grad}² = {answer}。",
    ),
    "optimizers.quiz.first": (
        "Number the optimizers {numbered}. Which one first brings the full-data loss within 1% of the optimum's? "
        "(0: none within this run.)",
        "给优化器编号：{numbered}。哪一个最先让全数据损失进入最优损失的 1% 以内？（0：本次训练中都没有。）",
    ),
    "optimizers.quiz.first_reason": ("Steps to within 1%: {steps}.", "进入 1% 以内所需的步数：{steps}。"),
    "optimizers.quiz.none": ("never", "从未"),
}
