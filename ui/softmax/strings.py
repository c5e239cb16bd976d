"""Strings of the softmax / Jacobian / cross-entropy page."""

STRINGS = {
    "nav.softmax": ("Softmax & cross-entropy", "Softmax 与交叉熵"),
    "softmax.page.question": (
        "How does softmax turn scores into probabilities, what is its Jacobian, and where does "
        "cross-entropy's gradient p − onehot(y) come from?",
        "softmax 如何把分数变成概率？它的雅可比矩阵是什么？交叉熵的梯度 p − onehot(y) 从何而来？",
    ),
    "softmax.page.intro": (
        "Type some logits a (a network's raw scores, one per class). Softmax turns them into probabilities "
        "$p_i = e^{a_i/T} / \\sum_j e^{a_j/T}$; the tabs below open up its Jacobian, the backward pass, "
        "`F.cross_entropy` and why PyTorch subtracts the maximum first.",
        "输入一组 logits a（网络对每个类别给出的原始分数）。softmax 把它们变成概率 "
        "$p_i = e^{a_i/T} / \\sum_j e^{a_j/T}$；下面各标签页依次拆开它的雅可比矩阵、反向传播、"
        "`F.cross_entropy`，以及 PyTorch 为什么先减去最大值。",
    ),
    "softmax.input.logits": ("Logits a", "Logits a"),
    "softmax.input.logits_help": (
        "{low} to {high} numbers separated by commas or spaces, e.g. 2.0, 1.0, 0.1",
        "{low} 到 {high} 个数，用逗号或空格分隔，例如 2.0, 1.0, 0.1",
    ),
    "softmax.input.logits_limit": (
        "Limit: {low} to {high} finite numbers, at most {chars} characters.",
        "限制：{low} 到 {high} 个有限的数，最多 {chars} 个字符。",
    ),
    "softmax.preset.seed001": ("Seed 001", "教程 001"),
    "softmax.preset.classic": ("[2.0, 1.0, 0.1]", "[2.0, 1.0, 0.1]"),
    "softmax.preset.random": ("Random", "随机"),
    "softmax.preset.overflow": ("Overflow", "溢出示例"),
    "softmax.input.temperature": ("Temperature T", "温度 T"),
    "softmax.input.temperature_help": (
        "Softmax of a / T, T from 0.1 to 5: T < 1 sharpens the distribution, T > 1 flattens it.",
        "对 a / T 做 softmax，T 取 0.1 到 5：T < 1 让分布更尖锐，T > 1 让分布更平缓。",
    ),
    "softmax.input.target": ("Target class y", "目标类别 y"),
    "softmax.input.target_help": (
        "The true class for cross-entropy: 0 … {high}, and less than the number of logits.",
        "交叉熵所用的真实类别：0 … {high}，且必须小于 logits 的个数。",
    ),
    "softmax.input.using": ("Using logits [{logits}].", "当前使用的 logits：[{logits}]。"),
    "softmax.tab.probs": ("Probabilities", "概率"),
    "softmax.tab.jacobian": ("Jacobian", "雅可比矩阵"),
    "softmax.tab.vjp": ("Vector-Jacobian product", "向量-雅可比积"),
    "softmax.tab.ce": ("Cross-entropy", "交叉熵"),
    "softmax.tab.stability": ("Numerical stability", "数值稳定性"),
    "softmax.tab.code": ("Reproduce in PyTorch", "用 PyTorch 复现"),
    "softmax.col.class": ("class", "类别"),
    "softmax.col.logit": ("logit a", "logit a"),
    "softmax.col.p": ("probability p", "概率 p"),
    "softmax.chart.logits": ("Logits a", "Logits a"),
    "softmax.chart.probs": ("Probabilities p = softmax(a / T)", "概率 p = softmax(a / T)"),
    "softmax.chart.sigmoid": ("Softmax beside sigmoid, per class", "每个类别的 softmax 与 sigmoid 对比"),
    "softmax.chart.logits_summary": (
        "{n} logits: the largest is {high} (class {i}), the smallest {low} (class {j}).",
        "{n} 个 logit：最大的是 {high}（类别 {i}），最小的是 {low}（类别 {j}）。",
    ),
    "softmax.chart.probs_summary": (
        "The largest probability is {high} (class {i}), the smallest {low} (class {j}); all of them sum to {total}.",
        "最大的概率是 {high}（类别 {i}），最小的是 {low}（类别 {j}）；全部概率之和为 {total}。",
    ),
    "softmax.chart.sigmoid_summary": (
        "Class {k}, the largest logit, has the tallest bar of both: softmax {p}, sigmoid {s}. The softmax bars "
        "sum to {sum_softmax}, the sigmoid bars to {sum_sigmoid}.",
        "logit 最大的类别 {k} 在两种函数下的柱都最高：softmax 为 {p}，sigmoid 为 {s}。"
        "softmax 各柱之和为 {sum_softmax}，sigmoid 各柱之和为 {sum_sigmoid}。",
    ),
    "softmax.fn.softmax": ("softmax", "softmax"),
    "softmax.fn.sigmoid": ("sigmoid", "sigmoid"),
    "softmax.gap.title": ("The gap between the two likeliest classes", "概率最大的两个类别之间的差距"),
    "softmax.gap.body": (
        "Softmax keeps the order of the logits: a larger logit always gets a larger probability. For the two "
        "most likely classes, {i} and {j}, the ratio of their probabilities is $e$ to the power of the "
        "**difference** of their logits divided by T, whatever the logits' own ratio.",
        "softmax 保持 logits 的大小顺序：logit 越大，概率就越大。对概率最大的两个类别 {i} 和 {j}，"
        "它们的概率之比等于 $e$ 的（两者 logit **之差** ÷ T）次方，与 logit 本身的比值无关。",
    ),
    "softmax.gap.wider": (
        "Here the logits' ratio is {r} and the probabilities' ratio {R}: softmax **widens** the gap between "
        "classes {i} and {j}. Whether it widens or narrows a gap depends on the logits and on T.",
        "这里 logit 之比为 {r}，概率之比为 {R}：softmax **拉大**了类别 {i} 与 {j} 之间的差距。"
        "差距是被拉大还是缩小，取决于 logits 和 T。",
    ),
    "softmax.gap.narrower": (
        "Here the logits' ratio is {r} and the probabilities' ratio only {R}: softmax **narrows** the gap "
        "between classes {i} and {j}. Whether it widens or narrows a gap depends on the logits and on T.",
        "这里 logit 之比为 {r}，概率之比只有 {R}：softmax **缩小**了类别 {i} 与 {j} 之间的差距。"
        "差距是被拉大还是缩小，取决于 logits 和 T。",
    ),
    "softmax.gap.same": (
        "Here the logits' ratio and the probabilities' ratio are both {R}: softmax keeps the gap between "
        "classes {i} and {j} as it is. Whether it widens or narrows a gap depends on the logits and on T.",
        "这里 logit 之比与概率之比都是 {R}：softmax 保持类别 {i} 与 {j} 之间的差距不变。"
        "差距是被拉大还是缩小，取决于 logits 和 T。",
    ),
    "softmax.gap.no_ratio": (
        "A ratio of these logits means nothing (one of them is 0 or negative): their difference {d} alone sets "
        "the ratio of the probabilities.",
        "这两个 logit 的比值没有意义（其中一个为 0 或负数）：只有它们的差 {d} 决定概率之比。",
    ),
    "softmax.gap.tie": (
        "Classes {i} and {j} have the same logit, so the same probability, at every temperature.",
        "类别 {i} 和 {j} 的 logit 相同，因此无论温度如何，它们的概率都相同。",
    ),
    "softmax.gap.temperature": (
        "The temperature controls it: at T = {half} this ratio would be squared, {squared}; at T = {double} it "
        "would be its square root, {root}. As T → 0 all the probability goes to the largest logit (shared "
        "equally if several tie); as T grows, every probability approaches 1/{n} = {uniform}.",
        "温度控制着它：T = {half} 时这个比值会变成它的平方 {squared}；T = {double} 时会变成它的平方根 {root}。"
        "T → 0 时，全部概率都集中到最大的 logit 上（若有几个并列最大，则平分）；"
        "T 越大，每个概率越接近 1/{n} = {uniform}。",
    ),
    "softmax.sigmoid.title": (
        "Why softmax, not sigmoid, when classes are exclusive",
        "类别互斥时，为什么用 softmax 而不用 sigmoid",
    ),
    "softmax.sigmoid.body": (
        "Sigmoid squashes each score on its own into (0, 1): each bar answers a separate yes/no question, and "
        "together they sum to **{sum_sigmoid}**. Softmax divides by the sum over all classes, so its "
        "probabilities sum to **{sum_softmax}**: one distribution over classes that exclude each other, "
        "where raising one probability must lower the others. Sigmoid suits multi-label problems (several "
        "classes can be true at once).",
        "sigmoid 把每个分数单独压缩到 (0, 1)：每根柱子回答的是一个独立的“是/否”问题，加起来是 "
        "**{sum_sigmoid}**。softmax 除以所有类别的总和，概率之和为 **{sum_softmax}**：这是在互斥类别上的一个"
        "概率分布，一个概率升高，其他概率就必须降低。sigmoid 适合多标签问题（多个类别可以同时成立）。",
    ),
    "softmax.jac.intro": (
        "Entry $J_{ij} = \\partial p_i / \\partial a_j$: how much probability $i$ moves when logit $j$ is "
        "nudged. Left, the formula $(\\operatorname{diag}(p) - p\\,p^\\top)/T$; right, "
        "`torch.autograd.functional.jacobian`.",
        "元素 $J_{ij} = \\partial p_i / \\partial a_j$：logit $j$ 微微变动时，概率 $i$ 变化多少。"
        "左边是公式 $(\\operatorname{diag}(p) - p\\,p^\\top)/T$，右边是 "
        "`torch.autograd.functional.jacobian` 的结果。",
    ),
    "softmax.jac.intro_stacked": (
        "Entry $J_{ij} = \\partial p_i / \\partial a_j$: how much probability $i$ moves when logit $j$ is "
        "nudged. Above, the formula $(\\operatorname{diag}(p) - p\\,p^\\top)/T$; below, "
        "`torch.autograd.functional.jacobian`.",
        "元素 $J_{ij} = \\partial p_i / \\partial a_j$：logit $j$ 微微变动时，概率 $i$ 变化多少。"
        "上面是公式 $(\\operatorname{diag}(p) - p\\,p^\\top)/T$，下面是 "
        "`torch.autograd.functional.jacobian` 的结果。",
    ),
    "softmax.jac.analytic": ("Formula: (diag(p) − p pᵀ) / T", "公式：(diag(p) − p pᵀ) / T"),
    "softmax.jac.autograd": ("autograd.functional.jacobian", "autograd.functional.jacobian"),
    "softmax.jac.row": ("i (output p_i)", "i（输出 p_i）"),
    "softmax.jac.col": ("j (input a_j)", "j（输入 a_j）"),
    "softmax.jac.col_j": ("j = {j}", "j = {j}"),
    "softmax.jac.summary": (
        "{title}, {n} × {n}: the diagonal entries run from {diag_low} to {diag_high}, the others from {off_low} "
        "to {off_high}.",
        "{title}，{n} × {n}：对角线元素从 {diag_low} 到 {diag_high}，其余元素从 {off_low} 到 {off_high}。",
    ),
    "softmax.jac.diff": (
        "Largest difference between the formula and `autograd.functional.jacobian`: **{functional}**; and "
        "between the formula and seed 001's row by row `torch.autograd.grad(p[i], a, retain_graph=True)`: "
        "**{rowwise}**.",
        "公式与 `autograd.functional.jacobian` 的最大差值：**{functional}**；公式与教程 001 逐行调用 "
        "`torch.autograd.grad(p[i], a, retain_graph=True)` 的最大差值：**{rowwise}**。",
    ),
    "softmax.fact.title": ("**Facts you can check on the matrix above:**", "**可以在上面的矩阵上验证的事实：**"),
    "softmax.fact.sums": (
        "Every row and every column sums to 0 (largest |sum| {value}). Column j: nudging logit j moves "
        "probability between classes but never changes the total, which stays 1. Row i: raising every logit "
        "by the same amount leaves $p_i$ unchanged, since softmax ignores a shift. (J is symmetric, so the "
        "two say the same.)",
        "每一行、每一列之和都为 0（最大的 |和| 为 {value}）。第 j 列：改变 logit j 只会在类别之间挪动概率，"
        "总和始终为 1。第 i 行：把所有 logit 加上同一个数，$p_i$ 不变，因为 softmax 不受整体平移影响。"
        "（J 是对称矩阵，两种说法其实是同一回事。）",
    ),
    "softmax.fact.symmetric": (
        "J is symmetric, $J_{ij} = J_{ji}$ (largest |J − Jᵀ| {value}).",
        "J 是对称矩阵，$J_{ij} = J_{ji}$（最大的 |J − Jᵀ| 为 {value}）。",
    ),
    "softmax.fact.diagonal": (
        "The diagonal is positive (smallest {value}): raising a class's own logit raises its probability.",
        "对角线为正（最小值 {value}）：提高某个类别自己的 logit，它的概率就上升。",
    ),
    "softmax.fact.off": (
        "Off the diagonal every entry is negative (largest {value}): raising one logit lowers every other probability.",
        "非对角元素全为负（最大值 {value}）：提高一个 logit，其他所有概率都会下降。",
    ),
    "softmax.fact.underflow": (
        "A warning sign means a number too small for {dtype}: a probability, or a product $p_i p_j$, underflows "
        "to exactly 0, so those entries are 0 instead of positive or negative.",
        "出现警告标记，说明有的数对 {dtype} 来说太小：某个概率或乘积 $p_i p_j$ 下溢为 0，"
        "因此这些元素恰好为 0，而不是正数或负数。",
    ),
    "softmax.jac.derivation": ("Where the formula comes from", "公式的推导"),
    "softmax.jac.derivation_body": (
        "With $z = a/T$ and $S = \\sum_k e^{z_k}$, $p_i = e^{z_i}/S$. The quotient rule gives "
        "$\\partial p_i/\\partial z_j = (\\delta_{ij} e^{z_i} S - e^{z_i} e^{z_j})/S^2 = p_i(\\delta_{ij} - p_j)$, "
        "and $\\partial z_j/\\partial a_j = 1/T$. Seed 001 writes the diagonal case as $p_i(1 - p_j)$, the "
        "same thing because $i = j$ there.",
        "记 $z = a/T$，$S = \\sum_k e^{z_k}$，则 $p_i = e^{z_i}/S$。由商的求导法则得 "
        "$\\partial p_i/\\partial z_j = (\\delta_{ij} e^{z_i} S - e^{z_i} e^{z_j})/S^2 = p_i(\\delta_{ij} - p_j)$，"
        "再乘以 $\\partial z_j/\\partial a_j = 1/T$。教程 001 把对角情形写成 $p_i(1 - p_j)$，"
        "因为此时 $i = j$，两者相同。",
    ),
    "softmax.vjp.intro": (
        "`backward()` never builds J. It receives $v = \\partial L/\\partial p$ from the layer above and "
        "sends $v^\\top J$ down to the logits. Pick $v$ and compare three ways to get $v^\\top J$.",
        "`backward()` 从不构造 J。它从上一层收到 $v = \\partial L/\\partial p$，再把 $v^\\top J$ 传给 logits。"
        "选一个 $v$，比较求 $v^\\top J$ 的三种方法。",
    ),
    "softmax.vjp.choice": ("Upstream gradient v = ∂L/∂p", "上游梯度 v = ∂L/∂p"),
    "softmax.vjp.ce": ("from cross-entropy: −onehot(y) / p_y", "来自交叉熵：−onehot(y) / p_y"),
    "softmax.vjp.row": ("one-hot e_{y} (row {y} of J)", "独热向量 e_{y}（J 的第 {y} 行）"),
    "softmax.vjp.ones": ("all ones (L = Σ p)", "全为 1（L = Σ p）"),
    "softmax.vjp.custom": ("custom", "自定义"),
    "softmax.vjp.custom_label": ("v, one number per logit", "v，每个 logit 对应一个数"),
    "softmax.vjp.col_matrix": ("vᵀJ (full matrix)", "vᵀJ（完整矩阵相乘）"),
    "softmax.vjp.diff": (
        "Largest difference from autograd: matrix product **{matrix}**, formula **{formula}**.",
        "与 autograd 的最大差值：矩阵乘积 **{matrix}**，公式 **{formula}**。",
    ),
    "softmax.vjp.note.ce": (
        "This $v^\\top J$ is exactly the cross-entropy gradient $(p - \\mathrm{onehot}({y}))/T$ of the next tab.",
        "这里的 $v^\\top J$ 正是下一个标签页中交叉熵的梯度 $(p - \\mathrm{onehot}({y}))/T$。",
    ),
    "softmax.vjp.note.row": (
        "With $v = e_{y}$, $v^\\top J$ is row {y} of J: this is seed 001's "
        "`torch.autograd.grad(p[{y}], a, retain_graph=True)`. "
        "One backward pass gives one row, so building the whole J this way takes one pass per class.",
        "取 $v = e_{y}$ 时，$v^\\top J$ 就是 J 的第 {y} 行："
        "这正是教程 001 中的 `torch.autograd.grad(p[{y}], a, retain_graph=True)`。"
        "一次反向传播只得到一行，所以这样构造整个 J 需要对每个类别各做一次反向传播。",
    ),
    "softmax.vjp.note.ones": (
        "The result is 0 (up to rounding): with v all ones, $v^\\top J$ is the sum of each column of J. The "
        "probabilities always sum to 1, so their sum cannot change, whatever the logits do: the columns-sum-to-0 "
        "fact seen through backward().",
        "结果为 0（忽略舍入误差）：v 全为 1 时，$v^\\top J$ 就是 J 每一列之和。概率之和恒为 1，"
        "无论 logits 如何变化，这个和都不会变：这正是“每列之和为 0”在 backward() 中的体现。",
    ),
    "softmax.vjp.note.custom": (
        "Each entry is $p_j(v_j - v\\cdot p)/T$: only how far $v_j$ is from the p-weighted average of $v$ matters.",
        "每个分量等于 $p_j(v_j - v\\cdot p)/T$：起作用的只是 $v_j$ 与 $v$ 按 p 加权的平均值之差。",
    ),
    "softmax.ce.intro": (
        "`nn.CrossEntropyLoss` takes logits, not probabilities: it is `log_softmax` followed by `nll_loss`. "
        "Step by step, for the logits above:",
        "`nn.CrossEntropyLoss` 的输入是 logits 而不是概率：它等于先做 `log_softmax`，再做 `nll_loss`。"
        "对上面的 logits 逐步计算：",
    ),
    "softmax.ce.step1": (
        "**1. `log_softmax`** subtracts the log of the normaliser from every $z = a/T$ (computed as "
        "$\\max z + \\log\\sum_j e^{z_j - \\max z}$ so nothing overflows):",
        "**1. `log_softmax`** 从每个 $z = a/T$ 中减去归一化项的对数（按 "
        "$\\max z + \\log\\sum_j e^{z_j - \\max z}$ 计算，避免溢出）：",
    ),
    "softmax.ce.step2": (
        "**2. `nll_loss`** picks the entry of the target class y = {y} and flips its sign:",
        "**2. `nll_loss`** 取出目标类别 y = {y} 对应的那一项，再取相反数：",
    ),
    "softmax.ce.step3": (
        "**3.** `F.cross_entropy(z, y)` = **{loss}**; step by step = **{nll}**. Same number.",
        "**3.** `F.cross_entropy(z, y)` = **{loss}**；逐步计算 = **{nll}**。两者相同。",
    ),
    "softmax.ce.grad_title": ("Gradient with respect to the logits", "对 logits 的梯度"),
    "softmax.ce.from_jacobian": (
        "**How it falls out of the Jacobian.** $L = -\\log p_{y}$ depends on p only through $p_{y}$, so "
        "$\\partial L/\\partial p$ is $-1/p_{y}$ at class {y} and 0 elsewhere. Multiplying by J picks row {y} "
        "of J, and the factor $p_{y}$ cancels:",
        "**它如何从雅可比矩阵得到。** $L = -\\log p_{y}$ 只通过 $p_{y}$ 依赖 p，所以 $\\partial L/\\partial p$ "
        "在类别 {y} 处为 $-1/p_{y}$，其余为 0。乘以 J 就是取出 J 的第 {y} 行，其中的因子 $p_{y}$ 恰好约掉：",
    ),
    "softmax.stable.intro": (
        "The textbook formula $e^{z_i}/\\sum_j e^{z_j}$ can fail. $e^z$ overflows to inf above about "
        "z = {limit64} in float64 and above about z = {limit32} in float32 (PyTorch's default dtype), and "
        "inf / inf is nan; when every z is very negative, every $e^z$ underflows to 0 and 0 / 0 is nan. "
        "Subtracting $\\max z$ first changes nothing mathematically (the factor $e^{-\\max z}$ cancels) but "
        "every exponent becomes ≤ 0 and the largest is exactly 0, so every exp is at most 1 and their sum at "
        "least 1. The tables below compute in {dtype}.",
        "教科书公式 $e^{z_i}/\\sum_j e^{z_j}$ 可能失败。在 float64 中 z 大于约 {limit64} 时 $e^z$ 会上溢为 inf，"
        "在 float32（PyTorch 的默认 dtype）中 z 大于约 {limit32} 时就会上溢，而 inf / inf 为 nan；"
        "当所有 z 都非常负时，每个 $e^z$ 都下溢为 0，0 / 0 也是 nan。先减去 $\\max z$ 在数学上不改变结果"
        "（因子 $e^{-\\max z}$ 会约掉），但每个指数都变成 ≤ 0，且最大的恰好为 0，因此每个 exp 都不超过 1，"
        "它们的和至少为 1。下面的表按 {dtype} 计算。",
    ),
    "softmax.stable.yours": ("**Your logits**", "**你的 logits**"),
    "softmax.stable.classic": (
        "**The classic example: [1000, 999, −1000]**",
        "**经典例子：[1000, 999, −1000]**",
    ),
    "softmax.stable.overflow": (
        "Here the largest z is {z_max}, above {limit}: its exp(z) is inf in {dtype}, so the naive formula gives "
        "inf / inf = nan wherever exp(z) is inf and 0 elsewhere. The stable column is right.",
        "这里最大的 z 为 {z_max}，超过 {limit}：它的 exp(z) 在 {dtype} 中为 inf，所以朴素算法在 exp(z) 为 inf "
        "的地方给出 inf / inf = nan，其余地方给出 0。稳定算法这一列是正确的。",
    ),
    "softmax.stable.underflow": (
        "Here every exp(z) underflows to 0 in {dtype} (the largest z is {z_max}), so the naive formula gives "
        "0 / 0 = nan everywhere. The stable column is right.",
        "这里每个 exp(z) 在 {dtype} 中都下溢为 0（最大的 z 为 {z_max}），所以朴素算法处处给出 0 / 0 = nan。"
        "稳定算法这一列是正确的。",
    ),
    "softmax.stable.fine": (
        "Here the largest z is {z_max}, not above {limit}: nothing overflows in {dtype} at this temperature, "
        "and the naive and stable columns agree.",
        "这里最大的 z 为 {z_max}，不超过 {limit}：在这个温度下 {dtype} 中没有溢出，朴素算法与稳定算法两列一致。",
    ),
    "softmax.stable.float32_overflow": (
        "In float32 it would overflow: z is above {limit32} there.",
        "但在 float32 中它会溢出：那里 z 超过了 {limit32}。",
    ),
    "softmax.stable.float32_underflow": (
        "In float32 every exp(z) would underflow to 0, and the naive formula would give nan.",
        "但在 float32 中每个 exp(z) 都会下溢为 0，朴素算法会得到 nan。",
    ),
    "softmax.stable.float32_fine": (
        "In float32 it would not fail either.",
        "在 float32 中它也不会失败。",
    ),
    "softmax.stable.naive": ("naive exp(z) / Σ exp(z)", "朴素算法 exp(z) / Σ exp(z)"),
    "softmax.stable.stable": ("stable (max subtracted)", "稳定算法（减去最大值）"),
    "softmax.stable.why": (
        "`F.softmax`, `F.log_softmax` and `F.cross_entropy` all do this subtraction for you. It is also why "
        "you should pass logits to `CrossEntropyLoss` rather than taking `log(softmax(a))` yourself: a "
        "probability that underflows to 0 gives log 0 = −inf.",
        "`F.softmax`、`F.log_softmax` 和 `F.cross_entropy` 都会替你做这一步减法。这也是为什么应该把 logits "
        "直接交给 `CrossEntropyLoss`，而不要自己计算 `log(softmax(a))`：一个下溢为 0 的概率会得到 log 0 = −inf。",
    ),
    "softmax.code.intro": (
        "A plain-PyTorch script for the current logits, T, target class and upstream gradient v (the v chosen "
        "in the vector-Jacobian product tab; all ones while that v is invalid). It prints the numbers of this "
        "page, to 6 significant digits.",
        "针对当前 logits、T、目标类别和上游梯度 v（向量-雅可比积标签页中选的 v；该 v 无效时用全 1）的纯 "
        "PyTorch 脚本。运行后打印出本页的这些数（6 位有效数字）。",
    ),
    "softmax.code.no_target": (
        "Target class {y} does not exist with these logits (classes 0 … {last}); pick another to get the script.",
        "在当前 logits 下不存在目标类别 {y}（类别为 0 … {last}）；请另选一个目标类别以生成脚本。",
    ),
}

