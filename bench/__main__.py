"""`make bench` (through bench/run): seed, serve and measure the public pages. See README.md."""

import argparse
import json
import os
import platform
import secrets
import shutil
import sqlite3
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

import django

from bench import report, servers, wrk
from bench.servers import ROOT, VENV_BIN

VAR = ROOT / "var" / "bench"
DOCS = ROOT / "docs" / "performance.md"
FLOOR = "/bench/floor/"
LIST = "/ideas/"
WARM_UP_SECONDS = 2
ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
MODES = ("cache", "nocache")

PREFACE = """# Performance

How fast the public pages are, measured by `make bench`; see bench/README.md for how, and
docs/decisions/0006-page-speed.md for what the figures decided.
"""


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--engines",
        nargs="+",
        choices=sorted(ENGINE_NAMES),
        default=os.environ.get("BENCH_ENGINES", "sqlite postgresql").split(),
    )
    parser.add_argument("--postgres-url", default=os.environ.get("BENCH_POSTGRES_URL", ""))
    parser.add_argument("--seconds", type=int, default=10, help="length of each wrk run")
    parser.add_argument("--runs", type=int, default=3, help="wrk runs per figure")
    parser.add_argument("--no-docs", action="store_true", help="leave docs/performance.md alone")
    return parser.parse_args()


def machine() -> dict[str, str]:
    cpu = platform.processor() or "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [
            line.split(":", 1)[1].strip()
            for line in cpuinfo.read_text().splitlines()
            if line.startswith("model name")
        ]
        cpu = names[0] if names else cpu
    usable = len(os.sched_getaffinity(0))
    memory = "unknown memory"
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kib = int(meminfo.read_text().split("MemTotal:", 1)[1].split()[0])
        memory = f"{kib / 1024 / 1024:.1f} GiB memory"
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return {
        "cpu": cpu,
        "cores": f"{usable} usable cores of {os.cpu_count()}",
        "memory": memory,
        "system": f"{platform.system()} {platform.release()}",
        "load_before": load,
    }


def site_env(database_url: str, *, mode: str, secret_key: str) -> dict[str, str]:
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "DATABASE_", "CACHE_", "EQUITYHUB_"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.bench",
            "DJANGO_SECRET_KEY": secret_key,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_STATIC_ROOT": str(VAR / "static"),
            "DATABASE_URL": database_url,
            # One memory cache per worker: no cache server to install, and each worker renders
            # a page at most once per EQUITYHUB_PAGE_CACHE_SECONDS.
            "CACHE_URL": "locmemcache://equityhub-bench" if mode == "cache" else "dummycache://",
            "EQUITYHUB_PAGE_CACHE_SECONDS": "5" if mode == "cache" else "0",
        }
    )
    return env


def manage(env: dict[str, str], *args: str) -> str:
    return servers.run([str(VENV_BIN / "python"), "manage.py", *args], env=env)


def prepare_database(engine: str, env: dict[str, str]) -> dict[str, Any]:
    print(f"  migrating and seeding the {ENGINE_NAMES[engine]} database", flush=True)
    manage(env, "migrate", "--no-input", "--verbosity=0")
    summary_path = VAR / f"seed-{engine}.json"
    manage(env, "bench_seed", f"--summary={summary_path}")
    seeded: dict[str, Any] = json.loads(summary_path.read_text())
    print(f"  seeded: {json.dumps(seeded)}", flush=True)
    return seeded


def measure_analysis(engine: str, env: dict[str, str]) -> dict[str, Any]:
    """Time theme suggestions and clustering of the seeded ideas, before any server runs."""
    print("  timing theme suggestions and clustering", flush=True)
    summary_path = VAR / f"analysis-{engine}.json"
    manage(env, "analysis_timing", f"--summary={summary_path}")
    figures: dict[str, Any] = json.loads(summary_path.read_text())
    print(f"  analysis: {json.dumps(figures)}", flush=True)
    return figures


def engine_version(env: dict[str, str]) -> str:
    code = (
        "from django.db import connection\n"
        "with connection.cursor() as c:\n"
        "    c.execute('select sqlite_version()' if connection.vendor == 'sqlite' "
        "else 'show server_version')\n"
        "    print(c.fetchone()[0])"
    )
    return manage(env, "shell", "--no-imports", "-c", code).strip().splitlines()[-1]


def measure_targets(
    server: servers.Server, targets: dict[str, str], *, seconds: int, runs: int
) -> dict[str, wrk.Figure]:
    """Warm each target up, then measure them in turn, `runs` times round."""
    for path in targets.values():
        wrk.measure(server.url(path), seconds=WARM_UP_SECONDS)
        server.settle()
    collected: dict[str, list[wrk.Run]] = {name: [] for name in targets}
    for round_number in range(1, runs + 1):
        for name, path in targets.items():
            server.quiet_log()
            result = wrk.measure(server.url(path), seconds=seconds)
            server.settle()
            collected[name].append(result)
            print(
                f"    run {round_number}: {name:<48} {result.requests_per_second:8.1f} req/s"
                f"  p50 {result.p50_ms:7.1f} ms  p99 {result.p99_ms:7.1f} ms"
                + (
                    f"  {result.bad_responses + result.socket_errors} errors"
                    if result.bad_responses + result.socket_errors
                    else ""
                ),
                flush=True,
            )
    return {name: wrk.Figure(runs=tuple(found)) for name, found in collected.items()}


