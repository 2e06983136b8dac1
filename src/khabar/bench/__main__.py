"""``python -m khabar.bench``: throughput and memory of khabar against bare spaCy, on FA-KES.

Each round runs every mode once, each in a fresh subprocess, one mode after the other, so a
change in the machine's load affects all modes alike; ``--repeat`` rounds give min and median.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ..errors import KhabarError
from ..parallel import DEFAULT_CHUNK_SIZE, START_METHOD
from .corpus import default_data_path
from .measure import Spec
from .summary import (
    profile_table,
    start_table,
    summarise_profile,
    summarise_start,
    summarise_throughput,
    throughput_table,
)

THROUGHPUT_MODES = ("spacy", "khabar", "parallel")
START_METHODS = ("spawn", "forkserver")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m khabar.bench", description=__doc__)
    parser.add_argument(
        "--data", type=Path, default=None, help="the FA-KES CSV (default: ../shared/data/...)"
    )
    parser.add_argument("--limit", type=int, default=None, help="the first N articles (default: all 804)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of measurements (default: 3)")
    parser.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size, all modes")
    parser.add_argument("--workers", type=int, default=2, help="worker processes of the parallel mode")
    parser.add_argument("--chunk-size", type=int, default=DEFAULT_CHUNK_SIZE, help="articles per worker task")
    parser.add_argument("--start-method", default=START_METHOD, choices=START_METHODS)
    parser.add_argument(
        "--timeout", type=float, default=1800.0, help="seconds one measurement may take (default: 1800)"
    )
    parser.add_argument("--out", type=Path, default=Path("out/bench-results.json"), help="JSON results")
    parser.add_argument(
        "--stage-profile", action="store_true", help="time each pipeline component instead of throughput"
    )
    parser.add_argument(
        "--start-methods", action="store_true", help="time worker start-up with spawn and forkserver"
    )
    return parser.parse_args(argv)


def plan(args: argparse.Namespace) -> list[Spec]:
    """The measurements of one round, in order."""
    data = str((args.data or default_data_path()).resolve())
    common = {"data": data, "limit": args.limit, "batch_size": args.batch_size, "workers": args.workers}
    specs: list[Spec] = []
    if args.stage_profile:
        specs.append(Spec(mode="profile", **common))
    if args.start_methods:
        specs += [Spec(mode="start", start_method=method, **common) for method in START_METHODS]
    if not specs:
        specs = [
            Spec(mode=mode, chunk_size=args.chunk_size, start_method=args.start_method, **common)
            for mode in THROUGHPUT_MODES
        ]
    return specs


def measure_in_subprocess(spec: Spec, *, timeout: float) -> dict[str, Any]:
    command = [sys.executable, "-m", "khabar.bench.measure", json.dumps(asdict(spec))]
    try:
        completed = subprocess.run(command, capture_output=True, text=True, check=False, timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        raise KhabarError("E104", mode=spec.mode, status="timeout", detail=f"over {timeout:.0f} s") from exc
    if completed.returncode != 0:
        detail = completed.stderr.strip().splitlines()[-1:] or ["no error output"]
        raise KhabarError("E104", mode=spec.mode, status=completed.returncode, detail=detail[0])
    return json.loads(completed.stdout.strip().splitlines()[-1])


def environment() -> dict[str, Any]:
    """What the figures depend on; the load average shows how busy the machine was."""
    import spacy

    return {
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "cpus": os.cpu_count(),
        "load_average": [round(value, 2) for value in os.getloadavg()],
        "git": git_describe(),
    }


def git_describe() -> str | None:
    try:
        completed = subprocess.run(
            ["git", "describe", "--always", "--dirty"], capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return completed.stdout.strip()


def summarise(runs: list[dict[str, Any]]) -> dict[str, Any]:
    summary: dict[str, Any] = {}
    throughput = [run for run in runs if run["mode"] in THROUGHPUT_MODES]
    if throughput:
        summary["throughput"] = summarise_throughput(throughput)
    profile = [run for run in runs if run["mode"] == "profile"]
    if profile:
        summary["stage_profile"] = summarise_profile(profile)
    start = [run for run in runs if run["mode"] == "start"]
    if start:
        summary["start_methods"] = summarise_start(start)
    return summary


def print_report(summary: dict[str, Any], before: dict[str, Any], after: dict[str, Any]) -> None:
    for key, render in (
        ("throughput", throughput_table),
        ("stage_profile", profile_table),
        ("start_methods", start_table),
    ):
        if key in summary:
            print(render(summary[key]), end="\n\n")
    print(
        f"load average before {before['load_average']}, after {after['load_average']} "
        f"on {before['cpus']} CPUs: figures on a shared machine are noisy; compare medians."
    )


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    specs = plan(args)
    before = environment()
    runs: list[dict[str, Any]] = []
    try:
        for round_number in range(1, args.repeat + 1):
            for spec in specs:
                print(f"round {round_number}/{args.repeat}: {spec.mode} {spec.start_method}", file=sys.stderr)
                runs.append({"round": round_number, **measure_in_subprocess(spec, timeout=args.timeout)})
                # written after every measurement, so an interrupted run still leaves its figures
                write_results(args, runs, before)
    except KhabarError as error:
        print(error, file=sys.stderr)
        return 1
    after = environment()
    summary = write_results(args, runs, before, after)
    print_report(summary, before, after)
    print(f"results written to {args.out}")
    return 0


def write_results(
    args: argparse.Namespace,
    runs: list[dict[str, Any]],
    before: dict[str, Any],
    after: dict[str, Any] | None = None,
) -> dict[str, Any]:
    summary = summarise(runs)
    results = {
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "complete": after is not None,
        "settings": {
            key: str(value) if isinstance(value, Path) else value for key, value in vars(args).items()
        },
        "environment": {"before": before, "after": after},
        "summary": summary,
        "runs": runs,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    return summary


if __name__ == "__main__":
    sys.exit(main())
