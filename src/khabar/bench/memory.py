"""Peak resident memory (RSS high-water mark) and CPU time of this process and its descendants."""

from __future__ import annotations

import os
import resource
from pathlib import Path

PROC = Path("/proc")


def own_peak_mb() -> float:
    """This process's peak RSS; Linux reports ``ru_maxrss`` in KiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def descendant_peaks_mb(root: int | None = None) -> list[dict[str, object]]:
    """Peak RSS (``VmHWM``) of every live descendant of ``root``, with a role read from its command.

    Read while the processes still run: once reaped, a child's peak survives only as the
    maximum over all children in ``RUSAGE_CHILDREN``.
    """
    root = os.getpid() if root is None else root
    parents = parent_map()
    return [
        {"pid": pid, "role": role_of(pid, parents, root), "peak_rss_mb": peak_mb(pid)}
        for pid in sorted(parents)
        if is_descendant(pid, root, parents)
    ]


def descendant_cpu_seconds(root: int | None = None) -> float:
    """User plus system CPU time of every live descendant of ``root`` so far."""
    root = os.getpid() if root is None else root
    parents = parent_map()
    return sum(cpu_seconds(pid) for pid in parents if is_descendant(pid, root, parents))


def cpu_seconds(pid: int) -> float:
    try:
        stat = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return 0.0
    # fields after the command name, which is in parentheses and may hold spaces: state is
    # field 3 of proc(5), utime 14 and stime 15
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def parent_map() -> dict[int, int]:
    parents: dict[int, int] = {}
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            ppid = read_status_field(int(entry.name), "PPid")
            if ppid is not None:
                parents[int(entry.name)] = int(ppid)
    return parents


def is_descendant(pid: int, root: int, parents: dict[int, int]) -> bool:
    while pid in parents and pid != root:
        pid = parents[pid]
        if pid == root:
            return True
    return False


def role_of(pid: int, parents: dict[int, int], root: int) -> str:
    command = read_cmdline(pid)
    if "resource_tracker" in command:
        return "resource_tracker"
    # the forkserver's own children are forks of it and share its command line
    if "forkserver" in command and parents.get(pid) == root:
        return "forkserver"
    return "worker"


def peak_mb(pid: int) -> float | None:
    value = read_status_field(pid, "VmHWM")
    return int(value.split()[0]) / 1024 if value else None


def read_status_field(pid: int, name: str) -> str | None:
    try:
        lines = (PROC / str(pid) / "status").read_text().splitlines()
    except OSError:  # the process ended between the listing and the read
        return None
    for line in lines:
        key, _, value = line.partition(":")
        if key == name:
            return value.strip()
    return None


def read_cmdline(pid: int) -> str:
    try:
        return (PROC / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""
