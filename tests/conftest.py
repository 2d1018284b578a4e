"""Shared fixtures of the protocol-core tests: a client/keypad pair wired back to back (sans-IO, no
sockets, no clocks), its randomness the kit's deterministic :class:`keycrypt_kit.harness.DetRandom`."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable

import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

from keycrypt.crypto.kem import BACKENDS, get_backend
from keycrypt.machines.actions import Action, Close, Lockdown, Send
from keycrypt.machines.keypad import ClientPolicy
from keycrypt_kit.harness import Pair

# Hypothesis keeps its caches (and the random profiles their example database) outside the checkout:
# no test writes into it.
set_hypothesis_home_dir(str(Path(tempfile.gettempdir()) / "keycrypt-hypothesis"))

# Hypothesis profiles. The default ones are derandomised (each test draws the same examples on every
# run, and no example database carries state between runs), so that no landing fails at random.
# ``deterministic`` is the plain `pytest` run while you work: a quarter of each test's examples
# (``examples()``), which keeps the fast run fast. ``ci`` is the same with every example; it is the
# default when CI=true (.ci/run exports it), so CI draws them all. The others explore:
# ``--hypothesis-profile=random`` draws fresh examples (add ``--hypothesis-seed=N`` to replay one
# seed), and ``--hypothesis-profile=soak`` does that with 50x the examples (docs/testing.md,
# "Long runs"). Every test that sets a number of examples sets it through ``examples()``.
# No per-example deadline in the default profiles: under xdist on a shared machine a 200 ms deadline
# measures the other processes (test_reader_split_at_every_boundary took 335 ms so), not the code.
FULL_EXAMPLES = 100  # hypothesis's own default: the ci profile's count for a test that sets none
settings.register_profile("deterministic", derandomize=True, database=None, print_blob=True, deadline=None,
                          max_examples=FULL_EXAMPLES // 4)
settings.register_profile("ci", derandomize=True, database=None, print_blob=True, deadline=None, max_examples=FULL_EXAMPLES)
settings.register_profile("random", derandomize=False, print_blob=True)
settings.register_profile("soak", derandomize=False, print_blob=True, max_examples=5000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") == "true" else "deterministic"))


def examples(n: int) -> int:
    """A test's own example count ``n``, scaled like the active profile's default against FULL_EXAMPLES.

    ``deterministic``: a quarter of ``n`` (at least 10); ``ci`` and ``random``: ``n``; ``soak``: the
    larger of ``n`` and the profile's.
    """
    active = settings.default.max_examples
    if active < FULL_EXAMPLES:
        return max(10, n * active // FULL_EXAMPLES)
    return max(n, active)


SEED = bytes(range(64))  # the keypad's private key seed in every test that does not say otherwise
OTHER_SEED = bytes(range(64, 128))


def sends(actions: Iterable[Action]) -> list[bytes]:
    return [a.data for a in actions if isinstance(a, Send)]


def ending(actions: Iterable[Action]) -> Lockdown | Close | None:
    """The Lockdown or Close among the actions, if any."""
    ends = [a for a in actions if isinstance(a, (Lockdown, Close))]
    assert len(ends) <= 1, ends
    return ends[0] if ends else None


def pair(
    backend: str = "cryptography",
    *,
    rekey_log2: int = 4,
    client_id: str = "host-1",
    psk: bytes | None = None,
    keypad_psks: dict[str, bytes] | None = None,
    keypad_seed: bytes = SEED,
    label: str = "pair",
) -> Pair:
    """The kit's client/keypad harness as the protocol-core tests use it: the keypad key from
    ``keypad_seed`` (the client pinned SEED's), the clock moved only by the test (``step=0``), both
    machines tracing the table rows they take. The test carries the bytes."""
    kem = get_backend(backend)
    return Pair.make(
        kem=kem, key=kem.from_seed(keypad_seed), client_ek=kem.from_seed(SEED).ek, client_id=client_id, psk=psk,
        rekey_log2=rekey_log2, policy=ClientPolicy(psks=keypad_psks or {}), label=label, step=0.0, trace=True,
    )


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


# --------------------------------------------------------------------------- measured figures

FIGURE_PREFIX = "figure: "


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:  # type: ignore[no-untyped-def]
    """Figures a test recorded with ``record_property("figure: ...", value)``, shown after every run.

    Timing figures are reported, never asserted; a plain ``print`` is swallowed
    by pytest's capture when the test passes, so CI's log would not show them.
    They also go to the JUnit XML as properties.
    """
    lines = []
    for report in terminalreporter.stats.get("passed", []):
        if report.when != "call":
            continue
        for name, value in report.user_properties:
            if name.startswith(FIGURE_PREFIX):
                lines.append(f"{report.nodeid.split('::')[-1]}: {name[len(FIGURE_PREFIX):]} = {value}")
    if lines:
        terminalreporter.write_sep("-", "measured figures (reported, not asserted)")
        for line in lines:
            terminalreporter.write_line(line)
