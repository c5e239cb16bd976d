"""Device selection: auto picks the best available, unknown names are an InputError."""

import pytest
import torch

from core.device import (
    available_devices,
    cpu_threads,
    default_dtype,
    device_label,
    resolve_device,
    set_cpu_threads,
    torch_version,
)
from core.errors import InputError


def test_cpu_is_always_available_and_last():
    assert available_devices()[-1] == "cpu"


def test_auto_picks_the_first_available():
    assert resolve_device(None).type == available_devices()[0]
    assert resolve_device("auto").type == available_devices()[0]


def test_cuda_is_first_when_present():
    assert (available_devices()[0] == "cuda") == torch.cuda.is_available()


@pytest.mark.parametrize("name", ["tpu", "cuda:99", "", "<b>"])
def test_unavailable_device_is_an_input_error_naming_it(name):
    if name in available_devices():
        pytest.skip("available here")
    with pytest.raises(InputError, match="not available"):
        resolve_device(name)


def test_float64_except_on_mps():
    assert default_dtype(torch.device("cpu")) is torch.float64
    assert default_dtype(torch.device("mps")) is torch.float32


def test_the_device_label_is_the_type_off_cuda_and_the_version_is_torchs():
    assert device_label(torch.device("cpu")) == "cpu"
    assert device_label(torch.device("mps")) == "mps"
    assert torch_version() == torch.__version__


def test_set_cpu_threads_sets_torchs_intra_op_threads_and_refuses_zero():
    before = torch.get_num_threads()
    try:
        set_cpu_threads(1)
        assert torch.get_num_threads() == cpu_threads() == 1
    finally:
        torch.set_num_threads(before)
    with pytest.raises(InputError, match="at least 1"):
        set_cpu_threads(0)
