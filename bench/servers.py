"""The processes the benchmark starts and stops: gunicorn serving the site, nginx serving a file."""

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
GUNICORN_WORKERS = 2


def run(command: list[str], *, env: Mapping[str, str] | None = None) -> str:
    """Run a command to completion; its output, or an error that shows what it printed."""
    result = subprocess.run(  # noqa: S603 - the benchmark's own commands, no user input
        command, cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
        )
    return result.stdout


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True, slots=True)
class Page:
    status: int
    body: bytes


def fetch(url: str, *, timeout: float = 30) -> Page:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback
            return Page(status=response.status, body=response.read())
    except urllib.error.HTTPError as error:
        return Page(status=error.code, body=error.read())


def _wait_until_up(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"The server stopped at start-up; see {log}:\n{log.read_text()}")
        try:
            if fetch(url, timeout=2).status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"The server did not answer {url} within a minute; see {log}.")


def _stop(process: subprocess.Popen[bytes], stop_signal: int) -> None:
    if process.poll() is None:
        process.send_signal(stop_signal)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass(frozen=True, slots=True)
class Server:
    base_url: str
    log: Path
    # A cheap page: once it answers at once, requests left over from the last run are done.
    idle_path: str

    def url(self, path: str) -> str:
        return self.base_url + path

    def settle(self) -> None:
        """Wait until the server has worked off the requests wrk left queued when it stopped.

        A sync worker still serves every connection in its backlog after the client has gone;
        without this, a slow page's leftovers would be counted against the next measurement.
        """
        deadline = time.monotonic() + 120
        quick = 0
        while quick < 3 and time.monotonic() < deadline:
            started = time.monotonic()
            fetch(self.url(self.idle_path), timeout=120)
            quick = quick + 1 if time.monotonic() - started < 0.05 else 0

    def quiet_log(self) -> None:
        """Empty the log between runs: it holds one line per request and would grow large."""
        os.truncate(self.log, 0)


@contextmanager
def gunicorn(env: Mapping[str, str], log: Path, *, idle_path: str) -> Iterator[Server]:
    """The site in gunicorn with 2 sync workers, as production runs it, on a free port."""
    port = free_port()
    command = [
        str(VENV_BIN / "gunicorn"),
        "config.wsgi",
        f"--workers={GUNICORN_WORKERS}",
        f"--bind=127.0.0.1:{port}",
    ]
    with log.open("ab") as output:
        process = subprocess.Popen(  # noqa: S603
            command, cwd=ROOT, env=dict(env), stdout=output, stderr=subprocess.STDOUT
        )
    server = Server(base_url=f"http://127.0.0.1:{port}", log=log, idle_path=idle_path)
    try:
        _wait_until_up(server.url("/health/"), process, log)
        yield server
    finally:
        _stop(process, signal.SIGTERM)


NGINX_CONF = """\
{user}
worker_processes {workers};
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    keepalive_timeout 65;
    types {{ text/html html; }}
    default_type text/html;
    client_body_temp_path {prefix}/tmp/client;
    proxy_temp_path {prefix}/tmp/proxy;
    fastcgi_temp_path {prefix}/tmp/fastcgi;
    uwsgi_temp_path {prefix}/tmp/uwsgi;
    scgi_temp_path {prefix}/tmp/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {prefix}/www;
        index index.html;
    }}
}}
"""


def nginx_binary() -> str:
    for candidate in ("/usr/sbin/nginx", "/usr/bin/nginx"):
        if Path(candidate).exists():
            return candidate
    return "nginx"


@contextmanager
def nginx(prefix: Path, html: bytes, path: str) -> Iterator[Server]:
    """nginx in the foreground serving `html` as a static file at `path` on a free port."""
    port = free_port()
    for folder in ("tmp", "www" + path):
        (prefix / folder).mkdir(parents=True, exist_ok=True)
    (prefix / "www" / path.strip("/") / "index.html").write_bytes(html)
    # Run as root, nginx hands its workers to an unprivileged user; a user runs them as itself.
    user = "user nobody nogroup;" if os.geteuid() == 0 else ""
    conf = prefix / "nginx.conf"
    conf.write_text(
        NGINX_CONF.format(user=user, workers=GUNICORN_WORKERS, prefix=prefix, port=port)
    )
    log = prefix / "error.log"
    command = [
        nginx_binary(),
        "-p",
        str(prefix),
        "-e",
        str(log),
        "-c",
        str(conf),
        "-g",
        "daemon off;",
    ]
    with (prefix / "output.log").open("ab") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)  # noqa: S603
    server = Server(base_url=f"http://127.0.0.1:{port}", log=log, idle_path=path)
    try:
        _wait_until_up(server.url(path), process, log)
        yield server
    finally:
        _stop(process, signal.SIGQUIT)


def nginx_version() -> str:
    result = subprocess.run(  # noqa: S603
        [nginx_binary(), "-v"], capture_output=True, text=True, check=False
    )
    return (result.stderr or result.stdout).strip().removeprefix("nginx version: nginx/")
