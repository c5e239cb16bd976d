"""Strings of the autograd page (computation graph, chain rule, forward vs reverse mode, pitfalls)."""

STRINGS = {
    "nav.autograd": ("Autograd: the computation graph", "自动求导：计算图"),
    "autograd.page.question": (
        "What does `loss.backward()` actually walk through, and how does the gradient reach the optimizer?",
        "`loss.backward()` 究竟沿着什么走了一遍？梯度又是怎样交到优化器手里的？",
    ),
    "autograd.page.title": (
        "Autograd: computation graph, chain rule, forward vs reverse mode",
        "自动求导：计算图、链式法则、前向模式与反向模式",
    ),
    "autograd.page.intro": (
        "Every operation on a tensor that requires grad records a node in a graph. `loss.backward()` walks that graph from the loss back to the leaves, multiplying local derivatives (the chain rule), and adds the result into each leaf's `.grad`. Pick an expression, edit its numbers, and follow each gradient.",
        "对需要梯度的张量做的每一次运算，都会在图中记下一个节点。`loss.backward()` 从损失出发沿这张图反向走到叶子节点，一路把局部导数相乘（链式法则），再把结果累加进每个叶子的 `.grad`。选一个表达式，改改其中的数，跟着梯度走一遍。",
    ),
    "autograd.preset.label": ("Expression", "表达式"),
    "autograd.preset.linear": ("Linear model + MSE", "线性模型 + MSE"),
    "autograd.preset.chain": ("Scalar chain y = f(g(x))", "标量复合函数 y = f(g(x))"),
    "autograd.preset.softmax_ce": ("Softmax cross-entropy (3 classes)", "Softmax 交叉熵（3 类）"),
    "autograd.editor.title": ("✏️ Edit the numbers", "✏️ 修改数值"),
    "autograd.editor.data_heading": (
        "**Data** X (3 samples × 2 features) and targets y, range −100 … 100",
        "**数据** X（3 个样本 × 2 个特征）和标签 y，取值范围 −100 … 100",
    ),
    "autograd.editor.params_heading": (
        "**Parameters** of `nn.Linear(2, 1)`: weight w (1×2) and bias b",
        "`nn.Linear(2, 1)` 的**参数**：权重 w（1×2）和偏置 b",
    ),
    "autograd.editor.inner_fn": ("Inner function g(u)", "内层函数 g(u)"),
    "autograd.editor.outer_fn": ("Outer function f(u)", "外层函数 f(u)"),
    "autograd.editor.target": ("True class", "真实类别"),
    "autograd.tab.graph": ("Computation graph", "计算图"),
    "autograd.tab.chain": ("Chain rule", "链式法则"),
    "autograd.tab.modes": ("Forward vs reverse mode", "前向模式与反向模式"),
    "autograd.tab.pitfalls": ("Pitfalls", "常见错误"),
    "autograd.tab.optim": ("What the optimizer sees", "优化器看到了什么"),
    "autograd.tab.code": ("Reproduce in PyTorch", "用 PyTorch 复现"),
    "autograd.graph.run_backward": ("Run `loss.backward()`", "执行 `loss.backward()`"),
    "autograd.graph.run_backward_help": (
        "Off: the graph after the forward pass only, so the class can predict the gradients before they are revealed.",
        "关闭时只显示前向计算后的图，方便全班先预测梯度，再揭晓答案。",
    ),
    "autograd.graph.grad_in": ("grad in", "传入的梯度"),
    "autograd.graph.caption": (
        "PyTorch's real `grad_fn` graph. Arrows follow the forward pass (leaves at the top, loss at the bottom); `backward()` walks them in reverse. Green boxes with round corners: leaves that require grad; blue boxes: operations; orange with a double border: the loss. Dark red: the gradient of the loss with respect to what the node produced, captured with hooks during `backward()`.",
        "这是 PyTorch 真实的 `grad_fn` 图。箭头沿前向计算的方向（叶子在上，损失在下），`backward()` 则逆着箭头走。圆角的绿色框是需要梯度的叶子节点，蓝色框是运算，双边框的橙色框是损失。深红色的字是损失对该节点输出的梯度，由 `backward()` 期间注册的钩子（hook）记录下来。",
    ),
    "autograd.graph.text": (
        "The graph as text, from the loss back to each leaf, the way `backward()` walks it: {paths}.",
        "计算图的文字版，从损失出发，沿 `backward()` 的方向走到每个叶子：{paths}。",
    ),
    "autograd.graph.leaf": ("leaf", "叶子"),
    "autograd.graph.path_sep": ("; ", "；"),
    "autograd.graph.node_mse": (
        "`{node}`: `F.mse_loss`, the mean of the squared errors.",
        "`{node}`：`F.mse_loss`，即平方误差的平均值。",
    ),
    "autograd.graph.node_addmm": (
        "`{node}`: `F.linear` computes b + X·wᵀ in one call, `torch.addmm`.",
        "`{node}`：`F.linear` 用一次 `torch.addmm` 调用算出 b + X·wᵀ。",
    ),
    "autograd.graph.node_t": (
        "`{node}`: the transpose wᵀ in X·wᵀ; it hands w its gradient transposed back.",
        "`{node}`：X·wᵀ 中的转置 wᵀ；它把梯度转置回来交给 w。",
    ),
    "autograd.graph.node_pow": (
        "`{node}`: u ** 2 (the square); it saved u to compute 2u.",
        "`{node}`：u ** 2（平方）；它保存了 u，用来算 2u。",
    ),
    "autograd.graph.node_elementwise": (
        "`{node}` and the other one-input nodes multiply the incoming gradient by their own derivative at the saved input (or output).",
        "`{node}` 等单输入节点把传入的梯度乘以自己在所保存的输入（或输出）处的导数。",
    ),
    "autograd.graph.node_log_softmax": (
        "`F.cross_entropy` is `log_softmax` followed by `nll_loss`: `{node}`, then `NllLossBackward0`, which takes −log p of the true class.",
        "`F.cross_entropy` 就是先 `log_softmax` 再 `nll_loss`：先是 `{node}`，再是取真实类别的 −log p 的 `NllLossBackward0`。",
    ),
    "autograd.graph.node_nll": (
        "`{node}`: `nll_loss`, the loss −log p of the true class, averaged over the batch (here 1 example).",
        "`{node}`：`nll_loss`，即真实类别的 −log p，在批上取平均（这里只有 1 个样本）。",
    ),
    "autograd.graph.node_accumulate": (
        "`{node}`: one per leaf that requires grad; it runs once the leaf's gradient is complete and adds it into the leaf's `.grad` (which it creates if `.grad` is `None`).",
        "`{node}`：每个需要梯度的叶子一个；叶子的梯度算完后它才执行，把梯度累加进叶子的 `.grad`（`.grad` 为 `None` 时就新建）。",
    ),
    "autograd.graph.code": (
        "The code behind this graph: the walk over `loss.grad_fn` prints the nodes `backward()` will visit (PyTorch's full name of `AccumulateGrad` is `torch::autograd::AccumulateGrad`).",
        "这张图背后的代码：沿 `loss.grad_fn` 遍历，打印出 `backward()` 将要经过的节点（`AccumulateGrad` 在 PyTorch 中的全名是 `torch::autograd::AccumulateGrad`）。",
    ),
    "autograd.graph.predict": (
        "Gradients hidden. Predict them, then switch on `loss.backward()`.",
        "梯度已隐藏。先预测一下，再打开 `loss.backward()`。",
    ),
    "autograd.chain.intro_linear": (
        "For ŷ = X wᵀ + b and L = mean((ŷ − y)²): ∂L/∂ŷ = 2(ŷ − y)/3 (one entry per sample) and ∂ŷᵢ/∂wⱼ = Xᵢⱼ, so ∂L/∂w is a row vector times a matrix:",
        "对 ŷ = X wᵀ + b 和 L = mean((ŷ − y)²)：∂L/∂ŷ = 2(ŷ − y)/3（每个样本一项），∂ŷᵢ/∂wⱼ = Xᵢⱼ，所以 ∂L/∂w 是一个行向量乘以一个矩阵：",
    ),
    "autograd.chain.intro_chain": (
        "For y = f(g(x)) the chain rule is dy/dx = f′(g(x)) · g′(x): the outer derivative evaluated at the inner value, times the inner derivative.",
        "对 y = f(g(x))，链式法则为 dy/dx = f′(g(x)) · g′(x)：外层导数在内层函数值处取值，再乘以内层导数。",
    ),
    "autograd.chain.intro_softmax_ce": (
        "For L = −log softmax(z)[target]: ∂L/∂log p is −1 at the target and 0 elsewhere, and ∂log pᵢ/∂zⱼ = δᵢⱼ − pⱼ. Their product is the famous p − onehot(target):",
        "对 L = −log softmax(z)[target]：∂L/∂log p 在目标类别处为 −1，其余为 0；∂log pᵢ/∂zⱼ = δᵢⱼ − pⱼ。两者相乘就是熟悉的 p − onehot(target)：",
    ),
    "autograd.chain.read_off": (
        "**Read off the graph:** the node that produced {u} received ∂L/∂{u} = `{outer}` (the first factor), and `AccumulateGrad` wrote {theta}.grad = `{grad}`, the product. `backward()` does exactly this multiplication, node by node.",
        "**从图上读出来：** 产生 {u} 的节点收到的梯度 ∂L/∂{u} = `{outer}`（第一个因子），`AccumulateGrad` 写入的 {theta}.grad = `{grad}` 正是这个乘积。`backward()` 做的就是这样逐个节点地相乘。",
    ),
    "autograd.chain.check": (
        "The hand-multiplied product equals autograd's `.grad` (largest difference {diff}).",
        "手动相乘的结果与 autograd 得到的 `.grad` 一致（最大差值 {diff}）。",
    ),
    "autograd.modes.intro": (
        "A function with n inputs and m outputs has an m × n Jacobian. **Forward mode** (`torch.func.jvp`) pushes one input direction through the function per pass and gets one *column*: n passes. **Reverse mode** (`torch.func.vjp`, what `backward()` does) pulls one output direction back per pass and gets one *row*: m passes. Here f(x) = tanh(A x) with a random m × n matrix A.",
        "一个有 n 个输入、m 个输出的函数，其雅可比矩阵是 m × n 的。**前向模式**（`torch.func.jvp`）每一趟把一个输入方向推过函数，得到一*列*：共 n 趟。**反向模式**（`torch.func.vjp`，也就是 `backward()` 的做法）每一趟把一个输出方向拉回来，得到一*行*：共 m 趟。这里 f(x) = tanh(A x)，A 是随机的 m × n 矩阵。",
    ),
    "autograd.modes.preset": (
        "For the current expression, {loss} is a scalar of **{n}** numbers that require grad: forward mode would need {n} passes to get its gradient, reverse mode (`backward()`) needs 1.",
        "对当前表达式，{loss} 是 **{n}** 个需要梯度的数的标量函数：用前向模式求它的梯度需要 {n} 趟，反向模式（`backward()`）只需 1 趟。",
    ),
    "autograd.modes.size": ("Size k (inputs and/or outputs), 2 … 64", "规模 k（输入和/或输出个数），2 … 64"),
    "autograd.modes.size_help": (
        "The table compares k inputs → 1 output (a loss of k parameters), 1 → k, and k → k.",
        "表格比较三种情形：k 个输入 → 1 个输出（k 个参数的损失）、1 → k、k → k。",
    ),
    "autograd.modes.forward": ("forward (jvp)", "前向（jvp）"),
    "autograd.modes.reverse": ("reverse (vjp)", "反向（vjp）"),
    "autograd.modes.col_inputs": ("inputs n", "输入数 n"),
    "autograd.modes.col_outputs": ("outputs m", "输出数 m"),
    "autograd.modes.col_fwd_passes": ("forward passes", "前向趟数"),
    "autograd.modes.col_rev_passes": ("reverse passes", "反向趟数"),
    "autograd.modes.col_fwd_ms": ("forward ms", "前向耗时 ms"),
    "autograd.modes.col_rev_ms": ("reverse ms", "反向耗时 ms"),
    "autograd.modes.col_agree": ("same Jacobian", "雅可比一致"),
    "autograd.modes.timing_caption": (
        "Times measured on this machine ({device}, {threads} CPU threads) with `time.perf_counter`, best of 3 runs; they vary from run to run and machine to machine. The pass counts do not.",
        "耗时是在本机（{device}，{threads} 个 CPU 线程）上用 `time.perf_counter` 测得的，取 3 次中的最小值；每次运行、每台机器都会不同，但趟数不会变。",
    ),
    "autograd.modes.shape_axis": ("inputs → outputs", "输入 → 输出"),
    "autograd.modes.mode_axis": ("mode", "模式"),
    "autograd.modes.passes_axis": ("passes", "趟数"),
    "autograd.modes.ms_axis": ("milliseconds (this machine)", "毫秒（本机）"),
    "autograd.modes.passes_summary": (
        "Passes per Jacobian, forward against reverse mode: {items}.",
        "每个雅可比矩阵所需的趟数，前向模式对反向模式：{items}。",
    ),
    "autograd.modes.ms_summary": (
        "Milliseconds per Jacobian on this machine, forward against reverse mode: {items}.",
        "本机上每个雅可比矩阵所用的毫秒数，前向模式对反向模式：{items}。",
    ),
    "autograd.modes.summary_item": ("{shape}: {forward} against {reverse}", "{shape}：{forward} 对 {reverse}"),
    "autograd.modes.summary_sep": ("; ", "；"),
    "autograd.modes.conclusion": (
        "A training loss is a **scalar** (m = 1) of many parameters (n large): reverse mode gets the whole gradient in **one** backward pass, forward mode would need n. That is why deep learning uses `backward()`.",
        "训练中的损失是许多参数（n 很大）的**标量**函数（m = 1）：反向模式**一趟**反向传播就能得到整个梯度，而前向模式需要 n 趟。这就是深度学习使用 `backward()` 的原因。",
    ),
    "autograd.pit.no_zero_grad": ("Forgetting `zero_grad()`: gradients add up", "忘了 `zero_grad()`：梯度越积越多"),
    "autograd.pit.intro": (
        "Every example uses one sample: x = 1, label y = 1, w = 2 and L = (w·x − y)², so dL/dw = 2(w·x − y)·x = 2 at w = 2. Run the first block once; each example then starts from a fresh w. A block that ends in `# raises …` stops at that line with PyTorch's error, quoted below it; the block after it is the fix.",
        "每个例子都用同一个样本：x = 1，标签 y = 1，w = 2，L = (w·x − y)²，所以在 w = 2 处 dL/dw = 2(w·x − y)·x = 2。先运行第一段代码；之后每个例子都从一个新的 w 开始。以 `# 抛出 …` 结尾的代码会在那一行停下，抛出下面引用的 PyTorch 报错；紧随其后的代码是改法。",
    ),
    "autograd.pit.no_zero_grad_body": (
        "`backward()` **adds** into `.grad`; it never overwrites it. Without `optimizer.zero_grad()`, `w.grad` holds the sum of every step's gradient so far, and `step()` subtracts lr × that sum. The loop below runs as shown, and once more with `optimizer.zero_grad()` before each `backward()`, at the learning rate you pick.",
        "`backward()` 是把梯度**累加**到 `.grad` 上，而不是覆盖。不调用 `optimizer.zero_grad()` 时，`w.grad` 存的是此前每一步梯度的总和，`step()` 减去的是 lr × 这个总和。下面的循环按所示代码运行一次，再在每次 `backward()` 之前加上 `optimizer.zero_grad()` 运行一次，学习率由你来选。",
    ),
    "autograd.pit.lr": ("Learning rate lr of this loop, 0 … 1", "本循环的学习率 lr，0 … 1"),
    "autograd.pit.col_w_before": ("w before the step", "本步之前的 w"),
    "autograd.pit.col_own_grad": ("this step's own dL/dw", "本步自己的 dL/dw"),
    "autograd.pit.col_grad_with": ("w.grad with zero_grad()", "调用 zero_grad() 时的 w.grad"),
    "autograd.pit.acc_caption": (
        "All columns but the last are the loop as shown, without `zero_grad()`; the last is the same loop with `optimizer.zero_grad()` before each `backward()`, where `w.grad` is each step's own gradient.",
        "除最后一列外，各列都是上面所示、不调用 `zero_grad()` 的循环；最后一列是同一个循环在每次 `backward()` 之前调用 `optimizer.zero_grad()` 的结果，此时 `w.grad` 就是每一步自己的梯度。",
    ),
    "autograd.pit.acc_lr0": (
        "With lr = 0 the steps do not move w, so each step's own gradient stays 2 and `w.grad` reads {sums}: the same gradient added up once per `backward()`.",
        "lr = 0 时各步不会移动 w，所以每一步自己的梯度都是 2，而 `w.grad` 依次是 {sums}：同一个梯度每调用一次 `backward()` 就加一次。",
    ),
    "autograd.pit.acc_live": (
        "With lr = {lr} the steps move w, so each step's own gradient changes ({own}), and `w.grad` is their running sum ({sums}), not the last one. After {steps} steps w is {w_without} without `zero_grad()` and {w_with} with it; the minimum is at w = 1. Without `zero_grad()` these are exactly the steps of `torch.optim.SGD(momentum=1)` with `zero_grad()`: `.grad` plays the momentum buffer. Set lr to 0 to see the gradients simply add up.",
        "lr = {lr} 时各步会移动 w，所以每一步自己的梯度都在变（{own}），而 `w.grad` 是它们的累计和（{sums}），不是最后一步的梯度。{steps} 步之后，不调用 `zero_grad()` 时 w 是 {w_without}，调用时是 {w_with}；最小值在 w = 1 处。不调用 `zero_grad()` 的这几步，和调用 `zero_grad()` 的 `torch.optim.SGD(momentum=1)` 完全相同：`.grad` 充当了动量缓冲。把 lr 设为 0，就能看到梯度单纯地累加。",
    ),
    "autograd.pit.no_zero_grad_fix": (
        "**Fix:** call `optimizer.zero_grad()` before each `backward()`. Adding up on purpose is gradient accumulation: several `backward()` calls (one per mini-batch), then one `step()` and one `zero_grad()`.",
        "**改法：** 每次 `backward()` 之前调用 `optimizer.zero_grad()`。有意地累加就是梯度累积：先调用几次 `backward()`（每个小批量一次），再调用一次 `step()` 和一次 `zero_grad()`。",
    ),
    "autograd.pit.raises": ("raises", "抛出"),
    "autograd.pit.code_sample": ("one sample: input x and label y", "一个样本：输入 x 和标签 y"),
    "autograd.pit.code_forgot": ("optimizer.zero_grad() forgotten here", "这里忘了调用 optimizer.zero_grad()"),
    "autograd.pit.code_adds": ("adds this step's dL/dw to w.grad", "把本步的 dL/dw 加到 w.grad 上"),
    "autograd.pit.code_step": (
        "w -= lr * w.grad, with everything w.grad has summed",
        "w -= lr * w.grad，用的是 w.grad 累加的全部",
    ),
    "autograd.pit.code_keep_graph": (
        "keep the saved tensors for a second backward()",
        "保留保存的张量，供第二次 backward() 使用",
    ),
    "autograd.pit.code_sum": ("a scalar: each entry weighted by 1", "一个标量：每个元素的权重都是 1"),
    "autograd.pit.code_update": ("not recorded in the graph", "不会被记录进计算图"),
    "autograd.pit.code_outside": ("outside torch.no_grad(): recorded", "在 torch.no_grad() 之外：会被记录"),
    "autograd.pit.without_zero_grad": ("without zero_grad()", "不调用 zero_grad()"),
    "autograd.pit.with_zero_grad": ("with zero_grad()", "调用 zero_grad()"),
    "autograd.pit.step_axis": ("step", "步数"),
    "autograd.pit.acc_summary": (
        "w.grad over {steps} steps: without zero_grad() {without}; with zero_grad() {with_}.",
        "{steps} 步中的 w.grad：不调用 zero_grad() 时为 {without}；调用 zero_grad() 时为 {with_}。",
    ),
    "autograd.pit.pytorch_says": ("PyTorch says:", "PyTorch 的报错："),
    "autograd.pit.no_error": ("(no error)", "（没有报错）"),
    "autograd.pit.backward_twice": ("Calling `backward()` twice", "调用两次 `backward()`"),
    "autograd.pit.backward_twice_body": (
        "To save memory, `backward()` frees the intermediate values the graph saved for it (here the input of the square). A second call finds them gone.",
        "为了节省内存，`backward()` 用完就会释放图中为它保存的中间值（这里是平方运算的输入）。第二次调用时这些值已经不在了。",
    ),
    "autograd.pit.backward_twice_fix": (
        "**Fix:** rebuild the graph with a new forward pass each step, or pass `retain_graph=True` to the first call if you really need two backward passes; both add into `.grad`, so w.grad is then 2 + 2 = 4.",
        "**改法：** 每一步重新做一次前向计算来重建计算图；如果确实需要反向传播两次，在第一次调用时传入 `retain_graph=True`；两次都会累加到 `.grad` 上，所以 w.grad 是 2 + 2 = 4。",
    ),
    "autograd.pit.non_scalar": ("`backward()` on a non-scalar", "对非标量调用 `backward()`"),
    "autograd.pit.non_scalar_body": (
        "`backward()` computes a vector-Jacobian product. For a scalar the vector is just 1; for a tensor with several entries PyTorch cannot guess how to weight them.",
        "`backward()` 计算的是向量-雅可比积。对标量来说这个向量就是 1；张量有多个元素时，PyTorch 无法猜出该如何给它们加权。",
    ),
    "autograd.pit.non_scalar_fix": (
        "**Fix:** reduce to a scalar first (`out.sum().backward()`, or a loss with `reduction='mean'`), or pass the weights: `out.backward(gradient=torch.ones_like(out))`.",
        "**改法：** 先归约成标量（`out.sum().backward()`，或使用 `reduction='mean'` 的损失），或者显式给出权重：`out.backward(gradient=torch.ones_like(out))`。",
    ),
    "autograd.pit.inplace_leaf": ("In-place edit of a leaf that requires grad", "原地修改需要梯度的叶子张量"),
    "autograd.pit.inplace_leaf_body": (
        "A leaf like w is what autograd differentiates with respect to; changing it in place would silently change the graph, so PyTorch refuses. This is why a hand-written update must not be recorded.",
        "w 这样的叶子张量是求导的对象，原地修改它会悄悄改变计算图，所以 PyTorch 拒绝执行。这也是手写参数更新时不能让它被记录进计算图的原因。",
    ),
    "autograd.pit.inplace_leaf_fix": (
        "**Fix:** update parameters inside `with torch.no_grad(): w -= lr * w.grad`, which is what `optimizer.step()` does.",
        "**改法：** 在 `with torch.no_grad(): w -= lr * w.grad` 中更新参数，`optimizer.step()` 正是这么做的。",
    ),
    "autograd.pit.detach": ("`.detach()` cuts the graph", "`.detach()` 切断计算图"),
    "autograd.pit.detach_body": (
        "`.detach()` returns the same numbers with no `grad_fn`: nothing before it is recorded, so the loss has no path back to w.",
        "`.detach()` 返回数值相同、但没有 `grad_fn` 的张量：它之前的运算都不再被记录，损失也就没有通往 w 的路径。",
    ),
    "autograd.pit.detach_fix": (
        "**Fix:** detach only values you deliberately treat as constants (targets, logged numbers), never the path from a parameter to the loss.",
        "**改法：** 只对有意当作常量的值（标签、用于记录的数值）调用 `.detach()`，不要切断从参数到损失的路径。",
    ),
    "autograd.pit.no_grad": ("`torch.no_grad()` records nothing", "`torch.no_grad()` 里什么都不记录"),
    "autograd.pit.no_grad_body": (
        "Inside `torch.no_grad()` no graph is built: right for evaluation and for the optimizer's update, wrong for the forward pass you want to train.",
        "在 `torch.no_grad()` 中不会构建计算图：用于评估和优化器更新参数时正合适，但用在需要训练的前向计算上就错了。",
    ),
    "autograd.pit.no_grad_fix": (
        "**Fix:** run the training forward pass outside `no_grad()`; keep `no_grad()` (or `torch.inference_mode()`) for evaluation and parameter updates.",
        "**改法：** 训练时的前向计算放在 `no_grad()` 之外；`no_grad()`（或 `torch.inference_mode()`）只用于评估和参数更新。",
    ),
    "autograd.optim.intro": (
        "The loss and the optimizer never talk to each other. `loss.backward()` writes each parameter's `.grad`; `optimizer.step()` reads `p.grad` of exactly the parameters it was given and, for plain SGD (no momentum, no weight decay), subtracts lr · p.grad. Below: one `zero_grad()`, `backward()`, `step()` of `torch.optim.SGD` on the current expression.",
        "损失函数和优化器之间并不直接通信。`loss.backward()` 写入每个参数的 `.grad`；`optimizer.step()` 只读取交给它的那些参数的 `p.grad`；对普通 SGD（没有动量、没有权重衰减）来说，就是减去 lr · p.grad。下面是在当前表达式上执行一次 `torch.optim.SGD` 的 `zero_grad()`、`backward()`、`step()`。",
    ),
    "autograd.optim.lr": ("Learning rate lr, 0.001 … 10", "学习率 lr，0.001 … 10"),
    "autograd.optim.col_param": ("parameter", "参数"),
    "autograd.optim.col_given": ("in the optimizer", "在优化器中"),
    "autograd.optim.only_w": ("Give only `w` to the optimizer", "只把 `w` 交给优化器"),
    "autograd.optim.only_w_help": (
        "Like building the optimizer from a hand-picked list instead of `model.parameters()`.",
        "相当于不用 `model.parameters()`，而是手动挑选参数列表来创建优化器。",
    ),
    "autograd.optim.not_given": (
        "`{name}` received a `.grad` from `backward()`, but it is not in the optimizer's list, so `step()` leaves it unchanged.",
        "`{name}` 从 `backward()` 得到了 `.grad`，但它不在优化器的参数列表里，所以 `step()` 不会改变它。",
    ),
    "autograd.optim.col_value": ("value", "取值"),
    "autograd.optim.col_grad_before": (".grad before backward()", "backward() 之前的 .grad"),
    "autograd.optim.col_grad_after": (".grad after backward()", "backward() 之后的 .grad"),
    "autograd.optim.col_after_step": ("value after step()", "step() 之后的取值"),
    "autograd.optim.outro": (
        "`.grad` is `None` until the first `backward()` (`zero_grad()` sets it back to `None`: `set_to_none=True` is its default). `step()` skips a parameter whose `.grad` is `None` (one the loss does not depend on, say) and leaves every `.grad` as it is, which is why the next step must start with `zero_grad()`.",
        "在第一次 `backward()` 之前 `.grad` 是 `None`（`zero_grad()` 会把它重新设为 `None`：`set_to_none=True` 是默认值）。`step()` 会跳过 `.grad` 为 `None` 的参数（比如损失并不依赖的参数），也不会清空任何 `.grad`，所以下一步必须先调用 `zero_grad()`。",
    ),
    "autograd.optim.forward_code": ("The expression, built first (plain PyTorch)", "先构建表达式（纯 PyTorch）"),
    "autograd.editor.url_key_help": (
        "Counted from 0, as in PyTorch: {python}. In a link this number is `{param}`.",
        "与 PyTorch 一样从 0 开始计数：{python}。在链接中，这个数是 `{param}`。",
    ),
    "autograd.editor.target_help": (
        "Classes count from 0, as `F.cross_entropy` expects: 0, 1 or 2 (the index of z₀, z₁ or z₂).",
        "类别从 0 开始计数，这正是 `F.cross_entropy` 的要求：0、1 或 2（即 z₀、z₁ 或 z₂ 的下标）。",
    ),
    "autograd.code.intro": (
        "Plain PyTorch, no part of this app: run it and it prints the loss and the same gradients as the graph.",
        "纯 PyTorch 代码，不依赖本应用：运行后会打印出损失，以及与计算图中相同的梯度。",
    ),
}

