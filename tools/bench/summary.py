"""The table printed at the end of a benchmark run: every figure that has
a target, with its verdict, and the figures reported beside them."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field


@dataclass
class Row:
    figure: str
    reference: str
    ours: str
    ratio: str
    target: str
    verdict: str


MISS = "MISS"
# Missed, and the library floor alone is above the target.
LIBRARY_MISS = "MISS (library)"


def verdict(
    ratio: float,
    target: float,
    higher_is_better: bool = False,
    bound: float | None = None,
) -> str:
    """``ok`` or a miss; with ``bound`` (the ratio flaskish would have if
    its own work cost nothing), a miss the libraries alone make unavoidable
    is told apart."""
    ok = ratio >= target if higher_is_better else ratio <= target
    if ok:
        return "ok"
    return LIBRARY_MISS if bound is not None and bound > target else MISS


def family_verdict(verdicts: list[str]) -> str:
    """One verdict of several scenarios: a plain miss if any is one, else
    a library miss if any is one, else ``ok``."""
    if MISS in verdicts:
        return MISS
    return LIBRARY_MISS if LIBRARY_MISS in verdicts else "ok"


@dataclass
class Summary:
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def check(
        self,
        figure: str,
        reference: float,
        ours: float,
        target: float,
        higher_is_better: bool = False,
        fmt: str = ".1f",
    ) -> str:
        """Add a row whose ratio ``ours / reference`` must meet ``target``
        (at most, or at least with ``higher_is_better``); its verdict."""
        ratio = ours / reference
        result = verdict(ratio, target, higher_is_better)
        sign = ">=" if higher_is_better else "<="
        self.rows.append(
            Row(
                figure,
                format(reference, fmt),
                format(ours, fmt),
                f"{ratio:.2f}",
                f"{sign} {target:.2f}",
                result,
            )
        )
        return result

    def spread(
        self,
        figure: str,
        low: float,
        high: float,
        target: float,
        result: str | None = None,
    ) -> str:
        """A family of ratios: each must be at most ``target``; ``result``,
        when given, is the verdict (see ``family_verdict``)."""
        if result is None:
            result = verdict(high, target)
        self.rows.append(
            Row(figure, "", "", f"{low:.2f}-{high:.2f}", f"<= {target:.2f}", result)
        )
        return result

    def condition(self, figure: str, value: str, met: bool, target: str) -> str:
        """A figure that is not a ratio (errors, seconds) with its target."""
        result = "ok" if met else MISS
        self.rows.append(Row(figure, "", value, "", target, result))
        return result

    def info(
        self, figure: str, reference: float, ours: float, fmt: str = ".1f"
    ) -> None:
        """A figure reported beside the targets, without one."""
        self.rows.append(
            Row(
                figure,
                format(reference, fmt),
                format(ours, fmt),
                f"{ours / reference:.2f}",
                "",
                "",
            )
        )

    def misses(self) -> int:
        return sum(row.verdict.startswith(MISS) for row in self.rows)

    def show(self) -> None:
        width = max(len(row.figure) for row in self.rows) + 2
        print("\nSummary: every figure against its reference\n")
        print(
            f"{'figure':<{width}}{'reference':>11}{'measured':>11}{'ratio':>11}"
            f"{'target':>10}  verdict"
        )
        for row in self.rows:
            print(
                f"{row.figure:<{width}}{row.reference:>11}{row.ours:>11}"
                f"{row.ratio:>11}{row.target:>10}  {row.verdict}"
            )
        library = sum(row.verdict == LIBRARY_MISS for row in self.rows)
        print(
            f"\n{self.misses()} target(s) missed ({library} of them below the"
            " library bound: not reachable without replacing the library)"
        )
        for note in self.notes:
            print(note)
