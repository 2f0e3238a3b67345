"""CPU time per request inside one gunicorn worker, for pages of the seeded database.

    .venv/bin/python -m bench.cpu [--requests 300] [--database-url URL] /ideas/ /ideas/101/ ...

Requests per second move with whatever else the machine runs; the CPU a worker spends on a
request moves less (a busy machine still raises it somewhat). This serves the site as
`make bench` does, with every cache off, but with one worker, sends the requests one at a
time and reads the worker's user and system time from /proc before and after. The floor (the
fixed response) is always measured first, so each page can be read as a multiple of it: the
no-cache target is a page costing at most 8 floors. It uses the database `make bench` seeded
(var/bench/bench.sqlite3 unless told otherwise).
"""

import argparse
import os
import secrets
import subprocess
import time
from pathlib import Path

from bench.__main__ import FLOOR, VAR, site_env
from bench.servers import VENV_BIN, fetch, free_port

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User plus system time of a process so far (fields 14 and 15 of /proc/<pid>/stat)."""
    after_name = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(after_name[11]) + int(after_name[12])) / CLOCK_TICKS


def measure(paths: list[str], *, database_url: str, requests: int) -> None:
    env = site_env(database_url, mode="nocache", secret_key=secrets.token_urlsafe(50))
    port = free_port()
    with (VAR / "gunicorn-cpu.log").open("ab") as log:
        server = subprocess.Popen(  # noqa: S603 - the benchmark's own command
            [str(VENV_BIN / "gunicorn"), "config.wsgi", "--workers=1", f"--bind=127.0.0.1:{port}"],
            cwd=VAR.parent.parent,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                fetch(f"{base}/health/", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        children = subprocess.run(  # noqa: S603
            ["/usr/bin/pgrep", "-P", str(server.pid)], capture_output=True, text=True, check=True
        )
        worker = int(children.stdout.split()[0])
        floor = 0.0
        for path in [FLOOR, *paths]:
            for _ in range(30):  # warm up: templates compiled, connections open
                fetch(base + path)
            before = cpu_seconds(worker)
            for _ in range(requests):
                fetch(base + path)
            per_request = (cpu_seconds(worker) - before) / requests * 1000
            floor = floor or per_request
            floors = per_request / floor
            print(f"{path:45} {per_request:6.2f} ms   {floors:5.1f} floors", flush=True)
    finally:
        server.terminate()
        server.wait()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.cpu", description=__doc__)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--database-url", default=f"sqlite:///{VAR / 'bench.sqlite3'}")
    args = parser.parse_args()
    measure(args.paths, database_url=args.database_url, requests=args.requests)


if __name__ == "__main__":
    main()