STRINGS |= {
    "err.empty": ("{name} is empty; type 2 to 10 numbers.", "{name} 为空；请输入 2 到 10 个数。"),
    "err.bad_token": (
        "{name}: {token} (number {position}) is not a number.",
        "{name}：第 {position} 个值 {token} 不是数。",
    ),
    "err.token_not_finite": (
        "{name}: {token} (number {position}) is not finite; only finite numbers are allowed.",
        "{name}：第 {position} 个值 {token} 不是有限数；只允许有限的数。",
    ),
    "err.count": (
        "{name} has {count} numbers; between {low} and {high} are allowed.",
        "{name} 有 {count} 个数；只允许 {low} 到 {high} 个。",
    ),
    "err.not_vector": ("{name} must be a non-empty vector.", "{name} 必须是非空向量。"),
    "err.v_length": (
        "The upstream gradient v has {count} numbers; it needs {expected}, one per logit.",
        "上游梯度 v 有 {count} 个数；需要 {expected} 个，每个 logit 对应一个。",
    ),
    "err.target_range": (
        "Target class {target} is out of range: with these logits it must be 0 … {last}.",
        "目标类别 {target} 超出范围：对当前 logits，它必须在 0 … {last} 之间。",
    ),
    "err.p_underflow": (
        "p of the target class {target} underflows to 0 in {dtype}, so ∂L/∂p = −1/p is infinite. "
        "`F.cross_entropy` stays finite: it computes `log_softmax` by log-sum-exp "
        "($z - \\max z - \\log\\sum_j e^{z_j - \\max z}$), then the negative log-likelihood, so it never "
        "takes log p nor divides by p; its gradient on the next tab is finite.",
        "目标类别 {target} 的概率 p 在 {dtype} 中下溢为 0，所以 ∂L/∂p = −1/p 为无穷大。"
        "`F.cross_entropy` 仍然有限：它用 log-sum-exp（$z - \\max z - \\log\\sum_j e^{z_j - \\max z}$）"
        "计算 `log_softmax`，再取负对数似然，从不计算 log p，也不除以 p；下一个标签页中的梯度是有限的。",
    ),
}

