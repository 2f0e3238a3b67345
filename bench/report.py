"""Tables of the figures, on the console and in docs/performance.md."""

from pathlib import Path
from typing import Any

START = "<!-- bench:start (written by `make bench`; edit outside these markers) -->"
END = "<!-- bench:end -->"

# Targets for anonymous visitors (issue "Ideas Platform", Speed): a share of the floor's
# requests a second and a ceiling on p99, with the page cache on and with every cache off.
TARGETS = {
    "cache": (1 / 2, 100.0),
    "nocache": (1 / 8, 300.0),
}
MODE_LABELS = {"cache": "on (5 s)", "nocache": "off"}
HEADER = [
    "page",
    "page cache",
    "req/s",
    "range of runs",
    "p50 ms",
    "p99 ms",
    "vs floor",
    "vs nginx",
    "target",
    "result",
]


def _rate(value: float) -> str:
    return f"{value:,.0f}"


def _ms(value: float) -> str:
    return f"{value:.1f}" if value < 100 else f"{value:.0f}"


def _range(figure: dict[str, Any]) -> str:
    rates = [run["requests_per_second"] for run in figure["runs"]]
    return f"{min(rates):,.0f}–{max(rates):,.0f}"


def verdict(mode: str, ratio: float, p99: float, errors: int) -> tuple[str, str]:
    share, ceiling = TARGETS[mode]
    target = f"≥ 1/{round(1 / share)} of floor, p99 < {ceiling:.0f} ms"
    misses = []
    if ratio < share:
        misses.append("req/s")
    if p99 >= ceiling:
        misses.append("p99")
    if errors:
        misses.append(f"{errors} errors")
    return target, "pass" if not misses else "FAIL (" + ", ".join(misses) + ")"


def engine_rows(engine: dict[str, Any], nginx: dict[str, Any] | None) -> list[list[str]]:
    floor_rate = engine["floor"]["requests_per_second"]
    nginx_rate = nginx["requests_per_second"] if nginx else None

    def ratios(rate: float) -> list[str]:
        return [
            f"{rate / floor_rate:.2f}",
            f"{rate / nginx_rate:.3f}" if nginx_rate else "–",
        ]

    floor = engine["floor"]
    rows = [
        [
            "floor: fixed response",
            "–",
            _rate(floor_rate),
            _range(floor),
            _ms(floor["p50_ms"]),
            _ms(floor["p99_ms"]),
            *ratios(floor_rate),
            "–",
            "–",
        ]
    ]
    if nginx:
        rows.append(
            [
                f"nginx: {nginx['path']} as a file",
                "–",
                _rate(nginx["requests_per_second"]),
                _range(nginx),
                _ms(nginx["p50_ms"]),
                _ms(nginx["p99_ms"]),
                *ratios(nginx["requests_per_second"]),
                "–",
                "–",
            ]
        )
    for page in engine["pages"]:
        for mode in ("cache", "nocache"):
            figure = page["figures"].get(mode)
            if figure is None:
                status = page["status"].get(mode, "?")
                rows.append([page["label"], MODE_LABELS[mode], f"not measured: HTTP {status}"])
                continue
            rate = figure["requests_per_second"]
            target, result = verdict(mode, rate / floor_rate, figure["p99_ms"], figure["errors"])
            rows.append(
                [
                    page["label"],
                    MODE_LABELS[mode],
                    _rate(rate),
                    _range(figure),
                    _ms(figure["p50_ms"]),
                    _ms(figure["p99_ms"]),
                    *ratios(rate),
                    target,
                    result,
                ]
            )
    return rows


