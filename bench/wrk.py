"""Run wrk against one URL and read its report."""

import re
import statistics
import subprocess
from dataclasses import dataclass

THREADS = 2
CONNECTIONS = 32

_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}
_DURATION = re.compile(r"^([\d.]+)(us|ms|s|m)$")


@dataclass(frozen=True, slots=True)
class Run:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    # Responses other than 2xx/3xx, and connect/read/write/timeout errors.
    bad_responses: int
    socket_errors: int


@dataclass(frozen=True, slots=True)
class Figure:
    """The medians of several runs of one measurement."""

    runs: tuple[Run, ...]

    @property
    def requests_per_second(self) -> float:
        return statistics.median(run.requests_per_second for run in self.runs)

    @property
    def p50_ms(self) -> float:
        return statistics.median(run.p50_ms for run in self.runs)

    @property
    def p99_ms(self) -> float:
        return statistics.median(run.p99_ms for run in self.runs)

    @property
    def errors(self) -> int:
        return sum(run.bad_responses + run.socket_errors for run in self.runs)

    def as_dict(self) -> dict[str, object]:
        return {
            "requests_per_second": self.requests_per_second,
            "p50_ms": self.p50_ms,
            "p99_ms": self.p99_ms,
            "errors": self.errors,
            "runs": [
                {
                    "requests_per_second": run.requests_per_second,
                    "p50_ms": run.p50_ms,
                    "p99_ms": run.p99_ms,
                    "requests": run.requests,
                }
                for run in self.runs
            ],
        }


def to_ms(value: str) -> float:
    match = _DURATION.match(value.strip())
    if not match:
        raise ValueError(f"wrk printed a duration we cannot read: {value!r}")
    return float(match.group(1)) * _UNITS_MS[match.group(2)]


def parse(output: str) -> Run:
    """Requests a second, p50 and p99 from the report of `wrk --latency`."""
    rate = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.MULTILINE)
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    total = re.search(r"^\s+(\d+) requests in", output, re.MULTILINE)
    if not rate or set(percentiles) != {"50", "99"} or not total:
        raise ValueError(f"wrk's report lacks the figures we need:\n{output}")
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return Run(
        requests_per_second=float(rate.group(1)),
        p50_ms=to_ms(percentiles["50"]),
        p99_ms=to_ms(percentiles["99"]),
        requests=int(total.group(1)),
        bad_responses=int(bad.group(1)) if bad else 0,
        socket_errors=sum(int(n) for n in sockets.groups()) if sockets else 0,
    )


def measure(url: str, *, seconds: int) -> Run:
    command = [
        "wrk",
        f"--threads={THREADS}",
        f"--connections={CONNECTIONS}",
        f"--duration={seconds}s",
        "--latency",
        "--timeout=10s",
        url,
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603
    return parse(result.stdout)


def version() -> str:
    # wrk has no --version; its usage text starts with the version.
    result = subprocess.run(["wrk", "-v"], capture_output=True, text=True, check=False)  # noqa: S607
    text = (result.stdout or result.stderr).strip().splitlines()
    return text[0].split("[")[0].strip() if text else "wrk"