def measure_engine(
    engine: str, database_url: str, args: argparse.Namespace, secret_key: str, saved: dict
) -> dict[str, Any]:
    print(f"\n== {ENGINE_NAMES[engine]}", flush=True)
    seeded = prepare_database(engine, site_env(database_url, mode="nocache", secret_key=secret_key))
    analysed = measure_analysis(
        engine, site_env(database_url, mode="nocache", secret_key=secret_key)
    )
    pages = {
        "/ideas/": LIST,
        "/ideas/?sort=supported&level=government": "/ideas/?sort=supported&level=government",
        "/ideas/?q=housing": "/ideas/?q=housing",
        f"idea page, {seeded['detail_comments']} comments": seeded["detail_path"],
    }
    result: dict[str, Any] = {
        "name": ENGINE_NAMES[engine],
        "seeded": seeded,
        "analysis": analysed,
        "version": engine_version(site_env(database_url, mode="nocache", secret_key=secret_key)),
        "floor_by_mode": {},
        "pages": [
            {"label": label, "path": path, "figures": {}, "status": {}}
            for label, path in pages.items()
        ],
    }
    for mode in MODES:
        env = site_env(database_url, mode=mode, secret_key=secret_key)
        log = VAR / f"gunicorn-{engine}-{mode}.log"
        print(f"  gunicorn, page cache {report.MODE_LABELS[mode]}", flush=True)
        with servers.gunicorn(env, log, idle_path=FLOOR) as server:
            targets = {"floor": FLOOR}
            for page in result["pages"]:
                answer = servers.fetch(server.url(page["path"]))
                page["status"][mode] = answer.status
                print(f"    {page['path']}: HTTP {answer.status}, {len(answer.body):,} bytes")
                if answer.status == 200:
                    targets[page["label"]] = page["path"]
                    if page["path"] == LIST and mode == "nocache":
                        saved.setdefault("html", answer.body)
            figures = measure_targets(server, targets, seconds=args.seconds, runs=args.runs)
        result["floor_by_mode"][mode] = figures.pop("floor")
        for page in result["pages"]:
            if page["label"] in figures:
                page["figures"][mode] = figures[page["label"]].as_dict()
    # The floor does not depend on the page cache: its figure is the median of all its runs.
    floor_runs = tuple(run for figure in result["floor_by_mode"].values() for run in figure.runs)
    result["floor"] = wrk.Figure(runs=floor_runs).as_dict()
    result["floor_by_mode"] = {mode: f.as_dict() for mode, f in result["floor_by_mode"].items()}
    return result


def measure_nginx(html: bytes, args: argparse.Namespace) -> dict[str, Any]:
    print("\n== nginx serving the saved /ideas/ page as a file", flush=True)
    prefix = VAR / "nginx"
    shutil.rmtree(prefix, ignore_errors=True)
    with servers.nginx(prefix, html, LIST) as server:
        figures = measure_targets(server, {"nginx": LIST}, seconds=args.seconds, runs=args.runs)
    return {"path": LIST, **figures["nginx"].as_dict()}


def main() -> None:
    args = arguments()
    VAR.mkdir(parents=True, exist_ok=True)
    secret_key = secrets.token_urlsafe(50)
    started = datetime.now(UTC)
    results: dict[str, Any] = {
        "started": started.isoformat(timespec="seconds"),
        "seconds": args.seconds,
        "runs": args.runs,
        "machine": machine(),
        "engines": {},
    }
    print("Collecting static files", flush=True)
    sqlite_path = VAR / "bench.sqlite3"
    sqlite_url = f"sqlite:///{sqlite_path}"
    manage(
        site_env(sqlite_url, mode="nocache", secret_key=secret_key),
        "collectstatic",
        "--no-input",
        "--clear",
        "--verbosity=0",
    )
    saved: dict[str, bytes] = {}
    for engine in args.engines:
        if engine == "sqlite":
            for leftover in VAR.glob("bench.sqlite3*"):
                leftover.unlink()
            database_url = sqlite_url
        else:
            if not args.postgres_url:
                raise SystemExit("PostgreSQL needs --postgres-url or BENCH_POSTGRES_URL.")
            database_url = args.postgres_url
        results["engines"][engine] = measure_engine(engine, database_url, args, secret_key, saved)
    html = saved.get("html")
    if html is not None:
        results["nginx"] = measure_nginx(html, args)
    else:
        print("\n/ideas/ did not answer 200, so there is no page for nginx to serve.")
        results["nginx"] = None

    results["machine"]["load_after"] = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    results["finished"] = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    results["versions"] = {
        "Python": platform.python_version(),
        "Django": django.get_version(),
        "gunicorn": version("gunicorn"),
        "SQLite": sqlite3.sqlite_version,
        **{
            ENGINE_NAMES[name]: engine["version"]
            for name, engine in results["engines"].items()
            if name != "sqlite"
        },
        "wrk": wrk.version().removeprefix("wrk "),
        "nginx": servers.nginx_version(),
    }
    (VAR / "results.json").write_text(json.dumps(results, indent=2, default=str) + "\n")
    for engine in results["engines"].values():
        print(f"\n{engine['name']}\n")
        print(report.markdown_table(report.engine_rows(engine, results["nginx"])))
    print("\nTheme suggestions and clusters\n")
    print(report.analysis_table(results))
    if not args.no_docs:
        report.write_docs(DOCS, results, PREFACE)
        print(f"\nWrote {DOCS.relative_to(ROOT)}; every run is in var/bench/results.json")
    print(f"Took {(datetime.now(UTC) - started).total_seconds() / 60:.1f} minutes.")


if __name__ == "__main__":
    main()
