"""The whole attack catalogue: importing the case modules registers their cases.

Kept apart from :mod:`.catalogue` (the registry the case modules import), so
that the registry and the cases do not import each other.
"""

from __future__ import annotations

from keycrypt_kit.attacks import device_cases, machine_cases, net_cases, review_cases  # noqa: F401 - registration by import
from keycrypt_kit.attacks.catalogue import CASES, Case


def all_cases() -> dict[str, Case]:
    return CASES
