"""Strings of the page "Linear regression by SGD"."""

STRINGS = {
    "nav.regression": ("Linear regression by SGD", "用 SGD 训练线性回归"),
    "regression.page.question": (
        "What does one `optimizer.step()` do to w and b — and who makes SGD stochastic?",
        "一次 `optimizer.step()` 对 w 和 b 做了什么？让 SGD 变得“随机”的又是谁？",
    ),
    "regression.page.intro": (
        "A linear model ŷ = Xw + b trained batch after batch, as `nn.Linear`, `nn.MSELoss`, `loss.backward()` and `optim.SGD` do it. "
        "Walk through the steps one at a time: every loss, every `w.grad` and `b.grad`, and every update is shown with the numbers that went into it. "
        "The defaults are the six-sample example worked by hand in the tutorial (initial w = [1, 2] and b = 0, learning rate 0.5, batch size 3, first batch = samples 5, 1, 0). "
        "Learning rate 0.5 reproduces the hand-worked first step, and it is far too large for this data: "
        "the box under the settings shows what happens next, why, and the learning rate that fixes it.",
        "线性模型 ŷ = Xw + b 按批次逐步训练，过程与 `nn.Linear`、`nn.MSELoss`、`loss.backward()` 和 `optim.SGD` 完全相同。"
        "可以一步一步地看：每一步的损失、`w.grad` 和 `b.grad`，以及每一次参数更新，都代入了实际的数值。"
        "默认设置就是教程里手算的 6 个样本的例子（初始 w = [1, 2]、b = 0，学习率 0.5，批大小 3，第一批为样本 5、1、0）。"
        "学习率 0.5 能复现手算的第一步，但对这份数据来说它大得多："
        "设置下方的提示框会说明接下来发生了什么、为什么，以及能解决问题的学习率。",
    ),
    "regression.page.settings": ("Data and training settings", "数据与训练设置"),
    "regression.data.label": ("Data", "数据"),
    "regression.data.source_toy": ("6-sample example", "6 个样本的例子"),
    "regression.data.source_synthetic": ("Synthetic (d2l)", "合成数据（d2l）"),
    "regression.data.source_csv": ("Your CSV", "你的 CSV"),
    "regression.data.toy_caption": (
        "Six houses with two features each (X is 6×2, y is 6×1), from the tutorial's hand computation.",
        "6 套房子，每套有两个特征（X 为 6×2，y 为 6×1），来自教程中的手算例子。",
    ),
    "regression.data.true_w": ("True w (comma-separated)", "真实的 w（用逗号分隔）"),
    "regression.data.true_w_help": (
        "One number per feature, 1 to {limit} features. The data: X ~ N(0, 1), y = Xw + b + N(0, noise²).",
        "每个特征一个数，共 1 到 {limit} 个特征。数据生成方式：X ~ N(0, 1)，y = Xw + b + N(0, noise²)。",
    ),
    "regression.data.true_b": ("True b", "真实的 b"),
    "regression.data.n": ("Samples n", "样本数 n"),
    "regression.data.limit": ("At most {limit}.", "最多 {limit}。"),
    "regression.data.noise": ("Noise (standard deviation)", "噪声（标准差）"),
    "regression.data.seed": ("Data seed", "数据随机种子"),
    "regression.data.synthetic_caption": (
        "{samples}, d = {d} (one feature per number in true w; 1–{limit} allowed).",
        "{samples}，d = {d}（真实 w 中每个数对应一个特征；允许 1–{limit} 个）。",
    ),
    "regression.data.upload": (
        "CSV file with a header row (at most {limit} MB)",
        "带表头的 CSV 文件（最多 {limit} MB）",
    ),
    "regression.data.upload_help": (
        "Comma-separated, UTF-8, at most {rows} rows; choose up to {features} feature columns and one target. "
        "Cells are only read as numbers, never evaluated; the file is not stored.",
        "逗号分隔、UTF-8 编码，最多 {rows} 行；最多选 {features} 个特征列和一个目标列。"
        "单元格只会被当作数字读取，绝不会被执行；文件不会被保存。",
    ),
    "regression.data.upload_first": (
        "Upload a CSV file to train on your own data (or choose another data source above).",
        "请上传一个 CSV 文件，用你自己的数据来训练（或在上方选择其他数据来源）。",
    ),
    "regression.data.target": ("Target column y", "目标列 y"),
    "regression.data.features_help": (
        "Kept in the link as `feat=size|age` (the file itself is not: whoever opens the link uploads it again).",
        "以 `feat=size|age` 的形式保存在链接中（文件本身不会保存：打开链接的人需要重新上传）。",
    ),
    "regression.data.features": ("Feature columns X (1 to {limit})", "特征列 X（1 到 {limit} 列）"),
    "regression.data.csv_issue": (
        "Column **{column}**: {missing} missing and {bad} non-numeric cells (first rows: {rows}).",
        "列 **{column}**：{missing} 个缺失值，{bad} 个非数字单元格（最先出现的行：{rows}）。",
    ),
    "regression.data.csv_dropped": (
        "Rows left out because a chosen column has no number there ({count} in all): {rows}.",
        "以下各行被排除，因为所选的列在这些行没有数字（共 {count} 行）：{rows}。",
    ),
    "regression.data.csv_caption": (
        "{rows}, {features}. In these messages rows are numbered from 1 for the first data row; the sample indices of "
        "the batches count the usable rows from 0, as the DataLoader does.",
        "{rows}，{features}。上面提示中的行号从第一行数据开始记为 1；批次中的样本编号则像 DataLoader 一样，"
        "从 0 开始数可用的行。",
    ),
    "regression.train.lr": ("Learning rate η", "学习率 η"),
    "regression.train.lr_help": ("Greater than 0, at most {limit}.", "大于 0，最多 {limit}。"),
    "regression.train.batch": ("Batch size", "批大小"),
    "regression.train.batch_help": (
        "1 … n (here n = {n}). n is full-batch GD. With shuffling, 1 is stochastic GD (SGD) and anything between is "
        "mini-batch SGD; without it, the batches are the same every epoch, visited in a fixed cycle "
        "(incremental or cyclic GD).",
        "1 … n（此处 n = {n}）。n 是全批量梯度下降。打乱顺序时，1 是随机梯度下降（SGD），介于两者之间的是小批量随机梯度下降；"
        "不打乱时，每轮的批次都相同，按固定的顺序循环（增量梯度下降，也称循环梯度下降）。",
    ),
    "regression.train.regime_now": (
        "Batch {batch} of n = {n} → **{regime}**",
        "批大小 {batch}，n = {n} → **{regime}**",
    ),
    "regression.regime.sgd": ("SGD (shuffled)", "随机梯度下降（SGD，打乱顺序）"),
    "regression.regime.cyclic": ("incremental GD (fixed order)", "增量梯度下降（顺序固定）"),
    "regression.regime.mini": ("mini-batch SGD (shuffled)", "小批量随机梯度下降（打乱顺序）"),
    "regression.regime.mini_cyclic": ("cyclic mini-batch GD (fixed batches)", "循环小批量梯度下降（批次固定）"),
    "regression.regime.full": ("full-batch GD", "全批量梯度下降"),
    "regression.train.epochs": ("Epochs", "训练轮数（epoch）"),
    "regression.train.epochs_help": (
        "At most {steps} steps in all, and epochs × n at most {visits}.",
        "总步数最多 {steps}，且 轮数 × n 最多 {visits}。",
    ),
    "regression.train.seed": ("Shuffle seed", "打乱顺序的随机种子"),
    "regression.train.steps_caption": (
        "{spe} per epoch, {total} in all (limit {limit}).",
        "每轮 {spe}，共 {total}（上限 {limit}）。",
    ),
    "regression.train.shuffle": ("Shuffle every epoch", "每轮打乱顺序"),
    "regression.train.shuffle_help": (
        "`DataLoader(..., shuffle=True, generator=torch.Generator().manual_seed(seed))`: a new order each epoch, the same one for the same seed.",
        "`DataLoader(..., shuffle=True, generator=torch.Generator().manual_seed(seed))`：每轮一个新顺序，种子相同则顺序相同。",
    ),
    "regression.model.loss": ("Loss convention", "损失的写法"),
    "regression.model.loss_mean": ("mean: MSELoss()", "mean：MSELoss()"),
    "regression.model.loss_sum": ("sum: MSELoss(reduction='sum')", "sum：MSELoss(reduction='sum')"),
    "regression.model.loss_sum_over_batch": (
        "sum ÷ batch size: MSELoss(reduction='sum') / len(y)",
        "求和再除以批大小：MSELoss(reduction='sum') / len(y)",
    ),
    "regression.model.loss_half_mean": (
        "d2l: squared_loss ½(ŷ − y)², sum ÷ batch size",
        "d2l：squared_loss ½(ŷ − y)²，求和再除以批大小",
    ),
    "regression.model.optimizer": ("Update", "参数更新"),
    "regression.model.opt_torch_sgd": ("torch.optim.SGD", "torch.optim.SGD"),
    "regression.model.opt_manual": ("by hand: θ ← θ − η·∇θ", "手写：θ ← θ − η·∇θ"),
    "regression.model.optimizer_help": (
        "`torch.optim.SGD(params, lr)` with its defaults momentum=0, dampening=0, weight_decay=0, nesterov=False, "
        "maximize=False computes exactly θ ← θ − η·∇θ; by hand, the same update is written out.",
        "`torch.optim.SGD(params, lr)` 在默认参数 momentum=0、dampening=0、weight_decay=0、nesterov=False、"
        "maximize=False 下，计算的正是 θ ← θ − η·∇θ；手写则把同样的更新直接写出来。",
    ),
    "regression.model.w0": ("Initial w (empty: d2l's random init)", "初始 w（留空：d2l 的随机初始化）"),
    "regression.model.w0_help": (
        "One number per feature, e.g. `1, 2`. Empty draws w ~ N(0, 0.01²) from the shuffle seed, as d2l does.",
        "每个特征一个数，例如 `1, 2`。留空时按 d2l 的做法，用打乱顺序的种子抽取 w ~ N(0, 0.01²)。",
    ),
    "regression.model.b0": ("Initial b", "初始 b"),
    "regression.model.order": ("First epoch's order (sample indices)", "第一轮的样本顺序（样本编号）"),
    "regression.model.order_help": (
        "The tutorial's hand computation starts with rows 5, 1, 0; the remaining rows follow in order. Empty: the DataLoader's order (with seed 0 it happens to start with 5, 1, 0 too).",
        "教程的手算从第 5、1、0 行开始；其余的行按原顺序排在后面。留空：使用 DataLoader 的顺序（种子为 0 时，它恰好也从 5、1、0 开始）。",
    ),
    "regression.page.list_allowed": ("numbers separated by commas", "用逗号分隔的数"),
    "regression.page.progress": ("Training… step {done} of {total}", "训练中…第 {done} 步，共 {total} 步"),
    "regression.control.one_step": ("This run has a single step.", "这次训练只有一步。"),
    "regression.control.first_step": ("First", "第一步"),
    "regression.control.prev_step": ("Back", "上一步"),
    "regression.control.next_step": ("Next", "下一步"),
    "regression.control.last_step": ("Last", "最后一步"),
    "regression.control.step_slider": ("Step (1 … {total})", "第几步（1 … {total}）"),
    "regression.tab.step": ("One step", "单步详解"),
    "regression.tab.curves": ("Loss and trajectory", "损失与轨迹"),
    "regression.tab.regimes": ("GD, mini-batch, SGD", "GD、小批量与 SGD"),
    "regression.tab.result": ("Result and code", "结果与代码"),
    "regression.step.title": (
        "Step {step} of {total} (epoch {epoch}, batch {k})",
        "第 {step} 步，共 {total} 步（第 {epoch} 轮，第 {k} 批）",
    ),
    "regression.step.where": (
        "`loss.backward()` puts ∇w and ∇b into `w.grad` and `b.grad`; `optimizer.step()` subtracts η times them. "
        "With its defaults (momentum=0, dampening=0, weight_decay=0, nesterov=False, maximize=False) that is all "
        "`optim.SGD` does; which samples are in the batch I was decided by the DataLoader.",
        "`loss.backward()` 把 ∇w 和 ∇b 存进 `w.grad` 和 `b.grad`；`optimizer.step()` 再减去它们的 η 倍。"
        "在默认参数（momentum=0、dampening=0、weight_decay=0、nesterov=False、maximize=False）下，"
        "`optim.SGD` 做的就只有这些；批次 I 里有哪些样本，是由 DataLoader 决定的。",
    ),
    "regression.step.batch_table": (
        "**This step's batch** ({samples}), with ŷ computed from w and b before the step:",
        "**这一步的批次**（{samples}），ŷ 用更新前的 w 和 b 计算：",
    ),
    "regression.step.batch_rows_cut": (
        "Showing the first {shown} of {count} rows.",
        "只显示 {count} 行中的前 {shown} 行。",
    ),
    "regression.step.col_sample": ("sample", "样本"),
    "regression.step.col_y": ("y", "y"),
    "regression.step.col_yhat": ("ŷ", "ŷ"),
    "regression.step.col_residual": ("ŷ − y", "ŷ − y"),
    "regression.step.line_before": ("before the step", "更新前"),
    "regression.step.line_after": ("after the step", "更新后"),
    "regression.step.axis_yhat": ("prediction ŷ (before the step)", "预测值 ŷ（更新前）"),
    "regression.step.batch_highlight": (
        "The current batch is drawn as larger orange diamonds; the other samples are small grey dots.",
        "当前批次画成较大的橙色菱形，其余样本为灰色小圆点。",
    ),
    "regression.step.step_table": (
        "**Steps {first}–{last} of {total}** (▶ marks the selected one; the full history is a CSV download in the last tab).",
        "**第 {first}–{last} 步，共 {total} 步**（▶ 标出所选的一步；完整历史可在最后一个标签页下载 CSV）。",
    ),
    "regression.step.col_step": ("step", "步"),
    "regression.step.col_epoch": ("epoch", "轮"),
    "regression.step.col_batch": ("batch indices", "批次样本编号"),
    "regression.step.col_loss": ("loss", "损失"),
    "regression.curves.loss_title": ("Loss per step and per epoch", "每一步与每一轮的损失"),
    "regression.curves.series_batch": ("batch loss (each step)", "批次损失（每一步）"),
    "regression.curves.series_epoch": ("full-data loss (after each epoch)", "全部数据上的损失（每轮结束后）"),
    "regression.curves.axis_step": ("step", "步"),
    "regression.curves.axis_loss": ("loss", "损失"),
    "regression.curves.loss_caption": (
        "The batch loss jumps around because each batch is a different sample of the data; the loss on all the data after each epoch is the smooth one.",
        "批次损失上下跳动，是因为每个批次抽到的样本不同；每轮结束后在全部数据上算的损失则平滑得多。",
    ),
    "regression.curves.surface_title": ("The path on the loss surface", "损失曲面上的路径"),
    "regression.curves.param_a": ("Horizontal axis", "横轴"),
    "regression.curves.param_b": ("Vertical axis", "纵轴"),
    "regression.curves.run_this": ("this run (batch {batch})", "本次训练（批大小 {batch}）"),
    "regression.curves.mark_optimum": ("optimum", "最优解"),
    "regression.curves.mark_current": ("now", "当前"),
    "regression.curves.surface_caption": (
        "Colour: the loss on all the data as a function of {a} and {b}, the other parameters held at the normal-equation optimum. "
        "The diamond marks the closed-form optimum θ* = (AᵀA)⁻¹Aᵀy with A = [X, 1].",
        "颜色表示全部数据上的损失随 {a} 和 {b} 的变化，其他参数固定在正规方程的最优解上。"
        "菱形标出闭式最优解 θ* = (AᵀA)⁻¹Aᵀy，其中 A = [X, 1]。",
    ),
    "regression.curves.distance_title": ("Distance to the optimum", "到最优解的距离"),
    "regression.curves.axis_distance": ("‖θ − θ*‖", "‖θ − θ*‖"),
    "regression.regimes.intro": (
        "`torch.optim.SGD` with its defaults (momentum=0, dampening=0, weight_decay=0, nesterov=False, maximize=False) "
        "only computes θ ← θ − η·∇θ from whatever gradient `backward()` left behind: it never sees the data set. "
        "The **DataLoader** decides what kind of gradient descent it is, by its batch size and by shuffling: batch size n "
        "is full-batch GD; 1 with shuffling is stochastic GD (SGD), and 1 in a fixed order cycles through the samples "
        "(incremental or cyclic GD); anything between is mini-batch SGD with shuffling and cyclic mini-batch GD "
        "(the same batches every epoch) without.",
        "`torch.optim.SGD` 在默认参数（momentum=0、dampening=0、weight_decay=0、nesterov=False、maximize=False）下，"
        "只是用 `backward()` 留下的梯度计算 θ ← θ − η·∇θ，它根本看不到数据集。"
        "决定是哪一种梯度下降的是 **DataLoader** 的批大小和是否打乱顺序：批大小为 n 是全批量梯度下降；"
        "为 1 且打乱顺序是随机梯度下降（SGD），为 1 但顺序固定则是按固定顺序循环遍历样本（增量梯度下降，也称循环梯度下降）；"
        "介于两者之间时，打乱顺序是小批量随机梯度下降，不打乱则是循环小批量梯度下降（每轮批次相同）。",
    ),
    "regression.regimes.strip_title": ("Which samples went into which batch", "哪些样本进了哪个批次"),
    "regression.regimes.strip_epoch": ("epoch {epoch}", "第 {epoch} 轮"),
    "regression.regimes.strip_x": (
        "position in the epoch (colour and thick lines: batches; number: sample index)",
        "在本轮中的位置（颜色和粗线：批次；数字：样本编号）",
    ),
    "regression.regimes.strip_shuffled": (
        "With shuffling, every epoch draws a new order from the seeded generator: that, not `optim.SGD`, is the stochastic part.",
        "打乱顺序时，每一轮都从带种子的生成器中抽取一个新的顺序：随机性来自这里，而不是来自 `optim.SGD`。",
    ),
    "regression.regimes.strip_fixed": (
        "Shuffling is off: every epoch repeats the same order, so every epoch sees the same batches.",
        "没有打乱顺序：每一轮都重复同样的顺序，因此每一轮看到的批次完全相同。",
    ),
    "regression.regimes.compare_title": ("Batch sizes {sizes} side by side", "批大小 {sizes} 的对比"),
    "regression.regimes.compare_toggle": (
        "Train each of these batch sizes and compare",
        "分别用这几种批大小训练并对比",
    ),
    "regression.regimes.compare_help": (
        "Trains the same data with the same settings at batch size 1, the current batch size and n.",
        "用相同的数据和设置，分别以批大小 1、当前批大小和 n 进行训练。",
    ),
    "regression.regimes.run_regime": ("{regime}, batch {batch}", "{regime}，批大小 {batch}"),
    "regression.regimes.compare_skipped": (
        "Batch size {batch} would need {steps} steps (limit {limit}); it is left out.",
        "批大小 {batch} 需要 {steps} 步（上限 {limit}），因此略去。",
    ),
    "regression.regimes.compare_diverged": (
        "Batch size {batch} diverged at step {step}.",
        "批大小 {batch} 在第 {step} 步发散。",
    ),
    "regression.regimes.compare_caption": (
        "Same number of epochs for each: the full batch takes few, smooth steps; batch size 1 takes many, each pulled "
        "towards a single sample.",
        "三者训练的轮数相同：全批量时步数少、路径平滑；批大小为 1 时步数多，每一步都被单个样本拉向它自己。",
    ),
    "regression.result.title": ("Final w and b", "最终的 w 和 b"),
    "regression.result.col_param": ("parameter", "参数"),
    "regression.result.col_start": ("initial", "初始值"),
    "regression.result.col_final": ("after training", "训练后"),
    "regression.result.col_optimum": ("normal equation", "正规方程"),
    "regression.result.col_true": ("true", "真实值"),
    "regression.result.gap": (
        "Distance from the trained θ to the normal-equation optimum: ‖θ − θ*‖ = {gap}.",
        "训练得到的 θ 与正规方程最优解的距离：‖θ − θ*‖ = {gap}。",
    ),
    "regression.result.script_title": ("Reproduce in plain PyTorch", "用纯 PyTorch 复现"),
    "regression.result.script_intro": (
        "This script uses `nn.Linear`, {loss}, {update} and a `DataLoader` with the run's seed{extra}; running it "
        "prints the loss after each epoch and the same final w and b.",
        "这段脚本用到 `nn.Linear`、{loss}、{update}，以及使用本次训练种子的 `DataLoader`{extra}；"
        "运行后会打印每轮的损失和相同的最终 w 和 b。",
    ),
    "regression.result.script_too_big": (
        "The script writes the table into its code, which is only readable up to {limit} values; this table is larger.",
        "脚本会把表格直接写进代码里，只有不超过 {limit} 个数时才便于阅读；这个表格太大了。",
    ),
    "regression.result.history_title": ("Step history", "每一步的历史"),
    "regression.result.history_download": (
        "Download the history of every step as CSV ({steps})",
        "下载每一步的历史（CSV，{steps}）",
    ),
    "regression.result.history_no_indices": (
        "Batches larger than {limit} samples: the CSV leaves out the batch indices (the script's DataLoader rebuilds them).",
        "批次超过 {limit} 个样本时，CSV 不包含批次样本编号（可由脚本中的 DataLoader 重建）。",
    ),
}

