"""The shim-mode conformance suite as pytest cases: the only test mutmut runs against the protocol code.

Issue #12 asks whether the vectors alone catch a broken implementation. Each
vector case is one pytest test driving the reference through the in-process
shim (the same judging as ``keycrypt-conformance shim``), so mutmut's
per-test coverage runs only the cases that reach a mutated function. Nothing
else from tests/ is run: a mutant that only a unit test would catch counts as
a survivor of the suite. Run: see docs/testing.md, "Mutation testing".
"""

from __future__ import annotations

import os

import pytest

from keycrypt.wire import frames
from keycrypt_conformance import shim
from keycrypt_conformance.reference import handle
from keycrypt_conformance.runner import Case, CaseStatus, Config, load_cases, name_requirements, select

LONG = ["sessions:accumulated/100000"]  # 100,000 exchanges: minutes under mutmut's tracing; the 1,000 one stays
SAMPLE = os.environ.get("KEYCRYPT_MUTATION_CASES")  # -k patterns, comma-separated (the CI sample)

CASES: list[Case] = select(load_cases(), SAMPLE.split(",") if SAMPLE else None, LONG)


@pytest.fixture(autouse=True)
def _fresh_header_cache() -> None:
    """Empty frames' cache of validated headers before each case.

    mutmut runs each mutant in a process forked after it ran every case on the
    clean code, so the cache arrives full of every legal header: a mutant in
    check_header's checks behind the cache (its length bounds) would never run.
    """
    frames._VALID_HEADERS.clear()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(case: Case) -> None:
    _, results = shim.run([case], lambda: shim.InProcessShim(handle), Config())
    name_requirements(results)
    assert results[0].status == CaseStatus.PASS, results[0].message
