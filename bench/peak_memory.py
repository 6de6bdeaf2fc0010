"""Peak memory of the running process, per step where the system allows it (shared by the benchmarks)."""

from __future__ import annotations

import re
import resource
from pathlib import Path


def peak_memory_method() -> str:
    """Linux lets a process reset its peak RSS (VmHWM), so each step gets its own peak; elsewhere the
    process's lifetime maximum (getrusage ru_maxrss) is all there is."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return "VmHWM"
    except OSError:
        return "ru_maxrss"


def reset_peak(method: str) -> None:
    if method == "VmHWM":
        Path("/proc/self/clear_refs").write_text("5")


def peak_mb(method: str) -> float:
    """Peak resident memory in MB since the last reset (VmHWM) or since the process started."""
    if method == "VmHWM":
        status = Path("/proc/self/status").read_text()
        return int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