STRINGS |= {
    "err.too_many_steps": (
        "{steps} training steps requested; at most {limit} are allowed. Use fewer epochs or a larger batch.",
        "请求了 {steps} 个训练步，最多允许 {limit} 步。请减少轮数或增大批大小。",
    ),
    "err.too_much_work": (
        "epochs × samples = {visits}; at most {limit} are allowed. Use fewer epochs or fewer samples.",
        "轮数 × 样本数 = {visits}，最多允许 {limit}。请减少轮数或样本数。",
    ),
    "err.w0_length": (
        "Initial w has {got} values but the data has {expected} features (leave it empty for d2l's random init).",
        "初始 w 有 {got} 个数，但数据有 {expected} 个特征（留空则使用 d2l 的随机初始化）。",
    ),
    "err.batch_order": (
        "The batch order must list distinct sample indices from 0 to {high}; got {value}.",
        "批次顺序必须是 0 到 {high} 之间互不相同的样本编号；得到的是 {value}。",
    ),
    "err.unknown_option": (
        "{name} must be one of {allowed}, got {value}.",
        "{name} 必须是 {allowed} 之一，得到的是 {value}。",
    ),
    "err.surface_params": (
        "The two parameters of the loss surface must be different indices from 0 to {high}; got {value}.",
        "损失曲面的两个参数必须是 0 到 {high} 之间不同的编号；得到的是 {value}。",
    ),
    "err.script_too_big": (
        "The table has {values} values; a script embeds at most {limit}.",
        "表格有 {values} 个数，脚本最多只能写入 {limit} 个。",
    ),
    "err.list_too_long": (
        "{name} has {got} values; at most {limit} are allowed.",
        "{name} 有 {got} 个数，最多允许 {limit} 个。",
    ),
    "err.list_empty": ("{name} needs at least one number.", "{name} 至少需要一个数。"),
    "err.csv_too_big": (
        "The file has {size} bytes; at most {limit} are allowed.",
        "文件有 {size} 字节，最多允许 {limit} 字节。",
    ),
    "err.csv_zip": (
        "This is a zip archive (an .xlsx workbook?), not a CSV text file; export it as CSV.",
        "这是一个 zip 压缩文件（也许是 .xlsx 工作簿？），不是 CSV 文本文件；请将其导出为 CSV。",
    ),
    "err.csv_binary": ("This is a binary file, not a CSV text file.", "这是一个二进制文件，不是 CSV 文本文件。"),
    "err.csv_encoding": (
        "The file is not UTF-8 text (byte {position}); save it as UTF-8 CSV.",
        "文件不是 UTF-8 文本（第 {position} 字节）；请另存为 UTF-8 编码的 CSV。",
    ),
    "err.csv_empty": ("The file has no data rows.", "文件中没有数据行。"),
    "err.csv_parse": ("The file is not a valid CSV table: {reason}", "文件不是有效的 CSV 表格：{reason}"),
    "err.csv_too_many_columns": (
        "The file has {columns} columns; at most {limit} are allowed.",
        "文件有 {columns} 列，最多允许 {limit} 列。",
    ),
    "err.csv_too_many_rows": (
        "The file has {rows} rows; at most {limit} are allowed.",
        "文件有 {rows} 行，最多允许 {limit} 行。",
    ),
    "err.csv_column": ("Column {name} is not in the table.", "表格中没有列 {name}。"),
    "err.csv_features": (
        "Choose 1 to {limit} feature columns (chosen: {got}).",
        "请选择 1 到 {limit} 个特征列（已选 {got} 个）。",
    ),
    "err.csv_target": (
        "The target must not also be a feature, and each feature may be chosen only once.",
        "目标列不能同时作为特征列，每个特征列也只能选一次。",
    ),
    "err.csv_no_rows": ("No row has numbers in all the chosen columns.", "没有任何一行在所有选中的列里都是数字。"),
    "err.csv_columns": (
        "The table needs at least two columns (features and a target).",
        "表格至少需要两列（特征和目标）。",
    ),
    # --- quiz mode (ui/regression/quiz.py) ---
    "regression.quiz.loss": (
        "Step {step} trains on the batch I = {batch} ({samples}), starting from w = {w} and b = {b}. "
        "What is the batch loss ℓ ({loss})?",
        "第 {step} 步在批次 I = {batch}（{samples}）上训练，起点是 w = {w}、b = {b}。这一批的损失 ℓ（{loss}）是多少？",
    ),
    "regression.quiz.loss_why": (
        "Residuals ŷ − y = {r}; ℓ = {k}·Σ(ŷᵢ − yᵢ)² = {k}·{squares} = {answer}.",
        "残差 ŷ − y = {r}；ℓ = {k}·Σ(ŷᵢ − yᵢ)² = {k}·{squares} = {answer}。",
    ),
    "regression.quiz.grad_w": (
        "Step {step} (batch I = {batch}, w = {w}, b = {b}): after loss.backward(), what is w.grad[{j}], "
        "that is ∂ℓ/∂w{js}?",
        "第 {step} 步（批次 I = {batch}，w = {w}，b = {b}）：执行 loss.backward() 之后，"
        "w.grad[{j}]（即 ∂ℓ/∂w{js}）是多少？",
    ),
    "regression.quiz.grad_w_why": (
        "w.grad[{j}] = {c}·Σᵢ (ŷᵢ − yᵢ)·X[i, {j}] = {c}·{dot} = {answer}.",
        "w.grad[{j}] = {c}·Σᵢ (ŷᵢ − yᵢ)·X[i, {j}] = {c}·{dot} = {answer}。",
    ),
    "regression.quiz.grad_b": (
        "Step {step} (batch I = {batch}, w = {w}, b = {b}): after loss.backward(), what is b.grad, that is ∂ℓ/∂b?",
        "第 {step} 步（批次 I = {batch}，w = {w}，b = {b}）：执行 loss.backward() 之后，b.grad（即 ∂ℓ/∂b）是多少？",
    ),
    "regression.quiz.grad_b_why": (
        "b.grad = {c}·Σ(ŷᵢ − yᵢ) = {c}·{total} = {answer}.",
        "b.grad = {c}·Σ(ŷᵢ − yᵢ) = {c}·{total} = {answer}。",
    ),
    "regression.quiz.next_w": (
        "With learning rate η = {lr}: what is w[{j}] after optimizer.step() at step {step} (it was {before})?",
        "学习率 η = {lr}：第 {step} 步执行 optimizer.step() 之后，w[{j}] 是多少（更新前是 {before}）？",
    ),
    "regression.quiz.next_w_why": (
        "w[{j}] − η·w.grad[{j}] = {before} − {lr}·{grad} = {answer}.",
        "w[{j}] − η·w.grad[{j}] = {before} − {lr}·{grad} = {answer}。",
    ),
    "regression.quiz.next_b": (
        "With learning rate η = {lr}: what is b after optimizer.step() at step {step} (it was {before})?",
        "学习率 η = {lr}：第 {step} 步执行 optimizer.step() 之后，b 是多少（更新前是 {before}）？",
    ),
    "regression.quiz.next_b_why": (
        "b − η·b.grad = {before} − {lr}·{grad} = {answer}.",
        "b − η·b.grad = {before} − {lr}·{grad} = {answer}。",
    ),
    "regression.quiz.ws_title": ("Linear regression by SGD: step {step}", "用 SGD 训练线性回归：第 {step} 步"),
    "regression.quiz.ws_features": ("Features", "特征"),
    "regression.quiz.ws_start": ("Start (w and b before step 1)", "初始值（第 1 步之前的 w 和 b）"),
    "regression.quiz.ws_step": ("Step asked about", "题目所问的步"),
    "regression.quiz.hidden_formula": (
        "The numbers of this step are hidden until the questions above are revealed.",
        "在揭晓上面的题目之前，这一步的数值先隐藏起来。",
    ),
}

