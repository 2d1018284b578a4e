"""A pure-Python mutation fuzzer: the fallback (and the CI form) of the atheris harness.

``python -m keycrypt_kit.fuzz.run --target decoder --inputs 100000 [--seed 1]``
mutates the target's seed corpus (bit flips, byte sets, inserts, deletes,
truncations, header-length rewrites incl. 65535, splices and repeats of
genuine frames) and feeds each input to the target. It counts inputs and the
typed errors that escaped, and stops at the first untyped exception or oracle
violation, printing the reproducer in hex. Exit 0 only if none occurred.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field

from keycrypt_kit.fuzz.targets import STATS, TARGETS, TYPED, seeds

SLOW = {"keystore_sealed"}
"""Targets left out of ``--target all``: one Argon2id per input (about 100 inputs a second)."""


def mutate(rng: random.Random, corpus: list[bytes]) -> bytes:
    data = bytearray(rng.choice(corpus))
    for _ in range(rng.choice((1, 1, 1, 2, 3, 4, 8))):
        op = rng.randrange(10)
        n = len(data)
        if op == 0 and n:  # flip one bit
            i = rng.randrange(n)
            data[i] ^= 1 << rng.randrange(8)
        elif op == 1 and n:  # set a byte to an interesting value
            data[rng.randrange(n)] = rng.choice((0, 1, 2, 3, 4, 6, 7, 0x7F, 0x80, 0xFF, rng.randrange(256)))
        elif op == 2:  # insert bytes
            i = rng.randrange(n + 1)
            data[i:i] = rng.randbytes(rng.choice((1, 2, 4, rng.randrange(64))))
        elif op == 3 and n:  # delete a range
            i = rng.randrange(n)
            del data[i : i + rng.randrange(1, 64)]
        elif op == 4 and n:  # truncate
            del data[rng.randrange(n) :]
        elif op == 5 and n > 7:  # rewrite a header's length field (frames sit after a 2-byte selector or at 0)
            i = rng.choice((4, 6)) if n > 8 else 4
            v = rng.choice((0, 1, 32, 37, 48, 65535, rng.randrange(65536)))
            data[i : i + 2] = v.to_bytes(2, "big")
        elif op == 6 and any(corpus):  # splice in (part of) another non-empty corpus entry
            other = rng.choice([c for c in corpus if c])
            a = rng.randrange(len(other) + 1)
            i = rng.randrange(n + 1)
            data[i:i] = other[a : a + rng.randrange(1, len(other) + 1)]
        elif op == 7 and n:  # repeat a slice (replay)
            a = rng.randrange(n)
            data += data[a : a + rng.randrange(1, n - a + 1)]
        elif op == 8 and n > 1:  # change the selector / split point
            data[rng.randrange(2)] = rng.randrange(256)
        elif op == 9 and n:  # overwrite a random run with random bytes
            i = rng.randrange(n)
            data[i : i + 8] = rng.randbytes(min(8, n - i))
    return bytes(data)


@dataclass
class Report:
    target: str
    inputs: int = 0
    seconds: float = 0.0
    typed: Counter[str] = field(default_factory=Counter)
    outcomes: dict[str, int] = field(default_factory=dict)
    failure: str | None = None
    reproducer: str | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "target": self.target,
            "inputs": self.inputs,
            "seconds": round(self.seconds, 1),
            "inputs_per_second": round(self.inputs / self.seconds) if self.seconds else None,
            "typed_errors_escaped": dict(self.typed),
            "outcomes": self.outcomes,
            "failure": self.failure,
            "reproducer_hex": self.reproducer,
        }


def fuzz(target: str, inputs: int, seed: int = 0, progress: float = 0.0) -> Report:
    fn = TARGETS[target]
    corpus = seeds(target)
    rng = random.Random(seed)
    rep = Report(target)
    STATS.clear()
    t0 = last = time.monotonic()
    for i in range(inputs):
        data = mutate(rng, corpus) if i >= len(corpus) else corpus[i]
        try:
            fn(data)
        except TYPED as exc:
            rep.typed[type(exc).__name__] += 1
        except Exception:  # noqa: BLE001 - anything else is the finding
            rep.inputs = i + 1
            rep.failure = traceback.format_exc()
            rep.reproducer = data.hex()
            break
        rep.inputs = i + 1
        if progress and time.monotonic() - last >= progress:
            last = time.monotonic()
            print(f"[{target}] {rep.inputs} inputs, {rep.inputs / (last - t0):.0f}/s", file=sys.stderr, flush=True)
    rep.seconds = time.monotonic() - t0
    rep.outcomes = dict(STATS.most_common())
    return rep


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m keycrypt_kit.fuzz.run", description=__doc__.splitlines()[0])
    ap.add_argument("--target", choices=[*TARGETS, "all"], required=True)
    ap.add_argument("--inputs", type=int, required=True, help="inputs per target")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--progress", type=float, default=0.0, help="print progress every N seconds to stderr")
    ap.add_argument("--json", help="write the report(s) as JSON here")
    a = ap.parse_args(argv)
    if a.inputs < 1:
        ap.error("--inputs must be at least 1")
    names = [t for t in TARGETS if t not in SLOW] if a.target == "all" else [a.target]
    reports = [fuzz(n, a.inputs, a.seed, a.progress) for n in names]
    for r in reports:
        d = r.as_dict()
        status = "FAIL" if r.failure else "ok"
        print(f"{status:4} {r.target:9} {r.inputs:>9} inputs {d['seconds']:>7}s {d['inputs_per_second']}/s typed errors escaped: {dict(r.typed) or 'none'}")
        top = ", ".join(f"{k} {v}" for k, v in list(r.outcomes.items())[:8])
        print(f"     outcomes: {top}")
        if r.failure:
            print(r.failure)
            print("reproducer:", r.reproducer)
    if a.json:
        with open(a.json, "w") as fh:
            json.dump([r.as_dict() for r in reports], fh, indent=2)
    return 1 if any(r.failure for r in reports) else 0


if __name__ == "__main__":
    sys.exit(main())
