"""`aeo serve`, the production server: its command line, and a real server answering."""

import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from email.message import Message

from django.core.management import call_command

from tests.hardening.test_production import production_env


def test_the_serve_command_runs_granian_with_a_worker_per_core(capsys):
    call_command("serve", "--dry-run", "--port", "8123")
    line = capsys.readouterr().out
    assert "-m granian --interface=wsgi" in line
    assert line.split()[-1] == "aeo.wsgi:application"
    assert "--host=0.0.0.0 --port=8123" in line
    assert "--blocking-threads=1" in line
    workers = int(line.split("--workers=")[1].split()[0])
    assert workers == len(os.sched_getaffinity(0)) or "WEB_CONCURRENCY" in os.environ


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(
    connection: http.client.HTTPConnection, path: str, **headers: str
) -> tuple[int, Message, bytes]:
    connection.request("GET", path, headers=headers)
    answer = connection.getresponse()
    return answer.status, answer.headers, answer.read()  # names in any case


def test_the_production_server_serves_the_platform_and_stops_on_sigterm(tmp_path):
    port = _free_port()
    env = production_env(tmp_path, SECRET_KEY="x" * 50, ALLOWED_HOSTS="127.0.0.1", BEHIND_PROXY="1")
    https = {"X-Forwarded-Proto": "https"}  # as from the TLS-terminating proxy
    log = tmp_path / "serve.log"
    errors = log.open("w")  # noqa: SIM115 - the server's stderr, closed once it has stopped
    server = subprocess.Popen(  # noqa: S603 - our own interpreter and command
        [sys.executable, "-m", "aeo", "serve", "--migrate", "--host=127.0.0.1", f"--port={port}"]
        + ["--workers=1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=errors,
    )
    try:
        deadline = time.monotonic() + 180  # migrate and collect static files on a fresh store
        while True:
            assert server.poll() is None, log.read_text()
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                status, _, body = _get(connection, "/healthz")
                break
            except OSError:
                assert time.monotonic() < deadline, "the server did not answer"
                time.sleep(0.5)
        assert (status, json.loads(body)["status"]) == (200, "ok")
        # The same connection again (kept alive): the readiness check, then the platform's
        # answers in production mode.
        status, _, body = _get(connection, "/readyz")
        assert (status, json.loads(body)["pending_migrations"]) == (200, 0)
        status, headers, _ = _get(connection, "/aeo/register/")
        assert status == 301
        assert headers["Location"] == f"https://127.0.0.1:{port}/aeo/register/"
        status, headers, body = _get(connection, "/aeo/register/", **https)
        assert status == 200
        assert b"AEO register" in body
        assert "max-age=31536000" in headers["Strict-Transport-Security"]
        status, headers, body = _get(connection, "/api/v1/register/JP-IMP-999999", **https)
        assert status == 404
        assert json.loads(body)["code"] == "not_found"
        assert re.fullmatch(r"[0-9a-f]{32}", headers["X-Request-ID"])
        manifest = json.loads((tmp_path / "static" / "staticfiles.json").read_text())
        hashed = manifest["paths"]["core/aeo.css"]
        assert hashed != "core/aeo.css"
        status, headers, body = _get(connection, f"/static/{hashed}", **https)
        assert status == 200
        assert headers["Content-Type"].startswith("text/css")
        connection.close()
    finally:
        server.send_signal(signal.SIGTERM)
        stopped = server.wait(timeout=60)
        errors.close()
        assert stopped == 0