STRINGS |= {
    "err.autograd_unknown": ("{name} is not one of the available choices.", "{name} 不是可选的选项之一。"),
}

# predict-then-reveal questions (ui/autograd/quiz.py) and the quiz mode of the page
STRINGS |= {
    "autograd.quiz.scalar": ("a scalar", "标量"),
    "autograd.quiz.list_sep": (", ", "、"),
    "autograd.quiz.lin_mid": (
        "ŷ = X wᵀ + b with w = {w} and b = {b}. What is ŷ[0], the prediction for the first sample x = {x1}?",
        "ŷ = X wᵀ + b，其中 w = {w}，b = {b}。第一个样本 x = {x1} 的预测值 ŷ[0] 是多少？",
    ),
    "autograd.quiz.lin_mid_reason": ("ŷ[0] = {terms} = {answer}", "ŷ[0] = {terms} = {answer}"),
    "autograd.quiz.lin_loss": (
        "With X = {X}, y = {y}, w = {w} and b = {b}: what is the loss L = mean((ŷ − y)²)?",
        "取 X = {X}，y = {y}，w = {w}，b = {b}：损失 L = mean((ŷ − y)²) 是多少？",
    ),
    "autograd.quiz.lin_loss_reason": (
        "ŷ = {y_hat}, so L = ({squares}) / {n} = {answer}",
        "ŷ = {y_hat}，所以 L = ({squares}) / {n} = {answer}",
    ),
    "autograd.quiz.lin_grad": (
        "Same numbers (w = {w}, b = {b}): after loss.backward(), what is w.grad[0, 0] = ∂L/∂w[0, 0]?",
        "数值同上（w = {w}，b = {b}）：执行 loss.backward() 后，w.grad[0, 0] = ∂L/∂w[0, 0] 是多少？",
    ),
    "autograd.quiz.lin_grad_reason": (
        "Chain rule: ∂L/∂w[0, 0] = Σᵢ ∂L/∂ŷᵢ · Xᵢ₀ with ∂L/∂ŷᵢ = 2(ŷᵢ − yᵢ)/{n}: {terms} = {answer}",
        "链式法则：∂L/∂w[0, 0] = Σᵢ ∂L/∂ŷᵢ · Xᵢ₀，其中 ∂L/∂ŷᵢ = 2(ŷᵢ − yᵢ)/{n}：{terms} = {answer}",
    ),
    "autograd.quiz.ch_mid": (
        "Inner function g(u) = {g}, at x = {x}: what is g(x)?",
        "内层函数 g(u) = {g}，在 x = {x} 处：g(x) 是多少？",
    ),
    "autograd.quiz.ch_mid_reason": ("g(x) = {g_at} = {answer}", "g(x) = {g_at} = {answer}"),
    "autograd.quiz.ch_loss": (
        "y = f(g(x)) = {fx} at x = {x}: what is y?",
        "y = f(g(x)) = {fx}，在 x = {x} 处：y 是多少？",
    ),
    "autograd.quiz.ch_loss_reason": ("y = f(g(x)) = {f_at} = {answer}", "y = f(g(x)) = {f_at} = {answer}"),
    "autograd.quiz.ch_grad": (
        "For y = {fx} at x = {x}: after y.backward(), what is x.grad = dy/dx?",
        "对 y = {fx}，在 x = {x} 处：执行 y.backward() 后，x.grad = dy/dx 是多少？",
    ),
    "autograd.quiz.ch_grad_reason": (
        "Chain rule: dy/dx = f′(g(x)) · g′(x) = {f_prime} · {g_prime} = {outer} · {inner} = {answer}",
        "链式法则：dy/dx = f′(g(x)) · g′(x) = {f_prime} · {g_prime} = {outer} · {inner} = {answer}",
    ),
    "autograd.quiz.sm_mid": (
        "Logits z = {z}, true class {t}: what is log p[{t}] = log softmax(z)[{t}]?",
        "logits z = {z}，真实类别为 {t}：log p[{t}] = log softmax(z)[{t}] 是多少？",
    ),
    "autograd.quiz.sm_mid_reason": (
        "log p[{t}] = z[{t}] − log Σⱼ exp(zⱼ) = {zt} − {lse} = {answer}",
        "log p[{t}] = z[{t}] − log Σⱼ exp(zⱼ) = {zt} − {lse} = {answer}",
    ),
    "autograd.quiz.sm_loss": (
        "Logits z = {z}, true class {t}: what is the loss L = cross_entropy(z, {t})?",
        "logits z = {z}，真实类别为 {t}：损失 L = cross_entropy(z, {t}) 是多少？",
    ),
    "autograd.quiz.sm_loss_reason": (
        "L = −log p[{t}] = −({log_p}) = {answer}",
        "L = −log p[{t}] = −({log_p}) = {answer}",
    ),
    "autograd.quiz.sm_grad": (
        "Logits z = {z}, true class {t}: after loss.backward(), what is z.grad[0, {t}] = ∂L/∂z[{t}]?",
        "logits z = {z}，真实类别为 {t}：执行 loss.backward() 后，z.grad[0, {t}] = ∂L/∂z[{t}] 是多少？",
    ),
    "autograd.quiz.sm_grad_reason": (
        "∂L/∂z = p − onehot({t}), so at the true class ∂L/∂z[{t}] = p[{t}] − 1 = {p} − 1 = {answer}",
        "∂L/∂z = p − onehot({t})，所以在真实类别处 ∂L/∂z[{t}] = p[{t}] − 1 = {p} − 1 = {answer}",
    ),
    "autograd.quiz.step": (
        "One zero_grad(), backward(), step() of torch.optim.SGD with lr = {lr}, starting from {name} = {before}: what is {name} afterwards?",
        "用 lr = {lr} 的 torch.optim.SGD 执行一次 zero_grad()、backward()、step()，起点 {name} = {before}：之后 {name} 是多少？",
    ),
    "autograd.quiz.step_reason": (
        "{name} ← {name} − lr · {grad_name} = {before} − {lr} · {grad} = {answer}",
        "{name} ← {name} − lr · {grad_name} = {before} − {lr} · {grad} = {answer}",
    ),
    "autograd.quiz.passes": (
        "{loss} is a scalar that depends on {params}. How many forward-mode (jvp) passes would it take to get its whole gradient?",
        "{loss} 是一个标量，它依赖于 {params}。用前向模式（jvp）求出它的完整梯度需要几趟？",
    ),
    "autograd.quiz.passes_reason": (
        "Forward mode gets one input direction per pass, so one pass per number: {n}. Reverse mode (backward()) needs 1, since {loss} is one number.",
        "前向模式每趟只推一个输入方向，每个数一趟：共 {n} 趟。反向模式（backward()）只需 1 趟，因为 {loss} 只是一个数。",
    ),
    "autograd.quiz.worksheet_title": ("Loss Lab worksheet: autograd", "Loss Lab 练习单：自动求导"),
    "autograd.graph.quiz_hidden": (
        "The graph's values and gradients are hidden until every question is answered.",
        "在所有问题都作答之前，计算图中的数值和梯度都被隐藏。",
    ),
}
