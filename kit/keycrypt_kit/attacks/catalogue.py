"""The registry of attack cases and what a case returns.

A case is a function returning :class:`Outcome`; it passes only when the
system failed closed in the expected way. ``net`` cases open real sockets on
127.0.0.1 against the reference daemons; ``heavy`` ones have a larger form
behind ``--full``.
"""

from __future__ import annotations

import time
import traceback
from dataclasses import dataclass, field
from typing import Any, Callable


@dataclass
class Outcome:
    ok: bool
    happened: str
    figures: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Case:
    id: str
    attack: str  # what the attacker does
    expect: str  # what must happen
    fn: Callable[..., Outcome]
    net: bool = False
    heavy: bool = False


@dataclass
class Result:
    case: Case
    outcome: Outcome
    seconds: float

    def as_dict(self) -> dict[str, Any]:
        return {
            "case": self.case.id,
            "attack": self.case.attack,
            "expect": self.case.expect,
            "happened": self.outcome.happened,
            "result": "PASS" if self.outcome.ok else "FAIL",
            "net": self.case.net,
            "seconds": round(self.seconds, 3),
            "figures": self.outcome.figures,
        }


CASES: dict[str, Case] = {}


def case(id: str, attack: str, expect: str, *, net: bool = False, heavy: bool = False) -> Callable[[Callable[..., Outcome]], Callable[..., Outcome]]:
    def register(fn: Callable[..., Outcome]) -> Callable[..., Outcome]:
        if id in CASES:
            raise ValueError(f"duplicate attack case {id!r}")
        CASES[id] = Case(id, attack, expect, fn, net, heavy)
        return fn

    return register


def run_case(c: Case, *, full: bool = False) -> Result:
    """Run one case; an exception inside the case is a FAIL that names it (never a silent pass)."""
    t0 = time.monotonic()
    try:
        out = c.fn(full=full) if c.heavy else c.fn()
    except Exception as exc:  # noqa: BLE001 - the case failed; report, do not crash the suite
        out = Outcome(False, f"case raised {type(exc).__name__}: {exc}", {"traceback": traceback.format_exc()})
    return Result(c, out, time.monotonic() - t0)
