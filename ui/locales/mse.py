"""Strings of the page "MSE reductions, opened up" and of its matrix editor."""

STRINGS = {
    "nav.mse": ("MSE reductions, opened up", "拆开看 MSE 的 reduction"),
    "mse.question": (
        "Why does `reduction='sum'` make my gradients 6× bigger?",
        "为什么 `reduction='sum'` 让我的梯度变大了 6 倍？",
    ),
    "mse.title": ("MSE reductions, opened up", "拆开看 MSE 的 reduction"),
    "mse.intro": (
        "Edit the prediction X and the target Y, pick a `reduction`, and see what `nn.MSELoss` computes and what "
        "`loss.backward()` puts in `X.grad`. Every number below is computed live by PyTorch in float64.",
        "编辑预测值 X 和目标值 Y，选择一个 `reduction`，看看 `nn.MSELoss` 算出了什么、`loss.backward()` 又往 "
        "`X.grad` 里放了什么。下面的每个数都由 PyTorch 以 float64 实时算出。",
    ),
    "mse.preset": ("Example", "示例"),
    "mse.preset.seed000": ("3×2 example (seed 000)", "3×2 示例（教程 000）"),
    "mse.preset.seed002": ("3×3 one-hot targets (seed 002)", "3×3 独热目标（教程 002）"),
    "mse.preset.random": ("Random pair (seeded)", "随机矩阵对（固定种子）"),
    "mse.preset.residuals": ("Regression residuals (6×1)", "回归残差（6×1）"),
    "mse.seed": ("Random seed", "随机种子"),
    "mse.rows": ("Rows n", "行数 n"),
    "mse.cols": ("Columns d", "列数 d"),
    "mse.size_help": (
        "X and Y share one shape, from 1×1 up to {limit}×{limit}. Resizing keeps the entries that still fit and fills new ones with 0.",
        "X 和 Y 形状相同，从 1×1 到 {limit}×{limit}。改变大小时保留仍在范围内的元素，新增的元素填 0。",
    ),
    "mse.url_matrix_allowed": (
        "rows of numbers like 3,1;4,2;5,3, at most {limit}×{limit}",
        "形如 3,1;4,2;5,3 的数字行，最大 {limit}×{limit}",
    ),
    "mse.x_label": ("**X**: prediction (`requires_grad=True`)", "**X**：预测值（`requires_grad=True`）"),
    "mse.y_label": ("**Y**: target", "**Y**：目标值"),
    "mse.no_result": (
        "Fix the input above to see the loss and its gradient.",
        "请先修正上面的输入，才能看到损失和梯度。",
    ),
    "mse.reduction": ("reduction", "reduction（归约方式）"),
    "mse.tab.result": ("Loss", "损失"),
    "mse.tab.grad": ("Gradient", "梯度"),
    "mse.tab.switch": ("When you switch", "切换时会变什么"),
    "mse.tab.norms": ("MSE vs norms", "MSE 与范数"),
    "mse.tab.numpy": ("NumPy by hand", "用 NumPy 手写"),
    "mse.tab.autograd": ("autograd.grad vs backward()", "autograd.grad 与 backward()"),
    "mse.tab.legacy": ("Legacy flags", "旧参数"),
    "mse.tab.code": ("Reproduce in PyTorch", "用 PyTorch 复现"),
    "mse.chart.squared_title": ("Squared error (X − Y)²", "平方误差 (X − Y)²"),
    "mse.result.loss": ("loss with reduction='{reduction}'", "reduction='{reduction}' 时的损失"),
    "mse.result.none": (
        "With `reduction='none'` the loss is not one number: it is the whole {n}×{d} matrix of squared errors, the heatmap on the left.",
        "`reduction='none'` 时损失不是一个数，而是整个 {n}×{d} 的平方误差矩阵，也就是左边的热力图。",
    ),
    "mse.result.explain_none": (
        "Nothing is summed or averaged: each entry is (x − y)² on its own.",
        "既不求和也不求平均：每个元素各自是 (x − y)²。",
    ),
    "mse.result.explain_mean": (
        "'mean' adds up all n·d = {n}·{d} = {nd} squared errors and divides by {nd}, whatever n and d are.",
        "'mean' 把全部 n·d = {n}·{d} = {nd} 个平方误差加起来，再除以 {nd}，不区分行和列。",
    ),
    "mse.result.explain_sum": (
        "'sum' adds up all squared errors and divides by nothing: it is ‖X − Y‖², the squared Frobenius norm.",
        "'sum' 把全部平方误差加起来，不做除法：它就是 ‖X − Y‖²，即 Frobenius 范数的平方。",
    ),
    "mse.grad.none_why": (
        "With `reduction='none'` the loss is a matrix, and `loss.backward()` only knows how to start from a single number (a scalar): "
        "for a matrix it would need to know how much each entry counts. PyTorch refuses with this error (triggered live):",
        "`reduction='none'` 时损失是一个矩阵，而 `loss.backward()` 只能从单个数（标量）开始反向传播："
        "对矩阵来说，它需要知道每个元素占多大权重。PyTorch 会拒绝并报出下面的错误（实时触发）：",
    ),
    "mse.grad.none_one_element": (
        "A 1×1 'none' loss holds a single number, so PyTorch accepts `loss.backward()` on it as if it were a scalar. "
        "Make X or Y bigger than 1×1 to see the error a matrix-valued loss raises.",
        "1×1 的 'none' 损失只有一个数，所以 PyTorch 把它当作标量，`loss.backward()` 可以直接运行。"
        "把 X 或 Y 改得比 1×1 大，就能看到矩阵形状的损失引发的错误。",
    ),
    "mse.grad.none_way_out": (
        "The way out: pass the weights yourself. With ones, `X.grad` is the gradient of the sum of all entries, the same as `reduction='sum'`:",
        "解决办法：自己传入权重。传入全 1 时，`X.grad` 就是所有元素之和的梯度，与 `reduction='sum'` 相同：",
    ),
    "mse.grad.autograd": (
        "**From autograd** (`loss.backward()`, then `X.grad`)",
        "**由自动求导得到**（`loss.backward()` 后的 `X.grad`）",
    ),
    "mse.grad.closed_mean": (
        "**By hand:** ∂loss/∂X = 2/(n·d) · (X − Y)",
        "**手算：** ∂loss/∂X = 2/(n·d) · (X − Y)",
    ),
    "mse.grad.closed_sum": ("**By hand:** ∂loss/∂X = 2 · (X − Y)", "**手算：** ∂loss/∂X = 2 · (X − Y)"),
    "mse.grad.max_diff": ("max |autograd − by hand|", "max |自动求导 − 手算|"),
    "mse.switch.ratio": (
        "Same data, two reductions: every entry of the 'sum' gradient is **n·d = {n}·{d} = {nd}** times the 'mean' gradient "
        "(measured here: {ratio}). The loss itself is {nd} times bigger too.",
        "同样的数据、两种 reduction：'sum' 梯度的每个元素都是 'mean' 梯度的 **n·d = {n}·{d} = {nd}** 倍"
        "（这里实测：{ratio}）。损失本身也大了 {nd} 倍。",
    ),
    "mse.switch.lr": ("Learning rate for 'mean'", "'mean' 使用的学习率"),
    "mse.switch.step_mean": ("X after one SGD step with 'mean', lr = {lr}", "用 'mean'、lr = {lr} 走一步 SGD 后的 X"),
    "mse.switch.step_sum": ("X after one SGD step with 'sum', lr = {lr}", "用 'sum'、lr = {lr} 走一步 SGD 后的 X"),
    "mse.switch.step_diff": ("max difference between the two steps", "两步结果的最大差"),
    "mse.switch.batch_title": ("The `sum / batch_size` idiom (seed 002)", "`sum / batch_size` 写法（教程 002）"),
    "mse.switch.batch_values": (
        "Here `pred.size(0)` = n = {n}: sum / n = **{per_batch}**, while 'mean' = **{mean}**.",
        "这里 `pred.size(0)` = n = {n}：sum / n = **{per_batch}**，而 'mean' = **{mean}**。",
    ),
    "mse.switch.batch_equal": (
        "They are equal because d = 1: with one column, the number of rows is the number of entries.",
        "两者相等，因为 d = 1：只有一列时，行数就是元素个数。",
    ),
    "mse.switch.batch_differs": (
        "They differ by a factor d = {d}: dividing by the batch size averages over rows only, 'mean' averages over all n·d entries.",
        "两者相差 d = {d} 倍：除以批大小只对行求平均，而 'mean' 对全部 n·d 个元素求平均。",
    ),
    "mse.norms.expression": ("expression", "表达式"),
    "mse.norms.value": ("value", "值"),
    "mse.norms.explain": (
        "The squared L2 norm ‖X − Y‖² = {sq} is exactly the 'sum' loss. The L2 norm itself, √{sq} = {norm}, is not a loss PyTorch's MSE "
        "computes, and 'mean' is the squared norm divided by n·d = {nd}.",
        "L2 范数的平方 ‖X − Y‖² = {sq} 恰好等于 'sum' 损失。L2 范数本身 √{sq} = {norm} 不是 MSE 会算的量；"
        "'mean' 则是范数平方除以 n·d = {nd}。",
    ),
    "mse.numpy.intro": (
        "Seed 002 writes MSE by hand in NumPy. With `axis=None` it averages every entry (PyTorch's 'mean'); with `axis=0` it "
        "averages down each column and returns one number per column.",
        "教程 002 用 NumPy 手写了 MSE。`axis=None` 时对所有元素求平均（即 PyTorch 的 'mean'）；`axis=0` 时沿每一列求平均，"
        "每列得到一个数。",
    ),
    "mse.numpy.axis_none": (
        "`axis=None` vs `MSELoss(reduction='mean')`",
        "`axis=None` 对比 `MSELoss(reduction='mean')`",
    ),
    "mse.numpy.axis_0": (
        "`axis=0` ({d} columns) vs `MSELoss(reduction='none')(X, Y).mean(dim=0)`",
        "`axis=0`（{d} 列）对比 `MSELoss(reduction='none')(X, Y).mean(dim=0)`",
    ),
    "mse.numpy.match": (
        "NumPy and PyTorch agree to {diff} (both float64).",
        "NumPy 与 PyTorch 的差在 {diff} 以内（都用 float64）。",
    ),
    "mse.autograd.uses_mean": (
        "'none' has no scalar loss to differentiate, so this tab uses 'mean'.",
        "'none' 没有可求导的标量损失，所以本页用 'mean' 演示。",
    ),
    "mse.autograd.grad_title": (
        "**`torch.autograd.grad`** returns the gradients as a tuple and leaves `X.grad` untouched",
        "**`torch.autograd.grad`** 以元组返回梯度，不改动 `X.grad`",
    ),
    "mse.autograd.backward_title": (
        "**`loss.backward()`** returns nothing and fills `X.grad`",
        "**`loss.backward()`** 不返回任何值，而是填入 `X.grad`",
    ),
    "mse.autograd.twice": (
        "Calling `backward()` a second time without zeroing **adds** the new gradient to `X.grad`: it doubles. "
        "That is why training loops call `optimizer.zero_grad()` before every `backward()`.",
        "不清零就第二次调用 `backward()`，新梯度会**累加**到 `X.grad` 上，结果翻倍。"
        "这就是训练循环在每次 `backward()` 之前都要调用 `optimizer.zero_grad()` 的原因。",
    ),
    "mse.legacy.intro": (
        "Old code writes `nn.MSELoss(size_average=..., reduce=...)`. PyTorch still accepts these flags, maps them to a `reduction` "
        "and warns. Pick a combination:",
        "旧代码会写 `nn.MSELoss(size_average=..., reduce=...)`。PyTorch 仍接受这两个参数，把它们换算成某个 `reduction` 并发出警告。"
        "选一种组合：",
    ),
    "mse.legacy.maps_to": (
        "`size_average={size_average}, reduce={reduce}` → `reduction='{reduction}'`",
        "`size_average={size_average}, reduce={reduce}` → `reduction='{reduction}'`",
    ),
    "mse.legacy.warning": ("The warning PyTorch gives (caught live):", "PyTorch 给出的警告（实时捕获）："),
    "mse.legacy.no_warning": (
        "With both flags left at None PyTorch gives no warning and uses `reduction='mean'`.",
        "两个参数都保持 None 时，PyTorch 不发出警告，使用 `reduction='mean'`。",
    ),
    "mse.legacy.table": (
        "All 9 combinations, as PyTorch maps them: `reduce=False` always gives 'none'; otherwise `size_average=False` gives 'sum'; "
        "everything else is 'mean'.",
        "全部 9 种组合（与 PyTorch 的换算一致）：`reduce=False` 一律得到 'none'；否则 `size_average=False` 得到 'sum'；"
        "其余都是 'mean'。",
    ),
    "mse.code.intro": (
        "Copy this into a Python file: it uses only PyTorch and prints the same loss and `X.grad` as this page.",
        "把这段代码复制到 Python 文件里运行：它只用到 PyTorch，打印出的损失和 `X.grad` 与本页相同。",
    ),
    "err.matrix_empty": (
        "{name}: the cell in row {row}, column {col} is empty; type a number.",
        "{name}：第 {row} 行第 {col} 列的单元格是空的，请填入一个数。",
    ),
    "err.matrix_text": (
        "{name}: the cell in row {row}, column {col} holds {value}, which is not a number.",
        "{name}：第 {row} 行第 {col} 列的内容是 {value}，不是数字。",
    ),
    "err.matrix_not_finite": (
        "{name}: the cell in row {row}, column {col} holds {value}; only finite numbers are allowed.",
        "{name}：第 {row} 行第 {col} 列的值是 {value}；只允许有限的数。",
    ),
    "err.matrix_size": (
        "{name} is {rows}×{cols}; matrices must be between 1×1 and {limit}×{limit}.",
        "{name} 的大小是 {rows}×{cols}；矩阵大小必须在 1×1 到 {limit}×{limit} 之间。",
    ),
    "err.mse_choice": (
        "{name} must be one of {allowed}, got {value}.",
        "{name} 必须是 {allowed} 之一，得到的是 {value}。",
    ),
    "err.matrix_ragged": ("{name} has rows of different lengths.", "{name} 的各行长度不一致。"),
    "mse.quiz.data_inline": ("X = {x} and Y = {y}", "X = {x}、Y = {y}"),
    "mse.quiz.data_above": ("the {n}×{d} X and Y above", "上面的 {n}×{d} 矩阵 X 和 Y"),
    "mse.quiz.sq": (
        "Row {row}, column {col}: x = {x}, y = {y}. What is its squared error (x − y)²?",
        "第 {row} 行第 {col} 列：x = {x}，y = {y}。它的平方误差 (x − y)² 是多少？",
    ),
    "mse.quiz.sq_why": ("(x − y)² = ({x} − {y})² = {diff}² = {sq}", "(x − y)² = ({x} − {y})² = {diff}² = {sq}"),
    "mse.quiz.loss": (
        "With reduction='{reduction}', what is the loss for {data}?",
        "reduction='{reduction}' 时，{data} 的损失是多少？",
    ),
    "mse.quiz.loss_none": (
        "With reduction='none' the loss for {data} is a matrix. What is loss.sum(), the sum of its entries?",
        "reduction='none' 时，{data} 的损失是一个矩阵。它所有元素之和 loss.sum() 是多少？",
    ),
    "mse.quiz.loss_mean_why": (
        "Add the squared errors, {terms} = {total}, and divide by n·d = {nd}: {total}/{nd} = {loss}",
        "把平方误差相加，{terms} = {total}，再除以 n·d = {nd}：{total}/{nd} = {loss}",
    ),
    "mse.quiz.loss_sum_why": (
        "Add the squared errors and divide by nothing: {terms} = {loss}",
        "把平方误差相加，不做除法：{terms} = {loss}",
    ),
    "mse.quiz.loss_none_why": (
        "loss.sum() adds the squared errors, {terms} = {total}: the same number as reduction='sum'",
        "loss.sum() 把平方误差相加，{terms} = {total}：与 reduction='sum' 的结果相同",
    ),
    "mse.quiz.grad_mean": (
        "With reduction='mean' on these {n}×{d} matrices, what is X.grad in row {row}, column {col} (x = {x}, y = {y})?",
        "reduction='mean' 时，对这两个 {n}×{d} 矩阵，X.grad 第 {row} 行第 {col} 列（x = {x}，y = {y}）是多少？",
    ),
    "mse.quiz.grad_sum": (
        "With reduction='sum', what is X.grad in row {row}, column {col} (x = {x}, y = {y})?",
        "reduction='sum' 时，X.grad 第 {row} 行第 {col} 列（x = {x}，y = {y}）是多少？",
    ),
    "mse.quiz.grad_none": (
        "With reduction='none' and loss.backward(gradient=torch.ones_like(loss)), what is X.grad in row {row}, "
        "column {col} (x = {x}, y = {y})?",
        "reduction='none' 并调用 loss.backward(gradient=torch.ones_like(loss)) 后，X.grad 第 {row} 行第 {col} 列"
        "（x = {x}，y = {y}）是多少？",
    ),
    "mse.quiz.grad_why": (
        "X.grad = {scale} · (x − y) = {scale} · {diff} = {grad}",
        "X.grad = {scale} · (x − y) = {scale} · {diff} = {grad}",
    ),
    "mse.quiz.ratio": (
        "Same {n}×{d} data: how many times bigger is X.grad in row {row}, column {col} with 'sum' than with 'mean'?",
        "同样的 {n}×{d} 数据：第 {row} 行第 {col} 列的 X.grad，用 'sum' 是用 'mean' 的多少倍？",
    ),
    "mse.quiz.ratio_why": (
        "'sum' skips the division by n·d: {sum} / {mean} = n·d = {n}·{d} = {ratio}",
        "'sum' 省去了除以 n·d 这一步：{sum} / {mean} = n·d = {n}·{d} = {ratio}",
    ),
    "mse.quiz.batch": (
        "The idiom MSELoss(reduction='sum')(pred, y) / pred.size(0) divides by the n = {n} rows. What does it give for {data}?",
        "写法 MSELoss(reduction='sum')(pred, y) / pred.size(0) 除以行数 n = {n}。对 {data}，它得到多少？",
    ),
    "mse.quiz.batch_why": (
        "sum / n = {sum} / {n} = {value}, which is d = {d} times the 'mean' loss {mean}",
        "sum / n = {sum} / {n} = {value}，是 'mean' 损失 {mean} 的 d = {d} 倍",
    ),
    "mse.quiz.ws_title": ("MSE reductions: predict, then check", "MSE 的 reduction：先预测，再验证"),
    "mse.quiz.ws_x": ("X (prediction)", "X（预测值）"),
    "mse.quiz.ws_y": ("Y (target)", "Y（目标值）"),
    "mse.quiz.ws_shape": ("shape n × d", "形状 n × d"),
}