# --- learning-rate bounds, standardised features, where the 1/B goes, the exported script ---
STRINGS |= {
    "regression.lr.ok_title": (
        "Largest stable learning rate: η = {lr} is below this run's bound {run_lr} (full-batch GD: {full_lr})",
        "最大稳定学习率：η = {lr} 低于本次训练的上界 {run_lr}（全批量梯度下降：{full_lr}）",
    ),
    "regression.lr.too_big": (
        "**η = {lr} is above this run's stable bound: some of its steps overshoot.**",
        "**η = {lr} 超过了本次训练的稳定上界：其中有些步会越过头。**",
    ),
    "regression.lr.diverged": (
        "**Training diverged at step {step}:** with η = {lr} the loss became infinite or NaN, so training stopped "
        "there; the history up to that step is shown.",
        "**训练在第 {step} 步发散：** 学习率 η = {lr} 时损失变成了无穷大或 NaN，训练在这里停止；下面显示的是此前的历史。",
    ),
    "regression.lr.went": (
        "The batch loss went from {first} at step 1 to {last} at step {steps}.",
        "批次损失从第 1 步的 {first} 变成了第 {steps} 步的 {last}。",
    ),
    "regression.lr.why": (
        "Why: a batch I's loss is a quadratic in θ = (w, b) whose Hessian is $H_I = {c}\\,\\tilde A_I^\\top\\tilde A_I$, "
        "where $\\tilde A = [X, 1]$ has one row $\\tilde x_i = [x_i, 1]$ per sample and B = len(y). A step "
        "θ ← θ − η·∇ℓ multiplies the error along $H_I$'s steepest direction by 1 − ηλ, λ being $H_I$'s largest "
        "eigenvalue. The first step that overshoots is step "
        "{step} (samples {samples}): λ = {lam}, so η·λ = {elam} and |1 − ηλ| = {factor} > 1: along that direction the step "
        "overshoots and ends farther from the batch's minimum than it started.",
        "原因：批次 I 的损失是 θ = (w, b) 的二次函数，其 Hessian 为 $H_I = {c}\\,\\tilde A_I^\\top\\tilde A_I$，"
        "其中 $\\tilde A = [X, 1]$，每个样本一行 $\\tilde x_i = [x_i, 1]$，B = len(y)。一步 θ ← θ − η·∇ℓ 会把沿 "
        "$H_I$ 最陡方向的误差乘以 1 − ηλ，λ 是 $H_I$ 的最大特征值。第一个越过头的是第 {step} 步（样本 {samples}）：λ = {lam}，所以 η·λ = {elam}，"
        "|1 − ηλ| = {factor} > 1：沿这个方向，这一步越过了这一批的最小点，落在另一侧，离得比出发时还远。",
    ),
    "regression.lr.overflow": (
        "η is below this run's bound {run_lr}, so no step stretches the error: the overflow comes from the size of "
        "the numbers themselves (float64 ends near 1.8e308).",
        "η 低于本次训练的上界 {run_lr}，没有哪一步会放大误差：溢出来自数值本身的大小（float64 的上限约为 1.8e308）。",
    ),
    "regression.lr.bounds": (
        "**This run's mini-batch bound:** η < 2 / max λ = {run_lr}, the largest λ over the {batches} batches this "
        "run takes (batch size {B}, {order}); at or below it no step of this run amplifies the error, so the run "
        "cannot blow up. "
        "**Full-batch GD bound:** η < 2 / λ_max(H) = {full_lr}, where $H = {c}\\,\\tilde A^\\top\\tilde A$ is the "
        "Hessian of the loss on all n = {n} samples and λ_max(H) = {full_lam}.",
        "**本次训练的小批量上界：** η < 2 / max λ = {run_lr}，max λ 取本次训练用到的 {batches} 个批次中最大的 λ"
        "（批大小 {B}，{order}）；不超过它时，本次训练没有哪一步会放大误差，训练就不会发散。"
        "**全批量梯度下降的上界：** η < 2 / λ_max(H) = {full_lr}，其中 $H = {c}\\,\\tilde A^\\top\\tilde A$ 是全部 n = {n} 个样本上"
        "损失的 Hessian，λ_max(H) = {full_lam}。",
    ),
    "regression.page.curvatures": (
        "Computing the curvature of each of the {steps} batches…",
        "正在计算 {steps} 个批次各自的曲率…",
    ),
    "regression.lr.shuffled": ("shuffled every epoch", "每轮打乱顺序"),
    "regression.lr.fixed_order": ("in a fixed order", "顺序固定"),
    "regression.lr.differ_mean": (
        "They differ because the full-data Hessian is the average of the batch Hessians (each weighted by its share "
        "of the samples): the steepest batch curves at least as much as all the data together, here {ratio} times "
        "as much.",
        "两者不同，是因为全部数据的 Hessian 是各批次 Hessian 的平均（按各批样本数加权）："
        "最陡的批次弯曲程度至少和全部数据一样，这里是它的 {ratio} 倍。",
    ),
    "regression.lr.differ_sum": (
        "They differ because with 'sum' a batch's Hessian $2\\tilde A_I^\\top\\tilde A_I$ is only part of the full-data "
        "one $2\\tilde A^\\top\\tilde A$: "
        "every batch curves less than all the data (the steepest here {ratio} times as much), so the full-batch "
        "bound is the stricter one.",
        "两者不同，是因为用 'sum' 时，批次的 Hessian $2\\tilde A_I^\\top\\tilde A_I$ 只是全部数据的 "
        "$2\\tilde A^\\top\\tilde A$ 的一部分："
        "每个批次都比全部数据弯曲得少（这里最陡的批次是它的 {ratio} 倍），所以全批量的上界更严格。",
    ),
    "regression.lr.differ_full": (
        "Every batch here is the whole data set, so the two bounds are the same.",
        "这里每个批次都是整个数据集，所以两个上界相同。",
    ),
    "regression.lr.use": ("Use the suggested learning rate η = {lr}", "使用建议的学习率 η = {lr}"),
    "regression.lr.use_help": (
        "1 / max λ rounded down to two significant digits: at most half of this run's bound, so no step of this run "
        "overshoots. Writes it into the learning-rate field and the link.",
        "1 / max λ 向下取两位有效数字：至多是本次训练上界的一半，所以本次训练没有哪一步会越过头。"
        "点击后会写入学习率输入框和链接。",
    ),
    "regression.lr.too_small": (
        "The suggested η = {lr} is below the smallest learning rate this page takes ({limit}): standardise the "
        "features instead (the toggle under the data).",
        "建议的 η = {lr} 低于本页允许的最小学习率（{limit}）：请改为标准化特征（数据下方的开关）。",
    ),
    "regression.lr.conditioning": (
        "Stable is not yet fast: the condition number of $\\tilde A^\\top\\tilde A$, κ = λ_max / λ_min, is {kappa}. At η = 1 / λ_max(H), "
        "full-batch GD shrinks the error along the flattest direction by a factor of only 1 − 1/κ = {shrink} per "
        "step. Standardising the features (the toggle under the data) would make κ = {kappa_std}.",
        "稳定还不等于快：$\\tilde A^\\top\\tilde A$ 的条件数 κ = λ_max / λ_min 为 {kappa}。取 η = 1 / λ_max(H) 时，"
        "全批量梯度下降每一步只能把最平坦方向上的误差缩小到原来的 1 − 1/κ = {shrink} 倍。"
        "标准化特征（数据下方的开关）后 κ 会变为 {kappa_std}。",
    ),
    "regression.lr.conditioning_std": (
        "With standardised features the condition number of $\\tilde A^\\top\\tilde A$, κ = λ_max / λ_min, is {kappa}: at η = 1 / λ_max(H), "
        "full-batch GD shrinks the error along the flattest direction by 1 − 1/κ = {shrink} per step.",
        "特征标准化后，$\\tilde A^\\top\\tilde A$ 的条件数 κ = λ_max / λ_min 为 {kappa}：取 η = 1 / λ_max(H) 时，"
        "全批量梯度下降每一步把最平坦方向上的误差缩小到原来的 1 − 1/κ = {shrink} 倍。",
    ),
    "regression.data.std": ("Standardise the features", "标准化特征"),
    "regression.data.std_help": (
        "Replaces each feature column x by (x − mean) / std over all samples (the population std, as scikit-learn's "
        "StandardScaler; a constant column becomes 0). Features on very different scales make the stable learning "
        "rate tiny and training slow. Kept in the link as `std=true`.",
        "把每个特征列 x 替换为 (x − 均值) / 标准差，在全部样本上计算（总体标准差，与 scikit-learn 的 StandardScaler "
        "相同；常数列变为 0）。特征的尺度相差很大时，稳定的学习率会非常小，训练也很慢。以 `std=true` 保存在链接中。",
    ),
    "regression.data.std_caption": (
        "Training on standardised features: {mapping}. w and b are then in standardised units; the same model in the "
        "original units has $w_j = w'_j / \\sigma_j$ and $b = b' - \\sum_j w'_j \\mu_j / \\sigma_j$ (μ the means, σ the standard deviations; the Result tab shows both).",
        "在标准化后的特征上训练：{mapping}。此时 w 和 b 以标准化后的单位表示；同一个模型换回原始单位为 "
        "$w_j = w'_j / \\sigma_j$，$b = b' - \\sum_j w'_j \\mu_j / \\sigma_j$（μ 为均值，σ 为标准差；“结果与代码”标签页两者都会显示）。",
    ),
    "regression.result.original_units": (
        "In the original units ($w_j = w'_j / \\sigma_j$, $b = b' - \\sum_j w'_j \\mu_j / \\sigma_j$): trained w = {w}, b = {b}; "
        "normal equation w = {w_star}, b = {b_star}.",
        "换回原始单位（$w_j = w'_j / \\sigma_j$，$b = b' - \\sum_j w'_j \\mu_j / \\sigma_j$）：训练得到 w = {w}，b = {b}；"
        "正规方程 w = {w_star}，b = {b_star}。",
    ),
    "regression.step.where_b_mean": (
        "Where the 1/B goes: `nn.MSELoss()` divides by the number of elements, B = len(y) = {B}, so the loss, "
        "`w.grad` and `b.grad` all carry it.",
        "1/B 在哪里：`nn.MSELoss()` 除以元素个数 B = len(y) = {B}，所以损失、`w.grad` 和 `b.grad` 都带着它。",
    ),
    "regression.step.where_b_sum": (
        "Where the 1/B goes: nowhere. `w.grad` is a sum over the B = {B} samples, B times what `nn.MSELoss()` "
        "gives, so the same η takes a {B} times larger step.",
        "1/B 在哪里：哪里都没有。`w.grad` 是 B = {B} 个样本的和，是 `nn.MSELoss()` 的 B 倍，"
        "所以同样的 η 迈出的步子大 {B} 倍。",
    ),
    "regression.step.where_b_sum_over_batch": (
        "Where the 1/B goes: in the explicit `/ len(y)` after `nn.MSELoss(reduction='sum')`, B = len(y) = {B}: "
        "the same function as `nn.MSELoss()` (mean).",
        "1/B 在哪里：在 `nn.MSELoss(reduction='sum')` 之后显式的 `/ len(y)` 里，B = len(y) = {B}："
        "与 `nn.MSELoss()`（mean）是同一个函数。",
    ),
    "regression.step.where_b_half_mean": (
        "Where the 1/B goes: here into the loss, Σ ½(ŷᵢ − yᵢ)² / B with B = len(y) = {B}, so `w.grad` = {grad}. "
        "d2l puts it into the update instead: `l.sum().backward()` leaves `w.grad` = {grad_sum} (B = {B} times "
        "larger) and its `sgd` does `param -= lr * param.grad / batch_size`: {before} − {lr}·{grad_sum} / {B} = "
        "{after}, the same step. (d2l divides by `batch_size` even when the last batch is shorter; this page "
        "divides by the batch's own len(y).)",
        "1/B 在哪里：这里放在损失中，Σ ½(ŷᵢ − yᵢ)² / B，B = len(y) = {B}，所以 `w.grad` = {grad}。"
        "d2l 则把它放在更新里：`l.sum().backward()` 得到的 `w.grad` = {grad_sum}（大 B = {B} 倍），"
        "它的 `sgd` 再执行 `param -= lr * param.grad / batch_size`：{before} − {lr}·{grad_sum} / {B} = {after}，"
        "是同一步。（最后一批较短时 d2l 仍除以 `batch_size`；本页除以该批自己的 len(y)。）",
    ),
    "regression.curves.surface_slice": (
        "The loss depends on all {count} parameters; this map is its 2-D slice through {a} and {b}, with {held} held "
        "at {where}.",
        "损失取决于全部 {count} 个参数；这张图是沿 {a} 和 {b} 的二维切片，{held} 固定在{where}。",
    ),
    "regression.curves.slice_optimum": ("the normal-equation optimum", "正规方程的最优解处"),
    "regression.result.singular": (
        "AᵀA is singular here (a constant column, a repeated one, or fewer samples than parameters): (AᵀA)⁻¹ does "
        "not exist and every θ on a line or plane fits equally well. The normal-equation column is the one of "
        "least norm (the pseudo-inverse A⁺y). Every gradient Ã_Iᵀr lies in the row space of A, so SGD only moves θ "
        "within it and heads for the solution nearest its start: ‖θ − θ*‖ need not shrink to 0 even when the loss "
        "reaches its minimum.",
        "这里 AᵀA 是奇异的（有常数列、重复的列，或样本少于参数）：(AᵀA)⁻¹ 不存在，一条直线或一个平面上的所有 θ "
        "拟合得一样好。正规方程一列给出的是其中范数最小的那个（伪逆 A⁺y）。每个梯度 Ã_Iᵀr 都在 A 的行空间里，"
        "所以 SGD 只在这个空间内移动 θ，走向离它起点最近的解：即使损失已达到最小值，‖θ − θ*‖ 也不一定会缩小到 0。",
    ),
    "regression.result.script_loss_mean": ("`nn.MSELoss()`", "`nn.MSELoss()`"),
    "regression.result.script_loss_sum": ("`nn.MSELoss(reduction='sum')`", "`nn.MSELoss(reduction='sum')`"),
    "regression.result.script_loss_sum_over_batch": (
        "`nn.MSELoss(reduction='sum')` divided by the batch size `len(y)`",
        "`nn.MSELoss(reduction='sum')` 再除以批大小 `len(y)`",
    ),
    "regression.result.script_loss_half_mean": (
        "d2l's `squared_loss` ½(ŷ − y)², summed and divided by `len(y)`",
        "d2l 的 `squared_loss` ½(ŷ − y)²，求和后除以 `len(y)`",
    ),
    "regression.result.script_loss_d2l": ("d2l's `squared_loss` ½(ŷ − y)²", "d2l 的 `squared_loss` ½(ŷ − y)²"),
    "regression.result.script_update_torch_sgd": (
        "`torch.optim.SGD` with its defaults (no momentum, dampening or weight decay)",
        "默认参数下的 `torch.optim.SGD`（没有动量、阻尼和权重衰减）",
    ),
    "regression.result.script_update_manual": (
        "the update written out by hand, `p -= lr * p.grad`",
        "手写的更新 `p -= lr * p.grad`",
    ),
    "regression.result.script_update_d2l": (
        "d2l's own update, `l.sum().backward()` and then `p -= lr * p.grad / len(y)`",
        "d2l 自己的更新：`l.sum().backward()`，然后 `p -= lr * p.grad / len(y)`",
    ),
    "regression.result.script_standardize": (
        ", standardises the features first and also prints w and b in the original units",
        "，先标准化特征，并且还会打印原始单位下的 w 和 b",
    ),
}

