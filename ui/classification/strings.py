"""Strings of the classification page: {key: (english, chinese)}."""

STRINGS = {
    "nav.classification": ("Classification", "分类"),
    "classification.page.question": (
        "What does cross-entropy's gradient p − onehot do to a classifier, step after step?",
        "交叉熵的梯度 p − onehot 一步一步地对分类器做了什么？",
    ),
    "classification.page.intro": (
        "Softmax regression: `nn.Linear(2, K)` starting from zero, trained with `nn.CrossEntropyLoss` and a "
        "`torch.optim` update on points in the plane. Watch the decision regions move step by step, follow one "
        "sample from its features to ∂loss/∂W, and compare the lessons' runs.",
        "Softmax 回归：从零开始的 `nn.Linear(2, K)`，用 `nn.CrossEntropyLoss` 和一个 `torch.optim` 更新规则，"
        "在平面上的点上训练。一步一步看决策区域如何移动，跟着一个样本从特征一直算到 ∂loss/∂W，并比较各课的运行结果。",
    ),
    "classification.page.settings": ("Data and training", "数据与训练"),
    "classification.page.training": ("Training… step {done} of {total}", "训练中…第 {done} 步，共 {total} 步"),
    "classification.tab.regions": ("Decision regions", "决策区域"),
    "classification.tab.curves": ("Loss and accuracy", "损失与准确率"),
    "classification.tab.sample": ("One sample", "一个样本"),
    "classification.tab.lessons": ("Lessons", "课程"),
    "classification.tab.code": ("Code", "代码"),
    # --- data
    "classification.data.source": ("Data", "数据"),
    "classification.source.blobs": ("Gaussian blobs", "高斯团簇"),
    "classification.source.csv": ("Your CSV", "你的 CSV"),
    "classification.data.classes": ("Classes K", "类别数 K"),
    "classification.data.per_class": ("Points per class", "每类的点数"),
    "classification.data.limit": ("At most {limit}.", "最多 {limit}。"),
    "classification.data.spread": ("Spread (std)", "分散程度（标准差）"),
    "classification.data.spread_help": (
        "The standard deviation of each coordinate around its class centre, 0 to {limit}. The centres lie on a "
        "circle of radius 3.",
        "每个坐标围绕类中心的标准差，0 到 {limit}。类中心位于半径为 3 的圆上。",
    ),
    "classification.data.seed": ("Data seed", "数据的随机种子"),
    "classification.data.blobs_caption": (
        "{n} points in {classes} classes; point i belongs to class i mod K.",
        "{n} 个点，共 {classes} 类；第 i 个点属于第 i mod K 类。",
    ),
    "classification.data.upload": (
        "CSV file with a header row (at most {limit} MB)",
        "带表头的 CSV 文件（最多 {limit} MB）",
    ),
    "classification.data.upload_help": (
        "Two numeric feature columns and a label column of whole numbers 0 … {classes} − 1 (K = the largest "
        "label + 1, at least 2). Rows with a missing or non-numeric cell in a chosen column are left out.",
        "两个数值特征列和一个标签列，标签为 0 … {classes} − 1 的整数（K = 最大标签 + 1，至少为 2）。"
        "所选列中有缺失或非数值单元格的行会被略去。",
    ),
    "classification.data.upload_first": (
        "Upload a CSV file to classify your own points (or choose the blobs above).",
        "上传一个 CSV 文件来对你自己的点分类（或在上方选择高斯团簇）。",
    ),
    "classification.data.x0": ("Feature x₀", "特征 x₀"),
    "classification.data.x1": ("Feature x₁", "特征 x₁"),
    "classification.data.label": ("Label column", "标签列"),
    "classification.data.dropped": (
        "Rows left out because a chosen column has no number there ({count} in all): {rows}.",
        "因所选列中没有数值而略去的行（共 {count} 行）：{rows}。",
    ),
    "classification.data.csv_caption": ("{n} points in {classes} classes.", "{n} 个点，共 {classes} 类。"),
    # --- training
    "classification.train.lr": ("Learning rate η", "学习率 η"),
    "classification.train.lr_help": ("Greater than 0, at most {limit}.", "大于 0，最多 {limit}。"),
    "classification.train.batch": ("Batch size", "批大小"),
    "classification.train.batch_help": (
        "1 to the number of points. The DataLoader's last batch of an epoch may be smaller.",
        "1 到点数之间。DataLoader 每轮的最后一批可能更小。",
    ),
    "classification.train.epochs": ("Epochs", "训练轮数（epoch）"),
    "classification.train.epochs_help": (
        "Epochs × batches per epoch ≤ {steps} steps.",
        "训练轮数 × 每轮的批数 ≤ {steps} 步。",
    ),
    "classification.train.seed": ("Shuffle seed", "打乱顺序的随机种子"),
    "classification.train.shuffle": ("Shuffle every epoch", "每轮打乱顺序"),
    "classification.train.limits": (
        "Limits: at most {steps} steps, epochs × points ≤ 10,000,000, 0 < lr ≤ 100. The batches are those of "
        "`DataLoader(..., shuffle=True, generator=torch.Generator().manual_seed(seed))`.",
        "限制：最多 {steps} 步，训练轮数 × 点数 ≤ 10,000,000，0 < lr ≤ 100。各批与 "
        "`DataLoader(..., shuffle=True, generator=torch.Generator().manual_seed(seed))` 给出的完全相同。",
    ),
    "classification.model.reduction": ("Loss reduction", "损失的归约方式"),
    "classification.model.smoothing": ("Label smoothing ε", "标签平滑 ε"),
    "classification.model.smoothing_help": (
        "`nn.CrossEntropyLoss(label_smoothing=ε)` compares p with q = (1 − ε)·onehot + ε/K instead of the "
        "one-hot target.",
        "`nn.CrossEntropyLoss(label_smoothing=ε)` 把 p 与 q = (1 − ε)·onehot + ε/K 比较，而不是与 one-hot 目标比较。",
    ),
    "classification.model.optimizer": ("Optimizer", "优化器"),
    "classification.model.optimizer_caption": (
        "PyTorch's defaults preset; momentum, betas and alpha in [0, 1), eps in (0, 1], weight_decay 0 to 100 "
        "(written out in every call: AdamW's own default is 0.01).",
        "预设为 PyTorch 的默认值；momentum、betas 和 alpha 在 [0, 1) 内，eps 在 (0, 1] 内，weight_decay 为 0 到 100"
        "（每个调用都写明：AdamW 自己的默认值是 0.01）。",
    ),
    "classification.opt.torch_sgd": ("torch.optim.SGD", "torch.optim.SGD"),
    "classification.opt.manual": ("SGD written out by hand", "手写的 SGD"),
    "classification.opt.momentum": ("SGD with momentum", "带动量的 SGD"),
    "classification.opt.nesterov": ("SGD with Nesterov momentum", "带 Nesterov 动量的 SGD"),
    "classification.opt.rmsprop": ("RMSprop", "RMSprop"),
    "classification.opt.adam": ("Adam", "Adam"),
    "classification.opt.adamw": ("AdamW", "AdamW"),
    # --- replay
    "classification.replay.step": ("Replay: W and b after step", "回放：第几步之后的 W 和 b"),
    "classification.replay.step_help": (
        "0 is the start (W = 0, b = 0: every class equally likely); the last step is the trained model.",
        "0 是起点（W = 0、b = 0：每一类的可能性相同）；最后一步就是训练好的模型。",
    ),
    "classification.replay.sample": ("Follow sample", "跟踪样本"),
    "classification.replay.sample_help": ("The index of a point, 0 to {last}.", "点的编号，0 到 {last}。"),
    "classification.warn.diverged": (
        "Step {step} produced a number that is not finite (lr = {lr}): training stopped there; the page shows the "
        "steps before it. Lower the learning rate.",
        "第 {step} 步产生了非有限的数（lr = {lr}）：训练在此停止；页面显示它之前的各步。请降低学习率。",
    ),
    "classification.quiz.hidden_tab": (
        "Hidden until every question is revealed.",
        "在所有问题揭晓之前隐藏。",
    ),
    # --- regions
    "classification.regions.summary": (
        "After step {step}, {wrong} of {n} points are misclassified (accuracy {accuracy}); class {largest} covers "
        "the largest share of the plotted plane ({share}). Sample {i} is in the square.",
        "第 {step} 步之后，{n} 个点中有 {wrong} 个分错（准确率 {accuracy}）；类别 {largest} 占图中平面的比例最大"
        "（{share}）。样本 {i} 在方框中。",
    ),
    "classification.regions.how": (
        "Each cell is coloured by the class with the largest logit z = Wx + b at its centre (a tie goes to the lower "
        "class, as `argmax` does). Each point has its label's colour and shape; a grey ring marks a point the model "
        "gets wrong. Move the replay slider to watch the regions move during training.",
        "每个格子按其中心处 logit z = Wx + b 最大的类别着色（相同时取编号较小的类别，与 `argmax` 一致）。"
        "每个点用其标签的颜色和形状表示；灰色圆圈标出模型分错的点。拖动回放滑块，观察训练中决策区域的移动。",
    ),
    "classification.regions.wrong": ("misclassified", "分错的点"),
    "classification.col.label": ("label", "标签"),
    "classification.col.wrong": ("misclassified", "分错的点数"),
    "classification.col.points": ("points", "点数"),
    "classification.col.share": ("share of the plane predicted as it", "被预测为该类的平面比例"),
    "classification.col.epoch": ("epoch", "轮次"),
    # --- curves
    "classification.curves.none": (
        "No epoch finished before training stopped.",
        "训练停止前没有完成任何一轮。",
    ),
    "classification.curves.loss": ("loss (reduction='{reduction}')", "损失（reduction='{reduction}'）"),
    "classification.curves.accuracy": ("accuracy", "准确率"),
    "classification.curves.norm": ("‖W‖ (Frobenius)", "‖W‖（Frobenius 范数）"),
    "classification.curves.summary_loss": (
        "The full-data loss goes from {first} after epoch 1 to {last} after epoch {epochs} (lowest {low}).",
        "全数据损失从第 1 轮后的 {first} 变为第 {epochs} 轮后的 {last}（最低 {low}）。",
    ),
    "classification.curves.summary_accuracy": (
        "The accuracy goes from {first} after epoch 1 to {last} after epoch {epochs} (highest {high}).",
        "准确率从第 1 轮后的 {first} 变为第 {epochs} 轮后的 {last}（最高 {high}）。",
    ),
    "classification.curves.summary_norm": (
        "‖W‖ goes from {first} after epoch 1 to {last} after epoch {epochs} (largest {high}).",
        "‖W‖ 从第 1 轮后的 {first} 变为第 {epochs} 轮后的 {last}（最大 {high}）。",
    ),
    "classification.curves.how": (
        "After each epoch, on all the points: "
        "`nn.CrossEntropyLoss(reduction='{reduction}', label_smoothing={smoothing})`, "
        "the share of points whose largest logit is their label, and the size of W. The dashed rule marks the "
        "replayed step.",
        "每轮结束后在全部点上计算：`nn.CrossEntropyLoss(reduction='{reduction}', label_smoothing={smoothing})`、"
        "最大 logit 恰为其标签的点所占比例，以及 W 的大小。虚线标出回放的那一步。",
    ),
    # --- one sample
    "classification.sample.intro": (
        "Sample **{i}** (label {label}) through the model as it is after step {step}:",
        "样本 **{i}**（标签 {label}）经过第 {step} 步之后的模型：",
    ),
    "classification.sample.logits": ("**Logits**, what `nn.Linear` computes:", "**Logits**，即 `nn.Linear` 的计算："),
    "classification.sample.softmax": (
        "**Softmax** turns them into probabilities; the predicted class is the largest:",
        "**Softmax** 把它们变成概率；预测的类别是最大的那个：",
    ),
    "classification.sample.loss": (
        "**Cross-entropy** of this sample (`log_softmax` then NLL):",
        "这个样本的**交叉熵**（先 `log_softmax` 再 NLL）：",
    ),
    "classification.sample.smoothed": (
        "**Cross-entropy with label smoothing** ε = {eps}: the target is q = (1 − ε)·onehot + ε/K with K = {k}:",
        "**带标签平滑的交叉熵**，ε = {eps}：目标是 q = (1 − ε)·onehot + ε/K，K = {k}：",
    ),
    "classification.sample.grad_z_mean": (
        "**Gradient with respect to the logits.** With reduction='mean' the batch loss is the average over its "
        "B = {b} samples, so this sample's share is divided by {b}:",
        "**对 logits 的梯度。** reduction='mean' 时批损失是其 B = {b} 个样本的平均，所以这个样本的份额要除以 {b}：",
    ),
    "classification.sample.grad_z_sum": (
        "**Gradient with respect to the logits.** With reduction='sum' the batch loss is the sum over its samples, "
        "so this sample's share is not divided:",
        "**对 logits 的梯度。** reduction='sum' 时批损失是其各样本之和，所以这个样本的份额不除以任何数：",
    ),
    "classification.sample.grad_W": (
        "**Gradient with respect to W and b** (the chain rule through z = Wx + b): row k of W gets ∂ℓ/∂z_k times x.",
        "**对 W 和 b 的梯度**（经 z = Wx + b 的链式法则）：W 的第 k 行得到 ∂ℓ/∂z_k 乘以 x。",
    ),
    "classification.sample.autograd": (
        "`loss.backward()` on the same numbers gives the same gradients (largest difference {gap}).",
        "在同样的数上调用 `loss.backward()` 得到相同的梯度（最大差值 {gap}）。",
    ),
    "classification.sample.jacobian": (
        "Where p − q comes from: the softmax Jacobian diag(p) − ppᵀ times the gradient of the loss with respect "
        "to p, −q/p. [Open these logits on the softmax page]({link}) to see that product (vᵀJ with v the "
        "cross-entropy gradient).",
        "p − q 从何而来：softmax 的雅可比矩阵 diag(p) − ppᵀ 乘以损失对 p 的梯度 −q/p。"
        "[在 softmax 页面打开这些 logits]({link})，查看这个乘积（vᵀJ，v 为交叉熵的梯度）。",
    ),
    "classification.sample.jacobian_smoothing": (
        "The softmax page uses the one-hot target (no label smoothing), so its product is p − onehot.",
        "softmax 页面使用 one-hot 目标（没有标签平滑），所以那里的乘积是 p − onehot。",
    ),
    "classification.sample.mse": (
        "**The same logits under squared error** on the one-hot target, `nn.MSELoss()(softmax(z), onehot)`: its "
        "gradient passes through the softmax Jacobian, which is small when p is near 0 or 1.",
        "**同样的 logits 在均方误差（MSE）下**（对 one-hot 目标），`nn.MSELoss()(softmax(z), onehot)`："
        "其梯度要经过 softmax 的雅可比矩阵，而当 p 接近 0 或 1 时它很小。",
    ),
    "classification.sample.mse_smaller": (
        "Here (p_y = {p}) cross-entropy's gradient has length {ce}, MSE's only {mse}.",
        "此处（p_y = {p}）交叉熵梯度的长度为 {ce}，MSE 的仅为 {mse}。",
    ),
    "classification.sample.mse_larger": (
        "Here (p_y = {p}) cross-entropy's gradient has length {ce}, MSE's {mse}: not smaller for this sample.",
        "此处（p_y = {p}）交叉熵梯度的长度为 {ce}，MSE 的为 {mse}：对这个样本并不更小。",
    ),
    # --- lessons
    "classification.lessons.intro": (
        "Each lesson opens the page on a preset (the link keeps every setting). The numbers below come from "
        "the lesson's own runs.",
        "每一课都会以预设打开本页面（链接保存所有设置）。下面的数来自该课自己的运行。",
    ),
    "classification.lessons.open": ("[Open this lesson]({link})", "[打开这一课]({link})"),
    "classification.lessons.falls": ("falling", "下降"),
    "classification.lessons.does_not_fall": ("not falling", "没有下降"),
    "classification.lessons.separable.title": (
        "Separable classes: the loss keeps falling, W keeps growing",
        "可分的类别：损失一直下降，W 一直增大",
    ),
    "classification.lessons.separable.sentence": (
        "The three blobs (spread 0.4) are separable: full-batch SGD classifies every point (accuracy {acc}), yet "
        "the loss keeps {trend}, {l1} after epoch {e1} and {l2} after epoch {e2}, because a larger W makes every "
        "correct probability closer to 1: ‖W‖ grows from {n1} to {n2}, and no finite W reaches loss 0. With "
        "weight_decay = 0.01 (the same run otherwise) ‖W‖ ends at {nb} and the loss at {lb}: weight decay, or "
        "stopping early, keeps W finite.",
        "这三个团簇（分散程度 0.4）是可分的：全批量 SGD 把每个点都分对了（准确率 {acc}），但损失仍在{trend}，"
        "第 {e1} 轮后为 {l1}，第 {e2} 轮后为 {l2}，因为更大的 W 让每个正确类别的概率更接近 1：‖W‖ 从 {n1} 增大到 {n2}，"
        "而没有任何有限的 W 能让损失为 0。使用 weight_decay = 0.01（其余相同）时，‖W‖ 最终为 {nb}，损失为 {lb}："
        "权重衰减或提前停止能让 W 保持有限。",
    ),
    "classification.lessons.separable.sentence_overlap": (
        "In this run not every point is classified correctly (accuracy {acc}), so the blobs are not separated "
        "here: the loss is {l1} after epoch {e1} and {l2} after epoch {e2} ({trend}), ‖W‖ {n1} then {n2}; with "
        "weight_decay = 0.01 ‖W‖ ends at {nb} and the loss at {lb}.",
        "本次运行没有把每个点都分对（准确率 {acc}），所以这里的团簇并未被分开：损失在第 {e1} 轮后为 {l1}，"
        "第 {e2} 轮后为 {l2}（{trend}），‖W‖ 依次为 {n1} 和 {n2}；使用 weight_decay = 0.01 时，‖W‖ 最终为 {nb}，"
        "损失为 {lb}。",
    ),
    "classification.lessons.smoothing.title": ("Label smoothing caps confidence", "标签平滑限制了置信度"),
    "classification.lessons.smoothing.sentence": (
        "Without smoothing (the run above) the probability of the true class averages {mean0} over the points "
        "(largest {max0}). With label_smoothing = {eps} the target is q_y = 1 − ε + ε/K = {qy} for the true class "
        "and {qo} for each of the other {k} − 1, so the loss cannot fall below the entropy of q, H(q) = {entropy} "
        "(it ends at {loss}); the probability of the true class averages {mean} (largest {max}) and ‖W‖ stops at "
        "{norm} instead of {norm0}.",
        "不做平滑时（上一课的运行），真实类别的概率在各点上平均为 {mean0}（最大 {max0}）。label_smoothing = {eps} "
        "时，目标对真实类别为 q_y = 1 − ε + ε/K = {qy}，对其余 {k} − 1 类各为 {qo}，所以损失不可能低于 q 的熵 "
        "H(q) = {entropy}（最终为 {loss}）；真实类别的概率平均为 {mean}（最大 {max}），"
        "‖W‖ 停在 {norm} 而不是 {norm0}。",
    ),
    "classification.lessons.mse.title": (
        "Squared error on one-hot targets learns slowly from confident mistakes",
        "对 one-hot 目标用均方误差（MSE）：从自信的错误中学得很慢",
    ),
    "classification.lessons.mse.sentence": (
        "When the model puts a wrong class ahead by a margin of {m} (z = m·(e_wrong − e_y), so p_y = {p}), "
        "cross-entropy's gradient with respect to z has length {ce}, the squared error's on the one-hot target "
        "only {mse}, {ratio} times less: MSE after softmax hardly corrects a confident mistake, cross-entropy "
        "corrects it hardest. The link opens the One sample tab on sample {i}, the most confident mistake of an "
        "overlapping run, with both gradients side by side.",
        "当模型以 {m} 的差距把一个错误类别排在前面（z = m·(e_wrong − e_y)，于是 p_y = {p}）时，交叉熵对 z 的梯度"
        "长度为 {ce}，而对 one-hot 目标的 MSE 梯度只有 {mse}，小了 {ratio} 倍：softmax 之后的 MSE 几乎不纠正自信"
        "的错误，交叉熵对它纠正得最用力。链接会在「一个样本」标签页打开样本 {i}（一次类别重叠的运行中最自信的错误），"
        "并排显示两种梯度。",
    ),
    "classification.lessons.mse.summary": (
        "As the wrong class's lead grows from 0 to {m}, cross-entropy's gradient grows from {ce0} to {ce} while "
        "MSE's falls from {mse0} to {mse}.",
        "当错误类别的领先差距从 0 增大到 {m} 时，交叉熵的梯度从 {ce0} 增大到 {ce}，而 MSE 的梯度从 {mse0} 降到 {mse}。",
    ),
    "classification.lessons.margin": ("margin m of the wrong class", "错误类别的领先差距 m"),
    "classification.lessons.norm": ("‖∂loss/∂z‖", "‖∂loss/∂z‖"),
    "classification.lessons.ce": ("cross-entropy", "交叉熵"),
    "classification.lessons.mse_on": ("MSE on one-hot", "对 one-hot 的 MSE"),
    "classification.lessons.sum_lr.title": ("reduction='sum' and the learning rate", "reduction='sum' 与学习率"),
    "classification.lessons.sum_lr.sentence": (
        "With reduction='sum' a step's gradient is the sum over its batch, B = {b} times the 'mean' one, so the "
        "same lr = {lr} moves W {b} times as far as 'mean' would from the same point: "
        "after {epochs} epochs the loss per point is {per_sample} "
        "(the full-data sum {total} ÷ {n}) against {mean} with 'mean'. Divide lr by B and the steps are the same "
        "again: 'sum' with lr = {small_lr} ends within {gap} of the 'mean' run's W (every batch has {b} points).",
        "reduction='sum' 时一步的梯度是对整批求和，是 'mean' 的 B = {b} 倍，所以同样的 lr = {lr} "
        "从同一点出发时让 W 移动的距离是 'mean' 的 {b} 倍："
        "{epochs} 轮后每个点的损失为 {per_sample}（全数据之和 {total} ÷ {n}），而 'mean' 时为 {mean}。把 lr 除以 B，"
        "步子又一样了：lr = {small_lr} 的 'sum' 运行最终与 'mean' 运行的 W 相差不超过 {gap}（每一批都有 {b} 个点）。",
    ),
    # --- code
    "classification.code.intro": (
        "The same run in plain PyTorch: the data, `nn.Linear` set to zero, `nn.CrossEntropyLoss`, `{call}` and a "
        "seeded `DataLoader`. It prints the final W and b, equal to this page's to 1e-5.",
        "同一次运行的纯 PyTorch 版本：数据、置零的 `nn.Linear`、`nn.CrossEntropyLoss`、`{call}` 和带种子的 "
        "`DataLoader`。它会打印最终的 W 和 b，与本页面的结果相差不超过 1e-5。",
    ),
    # --- quiz and worksheet
    "classification.quiz.share_mean": (
        "its share of a batch of {b} with reduction='mean'",
        "它在 reduction='mean'、{b} 个样本的一批中的份额",
    ),
    "classification.quiz.share_sum": ("with reduction='sum'", "reduction='sum' 时"),
    "classification.quiz.p.prompt": (
        "Sample {i}, x = {x}, label {y}, with W and b after step {step} (in the One sample tab): what probability "
        "p_y does the model give its own class?",
        "样本 {i}，x = {x}，标签 {y}，使用第 {step} 步之后的 W 和 b（见「一个样本」标签页）：模型给它自己的类别的"
        "概率 p_y 是多少？",
    ),
    "classification.quiz.p.reason": (
        "z = Wx + b = {z}; p_y = e^(z_y) / Σ e^(z_k) = {p}.",
        "z = Wx + b = {z}；p_y = e^(z_y) / Σ e^(z_k) = {p}。",
    ),
    "classification.quiz.loss.prompt": (
        "What is sample {i}'s cross-entropy loss ℓ (before any 1/B)?",
        "样本 {i} 的交叉熵损失 ℓ 是多少（不含 1/B）？",
    ),
    "classification.quiz.loss.reason": (
        "ℓ = −Σ q_k log p_k with label smoothing ε = {eps}; without smoothing that is −log p_y = −log {p}. ℓ = {loss}.",
        "ℓ = −Σ q_k log p_k，标签平滑 ε = {eps}；不平滑时就是 −log p_y = −log {p}。ℓ = {loss}。",
    ),
    "classification.quiz.grad.prompt": (
        "What is ∂loss/∂z_y for sample {i}, {share}?",
        "样本 {i} 的 ∂loss/∂z_y 是多少（{share}）？",
    ),
    "classification.quiz.grad.reason": (
        "p_y − q_y = {p} − {q}, {share}: {grad}.",
        "p_y − q_y = {p} − {q}，{share}：{grad}。",
    ),
    "classification.quiz.class.prompt": (
        "Which class does the model predict for sample {i}? (Type its number.)",
        "模型把样本 {i} 预测为哪一类？（输入类别编号。）",
    ),
    "classification.quiz.class.reason": (
        "The largest logit is z_{k} = {z}, so the prediction is class {k}.",
        "最大的 logit 是 z_{k} = {z}，所以预测为类别 {k}。",
    ),
    "classification.ws.title": (
        "Classification: sample {i} after step {step}",
        "分类：第 {step} 步之后的样本 {i}",
    ),
    "classification.ws.sample": ("Sample", "样本"),
    "classification.ws.W": ("W after step {step} (rows)", "第 {step} 步之后的 W（各行）"),
    "classification.ws.b": ("b after step {step}", "第 {step} 步之后的 b"),
    "classification.ws.loss": ("Loss", "损失"),
    "classification.ws.batch": ("Batch size B ('mean')", "批大小 B（'mean'）"),
    # --- errors raised by core for this page
    "err.labels_dtype": (
        "Labels must be integer class indices (int64), got {dtype}.",
        "标签必须是整数类别编号（int64），得到的是 {dtype}。",
    ),
    "err.labels_range": (
        "Labels must be whole numbers 0 … K − 1 with 2 ≤ K ≤ {classes}; the labels go from {low} to {high}.",
        "标签必须是 0 … K − 1 的整数，且 2 ≤ K ≤ {classes}；这些标签从 {low} 到 {high}。",
    ),
    "err.label_value": (
        "Labels must be whole numbers 0 … {high}; the label column has {value}.",
        "标签必须是 0 … {high} 的整数；标签列中有 {value}。",
    ),
    "err.csv_3_columns": (
        "The table needs at least three columns: two features and a label.",
        "表格至少需要三列：两个特征和一个标签。",
    ),
    "err.csv_xyl": (
        "Choose two different feature columns and a third column for the label.",
        "请选择两个不同的特征列，并用第三列作为标签。",
    ),
    "err.too_much_record": (
        "This run would keep {values} numbers; at most {limit} are allowed. Use fewer epochs or a larger batch.",
        "这次运行需要保存 {values} 个数；最多允许 {limit} 个。请减少训练轮数或增大批大小。",
    ),
    "err.features_dtype": ("The features must be float32 or float64 numbers.", "特征必须是 float32 或 float64 的数。"),
}
