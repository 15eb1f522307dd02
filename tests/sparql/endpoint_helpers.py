"""Real servers for the endpoint tests: ``kg serve`` as a subprocess, and a remote
SPARQL endpoint that records every request it receives (the SERVICE target)."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

# A stdlib HTTP server that writes one line per request to a log file and answers any
# GET or POST with one SPARQL JSON row (?x = "remote").
_REMOTE = r"""
import json, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
log = open(sys.argv[2], "a", buffering=1)
body = json.dumps({"head": {"vars": ["x"]},
    "results": {"bindings": [{"x": {"type": "literal", "value": "remote"}}]}}).encode()
class Handler(BaseHTTPRequestHandler):
    def answer(self):
        log.write(f"{self.command} {self.path}\n")
        length = int(self.headers.get("content-length") or 0)
        self.rfile.read(length)
        self.send_response(200)
        self.send_header("content-type", "application/sparql-results+json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    do_GET = do_POST = answer
    def log_message(self, *args):
        pass
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Served:
    url: str  # the /sparql URL
    port: int
    process: subprocess.Popen[bytes]
    log: Path  # the server's stderr: announcements and one access line per request

    def stderr(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@contextlib.contextmanager
def kg_serve(target: Path, *options: str, start_limit: float = 60) -> Iterator[Served]:
    """``kg serve TARGET OPTIONS`` on a free loopback port, until the block ends."""
    port = free_port()
    command = [sys.executable, "-m", "kg", "serve", str(target), "--port", str(port), *options]
    # A file, not a pipe: the access log grows with every request and a pipe nobody
    # reads would fill up and stall the server.
    handle, name = tempfile.mkstemp(prefix="kg-serve-", suffix=".log")
    log = Path(name)
    with os.fdopen(handle, "wb") as sink:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=sink)
    url = f"http://127.0.0.1:{port}/sparql"
    try:
        deadline = time.monotonic() + start_limit
        while True:
            try:
                httpx.get(url, params={"query": "ASK {}"}, timeout=10)
                break
            except httpx.TransportError:
                assert process.poll() is None, "kg serve exited: " + log.read_text("utf-8")
                assert time.monotonic() < deadline, "kg serve did not start"
                time.sleep(0.1)
        yield Served(url, port, process, log)
    finally:
        if process.poll() is None:
            process.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=20)
        if process.poll() is None:
            process.kill()
            process.wait()
        log.unlink(missing_ok=True)


@dataclass
class Remote:
    url: str
    log: Path

    def requests(self) -> list[str]:
        return self.log.read_text(encoding="utf-8").splitlines() if self.log.exists() else []


@contextlib.contextmanager
def remote_endpoint(folder: Path) -> Iterator[Remote]:
    """A second real HTTP server on loopback that logs each request it gets."""
    port = free_port()
    log = folder / f"remote-{port}.log"
    log.write_text("", encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-c", _REMOTE, str(port), str(log)])
    url = f"http://127.0.0.1:{port}/sparql"
    try:
        deadline = time.monotonic() + 20
        while True:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            assert time.monotonic() < deadline, "remote endpoint did not start"
            time.sleep(0.05)
        yield Remote(url, log)
    finally:
        process.terminate()
        process.wait(timeout=10)