# quiz mode ("Predict first"): prompts and one-line reasons, filled with the page's live numbers
STRINGS |= {
    "softmax.quiz.p_top.prompt": (
        "Logits a = [{logits}], temperature T = {T}. Class {k} has the largest logit: what is its "
        "probability p_{k} = softmax(a / T)_{k}?",
        "logits a = [{logits}]，温度 T = {T}。类别 {k} 的 logit 最大：它的概率 p_{k} = softmax(a / T)_{k} 是多少？",
    ),
    "softmax.quiz.p_top.reason": (
        "p_{k} = e^((a_{k} − max a)/T) / Σ_j e^((a_j − max a)/T) = 1 / {total} = {p}.",
        "p_{k} = e^((a_{k} − max a)/T) / Σ_j e^((a_j − max a)/T) = 1 / {total} = {p}。",
    ),
    "softmax.quiz.j_diag.prompt": (
        "Target class y = {y}, T = {T}: what is the Jacobian's diagonal entry J[{y}, {y}] = ∂p_{y}/∂a_{y}?",
        "目标类别 y = {y}，T = {T}：雅可比矩阵的对角元素 J[{y}, {y}] = ∂p_{y}/∂a_{y} 是多少？",
    ),
    "softmax.quiz.j_diag.reason": (
        "J[{y}, {y}] = p_{y} (1 − p_{y}) / T = {p} × (1 − {p}) / {T} = {J}.",
        "J[{y}, {y}] = p_{y} (1 − p_{y}) / T = {p} × (1 − {p}) / {T} = {J}。",
    ),
    "softmax.quiz.j_off.prompt": (
        "And the off-diagonal entry J[{y}, {m}] = ∂p_{y}/∂a_{m} (T = {T})?",
        "非对角元素 J[{y}, {m}] = ∂p_{y}/∂a_{m}（T = {T}）又是多少？",
    ),
    "softmax.quiz.j_off.reason": (
        "J[{y}, {m}] = −p_{y} p_{m} / T = −{p} × {q} / {T} = {J}.",
        "J[{y}, {m}] = −p_{y} p_{m} / T = −{p} × {q} / {T} = {J}。",
    ),
    "softmax.quiz.ce_loss.prompt": (
        "What is the cross-entropy loss L = F.cross_entropy(a / T, y) for the target class y = {y} (T = {T})?",
        "目标类别 y = {y}（T = {T}）时，交叉熵损失 L = F.cross_entropy(a / T, y) 是多少？",
    ),
    "softmax.quiz.ce_loss.reason": (
        "L = −log p_{y} = −(z_{y} − log Σ_j e^(z_j)) with z = a / T: −({z} − {lse}) = {loss}.",
        "L = −log p_{y} = −(z_{y} − log Σ_j e^(z_j))，其中 z = a / T：−({z} − {lse}) = {loss}。",
    ),
    "softmax.quiz.grad.prompt": (
        "What is that loss's gradient for the target logit, ∂L/∂a_{y} (T = {T})?",
        "该损失对目标 logit 的梯度 ∂L/∂a_{y}（T = {T}）是多少？",
    ),
    "softmax.quiz.grad.reason": (
        "∂L/∂a_{y} = (p_{y} − 1) / T = ({p} − 1) / {T} = {g}.",
        "∂L/∂a_{y} = (p_{y} − 1) / T = ({p} − 1) / {T} = {g}。",
    ),
    "softmax.quiz.hidden_tab": (
        "The numbers of this tab are hidden until every question above has been revealed.",
        "在上面的每个问题都揭晓之前，本标签页中的数值会被隐藏。",
    ),
    "softmax.quiz.worksheet_title": ("Softmax, its Jacobian and cross-entropy", "softmax、它的雅可比矩阵与交叉熵"),
}
