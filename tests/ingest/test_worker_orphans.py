"""A worker of a killed ``khabar ingest`` ends instead of waiting forever for tasks."""

from __future__ import annotations

import subprocess
import sys
import time

from khabar.parallel import is_alive

# a stand-in for a pool worker: it watches the given parent the way a real worker does, then
# would wait far longer than the test
WORKER = """
import sys, time
import khabar.parallel as parallel
parallel.PARENT_CHECK_S = 0.05
parallel._exit_with(int(sys.argv[1]))
time.sleep(120)
"""


def wait_for_exit(process: subprocess.Popen[bytes], seconds: float) -> int | None:
    deadline = time.monotonic() + seconds
    while process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    return process.poll()


def test_a_worker_ends_when_its_parent_is_killed() -> None:
    parent = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    worker = subprocess.Popen([sys.executable, "-c", WORKER, str(parent.pid)])
    try:
        assert wait_for_exit(worker, 1.0) is None  # its parent lives: it keeps working
        parent.kill()
        parent.wait()
        assert wait_for_exit(worker, 60.0) == 1
    finally:
        for process in (parent, worker):
            if process.poll() is None:
                process.kill()
                process.wait()


def test_a_killed_unreaped_process_is_not_alive() -> None:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    time.sleep(0.5)  # it has exited, and is a zombie until waited for
    deadline = time.monotonic() + 30
    while is_alive(process.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not is_alive(process.pid)
    process.wait()