def markdown_table(rows: list[list[str]], header: list[str] = HEADER) -> str:
    full = [row + [""] * (len(header) - len(row)) for row in rows]
    widths = [max(len(row[i]) for row in [header, *full]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        padded = (cell.ljust(width) for cell, width in zip(cells, widths, strict=True))
        return "| " + " | ".join(padded) + " |"

    separator = "|" + "|".join("-" * (width + 2) for width in widths) + "|"
    return "\n".join([line(header), separator, *(line(row) for row in full)])


# Theme suggestions and clustering (`manage.py analysis_timing`, issue "From ideas to
# action"): each must finish within the target on the seeded campaign.
ANALYSIS_HEADER = [
    "database",
    "ideas",
    "learnt from",
    "training s",
    "suggestions",
    "clustering s",
    "clusters",
    "target",
    "result",
]


def analysis_table(results: dict[str, Any]) -> str:
    rows = []
    for engine in results["engines"].values():
        found = engine.get("analysis")
        if not found:
            continue
        target = found["target_seconds"]
        slow = [
            name
            for name, key in (("training", "train_seconds"), ("clustering", "cluster_seconds"))
            if found[key] >= target
        ]
        rows.append(
            [
                engine["name"],
                f"{found['ideas']:,}",
                f"{found['trained_on']:,}",
                f"{found['train_seconds']:.1f}",
                f"{found['suggestions']:,}",
                f"{found['cluster_seconds']:.1f}",
                f"{found['clusters']:,}",
                f"< {target} s each",
                "pass" if not slow else "FAIL (" + ", ".join(slow) + ")",
            ]
        )
    return markdown_table(rows, ANALYSIS_HEADER)


def section(results: dict[str, Any]) -> str:
    machine = results["machine"]
    versions = results["versions"]
    seeded = next(iter(results["engines"].values()))["seeded"] if results["engines"] else {}
    lines = [
        START,
        "",
        f"Measured {results['finished']} by `make bench` ({results['runs']} runs of "
        f"{results['seconds']} s per figure, medians shown; wrk with 2 threads and 32 "
        "connections; gunicorn with 2 sync workers and `config.settings.bench`).",
        "",
        f"- Machine: {machine['cpu']}, {machine['cores']}, {machine['memory']}, "
        f"{machine['system']}; load average {machine['load_before']} before the run and "
        f"{machine['load_after']} after it.",
        "- Software: " + ", ".join(f"{name} {version}" for name, version in versions.items()) + ".",
    ]
    if seeded:
        lines.append(
            f"- Data: one campaign with {seeded['ideas']:,} ideas, {seeded['supports']:,} "
            f"supports and {seeded['comments']:,} comments by {seeded['members']:,} members; "
            f"`?q=housing` matches {seeded['housing_matches']:,} ideas; the idea page "
            f"({seeded['detail_path']}) has {seeded['detail_comments']} comments."
        )
    lines.append(
        "- Page cache on: `EQUITYHUB_PAGE_CACHE_SECONDS=5` with each worker's own memory cache "
        "(`locmemcache://`). Every cache off: `EQUITYHUB_PAGE_CACHE_SECONDS=0` and "
        "`CACHE_URL=dummycache://`."
    )
    for engine in results["engines"].values():
        lines += ["", f"### {engine['name']}", ""]
        lines.append(markdown_table(engine_rows(engine, results.get("nginx"))))
    if any("analysis" in engine for engine in results["engines"].values()):
        lines += [
            "",
            "### Theme suggestions and clusters",
            "",
            "Training the theme model on the seeded campaign's themed ideas and suggesting "
            "themes for the others (every tenth idea has none), then clustering all its ideas, "
            "each as its background job does it (`manage.py analysis_timing`), before any "
            "server runs.",
            "",
            analysis_table(results),
        ]
    lines += ["", END]
    return "\n".join(lines)


def write_docs(path: Path, results: dict[str, Any], preface: str) -> None:
    """Put the figures between the markers of `path`, keeping everything around them."""
    generated = section(results)
    if path.exists() and START in (text := path.read_text()) and END in text:
        before, rest = text.split(START, 1)
        after = rest.split(END, 1)[1]
        path.write_text(before + generated + after)
    else:
        path.write_text(preface + "\n" + generated + "\n")
