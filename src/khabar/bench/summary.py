"""From raw measurements to the figures the benchmark reports: medians, ratios, tables."""

from __future__ import annotations

import statistics
from typing import Any

from .profile import stage_table

#: khabar's whole pipeline should keep at least this share of bare spaCy's throughput
RATIO_GOAL = 0.75


def summarise_throughput(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Per mode: speed from the median and the best pass, load time, peak memory; then ratios."""
    modes = {mode: summarise_mode([run for run in runs if run["mode"] == mode]) for mode in mode_order(runs)}
    summary: dict[str, Any] = {"modes": modes}
    if "spacy" in modes and "khabar" in modes:
        ratio = modes["khabar"]["words_per_s_median"] / modes["spacy"]["words_per_s_median"]
        summary["ratio_khabar_to_spacy"] = round(ratio, 3)
        summary["ratio_goal"] = RATIO_GOAL
        summary["ratio_meets_goal"] = ratio >= RATIO_GOAL
        if has_cpu(modes, "spacy", "khabar"):
            cpu_ratio = modes["khabar"]["words_per_cpu_s_median"] / modes["spacy"]["words_per_cpu_s_median"]
            summary["cpu_ratio_khabar_to_spacy"] = round(cpu_ratio, 3)
    if "khabar" in modes and "parallel" in modes:
        speedup = modes["parallel"]["words_per_s_median"] / modes["khabar"]["words_per_s_median"]
        summary["speedup_parallel_to_khabar"] = round(speedup, 3)
        if has_cpu(modes, "khabar", "parallel"):
            # CPU the parallel run spends per word against one process: the cost of the pool
            overhead = modes["khabar"]["words_per_cpu_s_median"] / modes["parallel"]["words_per_cpu_s_median"]
            summary["cpu_cost_parallel_to_khabar"] = round(overhead, 3)
    return summary


def has_cpu(modes: dict[str, dict[str, Any]], *names: str) -> bool:
    return all("words_per_cpu_s_median" in modes[name] for name in names)


def mode_order(runs: list[dict[str, Any]]) -> list[str]:
    return list(dict.fromkeys(run["mode"] for run in runs if run.get("seconds") is not None))


def summarise_mode(runs: list[dict[str, Any]]) -> dict[str, Any]:
    seconds = [run["seconds"] for run in runs]
    words, articles = runs[0]["words"], runs[0]["articles"]
    median_s, best_s = statistics.median(seconds), min(seconds)
    summary: dict[str, Any] = {
        "passes": len(runs),
        "articles": articles,
        "words": words,
        "seconds_min": round(best_s, 3),
        "seconds_median": round(median_s, 3),
        "words_per_s_median": round(words / median_s, 1),
        "words_per_s_best": round(words / best_s, 1),
        "articles_per_s_median": round(articles / median_s, 3),
        "articles_per_s_best": round(articles / best_s, 3),
        "load_s_min": round(min(run["load_s"] for run in runs), 3),
        "load_s_median": round(statistics.median(run["load_s"] for run in runs), 3),
        "peak_rss_mb_main": max(run["peak_rss_mb"] for run in runs),
        "errors": max(run.get("errors", 0) for run in runs),
    }
    cpu_seconds = [run["cpu_s"] for run in runs if run.get("cpu_s")]
    if cpu_seconds:
        summary["cpu_seconds_median"] = round(statistics.median(cpu_seconds), 3)
        summary["words_per_cpu_s_median"] = round(words / statistics.median(cpu_seconds), 1)
    worker_peaks = [
        process["peak_rss_mb"]
        for run in runs
        for process in run.get("processes", [])
        if process["role"] == "worker" and process["peak_rss_mb"] is not None
    ]
    if worker_peaks:
        summary["peak_rss_mb_per_worker"] = round(max(worker_peaks), 1)
        summary["workers"] = sum(1 for process in runs[0]["processes"] if process["role"] == "worker")
    return summary


def summarise_profile(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Median seconds per component over the profile passes, as table rows."""
    components = list(runs[0]["stages"])
    seconds = {name: statistics.median(run["stages"][name] for run in runs) for name in components}
    return stage_table(seconds, articles=runs[0]["articles"], words=runs[0]["words"])


def summarise_start(runs: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Seconds until every worker holds a loaded pipeline, and the CPU seconds spent, per method."""
    summary: dict[str, dict[str, float]] = {}
    for method in dict.fromkeys(run["start_method"] for run in runs):
        seconds = [run["load_s"] for run in runs if run["start_method"] == method]
        cpu_seconds = [run.get("cpu_s", 0.0) for run in runs if run["start_method"] == method]
        summary[method] = {
            "seconds_min": round(min(seconds), 3),
            "seconds_median": round(statistics.median(seconds), 3),
            "cpu_seconds_median": round(statistics.median(cpu_seconds), 3),
        }
    return summary


def throughput_table(summary: dict[str, Any]) -> str:
    header = (
        f"{'mode':<14}{'articles':>9}{'art/s med':>11}{'words/s med':>13}{'words/s best':>14}"
        f"{'words/CPU-s':>13}{'load s':>8}{'peak RSS MB':>14}{'errors':>8}"
    )
    lines = [header, "-" * len(header)]
    for mode, figures in summary["modes"].items():
        label = f"{mode} x{figures['workers']}" if "workers" in figures else mode
        memory = f"{figures['peak_rss_mb_main']:.0f}"
        if "peak_rss_mb_per_worker" in figures:
            memory += f" +{figures['peak_rss_mb_per_worker']:.0f}/w"
        lines.append(
            f"{label:<14}{figures['articles']:>9}{figures['articles_per_s_median']:>11.2f}"
            f"{figures['words_per_s_median']:>13,.0f}{figures['words_per_s_best']:>14,.0f}"
            f"{figures.get('words_per_cpu_s_median', 0):>13,.0f}"
            f"{figures['load_s_median']:>8.2f}{memory:>14}{figures['errors']:>8}"
        )
    if "ratio_khabar_to_spacy" in summary:
        verdict = "meets" if summary["ratio_meets_goal"] else "BELOW"
        lines.append(
            f"khabar / spacy words/s: {summary['ratio_khabar_to_spacy']:.3f} "
            f"({verdict} the goal of {summary['ratio_goal']:.2f})"
        )
    if "cpu_ratio_khabar_to_spacy" in summary:
        lines.append(f"khabar / spacy words per CPU-second: {summary['cpu_ratio_khabar_to_spacy']:.2f}")
    if "speedup_parallel_to_khabar" in summary:
        lines.append(f"parallel / khabar speed-up: {summary['speedup_parallel_to_khabar']:.2f}x")
    if "cpu_cost_parallel_to_khabar" in summary:
        lines.append(f"parallel / khabar CPU per word: {summary['cpu_cost_parallel_to_khabar']:.2f}")
    return "\n".join(lines)


def profile_table(rows: list[dict[str, Any]]) -> str:
    header = f"{'component':<24}{'CPU s':>10}{'share':>8}{'ms/article':>12}{'words/CPU-s':>13}"
    lines = [header, "-" * len(header)]
    for row in rows:
        speed = f"{row['words_per_s']:,}" if row["words_per_s"] else "-"
        lines.append(
            f"{row['component']:<24}{row['seconds']:>10.3f}{row['share']:>8.1%}"
            f"{row['ms_per_article']:>12.2f}{speed:>13}"
        )
    return "\n".join(lines)


def start_table(start: dict[str, dict[str, float]]) -> str:
    lines = [f"{'start method':<14}{'min s':>8}{'median s':>10}{'CPU s median':>14}"]
    for method, figures in start.items():
        lines.append(
            f"{method:<14}{figures['seconds_min']:>8.2f}{figures['seconds_median']:>10.2f}"
            f"{figures['cpu_seconds_median']:>14.2f}"
        )
    return "\n".join(lines)
