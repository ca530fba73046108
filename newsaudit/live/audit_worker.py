"""The live check's audit process: a page's text fields as stored (`pages.inputs`) in, a Document and report out.

The live check runs its audit here, in a child process of the web server (`newsaudit.live.live_audit` starts it), so
that a long audit neither shares the web process's interpreter lock with other editors' requests nor outlives its
time budget (the parent kills the child at the deadline). This module imports the engine only, never Django: the
child starts in well under a second and holds no database connection.

Protocol on the child's stdin/stdout: frames of an 8-byte length and a pickle. The child sends READY once warm;
then for each job `(job_id, PageInputs, Config)` it answers `(job_id, Document | None, report | error message)`.
A frame `(CANCEL, job_id)` stops that job between two rules, as a newer check of the same editor does in-process.
The pickles only ever travel between the web process and the child it started.
"""

from __future__ import annotations

import pickle
import queue
import struct
import sys
import threading
from typing import IO, Any

from ..engine import Config, Document, audit, build_document
from ..pages.inputs import PageInputs, document_of

HEADER = struct.Struct(">Q")
READY = "newsaudit-audit-worker-ready"
CANCEL = "cancel"


def send(stream: IO[bytes], message: Any) -> None:
    payload = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(HEADER.pack(len(payload)) + payload)
    stream.flush()


def receive(stream: IO[bytes]) -> Any:
    """The next message, or None when the other side closed the pipe."""
    header = stream.read(HEADER.size)
    if len(header) < HEADER.size:
        return None
    (size,) = HEADER.unpack(header)
    payload = stream.read(size)
    if len(payload) < size:
        return None
    return pickle.loads(payload)  # noqa: S301 - only from the process that started this one


def run_job(inputs: PageInputs, config: Config, cancelled: Any) -> tuple[Document | None, Any]:
    """(document, DocumentReport) for one job; (None, message) when the page could not be read."""
    try:
        document = document_of(inputs, config.max_text_chars or None)
    except Exception as error:  # a broken field value must give a clear error, not kill the worker
        return None, f"could not read the page: {type(error).__name__}: {error}"
    return document, audit(document, config, cancelled=cancelled)


def _read_messages(stream: IO[bytes], jobs: queue.Queue, cancelled_ids: set[int]) -> None:
    """The child's reader thread: jobs go to the queue, cancellations into the set the running job checks."""
    while True:
        message = receive(stream)
        if message is None:
            jobs.put(None)
            return
        if isinstance(message, tuple) and message and message[0] == CANCEL:
            cancelled_ids.add(message[1])
        else:
            jobs.put(message)


def main() -> None:
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing but frames may reach the protocol pipe
    audit(build_document("warm", []))  # load the lexicons before the first real check
    run_job(PageInputs("warm", "Warm", {"body": "<p>The council said so on Monday.</p>"}), Config(), None)
    send(stdout, READY)
    jobs: queue.Queue = queue.Queue()
    cancelled_ids: set[int] = set()
    threading.Thread(target=_read_messages, args=(stdin, jobs, cancelled_ids), daemon=True).start()
    while (job := jobs.get()) is not None:
        job_id, inputs, config = job
        document, outcome = run_job(inputs, config, lambda job_id=job_id: job_id in cancelled_ids)
        send(stdout, (job_id, document, outcome))
        cancelled_ids.discard(job_id)


if __name__ == "__main__":
    main()
