"""A progress bar on stderr (pages/s, ETA) that falls back to a plain line every few seconds off a terminal."""

from __future__ import annotations

import time
from typing import TextIO

WIDTH = 28
PLAIN_EVERY = 5.0  # seconds between plain lines (cron logs, CI)


class Progress:
    def __init__(self, total: int, stream: TextIO, enabled: bool = True) -> None:
        self.total = max(total, 0)
        self.stream = stream
        self.enabled = enabled
        self.tty = enabled and stream.isatty()
        self.done = 0
        self.started = time.perf_counter()
        self.last_plain = self.started

    def advance(self, pages: int) -> None:
        self.done += pages
        if not self.enabled:
            return
        now = time.perf_counter()
        if self.tty:
            self.stream.write("\r" + self.line(now))
            self.stream.flush()
        elif now - self.last_plain >= PLAIN_EVERY:
            self.last_plain = now
            self.stream.write(self.line(now) + "\n")
            self.stream.flush()

    def finish(self) -> None:
        if self.tty:
            self.stream.write("\r" + self.line(time.perf_counter()) + "\n")
            self.stream.flush()

    def line(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        share = self.done / self.total if self.total else 1.0
        bar = "#" * int(WIDTH * min(share, 1.0))
        eta = (self.total - self.done) / rate if rate > 0 else 0.0
        return (
            f"[{bar:<{WIDTH}}] {self.done:,}/{self.total:,} pages {share:>4.0%} {rate:,.0f} pages/s ETA {_clock(eta)}"
        )


def _clock(seconds: float) -> str:
    seconds = int(max(seconds, 0))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02}:{rest % 60:02}" if hours else f"{rest // 60}:{rest % 60:02}"
