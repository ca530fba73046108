"""Run commands in sequence and report their wall time and peak memory, as JSON on stdout.

Run as a script in its own process, so `getrusage(RUSAGE_CHILDREN)` sees only the commands measured here (the
peak RSS of the largest of them and of their own worker processes), not earlier benchmarks. When psutil is
installed, the summed RSS of each command's whole process tree is also sampled (every 0.2 s) and its peak reported.
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


def tree_rss(process) -> int:
    total = 0
    for proc in [process, *process.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            total += proc.memory_info().rss
    return total


def run(command, out) -> tuple[int, int]:
    child = subprocess.Popen(command, stdout=out, stderr=subprocess.DEVNULL)
    peak = 0
    if psutil is not None:
        watched = psutil.Process(child.pid)
        while child.poll() is None:
            with contextlib.suppress(psutil.Error):
                peak = max(peak, tree_rss(watched))
            time.sleep(0.2)
    child.wait()
    return child.returncode, peak


def main() -> None:
    job = json.load(sys.stdin)
    returncodes, tree_peak = [], 0
    with open(job["stdout"], "wb") as out:
        started = time.perf_counter()
        for command in job["commands"]:
            code, peak = run(command, out)
            returncodes.append(code)
            tree_peak = max(tree_peak, peak)
        seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # kilobytes on Linux
    result = {"seconds": seconds, "peak_rss_kb": peak_kb, "returncodes": returncodes}
    if psutil is not None:
        result["peak_tree_rss_kb"] = tree_peak // 1024
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
