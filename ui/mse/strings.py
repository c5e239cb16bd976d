"""Strings of the page "MSE reductions, opened up" and of its matrix editor."""

STRINGS = {
    "nav.mse": ("MSE reductions, opened up", "拆开看 MSE 的 reduction"),
    "mse.page.question": (
        "Why does `reduction='sum'` make my gradients {nd}× bigger than `'mean'` here (n·d = {n}·{d} = {nd})?",
        "为什么这里 `reduction='sum'` 的梯度是 `'mean'` 的 {nd} 倍（n·d = {n}·{d} = {nd}）？",
    ),
    "mse.page.question_quiz": (
        "Why does `reduction='sum'` make my gradients bigger than `'mean'`, and by how much?",
        "为什么 `reduction='sum'` 的梯度比 `'mean'` 大？大多少倍？",
    ),
    "mse.page.title": ("MSE reductions, opened up", "拆开看均方误差（MSE）的 reduction"),
    "mse.page.intro": (
        "Edit the prediction X and the target Y, pick a `reduction`, and see what `nn.MSELoss` computes and what `loss.backward()` puts in `X.grad`. Every number below is computed live by PyTorch in float64 (float32 on Apple's MPS, which has no float64); every code block runs as shown, top to bottom, in a fresh Python.",
        "编辑预测值 X 和目标值 Y，选择一个 `reduction`，看看 `nn.MSELoss` 算出了什么、`loss.backward()` 又往 `X.grad` 里放了什么。下面的每个数都由 PyTorch 以 float64 实时算出（Apple 的 MPS 不支持 float64，在那里用 float32）；每个代码块都能在全新的 Python 中按原样自上而下运行。",
    ),
    "mse.input.preset": ("Example", "示例"),
    "mse.preset.seed000": ("3×2 example (seed 000)", "3×2 示例（教程 000）"),
    "mse.preset.seed002": ("3×3 one-hot targets (seed 002)", "3×3 独热目标（教程 002）"),
    "mse.preset.random": ("Random pair (seeded)", "随机矩阵对（固定种子）"),
    "mse.preset.toy_regression": (
        "Toy regression: predictions of w = [1, 2], b = 0 vs its 6 labels (6×1, seed 000)",
        "玩具回归：w = [1, 2]、b = 0 的预测值对比 6 个标签（6×1，教程 000）",
    ),
    "mse.input.seed": ("Random seed", "随机种子"),
    "mse.input.rows": ("Rows n", "行数 n"),
    "mse.input.cols": ("Columns d", "列数 d"),
    "mse.input.size_help": (
        "X and Y share one shape, from 1×1 up to {limit}×{limit}. Resizing keeps the entries that still fit and fills new ones with 0.",
        "X 和 Y 形状相同，从 1×1 到 {limit}×{limit}。改变大小时保留仍在范围内的元素，新增的元素填 0。",
    ),
    "mse.input.url_matrix_allowed": (
        "rows of numbers like 3,1;4,2;5,3, at most {limit}×{limit}",
        "形如 3,1;4,2;5,3 的数字行，最大 {limit}×{limit}",
    ),
    "mse.input.x_label": ("**X**: prediction (`requires_grad=True`)", "**X**：预测值（`requires_grad=True`）"),
    "mse.input.y_label": ("**Y**: target", "**Y**：目标值"),
    "mse.input.no_result": (
        "Fix the input above to see the loss and its gradient.",
        "请先修正上面的输入，才能看到损失和梯度。",
    ),
    "mse.input.reduction": ("reduction", "reduction（归约方式）"),
    "mse.tab.result": ("Loss", "损失"),
    "mse.tab.grad": ("Gradient", "梯度"),
    "mse.tab.switch": ("When you switch", "切换时会变什么"),
    "mse.tab.norms": ("MSE vs norms", "MSE 与范数"),
    "mse.tab.numpy": ("NumPy by hand", "用 NumPy 手写"),
    "mse.tab.autograd": ("autograd.grad vs backward()", "autograd.grad 与 backward()"),
    "mse.tab.legacy": ("Legacy flags", "旧参数"),
    "mse.tab.code": ("Reproduce in PyTorch", "用 PyTorch 复现"),
    "mse.chart.squared_title": ("Squared error (X − Y)²", "平方误差 (X − Y)²"),
    "mse.chart.row": ("row", "行"),
    "mse.chart.col": ("column", "列"),
    "mse.chart.squared_summary": (
        "The largest squared error is {value}, in row {row}, column {col} (counted from 0, as X[{row}, {col}]): x = {x}, y = {y}. All n·d = {count} squared errors add up to {total}.",
        "最大的平方误差是 {value}，在第 {row} 行第 {col} 列（从 0 数起，即 X[{row}, {col}]）：x = {x}，y = {y}。全部 n·d = {count} 个平方误差之和为 {total}。",
    ),
    "mse.chart.squared_zero": (
        "Every squared error is 0, because X = Y.",
        "每个平方误差都是 0，因为 X = Y。",
    ),
    "mse.chart.grad_positive": (
        "The largest entry of X.grad in size is {value}, in row {row}, column {col} (counted from 0, as X.grad[{row}, {col}]). It is positive because x = {x} is above y = {y} there, so a gradient-descent step X − lr·X.grad lowers x.",
        "X.grad 中绝对值最大的元素是 {value}，在第 {row} 行第 {col} 列（从 0 数起，即 X.grad[{row}, {col}]）。它是正的，因为那里 x = {x} 大于 y = {y}，所以梯度下降的一步 X − lr·X.grad 会让 x 变小。",
    ),
    "mse.chart.grad_negative": (
        "The largest entry of X.grad in size is {value}, in row {row}, column {col} (counted from 0, as X.grad[{row}, {col}]). It is negative because x = {x} is below y = {y} there, so a gradient-descent step X − lr·X.grad raises x.",
        "X.grad 中绝对值最大的元素是 {value}，在第 {row} 行第 {col} 列（从 0 数起，即 X.grad[{row}, {col}]）。它是负的，因为那里 x = {x} 小于 y = {y}，所以梯度下降的一步 X − lr·X.grad 会让 x 变大。",
    ),
    "mse.chart.grad_zero": (
        "Every entry of X.grad is 0, because X = Y.",
        "X.grad 的每个元素都是 0，因为 X = Y。",
    ),
    "mse.result.loss": ("loss with reduction='{reduction}'", "reduction='{reduction}' 时的损失"),
    "mse.result.none": (
        "With `reduction='none'` the loss is not one number: it is the whole {n}×{d} matrix of squared errors (x − y)², one per entry.",
        "`reduction='none'` 时损失不是一个数，而是整个 {n}×{d} 的平方误差矩阵，每个元素各有一个 (x − y)²。",
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
        "'sum' adds up all n·d = {nd} squared errors and divides by nothing: it is $\\|X - Y\\|_F^2$, the squared Frobenius norm (the 2-norm of all entries taken as one vector).",
        "'sum' 把全部 n·d = {nd} 个平方误差加起来，不做除法：它就是 $\\|X - Y\\|_F^2$，即 Frobenius 范数的平方（把所有元素看成一个向量后的 2-范数的平方）。",
    ),
    "mse.grad.none_why": (
        "With `reduction='none'` the loss is a matrix, and `loss.backward()` only starts on its own from a single number (a scalar): for a matrix it needs to be told how much each entry counts. PyTorch refuses with this error (triggered live):",
        "`reduction='none'` 时损失是一个矩阵，而 `loss.backward()` 只能自动从单个数（标量）开始反向传播：对矩阵来说，必须告诉它每个元素占多大权重。PyTorch 会拒绝并报出下面的错误（实时触发）：",
    ),
    "mse.grad.none_one_element": (
        "A 1×1 'none' loss holds a single number, so PyTorch accepts `loss.backward()` on it as if it were a scalar; `X.grad` is then the gradient of that one entry, which is also the gradient of `loss.sum()`. Make X and Y bigger than 1×1 to see the error a matrix-valued loss raises.",
        "1×1 的 'none' 损失只有一个数，所以 PyTorch 把它当作标量，`loss.backward()` 可以直接运行；此时 `X.grad` 就是这唯一元素的梯度，也等于 `loss.sum()` 的梯度。把 X 和 Y 改得比 1×1 大，就能看到矩阵形状的损失引发的错误。",
    ),
    "mse.grad.none_way_out": (
        "The way out: pass the weights yourself. With ones, `X.grad` is the gradient of `loss.sum()` (the vector-Jacobian product with a tensor of ones), not a gradient of the matrix `loss` itself; it equals the `reduction='sum'` gradient:",
        "解决办法：自己传入权重。传入全 1 时，`X.grad` 是 `loss.sum()` 的梯度（与全 1 张量的向量-雅可比积），而不是矩阵 `loss` 本身的梯度；它与 `reduction='sum'` 的梯度相同：",
    ),
    "mse.grad.max_diff": ("max |autograd − by hand|", "max |自动求导 − 手算|"),
    "mse.switch.ratio": (
        "Same data, two reductions: every entry of the 'sum' gradient is **n·d = {n}·{d} = {nd}** times the 'mean' gradient (measured here: {ratio}), because 'mean' divides by n·d and 'sum' does not. The loss itself is {nd} times bigger too.",
        "同样的数据、两种 reduction：'sum' 梯度的每个元素都是 'mean' 梯度的 **n·d = {n}·{d} = {nd}** 倍（这里实测：{ratio}），因为 'mean' 除以 n·d 而 'sum' 不除。损失本身也大了 {nd} 倍。",
    ),
    "mse.switch.lr": ("Learning rate for 'mean'", "'mean' 使用的学习率"),
    "mse.switch.step_mean": ("X after one SGD step with 'mean', lr {lr}", "用 'mean'、lr {lr} 走一步 SGD 后的 X"),
    "mse.switch.step_sum": ("X after one SGD step with 'sum', lr {lr}", "用 'sum'、lr {lr} 走一步 SGD 后的 X"),
    "mse.switch.step_diff": ("max difference between the two steps", "两步结果的最大差"),
    "mse.switch.batch_title": ("The `sum / batch size` idiom (seed 002)", "`sum / 批大小` 写法（教程 002）"),
    "mse.switch.batch_values": (
        "Here `X.size(0)` = n = {n}: sum / n = **{per_batch}**, while 'mean' = **{mean}**.",
        "这里 `X.size(0)` = n = {n}：sum / n = **{per_batch}**，而 'mean' = **{mean}**。",
    ),
    "mse.switch.batch_equal": (
        "They are equal because d = 1: with one column, the number of rows is the number of entries.",
        "两者相等，因为 d = 1：只有一列时，行数就是元素个数。",
    ),
    "mse.switch.batch_differs": (
        "They differ by a factor d = {d}: dividing by the batch size n averages over rows only, 'mean' averages over all n·d entries.",
        "两者相差 d = {d} 倍：除以批大小 n 只对行求平均，而 'mean' 对全部 n·d 个元素求平均。",
    ),
    "mse.norms.expression": ("expression", "表达式"),
    "mse.norms.value": ("value", "值"),
    "mse.numpy.intro": (
        "Seed 002 writes MSE by hand in NumPy. With `axis=None` it averages every entry (PyTorch's 'mean'); with `axis=0` it averages down each column and returns one number per column.",
        "教程 002 用 NumPy 手写了 MSE。`axis=None` 时对所有元素求平均（即 PyTorch 的 'mean'）；`axis=0` 时沿每一列求平均，每列得到一个数。",
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
        "NumPy and PyTorch differ by {diff} (both float64).",
        "NumPy 与 PyTorch 相差 {diff}（都用 float64）。",
    ),
    "mse.autograd.uses_mean": (
        "This tab compares the two calls on a scalar loss, so with 'none' it makes one with 'mean'.",
        "本标签页在标量损失上比较这两种调用，所以 'none' 时改用 'mean' 构造一个标量损失。",
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
        "Calling `backward()` a second time without clearing `X.grad` **adds** the new gradient to it: it doubles. That second call on the same graph works only because the first one kept the graph (`retain_graph=True`); this one does not keep it, so the graph is freed afterwards.",
        "不清零就第二次调用 `backward()`，新梯度会**累加**到 `X.grad` 上，结果翻倍。在同一个图上的这第二次调用之所以可行，只是因为第一次保留了图（`retain_graph=True`）；这一次没有保留，所以之后图就被释放了。",
    ),
    "mse.legacy.intro": (
        "Old code writes `nn.MSELoss(size_average=..., reduce=...)`. PyTorch still accepts these flags, and they win over `reduction=`: whenever either one is given, `nn.MSELoss` turns them into a reduction (`legacy_get_string` in `torch/nn/_reduction.py`), ignores the `reduction=` passed beside them, and warns. Run live:",
        "旧代码会写 `nn.MSELoss(size_average=..., reduce=...)`。PyTorch 仍接受这两个参数，而且它们优先于 `reduction=`：只要给出其中任何一个，`nn.MSELoss` 就用它们换算出 reduction（`torch/nn/_reduction.py` 中的 `legacy_get_string`），忽略同时传入的 `reduction=`，并发出警告。实时运行：",
    ),
    "mse.legacy.maps_to": (
        "`size_average={size_average}, reduce={reduce}` → `reduction='{reduction}'`",
        "`size_average={size_average}, reduce={reduce}` → `reduction='{reduction}'`",
    ),
    "mse.legacy.no_warning": (
        "With both flags left at None PyTorch gives no warning and uses the `reduction=` argument (here '{reduction}').",
        "两个参数都保持 None 时，PyTorch 不发出警告，使用 `reduction=` 参数（这里是 '{reduction}'）。",
    ),
    "mse.legacy.table": (
        "All 9 combinations, each read off a real `nn.MSELoss(size_average=..., reduce=..., reduction='{reduction}')`: `reduce=False` always gives 'none'; otherwise `size_average=False` gives 'sum'; with a flag set, everything else is 'mean'. Whenever either flag is not None, PyTorch warns and the flags replace `reduction=`.",
        "全部 9 种组合，每一行都读自真实的 `nn.MSELoss(size_average=..., reduce=..., reduction='{reduction}')`：`reduce=False` 一律得到 'none'；否则 `size_average=False` 得到 'sum'；只要设了某个参数，其余情况都是 'mean'。只要有一个参数不是 None，PyTorch 就会发出警告，并用这两个参数取代 `reduction=`。",
    ),
    "mse.code.intro": (
        "Save this as a Python file and run it (or download it): it uses only PyTorch and prints the same loss and `X.grad` as this page.",
        "把这段代码存成 Python 文件运行（或直接下载）：它只用到 PyTorch，打印出的损失和 `X.grad` 与本页相同。",
    ),
    "err.matrix_empty": (
        "{name}: the cell in row {row}, column {col} (counted from 0) is empty; type a number.",
        "{name}：第 {row} 行第 {col} 列（从 0 数起）的单元格是空的，请填入一个数。",
    ),
    "err.matrix_text": (
        "{name}: the cell in row {row}, column {col} (counted from 0) holds {value}, which is not a number.",
        "{name}：第 {row} 行第 {col} 列（从 0 数起）的内容是 {value}，不是数字。",
    ),
    "err.matrix_not_finite": (
        "{name}: the cell in row {row}, column {col} (counted from 0) holds {value}; only finite numbers are allowed.",
        "{name}：第 {row} 行第 {col} 列（从 0 数起）的值是 {value}；只允许有限的数。",
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
        "Row {row}, column {col} (counted from 0, as X[{row}, {col}]): x = {x}, y = {y}. What is its squared error (x − y)²?",
        "第 {row} 行第 {col} 列（从 0 数起，即 X[{row}, {col}]）：x = {x}，y = {y}。它的平方误差 (x − y)² 是多少？",
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
        "With reduction='mean' on these {n}×{d} matrices, what is X.grad[{row}, {col}] (x = {x}, y = {y})?",
        "reduction='mean' 时，对这两个 {n}×{d} 矩阵，X.grad[{row}, {col}]（x = {x}，y = {y}）是多少？",
    ),
    "mse.quiz.grad_sum": (
        "With reduction='sum', what is X.grad[{row}, {col}] (x = {x}, y = {y})?",
        "reduction='sum' 时，X.grad[{row}, {col}]（x = {x}，y = {y}）是多少？",
    ),
    "mse.quiz.grad_none": (
        "With reduction='none', loss.backward(gradient=torch.ones_like(loss)) puts the gradient of loss.sum() in X.grad. What is X.grad[{row}, {col}] (x = {x}, y = {y})?",
        "reduction='none' 时，loss.backward(gradient=torch.ones_like(loss)) 把 loss.sum() 的梯度放进 X.grad。X.grad[{row}, {col}]（x = {x}，y = {y}）是多少？",
    ),
    "mse.quiz.grad_why": (
        "X.grad = {scale} · (x − y) = {scale} · {diff} = {grad}",
        "X.grad = {scale} · (x − y) = {scale} · {diff} = {grad}",
    ),
    "mse.quiz.grad_none_why": (
        "With the ones, X.grad is the gradient of loss.sum(): 2 · (x − y) = 2 · {diff} = {grad}",
        "传入全 1 时，X.grad 是 loss.sum() 的梯度：2 · (x − y) = 2 · {diff} = {grad}",
    ),
    "mse.quiz.ratio": (
        "Same {n}×{d} data: how many times bigger is X.grad[{row}, {col}] with 'sum' than with 'mean'?",
        "同样的 {n}×{d} 数据：X.grad[{row}, {col}] 用 'sum' 是用 'mean' 的多少倍？",
    ),
    "mse.quiz.ratio_why": (
        "'sum' skips the division by n·d: {sum} / {mean} = n·d = {n}·{d} = {ratio}",
        "'sum' 省去了除以 n·d 这一步：{sum} / {mean} = n·d = {n}·{d} = {ratio}",
    ),
    "mse.quiz.batch": (
        "The idiom MSELoss(reduction='sum')(X, Y) / X.size(0) divides by the n = {n} rows. What does it give for {data}?",
        "写法 MSELoss(reduction='sum')(X, Y) / X.size(0) 除以行数 n = {n}。对 {data}，它得到多少？",
    ),
    "mse.quiz.batch_why": (
        "sum / n = {sum} / {n} = {value}, which is d = {d} times the 'mean' loss {mean}",
        "sum / n = {sum} / {n} = {value}，是 'mean' 损失 {mean} 的 d = {d} 倍",
    ),
    "mse.quiz.ws_title": ("MSE reductions: predict, then check", "MSE 的 reduction：先预测，再验证"),
    "mse.quiz.ws_x": ("X (prediction)", "X（预测值）"),
    "mse.quiz.ws_y": ("Y (target)", "Y（目标值）"),
    "mse.quiz.ws_shape": ("shape n × d", "形状 n × d"),
    "mse.autograd.uses_mean_raises": (
        "On the 'none' matrix `torch.autograd.grad` raises the same error as `backward()` (it too needs a scalar, or `grad_outputs=`), so this tab makes a scalar loss with 'mean':",
        "在 'none' 的矩阵上，`torch.autograd.grad` 会报出和 `backward()` 相同的错误（它同样需要标量，或传入 `grad_outputs=`），所以本标签页改用 'mean' 构造一个标量损失：",
    ),
    "mse.autograd.freed": (
        "A third `backward()` through the freed graph fails with PyTorch's own message:",
        "第三次通过已释放的图调用 `backward()` 会失败，PyTorch 的报错如下：",
    ),
    "mse.autograd.fresh": (
        "A training loop does neither: each step clears `.grad` (`optimizer.zero_grad()`) and runs a fresh forward pass, which builds a new graph, so each graph gets exactly one `backward()`. Gradients accumulate only if you skip the clearing, across steps, each with its own graph. Here: one gradient again.",
        "训练循环两者都不做：每一步先清空 `.grad`（`optimizer.zero_grad()`），再做一次新的前向计算，它会建立一个新的图，所以每个图恰好只调用一次 `backward()`。只有跳过清零时，梯度才会跨步累加，而每一步都有自己的图。这里：又回到一份梯度。",
    ),
    "mse.legacy.none_loss": ("the 'none' matrix (X − Y)²", "'none' 的矩阵 (X − Y)²"),
    "mse.legacy.warns": ("warns", "是否警告"),
    "mse.legacy.yes": ("yes", "是"),
    "mse.legacy.no": ("no", "否"),
    "mse.code.intro_none": (
        "Save this as a Python file and run it (or download it): it uses only PyTorch and prints the same 'none' loss matrix as this page, and `X.grad`, the gradient of `loss.sum()`.",
        "把这段代码存成 Python 文件运行（或直接下载）：它只用到 PyTorch，打印出与本页相同的 'none' 损失矩阵，以及 `X.grad`，即 `loss.sum()` 的梯度。",
    ),
    "mse.input.preset_renamed": (
        "The example `preset={old}` is now called `preset={new}` (the same matrices); this link was updated.",
        "示例 `preset={old}` 已更名为 `preset={new}`（矩阵相同）；此链接已自动更新。",
    ),
    "mse.page.question_one": (
        "Why do `reduction='sum'` and `'mean'` give the same gradient here, when n·d = 1?",
        "为什么 n·d = 1 时，`reduction='sum'` 与 `'mean'` 的梯度相同？",
    ),
    "mse.grad.autograd_mean": (
        "**From autograd** (`loss.backward()`, then `X.grad`)",
        "**由自动求导得到**（`loss.backward()` 后的 `X.grad`）",
    ),
    "mse.grad.autograd_sum": (
        "**From autograd** (`loss.backward()`, then `X.grad`)",
        "**由自动求导得到**（`loss.backward()` 后的 `X.grad`）",
    ),
    "mse.grad.autograd_none": (
        "**From autograd:** `X.grad` after `loss.backward(gradient=torch.ones_like(loss))`, the gradient of `loss.sum()`",
        "**由自动求导得到：** `loss.backward(gradient=torch.ones_like(loss))` 后的 `X.grad`，即 `loss.sum()` 的梯度",
    ),
    "mse.grad.autograd_one": (
        "**From autograd** (`loss.backward()`, then `X.grad`): the gradient of the one entry, which is that of `loss.sum()`",
        "**由自动求导得到**（`loss.backward()` 后的 `X.grad`）：唯一元素的梯度，也就是 `loss.sum()` 的梯度",
    ),
    "mse.grad.closed_mean": (
        "**By hand:** ∂loss/∂X = 2/(n·d) · (X − Y) = 2/{nd} · (X − Y)",
        "**手算：** ∂loss/∂X = 2/(n·d) · (X − Y) = 2/{nd} · (X − Y)",
    ),
    "mse.grad.closed_sum": ("**By hand:** ∂loss/∂X = 2 · (X − Y)", "**手算：** ∂loss/∂X = 2 · (X − Y)"),
    "mse.grad.closed_none": (
        "**By hand:** ∂(loss.sum())/∂X = 2 · (X − Y): each entry (x − y)² has derivative 2(x − y), and the ones weight each by 1",
        "**手算：** ∂(loss.sum())/∂X = 2 · (X − Y)：每个元素 (x − y)² 的导数是 2(x − y)，全 1 权重让每个元素都乘以 1",
    ),
    "mse.switch.ratio_zero": (
        "Same data, two reductions: 'mean' divides by n·d = {n}·{d} = {nd} and 'sum' does not, so the 'sum' gradient is {nd} times the 'mean' one. Here X = Y, so both gradients are 0 and there is no ratio to measure.",
        "同样的数据、两种 reduction：'mean' 除以 n·d = {n}·{d} = {nd} 而 'sum' 不除，所以 'sum' 梯度是 'mean' 梯度的 {nd} 倍。这里 X = Y，两个梯度都是 0，没有比值可测。",
    ),
    "mse.norms.intro": (
        "Which norm is the MSE? For a matrix, `torch.norm(X − Y, 2)` flattens it and takes the 2-norm of all its entries as one vector: that is the **Frobenius norm** $\\|X - Y\\|_F$. The matrix 2-norm of linear algebra, the **spectral norm** $\\|X - Y\\|_2$ (the largest singular value, `torch.linalg.matrix_norm(X − Y, ord=2)`), is a different number. (`torch.norm` is deprecated; `torch.linalg.vector_norm` and `torch.linalg.matrix_norm` say which one they compute.)",
        "MSE 对应哪个范数？对矩阵来说，`torch.norm(X − Y, 2)` 会把它展平，对全部元素组成的向量取 2-范数：这就是 **Frobenius 范数** $\\|X - Y\\|_F$。线性代数里矩阵的 2-范数，即**谱范数** $\\|X - Y\\|_2$（最大奇异值，`torch.linalg.matrix_norm(X − Y, ord=2)`），是另一个数。（`torch.norm` 已被弃用；`torch.linalg.vector_norm` 和 `torch.linalg.matrix_norm` 会明确算的是哪一种。）",
    ),
    "mse.norms.what": ("what it is", "含义"),
    "mse.norms.what_sum": ("the 'sum' loss", "'sum' 损失"),
    "mse.norms.what_fro_sq": ("squared Frobenius norm", "Frobenius 范数的平方"),
    "mse.norms.what_fro": (
        "Frobenius norm (all entries as one vector, 2-norm)",
        "Frobenius 范数（全部元素作为一个向量的 2-范数）",
    ),
    "mse.norms.what_spectral": ("spectral norm (largest singular value)", "谱范数（最大奇异值）"),
    "mse.norms.what_spectral_sq": ("squared spectral norm", "谱范数的平方"),
    "mse.norms.what_mean": (
        "the 'mean' loss = squared Frobenius norm / (n·d)",
        "'mean' 损失 = Frobenius 范数的平方 / (n·d)",
    ),
    "mse.norms.explain": (
        "The squared Frobenius norm $\\|X - Y\\|_F^2$ = {sq} is exactly the 'sum' loss, and 'mean' is it divided by n·d = {nd}. The Frobenius norm itself, {fro}, is not a loss MSE computes. The spectral norm is {spec}, its square {spec_sq}.",
        "Frobenius 范数的平方 $\\|X - Y\\|_F^2$ = {sq} 恰好等于 'sum' 损失，'mean' 则是它除以 n·d = {nd}。Frobenius 范数本身 {fro} 不是 MSE 会算的量。谱范数是 {spec}，其平方是 {spec_sq}。",
    ),
    "mse.norms.rank_one": (
        "Here the two squares agree, because X − Y has at most one non-zero singular value (rank ≤ 1, e.g. a single column): $\\|\\cdot\\|_F^2$ adds the squares of all singular values, $\\|\\cdot\\|_2^2$ keeps only the largest.",
        "这里两个平方相等，因为 X − Y 至多有一个非零奇异值（秩 ≤ 1，例如只有一列）：$\\|\\cdot\\|_F^2$ 是全部奇异值的平方和，$\\|\\cdot\\|_2^2$ 只取最大的那个。",
    ),
    "mse.norms.rank_more": (
        "Here the spectral square is smaller than the 'sum' loss: $\\|\\cdot\\|_F^2$ adds the squares of all singular values, $\\|\\cdot\\|_2^2$ keeps only the largest, and X − Y has more than one non-zero singular value.",
        "这里谱范数的平方小于 'sum' 损失：$\\|\\cdot\\|_F^2$ 是全部奇异值的平方和，$\\|\\cdot\\|_2^2$ 只取最大的那个，而 X − Y 有不止一个非零奇异值。",
    ),
    "mse.code.raises": ("raises", "抛出"),
    "mse.code.one_element": ("one element: accepted as a scalar", "只有一个元素：被当作标量接受"),
    "mse.code.same_as_sum": ("the same as loss.sum().backward()", "等同于 loss.sum().backward()"),
    "mse.code.grad_of_sum": (
        "the gradient of loss.sum(), not of the matrix loss",
        "loss.sum() 的梯度，而不是矩阵 loss 的梯度",
    ),
    "mse.code.per_row": ("divides by the n rows only", "只除以行数 n"),
    "mse.code.norm_sq": ("the 'sum' loss", "'sum' 损失"),
    "mse.code.vector_norm": ("all entries as one vector, 2-norm", "全部元素作为一个向量的 2-范数"),
    "mse.code.fro": ("the Frobenius norm: the same number", "Frobenius 范数：同一个数"),
    "mse.code.spectral": (
        "the spectral norm (largest singular value): another norm",
        "谱范数（最大奇异值）：另一种范数",
    ),
    "mse.code.scalar": ("a scalar loss for this tab", "本标签页用的标量损失"),
    "mse.code.keep_graph": ("keep the graph: backward() below uses it", "保留计算图：下面的 backward() 还要用"),
    "mse.code.keep_graph_once": ("keep the graph for one more backward()", "保留计算图，供下一次 backward() 使用"),
    "mse.code.second_backward": (
        "no zeroing: adds to X.grad, then frees the graph",
        "没有清零：累加到 X.grad 上，之后释放计算图",
    ),
    "mse.code.doubled": ("twice the gradient", "两倍的梯度"),
    "mse.code.zero_grad": (
        "what optimizer.zero_grad() does (set_to_none=True by default)",
        "optimizer.zero_grad() 的做法（默认 set_to_none=True）",
    ),
    "mse.code.fresh_forward": ("a fresh forward pass builds a new graph", "新的前向计算建立一个新的计算图"),
    "mse.code.once_again": ("one gradient again", "又回到一份梯度"),
    "mse.code.flags_win": ("the flags override reduction='{reduction}'", "这两个参数覆盖了 reduction='{reduction}'"),
    "mse.code.no_flags": ("no flag given: reduction= is used", "没有给出旧参数：使用 reduction="),
    "mse.legacy.try": (
        "Try other flags, beside this page's `reduction='{reduction}'`:",
        "试试其他参数组合（同时传入本页的 `reduction='{reduction}'`）：",
    ),
}
