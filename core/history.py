"""What a training run leaves behind: one row per optimizer step, readable as `history.steps[i]`."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

import torch

if TYPE_CHECKING:
    from core.config import TrainConfig

T = TypeVar("T")


@dataclass(frozen=True)
class Step:
    """One optimizer step: the batch it saw, its loss, the gradients, and w, b after `step()`.

    `state` is the optimizer's state after the step as `optimizer.state[param]` names it, for each
    parameter: `{"w": {"exp_avg": ..., "exp_avg_sq": ...}, "b": {...}}` (empty dicts for plain SGD).
    """

    epoch: int
    step: int
    batch_indices: torch.Tensor
    loss: torch.Tensor
    grad_w: torch.Tensor
    grad_b: torch.Tensor
    w: torch.Tensor
    b: torch.Tensor
    state: dict[str, dict[str, torch.Tensor]] = field(default_factory=dict)


@dataclass(frozen=True)
class TrainHistory:
    """Every step of a run, kept columnar (one row per step) so recording costs no Python per value."""

    config: TrainConfig
    w0: torch.Tensor  # (d,) the initial weights
    b0: torch.Tensor  # () the initial bias
    loss: torch.Tensor  # (S,) batch loss of each step, before the update
    grad_w: torch.Tensor  # (S, d) w.grad of each step
    grad_b: torch.Tensor  # (S,) b.grad of each step
    w: torch.Tensor  # (S, d) w after each step
    b: torch.Tensor  # (S,) b after each step
    orders: torch.Tensor  # (epochs, n) the order in which each epoch visits the samples
    epoch_loss: torch.Tensor  # (completed epochs,) the full-data loss after each epoch, same convention
    diverged: bool = False
    diverged_step: int | None = None  # index of the first step whose loss or parameters were not finite
    # the optimizer's state after each step, by PyTorch's name: (S, d + 1) columns, w's entries then b's
    state: dict[str, torch.Tensor] = field(default_factory=dict)
    steps: StepsView = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "steps", StepsView(self))

    @property
    def steps_per_epoch(self) -> int:
        return math.ceil(self.orders.shape[1] / self.config.batch_size)

    def batch_indices(self, i: int) -> torch.Tensor:
        """The sample indices of step i's batch."""
        epoch, k = divmod(i, self.steps_per_epoch)
        size = self.config.batch_size
        return self.orders[epoch, k * size : (k + 1) * size]

    def __repr__(self) -> str:
        return f"TrainHistory(steps={len(self.loss)}, epochs={len(self.epoch_loss)}, diverged={self.diverged})"


class LazySteps(Sequence[T]):
    """`history.steps`: step i built on demand from the history's columns (`_step`), so a run of 100,000 steps
    keeps its columns and no 100,000 objects."""

    def __init__(self, history: Any) -> None:
        self._h = history

    def __len__(self) -> int:
        return len(self._h.loss)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if not -len(self) <= i < len(self):
            raise IndexError(i)
        return self._step(i % len(self))

    def _step(self, i: int) -> T:
        raise NotImplementedError


class StepsView(LazySteps[Step]):
    """`history.steps[i]` as a `Step`."""

    def _step(self, i: int) -> Step:
        h = self._h
        epoch = i // h.steps_per_epoch
        d = h.w.shape[1]
        state = {
            "w": {name: values[i, :d] for name, values in h.state.items()},
            "b": {name: values[i, d] for name, values in h.state.items()},
        }
        return Step(epoch, i, h.batch_indices(i), h.loss[i], h.grad_w[i], h.grad_b[i], h.w[i], h.b[i], state)
