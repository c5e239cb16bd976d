"""Strings of the page "Linear regression by SGD"."""

STRINGS = {
    "nav.regression": ("Linear regression by SGD", "用 SGD 训练线性回归"),
    "regression.question": (
        "What does one `optimizer.step()` do to w and b — and who makes SGD stochastic?",
        "一次 `optimizer.step()` 对 w 和 b 做了什么？让 SGD 变得“随机”的又是谁？",
    ),
    "regression.intro": (
        "A linear model ŷ = Xw + b trained batch after batch, as `nn.Linear`, `nn.MSELoss`, `loss.backward()` and `optim.SGD` do it. "
        "Walk through the steps one at a time: every loss, every `w.grad` and `b.grad`, and every update is shown with the numbers that went into it. "
        "The defaults are the six-sample example worked by hand in the tutorial (initial w = [1, 2] and b = 0, learning rate 0.5, batch size 3, first batch = samples 5, 1, 0).",
        "线性模型 ŷ = Xw + b 按批次逐步训练，过程与 `nn.Linear`、`nn.MSELoss`、`loss.backward()` 和 `optim.SGD` 完全相同。"
        "可以一步一步地看：每一步的损失、`w.grad` 和 `b.grad`，以及每一次参数更新，都代入了实际的数值。"
        "默认设置就是教程里手算的 6 个样本的例子（初始 w = [1, 2]、b = 0，学习率 0.5，批大小 3，第一批为样本 5、1、0）。",
    ),
    "regression.settings": ("Data and training settings", "数据与训练设置"),
    "regression.data": ("Data", "数据"),
    "regression.source_toy": ("6-sample example", "6 个样本的例子"),
    "regression.source_synthetic": ("Synthetic (d2l)", "合成数据（d2l）"),
    "regression.source_csv": ("Your CSV", "你的 CSV"),
    "regression.toy_caption": (
        "Six houses with two features each (X is 6×2, y is 6×1), from the tutorial's hand computation.",
        "6 套房子，每套有两个特征（X 为 6×2，y 为 6×1），来自教程中的手算例子。",
    ),
    "regression.true_w": ("True w (comma-separated)", "真实的 w（用逗号分隔）"),
    "regression.true_w_help": (
        "One number per feature, 1 to {limit} features. The data: X ~ N(0, 1), y = Xw + b + N(0, noise²).",
        "每个特征一个数，共 1 到 {limit} 个特征。数据生成方式：X ~ N(0, 1)，y = Xw + b + N(0, noise²)。",
    ),
    "regression.true_b": ("True b", "真实的 b"),
    "regression.n": ("Samples n", "样本数 n"),
    "regression.limit": ("At most {limit}.", "最多 {limit}。"),
    "regression.noise": ("Noise (standard deviation)", "噪声（标准差）"),
    "regression.data_seed": ("Data seed", "数据随机种子"),
    "regression.synthetic_caption": (
        "{samples}, d = {d} (one feature per number in true w; 1–{limit} allowed).",
        "{samples}，d = {d}（真实 w 中每个数对应一个特征；允许 1–{limit} 个）。",
    ),
    "regression.upload": ("CSV file with a header row (at most {limit} MB)", "带表头的 CSV 文件（最多 {limit} MB）"),
    "regression.upload_help": (
        "Comma-separated, UTF-8, at most {rows} rows; choose up to {features} feature columns and one target. "
        "Cells are only read as numbers, never evaluated; the file is not stored.",
        "逗号分隔、UTF-8 编码，最多 {rows} 行；最多选 {features} 个特征列和一个目标列。"
        "单元格只会被当作数字读取，绝不会被执行；文件不会被保存。",
    ),
    "regression.upload_first": (
        "Upload a CSV file to train on your own data (or choose another data source above).",
        "请上传一个 CSV 文件，用你自己的数据来训练（或在上方选择其他数据来源）。",
    ),
    "regression.target": ("Target column y", "目标列 y"),
    "regression.features_help": (
        "Kept in the link as `feat=size|age` (the file itself is not: whoever opens the link uploads it again).",
        "以 `feat=size|age` 的形式保存在链接中（文件本身不会保存：打开链接的人需要重新上传）。",
    ),
    "regression.features": ("Feature columns X (1 to {limit})", "特征列 X（1 到 {limit} 列）"),
    "regression.csv_issue": (
        "Column **{column}**: {missing} missing and {bad} non-numeric cells (first rows: {rows}).",
        "列 **{column}**：{missing} 个缺失值，{bad} 个非数字单元格（最先出现的行：{rows}）。",
    ),
    "regression.csv_dropped": (
        "Rows left out because a chosen column has no number there ({count} in all): {rows}.",
        "以下各行被排除，因为所选的列在这些行没有数字（共 {count} 行）：{rows}。",
    ),
    "regression.csv_caption": (
        "{rows}, {features}. In these messages rows are numbered from 1 for the first data row; the sample indices of "
        "the batches count the usable rows from 0, as the DataLoader does.",
        "{rows}，{features}。上面提示中的行号从第一行数据开始记为 1；批次中的样本编号则像 DataLoader 一样，"
        "从 0 开始数可用的行。",
    ),
    "regression.lr": ("Learning rate η", "学习率 η"),
    "regression.lr_help": ("Greater than 0, at most {limit}.", "大于 0，最多 {limit}。"),
    "regression.batch": ("Batch size", "批大小"),
    "regression.batch_help": (
        "1 … n (here n = {n}). 1 is stochastic GD, n is full-batch GD, anything between is mini-batch GD.",
        "1 … n（此处 n = {n}）。1 是随机梯度下降，n 是全批量梯度下降，介于两者之间的是小批量梯度下降。",
    ),
    "regression.regime_now": (
        "Batch {batch} of n = {n} → **{regime}**",
        "批大小 {batch}，n = {n} → **{regime}**",
    ),
    "regression.regime_sgd": ("stochastic GD", "随机梯度下降（SGD）"),
    "regression.regime_mini": ("mini-batch GD", "小批量梯度下降"),
    "regression.regime_full": ("full-batch GD", "全批量梯度下降"),
    "regression.epochs": ("Epochs", "训练轮数（epoch）"),
    "regression.epochs_help": (
        "At most {steps} steps in all, and epochs × n at most {visits}.",
        "总步数最多 {steps}，且 轮数 × n 最多 {visits}。",
    ),
    "regression.seed": ("Shuffle seed", "打乱顺序的随机种子"),
    "regression.steps_caption": (
        "{spe} per epoch, {total} in all (limit {limit}).",
        "每轮 {spe}，共 {total}（上限 {limit}）。",
    ),
    "regression.shuffle": ("Shuffle every epoch", "每轮打乱顺序"),
    "regression.shuffle_help": (
        "`DataLoader(..., shuffle=True, generator=torch.Generator().manual_seed(seed))`: a new order each epoch, the same one for the same seed.",
        "`DataLoader(..., shuffle=True, generator=torch.Generator().manual_seed(seed))`：每轮一个新顺序，种子相同则顺序相同。",
    ),
    "regression.loss": ("Loss convention", "损失的写法"),
    "regression.loss_mean": ("mean: MSELoss()", "mean：MSELoss()"),
    "regression.loss_sum": ("sum: MSELoss(reduction='sum')", "sum：MSELoss(reduction='sum')"),
    "regression.loss_sum_over_batch": (
        "sum over batch: MSELoss(reduction='sum') / len(y)",
        "按批量平均：MSELoss(reduction='sum') / len(y)",
    ),
    "regression.loss_half_mean": ("d2l: squared_loss (½·r²), divided by B", "d2l：squared_loss（½·r²），再除以 B"),
    "regression.optimizer": ("Update", "参数更新"),
    "regression.opt_torch_sgd": ("torch.optim.SGD", "torch.optim.SGD"),
    "regression.opt_manual": ("by hand: θ ← θ − η·∇θ", "手写：θ ← θ − η·∇θ"),
    "regression.w0": ("Initial w (empty: d2l's random init)", "初始 w（留空：d2l 的随机初始化）"),
    "regression.w0_help": (
        "One number per feature, e.g. `1, 2`. Empty draws w ~ N(0, 0.01²) from the shuffle seed, as d2l does.",
        "每个特征一个数，例如 `1, 2`。留空时按 d2l 的做法，用打乱顺序的种子抽取 w ~ N(0, 0.01²)。",
    ),
    "regression.b0": ("Initial b", "初始 b"),
    "regression.order": ("First epoch's order (sample indices)", "第一轮的样本顺序（样本编号）"),
    "regression.order_help": (
        "The tutorial's hand computation starts with rows 5, 1, 0; the remaining rows follow in order. Empty: the DataLoader's order (with seed 0 it happens to start with 5, 1, 0 too).",
        "教程的手算从第 5、1、0 行开始；其余的行按原顺序排在后面。留空：使用 DataLoader 的顺序（种子为 0 时，它恰好也从 5、1、0 开始）。",
    ),
    "regression.list_allowed": ("numbers separated by commas", "用逗号分隔的数"),
    "regression.training": ("Training… step {done} of {total}", "训练中…第 {done} 步，共 {total} 步"),
    "regression.diverged": (
        "**Training diverged at step {step}:** with η = {lr} the loss became infinite or NaN, so training stopped there. "
        "The history up to that step is shown. Try a learning rate of about {suggest}.",
        "**训练在第 {step} 步发散：** 学习率 η = {lr} 时损失变成了无穷大或 NaN，训练在这里停止。"
        "下面显示的是此前的历史。可以试试约 {suggest} 的学习率。",
    ),
    "regression.unstable": (
        "η = {lr} is above {bound}, the largest step size full-batch gradient descent survives on this data "
        "(2 / largest eigenvalue of the loss's Hessian, from XᵀX/n): the loss grows instead of shrinking. Try about {suggest}.",
        "η = {lr} 超过了 {bound}，即在这份数据上全批量梯度下降所能承受的最大步长"
        "（2 / 损失的 Hessian 的最大特征值，由 XᵀX/n 算出）：损失会越来越大，而不是越来越小。可以试试约 {suggest}。",
    ),
    "regression.one_step": ("This run has a single step.", "这次训练只有一步。"),
    "regression.first_step": ("First", "第一步"),
    "regression.prev_step": ("Back", "上一步"),
    "regression.next_step": ("Next", "下一步"),
    "regression.last_step": ("Last", "最后一步"),
    "regression.step_slider": ("Step (1 … {total})", "第几步（1 … {total}）"),
    "regression.tab_step": ("One step", "单步详解"),
    "regression.tab_curves": ("Loss and trajectory", "损失与轨迹"),
    "regression.tab_regimes": ("GD, mini-batch, SGD", "GD、小批量与 SGD"),
    "regression.tab_result": ("Result and code", "结果与代码"),
    "regression.step_title": (
        "Step {step} of {total} (epoch {epoch}, batch {k})",
        "第 {step} 步，共 {total} 步（第 {epoch} 轮，第 {k} 批）",
    ),
    "regression.step_where": (
        "`loss.backward()` puts ∇w and ∇b into `w.grad` and `b.grad`; `optimizer.step()` subtracts η times them. "
        "That is all `optim.SGD` does: which samples are in the batch I was decided by the DataLoader.",
        "`loss.backward()` 把 ∇w 和 ∇b 存进 `w.grad` 和 `b.grad`；`optimizer.step()` 再减去它们的 η 倍。"
        "`optim.SGD` 做的就只有这些：批次 I 里有哪些样本，是由 DataLoader 决定的。",
    ),
    "regression.batch_table": (
        "**This step's batch** ({samples}), with ŷ computed from w and b before the step:",
        "**这一步的批次**（{samples}），ŷ 用更新前的 w 和 b 计算：",
    ),
    "regression.batch_rows_cut": ("Showing the first {shown} of {count} rows.", "只显示 {count} 行中的前 {shown} 行。"),
    "regression.col_sample": ("sample", "样本"),
    "regression.col_y": ("y", "y"),
    "regression.col_yhat": ("ŷ", "ŷ"),
    "regression.col_residual": ("ŷ − y", "ŷ − y"),
    "regression.line_before": ("before the step", "更新前"),
    "regression.line_after": ("after the step", "更新后"),
    "regression.axis_yhat": ("prediction ŷ (before the step)", "预测值 ŷ（更新前）"),
    "regression.batch_highlight": (
        "The current batch is highlighted in orange; the other samples are grey.",
        "当前批次用橙色标出，其余样本为灰色。",
    ),
    "regression.step_table": (
        "**Steps {first}–{last} of {total}** (▶ marks the selected one; the full history is a CSV download in the last tab).",
        "**第 {first}–{last} 步，共 {total} 步**（▶ 标出所选的一步；完整历史可在最后一个标签页下载 CSV）。",
    ),
    "regression.col_step": ("step", "步"),
    "regression.col_epoch": ("epoch", "轮"),
    "regression.col_batch": ("batch indices", "批次样本编号"),
    "regression.col_loss": ("loss", "损失"),
    "regression.loss_title": ("Loss per step and per epoch", "每一步与每一轮的损失"),
    "regression.series_batch": ("batch loss (each step)", "批次损失（每一步）"),
    "regression.series_epoch": ("full-data loss (after each epoch)", "全部数据上的损失（每轮结束后）"),
    "regression.axis_step": ("step", "步"),
    "regression.axis_loss": ("loss", "损失"),
    "regression.loss_caption": (
        "The batch loss jumps around because each batch is a different sample of the data; the loss on all the data after each epoch is the smooth one.",
        "批次损失上下跳动，是因为每个批次抽到的样本不同；每轮结束后在全部数据上算的损失则平滑得多。",
    ),
    "regression.surface_title": ("The path on the loss surface", "损失曲面上的路径"),
    "regression.param_a": ("Horizontal axis", "横轴"),
    "regression.param_b": ("Vertical axis", "纵轴"),
    "regression.run_this": ("this run (batch {batch})", "本次训练（批大小 {batch}）"),
    "regression.mark_optimum": ("optimum", "最优解"),
    "regression.mark_current": ("now", "当前"),
    "regression.surface_caption": (
        "Colour: the loss on all the data as a function of {a} and {b}, the other parameters held at the normal-equation optimum. "
        "The diamond marks the closed-form optimum θ* = (AᵀA)⁻¹Aᵀy with A = [X, 1].",
        "颜色表示全部数据上的损失随 {a} 和 {b} 的变化，其他参数固定在正规方程的最优解上。"
        "菱形标出闭式最优解 θ* = (AᵀA)⁻¹Aᵀy，其中 A = [X, 1]。",
    ),
    "regression.distance_title": ("Distance to the optimum", "到最优解的距离"),
    "regression.axis_distance": ("‖θ − θ*‖", "‖θ − θ*‖"),
    "regression.regimes_intro": (
        "`torch.optim.SGD` only computes θ ← θ − η·∇θ from whatever gradient `backward()` left behind: it never sees the data set. "
        "The **DataLoader** decides what kind of gradient descent it is: batch size n is full-batch GD, 1 with shuffling is "
        "stochastic GD, anything between is mini-batch GD.",
        "`torch.optim.SGD` 只是用 `backward()` 留下的梯度计算 θ ← θ − η·∇θ，它根本看不到数据集。"
        "决定是哪一种梯度下降的是 **DataLoader**：批大小为 n 是全批量梯度下降，为 1 且打乱顺序是随机梯度下降，"
        "介于两者之间是小批量梯度下降。",
    ),
    "regression.strip_title": ("Which samples went into which batch", "哪些样本进了哪个批次"),
    "regression.strip_epoch": ("epoch {epoch}", "第 {epoch} 轮"),
    "regression.strip_x": (
        "position in the epoch (colour: batch; number: sample index)",
        "在本轮中的位置（颜色：批次；数字：样本编号）",
    ),
    "regression.strip_shuffled": (
        "With shuffling, every epoch draws a new order from the seeded generator: that, not `optim.SGD`, is the stochastic part.",
        "打乱顺序时，每一轮都从带种子的生成器中抽取一个新的顺序：随机性来自这里，而不是来自 `optim.SGD`。",
    ),
    "regression.strip_fixed": (
        "Shuffling is off: every epoch repeats the same order, so every epoch sees the same batches.",
        "没有打乱顺序：每一轮都重复同样的顺序，因此每一轮看到的批次完全相同。",
    ),
    "regression.compare_title": ("Batch sizes {sizes} side by side", "批大小 {sizes} 的对比"),
    "regression.compare_toggle": ("Train each of these batch sizes and compare", "分别用这几种批大小训练并对比"),
    "regression.compare_help": (
        "Trains the same data with the same settings at batch size 1, the current batch size and n.",
        "用相同的数据和设置，分别以批大小 1、当前批大小和 n 进行训练。",
    ),
    "regression.run_regime": ("{regime}, batch {batch}", "{regime}，批大小 {batch}"),
    "regression.compare_skipped": (
        "Batch size {batch} would need {steps} steps (limit {limit}); it is left out.",
        "批大小 {batch} 需要 {steps} 步（上限 {limit}），因此略去。",
    ),
    "regression.compare_diverged": (
        "Batch size {batch} diverged at step {step}.",
        "批大小 {batch} 在第 {step} 步发散。",
    ),
    "regression.compare_caption": (
        "Same number of epochs for each: full-batch GD takes few, smooth steps; SGD takes many noisy ones.",
        "三者训练的轮数相同：全批量梯度下降步数少、路径平滑；随机梯度下降步数多、路径曲折。",
    ),
    "regression.result_title": ("Final w and b", "最终的 w 和 b"),
    "regression.col_param": ("parameter", "参数"),
    "regression.col_start": ("initial", "初始值"),
    "regression.col_final": ("after training", "训练后"),
    "regression.col_optimum": ("normal equation", "正规方程"),
    "regression.col_true": ("true", "真实值"),
    "regression.result_gap": (
        "Distance from the trained θ to the normal-equation optimum: ‖θ − θ*‖ = {gap}.",
        "训练得到的 θ 与正规方程最优解的距离：‖θ − θ*‖ = {gap}。",
    ),
    "regression.script_title": ("Reproduce in plain PyTorch", "用纯 PyTorch 复现"),
    "regression.script_intro": (
        "This script uses only `nn.Linear`, `nn.MSELoss`, `optim.SGD` and a `DataLoader`; running it prints the same final w and b.",
        "这段脚本只用到 `nn.Linear`、`nn.MSELoss`、`optim.SGD` 和 `DataLoader`；运行后会打印出相同的最终 w 和 b。",
    ),
    "regression.script_too_big": (
        "The script writes the table into its code, which is only readable up to {limit} values; this table is larger.",
        "脚本会把表格直接写进代码里，只有不超过 {limit} 个数时才便于阅读；这个表格太大了。",
    ),
    "regression.history_title": ("Step history", "每一步的历史"),
    "regression.history_download": (
        "Download the history of every step as CSV ({steps})",
        "下载每一步的历史（CSV，{steps}）",
    ),
    "regression.history_no_indices": (
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
    # --- quiz mode (ui/regression_quiz.py) ---
    "regression.q_loss": (
        "Step {step} trains on the batch I = {batch} ({samples}), starting from w = {w} and b = {b}. "
        "What is the batch loss ℓ ({loss})?",
        "第 {step} 步在批次 I = {batch}（{samples}）上训练，起点是 w = {w}、b = {b}。这一批的损失 ℓ（{loss}）是多少？",
    ),
    "regression.q_loss_why": (
        "Residuals ŷ − y = {r}; ℓ = {k}·Σ(ŷᵢ − yᵢ)² = {k}·{squares} = {answer}.",
        "残差 ŷ − y = {r}；ℓ = {k}·Σ(ŷᵢ − yᵢ)² = {k}·{squares} = {answer}。",
    ),
    "regression.q_grad_w": (
        "Step {step} (batch I = {batch}, w = {w}, b = {b}): after loss.backward(), what is w.grad[{j}], "
        "that is ∂ℓ/∂w{js}?",
        "第 {step} 步（批次 I = {batch}，w = {w}，b = {b}）：执行 loss.backward() 之后，"
        "w.grad[{j}]（即 ∂ℓ/∂w{js}）是多少？",
    ),
    "regression.q_grad_w_why": (
        "w.grad[{j}] = {c}·Σᵢ (ŷᵢ − yᵢ)·X[i, {j}] = {c}·{dot} = {answer}.",
        "w.grad[{j}] = {c}·Σᵢ (ŷᵢ − yᵢ)·X[i, {j}] = {c}·{dot} = {answer}。",
    ),
    "regression.q_grad_b": (
        "Step {step} (batch I = {batch}, w = {w}, b = {b}): after loss.backward(), what is b.grad, that is ∂ℓ/∂b?",
        "第 {step} 步（批次 I = {batch}，w = {w}，b = {b}）：执行 loss.backward() 之后，b.grad（即 ∂ℓ/∂b）是多少？",
    ),
    "regression.q_grad_b_why": (
        "b.grad = {c}·Σ(ŷᵢ − yᵢ) = {c}·{total} = {answer}.",
        "b.grad = {c}·Σ(ŷᵢ − yᵢ) = {c}·{total} = {answer}。",
    ),
    "regression.q_next_w": (
        "With learning rate η = {lr}: what is w[{j}] after optimizer.step() at step {step} (it was {before})?",
        "学习率 η = {lr}：第 {step} 步执行 optimizer.step() 之后，w[{j}] 是多少（更新前是 {before}）？",
    ),
    "regression.q_next_w_why": (
        "w[{j}] − η·w.grad[{j}] = {before} − {lr}·{grad} = {answer}.",
        "w[{j}] − η·w.grad[{j}] = {before} − {lr}·{grad} = {answer}。",
    ),
    "regression.q_next_b": (
        "With learning rate η = {lr}: what is b after optimizer.step() at step {step} (it was {before})?",
        "学习率 η = {lr}：第 {step} 步执行 optimizer.step() 之后，b 是多少（更新前是 {before}）？",
    ),
    "regression.q_next_b_why": (
        "b − η·b.grad = {before} − {lr}·{grad} = {answer}.",
        "b − η·b.grad = {before} − {lr}·{grad} = {answer}。",
    ),
    "regression.ws_title": ("Linear regression by SGD: step {step}", "用 SGD 训练线性回归：第 {step} 步"),
    "regression.ws_features": ("Features", "特征"),
    "regression.ws_start": ("Start (w and b before step 1)", "初始值（第 1 步之前的 w 和 b）"),
    "regression.ws_step": ("Step asked about", "题目所问的步"),
    "regression.hidden_formula": (
        "The numbers of this step are hidden until the questions above are revealed.",
        "在揭晓上面的题目之前，这一步的数值先隐藏起来。",
    ),
}

# --- the page's UI: counted nouns, index convention, loss chart, layout (ui/regression_*.py) ---
STRINGS |= {
    "regression.list_sep": (", ", "、"),
    "regression.n_step_one": ("{n} step", "{n} 步"),
    "regression.n_step": ("{n} steps", "{n} 步"),
    "regression.n_sample_one": ("{n} sample", "{n} 个样本"),
    "regression.n_sample": ("{n} samples", "{n} 个样本"),
    "regression.n_feature_one": ("{n} feature", "{n} 个特征"),
    "regression.n_feature": ("{n} features", "{n} 个特征"),
    "regression.n_row_one": ("{n} usable row", "可用的行 {n} 行"),
    "regression.n_row": ("{n} usable rows", "可用的行 {n} 行"),
    "regression.index_convention": (
        "Indices are Python's, from 0: `w[0]` is w₀, the weight of feature x₀ (column 0 of X), and `w.grad[0]` "
        "is ∂ℓ/∂w₀. A step number is written as a superscript: w⁽ᵏ⁾ is w after step k, w⁽⁰⁾ the initial w.",
        "下标按 Python 的习惯从 0 开始：`w[0]` 就是 w₀，即特征 x₀（X 的第 0 列）的权重；`w.grad[0]` 就是 ∂ℓ/∂w₀。"
        "步数写在上标里：w⁽ᵏ⁾ 是第 k 步之后的 w，w⁽⁰⁾ 是初始的 w。",
    ),
    "regression.strip_cut_positions": (
        "Showing the first {positions} of the {n} positions of each epoch.",
        "每轮只显示 {n} 个位置中的前 {positions} 个。",
    ),
    "regression.strip_cut_epochs": (
        "Showing the first {epochs} of {total} epochs.",
        "只显示 {total} 轮中的前 {epochs} 轮。",
    ),
    "regression.series_epoch_scaled": ("full-data loss × B/n = {batch}/{n}", "全部数据上的损失 × B/n = {batch}/{n}"),
    "regression.loss_sum_caption": (
        "With reduction='sum' a batch loss adds up B = {batch} squared errors and the loss on all the data adds "
        "up n = {n}: the full-data loss is drawn multiplied by B/n = {batch}/{n}, so the two curves can be compared.",
        "使用 reduction='sum' 时，批次损失是 B = {batch} 个平方误差之和，全部数据上的损失是 n = {n} 个之和："
        "图中把全部数据上的损失乘以 B/n = {batch}/{n}，两条曲线才能相互比较。",
    ),
    "regression.loss_sum_last": (
        "The last batch of each epoch has only {last}, so its loss adds up fewer squared errors.",
        "每轮的最后一批只有 {last}，所以它的损失加起来的平方误差更少。",
    ),
    "regression.loss_caption_full": (
        "Full-batch GD: every step's batch is all the data, so the batch loss of a step is the full-data loss "
        "before that step, and the curve is smooth.",
        "全批量梯度下降：每一步的批次都是全部数据，因此某一步的批次损失就是这一步之前全部数据上的损失，曲线是平滑的。",
    ),
    "regression.param_help": (
        "w₀ … are the weights of features x₀ …, PyTorch's w[0] …; in the link they are pa=w0, pb=b.",
        "w₀ … 是特征 x₀ … 的权重，即 PyTorch 中的 w[0] …；链接里写作 pa=w0、pb=b。",
    ),
}
