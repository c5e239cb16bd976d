"""The autograd page: the real grad_fn graph, the chain rule on it, forward vs reverse mode, the pitfalls."""
