"""The scenario catalogue: a protocol scenario is written down once, as a vector case.

The vector files (``keycrypt_vectors``) hold every session scenario (a replayed
PONG, a wrong psk, a late answer, ...) with the inputs of each side and the
outputs the machines must give. Tests and attack cases do not play such a
scenario again by hand: they cite the case by its name (``file:id``, as the
conformance runner prints it, e.g. ``sessions:client/pong-replayed``) and
:func:`replay` it through the runtime's own machines (the reference executor,
in this process), so a change to the machines that breaks the scenario fails
every place that cites it, and a change to the scenario is made in one place,
the vector generator.
"""

from __future__ import annotations

from functools import cache

from keycrypt_conformance import reference, shim
from keycrypt_conformance.runner import Case, CaseStatus, Config, load_cases


@cache
def catalogue() -> dict[str, Case]:
    """Every vector case by name (``file:id``)."""
    return {c.name: c for c in load_cases()}


def vector_case(name: str) -> Case:
    """The case called ``name``; KeyError naming it when the vectors have no such case."""
    try:
        return catalogue()[name]
    except KeyError:
        raise KeyError(f"no vector case {name!r} (names are file:id, e.g. sessions:client/pong-replayed)") from None


def replay(name: str) -> tuple[bool, str]:
    """Play case ``name`` through the runtime's machines: (it matched the vector, why not when it did not)."""
    _, results = shim.run([vector_case(name)], lambda: shim.InProcessShim(reference.handle), Config())
    (result,) = results
    return result.status is CaseStatus.PASS, result.message


__all__ = ["catalogue", "replay", "vector_case"]
