"""The regression page's settings: the choices it offers come from core, and the regime each batch size names."""

from __future__ import annotations

import pytest

from core.config import OPTIMIZERS as CORE_OPTIMIZERS
from core.losses import LOSSES as CORE_LOSSES
from ui.regression.inputs import LOSSES, OPTIMIZERS, regime


def test_the_page_offers_core_s_losses_and_its_own_two_updates():
    assert LOSSES is CORE_LOSSES
    # core lists more updates for the Optimizers page; this page explains torch.optim.SGD and the manual step
    assert OPTIMIZERS == ("torch_sgd", "manual") and set(OPTIMIZERS) <= set(CORE_OPTIMIZERS)


@pytest.mark.parametrize(
    ("batch", "shuffle", "name"),
    [(6, True, "full"), (6, False, "full"), (1, True, "sgd"), (1, False, "cyclic"), (3, True, "mini"),
     (3, False, "mini_cyclic")],
)  # fmt: skip
def test_the_dataloader_s_batch_size_and_shuffling_name_the_regime(batch, shuffle, name):
    assert regime(batch, 6, shuffle) == name