# --- the page's UI: counted nouns, index convention, loss chart, layout ---
STRINGS |= {
    "regression.page.list_sep": (", ", "、"),
    "regression.count.step_one": ("{n} step", "{n} 步"),
    "regression.count.step": ("{n} steps", "{n} 步"),
    "regression.count.sample_one": ("{n} sample", "{n} 个样本"),
    "regression.count.sample": ("{n} samples", "{n} 个样本"),
    "regression.count.feature_one": ("{n} feature", "{n} 个特征"),
    "regression.count.feature": ("{n} features", "{n} 个特征"),
    "regression.count.row_one": ("{n} usable row", "可用的行 {n} 行"),
    "regression.count.row": ("{n} usable rows", "可用的行 {n} 行"),
    "regression.step.index_convention": (
        "Indices are Python's, from 0: `w[0]` is w₀, the weight of feature x₀ (column 0 of X), and `w.grad[0]` "
        "is ∂ℓ/∂w₀. A step number is written as a superscript: w⁽ᵏ⁾ is w after step k, w⁽⁰⁾ the initial w.",
        "下标按 Python 的习惯从 0 开始：`w[0]` 就是 w₀，即特征 x₀（X 的第 0 列）的权重；`w.grad[0]` 就是 ∂ℓ/∂w₀。"
        "步数写在上标里：w⁽ᵏ⁾ 是第 k 步之后的 w，w⁽⁰⁾ 是初始的 w。",
    ),
    "regression.regimes.strip_cut_positions": (
        "Showing the first {positions} of the {n} positions of each epoch.",
        "每轮只显示 {n} 个位置中的前 {positions} 个。",
    ),
    "regression.regimes.strip_cut_epochs": (
        "Showing the first {epochs} of {total} epochs.",
        "只显示 {total} 轮中的前 {epochs} 轮。",
    ),
    "regression.curves.series_epoch_scaled": (
        "full-data loss × B/n = {batch}/{n}",
        "全部数据上的损失 × B/n = {batch}/{n}",
    ),
    "regression.curves.loss_sum_caption": (
        "With reduction='sum' a batch loss adds up B = {batch} squared errors and the loss on all the data adds "
        "up n = {n}: the full-data loss is drawn multiplied by B/n = {batch}/{n}, so the two curves can be compared.",
        "使用 reduction='sum' 时，批次损失是 B = {batch} 个平方误差之和，全部数据上的损失是 n = {n} 个之和："
        "图中把全部数据上的损失乘以 B/n = {batch}/{n}，两条曲线才能相互比较。",
    ),
    "regression.curves.loss_sum_last": (
        "The last batch of each epoch has only {last}, so its loss adds up fewer squared errors.",
        "每轮的最后一批只有 {last}，所以它的损失加起来的平方误差更少。",
    ),
    "regression.curves.loss_caption_full": (
        "Full-batch GD: every step's batch is all the data, so the batch loss of a step is the full-data loss "
        "before that step, and the curve is smooth.",
        "全批量梯度下降：每一步的批次都是全部数据，因此某一步的批次损失就是这一步之前全部数据上的损失，曲线是平滑的。",
    ),
    "regression.curves.param_help": (
        "w₀ … are the weights of features x₀ …, PyTorch's w[0] …; in the link they are pa=w0, pb=b.",
        "w₀ … 是特征 x₀ … 的权重，即 PyTorch 中的 w[0] …；链接里写作 pa=w0、pb=b。",
    ),
    # --- the charts' text alternatives (ui/regression/figures.py) ---
    "regression.figure.table_rows": (
        "The table lists {shown} of the {total} rows, evenly spaced, the first and the last included.",
        "表中列出 {total} 行中均匀间隔的 {shown} 行（含第一行和最后一行）。",
    ),
    "regression.figure.yes": ("yes", "是"),
    "regression.figure.no": ("no", "否"),
    "regression.figure.col_in_batch": ("in the batch", "在批次中"),
    "regression.figure.col_point": ("point", "点"),
    "regression.figure.col_run": ("run", "训练"),
    "regression.figure.col_epoch": ("epoch", "轮"),
    "regression.figure.col_batches": ("samples, batch by batch", "各批次的样本"),
    "regression.step.scatter_summary": (
        "{feature} against y for {drawn}, the {samples} of step {step}'s batch as larger diamonds. "
        "Before the step the line has w = {w}, b = {b}.",
        "{drawn}的 {feature} 与 y，第 {step} 步批次中的 {samples}画成较大的菱形。更新前直线的 w = {w}，b = {b}。",
    ),
    "regression.step.scatter_after": ("After it: w = {w}, b = {b}.", "更新后：w = {w}，b = {b}。"),
    "regression.step.fit_summary": (
        "y against the prediction ŷ before step {step} for {drawn}, the {samples} of the batch as larger "
        "diamonds; on the grey diagonal ŷ = y. The largest gap |ŷ − y| among all the samples is {gap}, at sample "
        "{worst}.",
        "{drawn}在第 {step} 步更新前的预测值 ŷ 与 y，批次中的 {samples}画成较大的菱形；灰色对角线上 ŷ = y。"
        "所有样本中 |ŷ − y| 最大为 {gap}，在样本 {worst}。",
    ),
    "regression.step.drawn_of": (
        "{shown} of the {total} samples (the batch's, at most {limit}, and an even spread of the rest)",
        "{total} 个样本中的 {shown} 个（批次中的样本，至多 {limit} 个，以及均匀选取的其余样本）",
    ),
    "regression.curves.loss_summary": (
        "The batch loss is {first} at step 1 and {last} at step {steps}, lowest {low} at step {low_step}. "
        "The dashed rule marks step {step}, batch loss {now}.",
        "批次损失第 1 步为 {first}，第 {steps} 步为 {last}，最低为 {low}（第 {low_step} 步）。虚线标出第 {step} 步，批次损失为 {now}。",
    ),
    "regression.curves.loss_summary_epoch": (
        "{series}: {epoch_loss} after epoch {epochs}.",
        "{series}：第 {epochs} 轮结束后为 {epoch_loss}。",
    ),
    "regression.curves.contour_summary": (
        "Over the grid drawn, the loss as a function of {a} and {b} goes from {low} to {high}; it is lowest at the "
        "optimum {a} = {a_star}, {b} = {b_star}.",
        "在图中的网格上，损失随 {a} 和 {b} 的取值从 {low} 变到 {high}；最低处是最优解 {a} = {a_star}，{b} = {b_star}。",
    ),
    "regression.curves.contour_run": (
        "{run}: from {a} = {a0}, {b} = {b0} to {a} = {a1}, {b} = {b1} in {steps}.",
        "{run}：从 {a} = {a0}，{b} = {b0} 到 {a} = {a1}，{b} = {b1}，共 {steps}。",
    ),
    "regression.curves.distance_summary": (
        "{run}: ‖θ − θ*‖ goes from {start} to {end} in {steps}.",
        "{run}：‖θ − θ*‖ 从 {start} 变到 {end}，共 {steps}。",
    ),
    "regression.regimes.strip_summary": (
        "Batches of {B} (a thick line where one starts): epoch 1 takes the samples in the order {first}; "
        "epoch {epoch} in the order {last}.",
        "批大小 {B}（粗线标出每个批次的开头）：第 1 轮按 {first} 的顺序取样本；第 {epoch} 轮按 {last} 的顺序。",
    ),
}
