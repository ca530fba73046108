"""The bench helpers that do not time anything: command batching and the synthetic text."""

from pathlib import Path

from bench.engine import synthetic_text
from bench.process import batches
from newsaudit.engine import audit, read_text


def test_batches_keep_every_file_once_and_respect_the_limit():
    files = [Path(f"folder/{i:03}.txt") for i in range(50)]
    commands = batches(["tool", "check"], files, limit=100)
    assert len(commands) > 1
    assert all(command[:2] == ["tool", "check"] for command in commands)
    assert [arg for command in commands for arg in command[2:]] == [str(f) for f in files]
    assert all(sum(len(a) + 1 for a in command) <= 100 for command in commands)


def test_one_batch_when_it_fits():
    assert batches(["tool"], [Path("a.txt"), Path("b.txt")], limit=1000) == [["tool", "a.txt", "b.txt"]]


def test_synthetic_text_has_the_size_asked_and_audits():
    text = synthetic_text(8)
    assert 8 * 1024 <= len(text) < 9 * 1024
    report = audit(read_text(text, "synthetic"))
    assert report.status != "error"
    assert report.attributions and report.findings
