"""Run commands in sequence and report their wall time and peak memory, as JSON on stdout.

Run as a script in its own process, so `getrusage(RUSAGE_CHILDREN)` sees only the commands measured here (the
peak RSS of the largest of them and of their own worker processes), not earlier benchmarks. When psutil is
installed, the summed RSS and PSS of each command's whole process tree are also sampled (every 0.5 s) and their peaks
reported (PSS counts a page shared by forked workers once, split among them: the tree's real footprint).
Reads {"commands": [[argv...], ...], "stdout": path} on stdin; the commands' output goes to that file.
"""

import contextlib
import json
import resource
import subprocess
import sys
import time

try:
    import psutil
except ImportError:  # optional: only the per-process peak from getrusage is reported
    psutil = None


def tree_memory(process) -> tuple[int, int]:
    """Summed RSS and summed PSS (shared pages divided among the processes sharing them) of a process tree."""
    rss = pss = 0
    for proc in [process, *process.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            info = proc.memory_full_info()
            rss += info.rss
            pss += getattr(info, "pss", info.rss)
    return rss, pss


def run(command, out) -> tuple[int, int, int]:
    child = subprocess.Popen(command, stdout=out, stderr=subprocess.DEVNULL)
    peak_rss = peak_pss = 0
    if psutil is not None:
        watched = psutil.Process(child.pid)
        while child.poll() is None:
            with contextlib.suppress(psutil.Error):
                rss, pss = tree_memory(watched)
                peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
            time.sleep(0.5)
    child.wait()
    return child.returncode, peak_rss, peak_pss


def main() -> None:
    job = json.load(sys.stdin)
    returncodes, tree_rss, tree_pss = [], 0, 0
    with open(job["stdout"], "wb") as out:
        started = time.perf_counter()
        for command in job["commands"]:
            code, rss, pss = run(command, out)
            returncodes.append(code)
            tree_rss, tree_pss = max(tree_rss, rss), max(tree_pss, pss)
        seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak_kb = usage.ru_maxrss  # kilobytes on Linux
    result = {
        "seconds": seconds,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,  # of the commands and their workers
        "peak_rss_kb": peak_kb,
        "returncodes": returncodes,
    }
    if psutil is not None:
        result["peak_tree_rss_kb"] = tree_rss // 1024
        result["peak_tree_pss_kb"] = tree_pss // 1024
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
