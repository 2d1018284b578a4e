"""The lockdown ladder as configured: its steps, their bounds, and the ``[lockdown]`` table.

:func:`ladder_from_config` validates the table (every problem a
:class:`~keycrypt.errors.ConfigError` naming the key); :data:`SECTION_KEYS`
and :data:`STEP_KEYS` are the keys it accepts, which the configuration
reference documents.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, Literal, get_args

from keycrypt.constants import (
    LOCKDOWN_AUDIT_TIMEOUT,
    LOCKDOWN_COMMAND_TIMEOUT,
    LOCKDOWN_LUKS_SUSPEND_TIMEOUT,
    LOCKDOWN_POWEROFF_ARGV,
    LOCKDOWN_POWEROFF_TIMEOUT,
    LOCKDOWN_STEP_TIMEOUT_MAX,
    LOCKDOWN_SYSRQ_TIMEOUT,
)
from keycrypt.errors import ConfigError

Action = Literal["audit", "command", "luks-suspend", "poweroff", "sysrq", "dry-run"]
ACTIONS: Final[tuple[str, ...]] = get_args(Action)
DESTRUCTIVE: Final[frozenset[str]] = frozenset({"luks-suspend", "poweroff", "sysrq"})
"""Actions that run only with ``allow_destructive=True``."""

StepStatus = Literal["ok", "failed", "timeout", "dry-run", "refused"]
"""``ok``; ``failed`` (non-zero exit, error); ``timeout`` (killed at its bound, or for poweroff/sysrq:
the host was still up when the bound expired); ``dry-run`` (only recorded); ``refused`` (destructive
without ``allow_destructive``)."""

DEFAULT_TIMEOUTS: Final[dict[str, float]] = {
    "audit": LOCKDOWN_AUDIT_TIMEOUT,
    "command": LOCKDOWN_COMMAND_TIMEOUT,
    "luks-suspend": LOCKDOWN_LUKS_SUSPEND_TIMEOUT,
    "poweroff": LOCKDOWN_POWEROFF_TIMEOUT,
    "sysrq": LOCKDOWN_SYSRQ_TIMEOUT,
    "dry-run": LOCKDOWN_COMMAND_TIMEOUT,
}

VOLUME_RE: Final = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.+:@=-]{0,126}")
AUTO: Final = "auto"
"""``volumes = "auto"``: every active dm-crypt LUKS mapping, found at lockdown time (:func:`luks_mappings`)."""
LUKS_UUID_PREFIX: Final = "CRYPT-LUKS"
"""How dm-crypt names a LUKS mapping in ``/sys/block/dm-*/dm/uuid`` (CRYPT-LUKS1-…, CRYPT-LUKS2-…)."""
STEP_KEYS: Final[tuple[str, ...]] = ("action", "timeout", "argv", "volumes")
"""The keys of one ``[[lockdown.steps]]`` table."""
SECTION_KEYS: Final[tuple[str, ...]] = ("dry_run", "volumes", "steps")
"""The keys of the ``[lockdown]`` table."""


def _check_timeout(value: Any, key: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConfigError(f"must be a number of seconds, not {value!r}", key=key)
    seconds = float(value)
    if not math.isfinite(seconds) or seconds <= 0:
        raise ConfigError(f"must be a positive number of seconds, not {seconds!r}", key=key)
    if seconds > LOCKDOWN_STEP_TIMEOUT_MAX:
        raise ConfigError(
            f"{seconds:g} s is longer than {LOCKDOWN_STEP_TIMEOUT_MAX:g} s: one hung step would stall the lockdown",
            key=key,
        )
    return seconds


def _check_argv(value: Any, key: str) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, Sequence) or not value:
        raise ConfigError("must be a non-empty list of strings (argv, run without a shell)", key=key)
    for i, arg in enumerate(value):
        if not isinstance(arg, str) or "\0" in arg or (i == 0 and not arg):
            raise ConfigError(f"item {i} must be a string without NUL ({arg!r})", key=key)
    return tuple(value)


def _check_volumes(value: Any, key: str) -> tuple[str, ...] | str:
    if value == AUTO:
        return AUTO
    if isinstance(value, str) or not isinstance(value, Sequence) or not value:
        raise ConfigError('must be "auto" or a non-empty list of device-mapper names', key=key)
    for name in value:
        if not isinstance(name, str) or not VOLUME_RE.fullmatch(name):
            hint = "; give the mapping name, not a path" if isinstance(name, str) and "/" in name else ""
            raise ConfigError(f"{name!r} is not a device-mapper name{hint}", key=key)
    if len(set(value)) != len(value):
        raise ConfigError("lists a volume twice", key=key)
    return tuple(value)


def _check_step(action: Any, timeout: Any, argv: Any, volumes: Any, where: str) -> tuple[str, float, Any, Any]:
    """Validate one step; errors name ``<where>.<key>``. Returns normalised values."""
    if action not in ACTIONS:
        raise ConfigError(f"unknown action {action!r}; expected one of {', '.join(ACTIONS)}", key=f"{where}.action")
    timeout = DEFAULT_TIMEOUTS[action] if timeout is None else _check_timeout(timeout, f"{where}.timeout")
    if action == "command":
        if argv is None:
            raise ConfigError("a command step needs argv", key=f"{where}.argv")
        argv = _check_argv(argv, f"{where}.argv")
    elif action in ("poweroff", "dry-run"):
        argv = (LOCKDOWN_POWEROFF_ARGV if action == "poweroff" else None) if argv is None else _check_argv(argv, f"{where}.argv")
    elif argv is not None:
        raise ConfigError(f"{action} steps take no argv", key=f"{where}.argv")
    if action == "luks-suspend":
        if volumes is None:
            raise ConfigError("a luks-suspend step needs volumes", key=f"{where}.volumes")
        volumes = _check_volumes(volumes, f"{where}.volumes")
    elif volumes is not None:
        raise ConfigError(f"{action} steps take no volumes", key=f"{where}.volumes")
    return action, timeout, argv, volumes


@dataclass(frozen=True, slots=True)
class LadderStep:
    """One rung. ``timeout`` None means the action's default; argv/volumes are stored as tuples."""

    action: Action
    timeout: float | None = None
    argv: Sequence[str] | None = None
    volumes: Sequence[str] | str | None = None  # a list, or AUTO

    def __post_init__(self) -> None:
        values = _check_step(self.action, self.timeout, self.argv, self.volumes, "step")
        for name, value in zip(STEP_KEYS, values, strict=True):
            object.__setattr__(self, name, value)


