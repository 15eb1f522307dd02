"""``kg push`` failing cleanly: malformed URLs, a store too slow, a binary error body.

The stores here are real HTTP servers in this process (``http.server``), each made to
misbehave one way; the push runs as the real ``kg`` command.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kg.errors import UsageError
from kg.sparql.push import error_reason, push_graph

BINARY = b"\x1b[2J\x1b]0;owned\x07" + bytes(range(256)) * 4


class _Store(BaseHTTPRequestHandler):
    """A Graph Store that answers PUT by the path: /binary, /slow, /text."""

    def do_PUT(self) -> None:
        self.rfile.read(int(self.headers.get("content-length", "0")))
        if self.path.startswith("/slow"):
            time.sleep(3)
        body = BINARY if self.path.startswith("/binary") else b"no such graph store here\n"
        self.send_response(500)
        self.send_header("content-type", "application/octet-stream")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # a client gone
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def store() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Store)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _push(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg", "push", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    "url",
    ["http://[::1", "http://[::1/store", "http://:80/store", "http://a\x1b[2J/store", "ftp://x/"],
)
def test_a_malformed_url_is_one_line_and_no_traceback(sample_dir: Path, url: str) -> None:
    result = _push(str(sample_dir), "--endpoint", url)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("kg: error: --endpoint ") and "\x1b" not in result.stderr


def test_a_binary_error_body_is_not_printed_raw(sample_dir: Path, store: str) -> None:
    result = _push(str(sample_dir), "--endpoint", f"{store}/binary")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "\x1b" not in result.stderr
    assert f"HTTP 500 ({len(BINARY)} bytes of binary data)" in result.stderr
    text = _push(str(sample_dir), "--endpoint", f"{store}/text")
    assert "HTTP 500 no such graph store here" in text.stderr


def test_timeout_is_an_option(sample_dir: Path, store: str) -> None:
    started = time.monotonic()
    result = _push(str(sample_dir), "--endpoint", f"{store}/slow", "--timeout", "0.5")
    assert result.returncode == 1 and "cannot push graph" in result.stderr
    assert result.stderr.count("\n") == 1
    assert time.monotonic() - started < 60
    with pytest.raises(UsageError, match="--timeout"):
        push_graph(sample_dir, f"{store}/slow", timeout=0)


def test_error_reasons_are_one_printable_line() -> None:
    assert error_reason(b"") == ""
    assert error_reason(b"bad request\nmore detail") == "bad request"
    assert error_reason(b"\xff\xfe\x00") == "(3 bytes of binary data)"
    assert error_reason("зап\x1b[31mрос".encode()) == "зап\\x1b[31mрос"
    assert len(error_reason(b"x" * 5000)) == 203
