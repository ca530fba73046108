"""Run commands in sequence and report their wall time, CPU time and peak memory, as JSON on stdout.

Run as a script in its own process, so `getrusage(RUSAGE_CHILDREN)` sees only the commands measured here (the
peak RSS of the largest of them and of their own worker processes), not earlier benchmarks. Reads
{"commands": [[argv...], ...], "stdout": path} on stdin; the commands' output goes to that file.
"""

import json
import resource
import subprocess
import sys
import time


def main() -> None:
    job = json.load(sys.stdin)
    returncodes = []
    with open(job["stdout"], "wb") as out:
        started = time.perf_counter()
        for command in job["commands"]:
            returncodes.append(subprocess.run(command, stdout=out, stderr=subprocess.PIPE).returncode)
        seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    json.dump(
        {
            "seconds": seconds,
            "cpu_seconds": usage.ru_utime + usage.ru_stime,  # less sensitive than wall time to a busy machine
            "peak_rss_kb": usage.ru_maxrss,  # kilobytes on Linux
            "returncodes": returncodes,
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
