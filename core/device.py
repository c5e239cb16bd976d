"""Which compute device to use: "auto" means the best available, cuda, then mps, then cpu."""

from __future__ import annotations

import torch

from core.errors import InputError


def available_devices() -> list[str]:
    """The devices this machine can run on, best first (always ends with "cpu")."""
    devices = []
    if torch.cuda.is_available():
        devices.append("cuda")
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        devices.append("mps")
    devices.append("cpu")
    return devices


def resolve_device(name: str | None = None) -> torch.device:
    """`torch.device` for `name`; None or "auto" picks the first of `available_devices()`.

    >>> resolve_device("cpu")
    device(type='cpu')
    """
    if name is None or name == "auto":
        return torch.device(available_devices()[0])
    if not isinstance(name, str) or name not in available_devices():
        raise InputError(f"device {name!r} is not available here; choose one of {available_devices()} or 'auto'")
    return torch.device(name)


def default_dtype(device: torch.device) -> torch.dtype:
    """float64 where the device supports it (exact teaching numbers); MPS has no float64, so float32."""
    return torch.float32 if device.type == "mps" else torch.float64


def cpu_threads() -> int:
    """How many CPU threads PyTorch uses here (what timings shown on a page ran with)."""
    return torch.get_num_threads()


def set_cpu_threads(threads: int) -> None:
    """Run each PyTorch CPU operation on `threads` threads (`torch.set_num_threads`).

    A server shared by a class runs many sessions' small operations at once: there, one thread each
    is right (README, "Teaching a large class": more threads than cores only wait for each other).
    """
    if threads < 1:
        raise InputError(f"threads must be at least 1, not {threads}")
    torch.set_num_threads(threads)


def device_label(device: torch.device) -> str:
    """What a page names the device it runs on: the GPU's name on CUDA, else "cpu" or "mps"."""
    return torch.cuda.get_device_name(device) if device.type == "cuda" else device.type


def torch_version() -> str:
    return torch.__version__
