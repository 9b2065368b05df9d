"""Paired in-process timing: one long-lived worker per framework
(``measure.py --serve``), asked in turn to time the same scenario, so that
within a round Flask's figure, flaskish's and the library floor's are taken
back to back rather than seconds apart.

Within a round each side is timed twice, there and back (A B B A), and the
order alternates from round to round (Flask first, then flaskish first);
ratios are the median of the per-round ratios: a load that comes and goes
moves both figures of a round together, and the median drops the rounds
it hit in between.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from typing import Protocol

HERE = Path(__file__).resolve().parent
FRAMEWORKS = ("flask", "flaskish", "werkzeug")

# samples[framework][name]: microseconds per request, one per round.
Samples = dict[str, dict[str, list[float]]]


class Timer(Protocol):
    # Every name the timer can time, with its family.
    families: dict[str, str]

    def time(self, name: str, seconds: float, clock: str) -> float:
        """Microseconds per call of ``name``, timed for ``seconds``."""
        ...


class Worker:
    """``measure.py --serve FRAMEWORK`` in a subprocess; ``families`` maps
    every name it can time to its family."""

    def __init__(self, framework: str) -> None:
        self.framework = framework
        self.process = subprocess.Popen(
            [sys.executable, str(HERE / "measure.py"), "--serve", framework],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        self.families: dict[str, str] = self._read()["ready"]

    def _read(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            code = self.process.wait()
            raise RuntimeError(f"the {self.framework} worker exited ({code})")
        answer: dict[str, Any] = json.loads(line)
        if "error" in answer:
            raise RuntimeError(f"{self.framework} worker: {answer['error']}")
        return answer

    def time(self, name: str, seconds: float, clock: str) -> float:
        assert self.process.stdin is not None
        request = {"name": name, "seconds": seconds, "clock": clock}
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        return float(self._read()["us"])

    def close(self) -> int:
        """Close its stdin, which ends it; its exit status."""
        if self.process.stdin is not None:
            self.process.stdin.close()
        code = self.process.wait(timeout=30)
        if self.process.stdout is not None:
            self.process.stdout.close()
        return code

    def __enter__(self) -> Worker:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.process.poll() is None:
            self.close()


def round_order(index: int) -> tuple[str, ...]:
    """Who is timed first in round ``index``: Flask in even rounds, the
    floor (then flaskish) in odd ones."""
    return FRAMEWORKS if index % 2 == 0 else FRAMEWORKS[::-1]


def round_sequence(index: int) -> tuple[str, ...]:
    """The timings of one scenario in round ``index``: there and back
    (Flask, flaskish, floor, floor, flaskish, Flask; reversed in odd
    rounds), so that a machine slowing down or speeding up during the
    round weighs on every side alike."""
    order = round_order(index)
    return order + order[::-1]


def paired_rounds(
    workers: Mapping[str, Timer],
    names: Sequence[str],
    rounds: int,
    seconds: float,
    clock: str,
    extra: Sequence[tuple[str, str]] = (),
) -> Samples:
    """Time every scenario of ``names`` on every worker for ``rounds``
    rounds, in the order of ``round_sequence``, each timing ``seconds / 2``
    long; a worker without the name (the floor of a scenario that has
    none) is skipped. A round's figure of a side is its two halves
    together: total time over total requests, the harmonic mean of the two
    µs figures. ``extra`` (framework, name) pairs are timed once for
    ``seconds`` at the end of each round."""
    samples: Samples = {framework: {} for framework in workers}
    for index in range(rounds):
        for name in names:
            halves: dict[str, list[float]] = {}
            for framework in round_sequence(index):
                worker = workers.get(framework)
                if worker is None or name not in worker.families:
                    continue
                us = worker.time(name, seconds / 2, clock)
                halves.setdefault(framework, []).append(us)
            for framework, values in halves.items():
                us = statistics.harmonic_mean(values)
                samples[framework].setdefault(name, []).append(us)
        for framework, name in extra:
            us = workers[framework].time(name, seconds, clock)
            samples[framework].setdefault(name, []).append(us)
    return samples


def median_ratio(numerators: Sequence[float], denominators: Sequence[float]) -> float:
    """The median of the per-round ratios ``numerators[i] / denominators[i]``."""
    pairs = zip(numerators, denominators, strict=True)
    return statistics.median(n / d for n, d in pairs)


@dataclass
class Figures:
    """One scenario's figures over the rounds: medians of each framework
    and of the library floor (µs), and medians of per-round ratios."""

    flask_us: float
    flaskish_us: float
    ratio: float
    library_us: float | None = None
    # library / Flask: flaskish's ratio if its own work cost nothing.
    bound: float | None = None
    # (flaskish - library) / (Flask - library): the frameworks' own work.
    own_ratio: float | None = None


def figures(samples: Samples, name: str) -> Figures:
    flask = samples["flask"][name]
    ours = samples["flaskish"][name]
    result = Figures(
        flask_us=statistics.median(flask),
        flaskish_us=statistics.median(ours),
        ratio=median_ratio(ours, flask),
    )
    library = samples.get("werkzeug", {}).get(name)
    if library:
        result.library_us = statistics.median(library)
        result.bound = median_ratio(library, flask)
        own = [
            (o - lib) / (f - lib)
            for o, f, lib in zip(ours, flask, library, strict=True)
            if f > lib
        ]
        result.own_ratio = statistics.median(own) if own else None
    return result