AUDIT_STEP: Final[LadderStep] = LadderStep("audit")


@dataclass(frozen=True, slots=True)
class Ladder:
    """The steps in order (the audit step is put first if missing) and the dry-run switch."""

    steps: tuple[LadderStep, ...]
    dry_run: bool = False

    def __post_init__(self) -> None:
        steps = tuple(self.steps)
        for i, s in enumerate(steps):
            if not isinstance(s, LadderStep):
                raise ConfigError(f"not a LadderStep: {s!r}", key=f"steps[{i}]")
            if s.action == "audit" and i:
                raise ConfigError("the audit step can only be the first", key=f"steps[{i}].action")
        if not steps or steps[0].action != "audit":
            steps = (AUDIT_STEP, *steps)
        if len(steps) < 2:
            raise ConfigError("the ladder has no step after the audit record", key="steps")
        if not isinstance(self.dry_run, bool):
            raise ConfigError("must be true or false", key="dry_run")
        object.__setattr__(self, "steps", steps)


def default_ladder(volumes: Sequence[str] | str = AUTO, *, dry_run: bool = False) -> Ladder:
    """audit (2 s) -> luks-suspend (10 s) -> poweroff (15 s) -> sysrq (5 s).

    ``volumes``: AUTO (every active LUKS mapping, found at lockdown time), a
    list of mapping names, or an empty list for no luks-suspend step.
    """
    steps = [AUDIT_STEP]
    if volumes == AUTO:
        steps.append(LadderStep("luks-suspend", volumes=AUTO))
    elif volumes:
        steps.append(LadderStep("luks-suspend", volumes=tuple(volumes)))
    steps += [LadderStep("poweroff"), LadderStep("sysrq")]
    return Ladder(tuple(steps), dry_run)


def ladder_from_config(section: Mapping[str, Any] | None, *, where: str = "lockdown") -> Ladder:
    """The ladder of a ``[lockdown]`` table; :class:`ConfigError` names the offending key.

    Keys: ``dry_run`` (bool, false), ``volumes`` (``"auto"``, the default, or
    a list; ``[]`` for none; only with the default ladder), ``steps`` (list of
    tables with ``action``, ``timeout``, ``argv``, ``volumes``; default:
    :func:`default_ladder`).
    """
    if section is None:
        section = {}
    if not isinstance(section, Mapping):
        raise ConfigError("must be a table", key=where)
    for k in section:
        if k not in SECTION_KEYS:
            raise ConfigError(f"unknown key; expected {', '.join(SECTION_KEYS)}", key=f"{where}.{k}")
    dry_run = section.get("dry_run", False)
    if not isinstance(dry_run, bool):
        raise ConfigError("must be true or false", key=f"{where}.dry_run")
    volumes = section.get("volumes")
    if "steps" not in section:
        vols = AUTO if volumes is None else () if volumes == [] else _check_volumes(volumes, f"{where}.volumes")
        return default_ladder(vols, dry_run=dry_run)
    if volumes is not None:
        raise ConfigError(
            "only used by the default ladder; with explicit steps, give volumes to the luks-suspend step",
            key=f"{where}.volumes",
        )
    raw_steps = section["steps"]
    if isinstance(raw_steps, str | Mapping) or not isinstance(raw_steps, Sequence) or not raw_steps:
        raise ConfigError("must be a non-empty list of step tables", key=f"{where}.steps")
    steps = []
    for i, raw in enumerate(raw_steps):
        at = f"{where}.steps[{i}]"
        if not isinstance(raw, Mapping):
            raise ConfigError("must be a table", key=at)
        for k in raw:
            if k not in STEP_KEYS:
                raise ConfigError(f"unknown key; expected {', '.join(STEP_KEYS)}", key=f"{at}.{k}")
        if "action" not in raw:
            raise ConfigError("missing", key=f"{at}.action")
        if raw["action"] == "audit" and i:
            raise ConfigError("the audit step can only be the first", key=f"{at}.action")
        action, timeout, argv, vols = _check_step(raw["action"], raw.get("timeout"), raw.get("argv"), raw.get("volumes"), at)
        steps.append(LadderStep(action, timeout, argv, vols))  # type: ignore[arg-type]
    if len(steps) == 1 and steps[0].action == "audit":
        raise ConfigError("the ladder has no step after the audit record", key=f"{where}.steps")
    return Ladder(tuple(steps), dry_run)
