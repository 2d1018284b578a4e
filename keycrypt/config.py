"""Configuration files of the keypad and client daemons (TOML), declared once as data.

Each schema is a list of :class:`Section` objects holding :class:`Opt`
declarations (key, kind, default, bounds, doc). The same declarations
validate a file (:func:`load_keypad_config`, :func:`load_client_config`) and
generate ``docs/configuration.md`` (the kit's
``keycrypt_kit.docgen.config_reference``, which reads only public names), so
the reference cannot drift from the code.

Validation returns frozen dataclasses (:class:`KeypadFileConfig`,
:class:`ClientFileConfig`, one per section inside), never a bag of values.
It is strict and happens at start: an unknown key, a wrong type or a
value out of bounds is a :class:`~keycrypt.errors.ConfigError` naming the key,
e.g. ``client.keypads[0].port: must be 1..65535``. A daemon that guesses
what a typo meant is a daemon that silently runs unprotected.

Relative paths are resolved against the directory of the config file.
Sections marked *passthrough* (``sensor``, ``pinpad``, ``lockdown``) are
free-form tables handed to the module that owns them, which validates them.
"""

from __future__ import annotations

import math
import os
import re
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal, Mapping, overload

from keycrypt.constants import (
    BOOT_GRACE,
    CLIENT_ID_MAX,
    CLIENT_ID_MIN,
    DEFAULT_PORT,
    DETECT_MULTIPLIER,
    HEARTBEAT_INTERVAL,
    HEARTBEAT_INTERVAL_MIN,
    HELLO_TIMEOUT,
    KEYPAD_IDLE_TIMEOUT,
    MAINTENANCE_WINDOW,
    MAINTENANCE_WINDOW_MAX,
    PIN_BACKOFF_BASE,
    PIN_BACKOFF_FREE_ATTEMPTS,
    PIN_BACKOFF_MAX,
    PSK_SIZE,
    REKEY_LOG2_DEFAULT,
    REKEY_LOG2_MAX,
    REKEY_LOG2_MIN,
    RESPONSE_DEADLINE_MAX,
    client_id_problem,
)
from keycrypt.errors import ConfigError

CONFIG_READ_LIMIT = 1 << 20
"""A config file larger than 1 MiB is a mistake (a wrong path), not a config."""

_REQUIRED = object()
LOG_LEVELS = ("debug", "info", "warning", "error")
KEM_BACKENDS = ("cryptography", "kyber-py")


@dataclass(frozen=True)
class Opt:
    """One configuration key.

    ``kind`` is one of: str, int, float, bool, path, port, host, enum,
    duration, client_id, verifier, enrolled, boot_grace. ``lo``/``hi`` bound
    numbers and durations (inclusive); ``choices`` lists an enum's values;
    ``default`` None means "not set" (optional key); ``_REQUIRED`` means the key
    must be present.
    """

    key: str
    kind: str
    default: Any
    doc: str
    lo: float | None = None
    hi: float | None = None
    choices: tuple[str, ...] = ()

    @property
    def required(self) -> bool:
        return self.default is _REQUIRED


@dataclass(frozen=True)
class Section:
    """A table of a config file. ``name`` "" is the file's top level.

    ``array``: a TOML array of tables (``[[keypads]]``), ``min_items`` of them
    at least. ``passthrough``: a free-form table given whole to another module.
    """

    name: str
    doc: str
    opts: tuple[Opt, ...] = ()
    array: bool = False
    min_items: int = 0
    passthrough: bool = False
    consumer: str = ""


@dataclass(frozen=True)
class Schema:
    name: str
    doc: str
    sections: tuple[Section, ...]
    example: str

    def section(self, name: str) -> Section:
        for s in self.sections:
            if s.name == name:
                return s
        raise KeyError(name)


# --------------------------------------------------------------------------- validated values
#
# What validation returns: one frozen dataclass per section, its fields the section's keys (in the
# schema's order, checked at import by _check_records). Paths are resolved, durations are seconds,
# an unset optional key is None; tables are read-only mappings.


@dataclass(frozen=True, slots=True)
class ListenSection:
    host: str
    port: int


@dataclass(frozen=True, slots=True)
class LimitsSection:
    max_clients: int
    max_half_open: int
    max_half_open_per_source: int
    hello_timeout: float
    idle_timeout: float


@dataclass(frozen=True, slots=True)
class MaintenanceSection:
    window_default: float
    window_max: float


@dataclass(frozen=True, slots=True)
class PinSection:
    duress_verifier: str | None
    backoff_free_attempts: int
    backoff_base: float
    backoff_max: float


@dataclass(frozen=True, slots=True)
class ClientsSection:
    require_enrolled: bool
    enrolled: Mapping[str, bytes | Path]
    """client_id -> psk bytes (``hex:`` form) or the Path of a psk file (read at daemon start)."""


@dataclass(frozen=True, slots=True)
class AlertsSection:
    on_breach: tuple[str, ...] | None
    on_duress: tuple[str, ...] | None
    on_lockout: tuple[str, ...] | None
    on_client_missing: tuple[str, ...] | None
    timeout: float
    missing_after: float


@dataclass(frozen=True, slots=True)
class MetricsSection:
    enabled: bool
    host: str
    port: int


@dataclass(frozen=True, slots=True)
class KeypadFileConfig:
    """A validated keypad config file (:func:`load_keypad_config`)."""

    keystore: Path
    state_dir: Path
    control_socket: Path
    unseal: str
    log_level: str
    listen: ListenSection
    limits: LimitsSection
    maintenance: MaintenanceSection
    pin: PinSection
    clients: ClientsSection
    sensor: Mapping[str, Any]
    """Passthrough: validated by :func:`keycrypt.hw.make_sensor`."""
    pinpad: Mapping[str, Any]
    """Passthrough: validated by :func:`keycrypt.hw.make_pinpad`."""
    alerts: AlertsSection
    metrics: MetricsSection


@dataclass(frozen=True, slots=True)
class KeypadEntry:
    """One ``[[keypads]]`` table of a client config."""

    host: str
    port: int
    pubkey: Path


@dataclass(frozen=True, slots=True)
class ClientFileConfig:
    """A validated client config file (:func:`load_client_config`)."""

    client_id: str
    psk_file: Path | None
    heartbeat_interval: float
    detect_multiplier: int
    rekey_log2: int
    boot_grace: float | None
    """None: ``"wait"``, wait for the keypads for ever."""
    policy: str
    kem_backend: str
    audit_log: Path
    status_file: Path
    dry_run: bool
    log_level: str
    keypads: tuple[KeypadEntry, ...]
    lockdown: Mapping[str, Any]
    """Passthrough: validated by :func:`keycrypt.lockdown.ladder_from_config`."""
    metrics: MetricsSection


FileConfig = KeypadFileConfig | ClientFileConfig


# --------------------------------------------------------------------------- schemas

def _alerts_section() -> Section:
    def on(event: str, what: str) -> Opt:
        return Opt(f"on_{event}", "argv", None, f"Command run {what} (an argv list, no shell; `KEYCRYPT_ALERT={event}` and the details in its environment).")

    return Section(
        "alerts",
        "Commands the keypad runs to page someone; each bounded by `timeout` (then its process group is killed) "
        "and never holding up the keypad. Example: [deployment](deployment.md#monitoring).",
        (
            on("breach", "when the sensor (or `keypad breach`) fires while armed"),
            on("duress", "when the duress PIN is entered"),
            on("lockout", "when wrong PINs lock PIN entry out"),
            on("client_missing", "when an enrolled client has had no verified session for `missing_after`"),
            Opt("timeout", "duration", 10.0, "Bound of each command.", lo=0.1, hi=120),
            Opt("missing_after", "duration", 30.0, "How long an enrolled client may be missing before `on_client_missing` runs (once per absence).", lo=1, hi=86400),
        ),
    )


def _metrics_section(port: int) -> Section:
    return Section(
        "metrics",
        "Optional Prometheus endpoint (`/metrics`), off by default; needs the `metrics` extra "
        "(`prometheus-client`). Metrics and a sample alert rule: [deployment](deployment.md#monitoring).",
        (
            Opt("enabled", "bool", False, "Serve the endpoint."),
            Opt("host", "host", "127.0.0.1", "Address to serve on; the default keeps it on this host."),
            Opt("port", "port", port, "TCP port of the endpoint.", lo=1, hi=65535),
        ),
    )


_KEYPAD = Schema(
    name="keypad",
    doc="The keypad daemon (`keycrypt keypad run --config PATH`).",
    sections=(
        Section(
            "",
            "Top-level keys.",
            (
                Opt("keystore", "path", _REQUIRED, "The PIN-sealed private key file (`keycrypt keypad init`)."),
                Opt(
                    "state_dir",
                    "path",
                    "/var/lib/keycrypt-keypad",
                    "Directory for persistent state: the wrong-PIN counter (`pin_state.json`) lives here, "
                    "so the backoff survives a restart. Created mode 0700 if missing.",
                ),
                Opt(
                    "control_socket",
                    "path",
                    "/run/keycrypt-keypad/keypad.sock",
                    "Local control socket (JSON lines) used by `keycrypt keypad status`, `arm`, `disarm` and the other control commands. "
                    "Created mode 0600 in a directory of its own: a missing one is created mode 0700, an existing one "
                    "must belong to the keypad's user and be closed to others (it is never chmod'ed).",
                ),
                Opt(
                    "unseal",
                    "enum",
                    "terminal",
                    "Where the PIN that unseals the key at start comes from: `terminal` (prompt; "
                    "`--pin-fd N` reads it from a file descriptor instead) or `pinpad` (the daemon starts "
                    "sealed and waits for the PIN on the PIN pad or the control socket).",
                    choices=("terminal", "pinpad"),
                ),
                Opt("log_level", "enum", "info", "Logging threshold.", choices=LOG_LEVELS),
            ),
        ),
        Section(
            "listen",
            "Where clients connect.",
            (
                Opt("host", "host", "0.0.0.0", "Address to listen on (`::` for IPv6, `127.0.0.1` for local tests)."),
                Opt("port", "port", DEFAULT_PORT, "TCP port; 0 picks a free port (tests, demo).", lo=0, hi=65535),
            ),
        ),
        Section(
            "limits",
            "Resource limits and timeouts that bound what a hostile network can cost.",
            (
                Opt(
                    "max_clients",
                    "int",
                    1024,
                    "Concurrent connections; while this many are open the keypad stops listening, so a further "
                    "connect is refused by the kernel.",
                    lo=1,
                    hi=65536,
                ),
                Opt(
                    "max_half_open",
                    "int",
                    64,
                    "Connections that have not yet sent their HELLO. A new connection beyond this evicts the "
                    "oldest such connection (never the newest is refused: idle connections cannot lock out "
                    "booting clients).",
                    lo=1,
                    hi=65536,
                ),
                Opt(
                    "max_half_open_per_source",
                    "int",
                    8,
                    "Connections from one source address that have not yet sent their HELLO; a new one beyond "
                    "this evicts that address's oldest once it has waited 0.5 s (a fleet booting behind one "
                    "address is not cut down).",
                    lo=1,
                    hi=65536,
                ),
                Opt("hello_timeout", "duration", HELLO_TIMEOUT, "A HELLO must arrive within this.", lo=0.05, hi=300),
                Opt(
                    "idle_timeout",
                    "duration",
                    KEYPAD_IDLE_TIMEOUT,
                    "A session with no PING for this long is closed.",
                    lo=0.05,
                    hi=3600,
                ),
            ),
        ),
        Section(
            "maintenance",
            "The disarm (maintenance) window: clients stay up while the sensor is ignored.",
            (
                Opt(
                    "window_default",
                    "duration",
                    MAINTENANCE_WINDOW,
                    "Window length when a disarm does not say `--for`.",
                    lo=1,
                    hi=MAINTENANCE_WINDOW_MAX,
                ),
                Opt(
                    "window_max",
                    "duration",
                    MAINTENANCE_WINDOW_MAX,
                    "Longest window a disarm may ask for; at most the spec's maximum (8 h).",
                    lo=1,
                    hi=MAINTENANCE_WINDOW_MAX,
                ),
            ),
        ),
        Section(
            "pin",
            "PIN handling.",
            (
                Opt(
                    "duress_verifier",
                    "verifier",
                    None,
                    "Argon2id hash of the duress PIN (`keycrypt keypad duress-hash`), never the PIN itself. "
                    "Entering it looks like a normal disarm at the keypad but orders every client to lock down.",
                ),
                Opt(
                    "backoff_free_attempts",
                    "int",
                    PIN_BACKOFF_FREE_ATTEMPTS,
                    "Wrong PINs allowed before the backoff starts.",
                    lo=0,
                    hi=100,
                ),
                Opt(
                    "backoff_base",
                    "duration",
                    PIN_BACKOFF_BASE,
                    "First lock-out after the free attempts; doubles with each further wrong PIN.",
                    lo=0.01,
                    hi=86400,
                ),
                Opt("backoff_max", "duration", PIN_BACKOFF_MAX, "Longest lock-out.", lo=0.01, hi=7 * 86400),
            ),
        ),
        Section(
            "clients",
            "Which clients are served.",
            (
                Opt(
                    "require_enrolled",
                    "bool",
                    False,
                    "Serve only the client ids listed in `enrolled`.",
                ),
                Opt(
                    "enrolled",
                    "enrolled",
                    {},
                    "Table client_id -> pre-shared key: `\"hex:<64 hex digits>\"` or the path of a psk file "
                    "(`keycrypt client enroll`). An enrolled client must use its psk.",
                ),
            ),
        ),
        Section(
            "sensor",
            "Breach sensor; the whole table is given to `keycrypt.hw.make_sensor`. Wiring: the [hardware page](hardware.md).",
            passthrough=True,
            consumer="keycrypt.hw.make_sensor",
        ),
        Section(
            "pinpad",
            "PIN pad; the whole table is given to `keycrypt.hw.make_pinpad`. Choosing one: the [hardware page](hardware.md).",
            passthrough=True,
            consumer="keycrypt.hw.make_pinpad",
        ),
        _alerts_section(),
        _metrics_section(9748),
    ),
    example="examples/keypad.toml",
)

_CLIENT = Schema(
    name="client",
    doc="The client daemon (`keycrypt client run --config PATH`).",
    sections=(
        Section(
            "",
            "Top-level keys.",
            (
                Opt(
                    "client_id",
                    "client_id",
                    _REQUIRED,
                    f"This host's name towards the keypad: {CLIENT_ID_MIN}..{CLIENT_ID_MAX} ASCII letters, digits "
                    "and . _ : @ - (spec §3).",
                ),
                Opt(
                    "psk_file",
                    "path",
                    None,
                    "Pre-shared key file (`keycrypt client enroll`); when set, the key is mixed into the "
                    "key schedule and the keypad must have it enrolled.",
                ),
                Opt(
                    "heartbeat_interval",
                    "duration",
                    HEARTBEAT_INTERVAL,
                    "Seconds from an answer to the next PING; each wait is up to 25 % shorter (random "
                    "jitter). At least the spec's heartbeat_interval_min, so the keypad's pace check holds.",
                    lo=HEARTBEAT_INTERVAL_MIN,
                    hi=60,
                ),
                Opt(
                    "detect_multiplier",
                    "int",
                    DETECT_MULTIPLIER,
                    "Response deadline = detect_multiplier x heartbeat_interval, at most "
                    f"{RESPONSE_DEADLINE_MAX:g} s (refused at start otherwise).",
                    lo=2,
                    hi=100,
                ),
                Opt(
                    "rekey_log2",
                    "int",
                    REKEY_LOG2_DEFAULT,
                    "A new epoch key every 2^rekey_log2 PINGs (small values are for tests).",
                    lo=REKEY_LOG2_MIN,
                    hi=REKEY_LOG2_MAX,
                ),
                Opt(
                    "boot_grace",
                    "boot_grace",
                    BOOT_GRACE,
                    "Time to reach every keypad at start before locking down, or `\"wait\"` to wait forever.",
                    lo=0.1,
                    hi=86400,
                ),
                Opt(
                    "policy",
                    "enum",
                    "any",
                    "`any`: the host locks down as soon as any one keypad is lost. `all`: only when every "
                    "keypad is lost (redundant keypads guarding the same room). A LOCKDOWN order from any "
                    "keypad locks down under both.",
                    choices=("any", "all"),
                ),
                Opt("kem_backend", "enum", "cryptography", "ML-KEM-768 implementation.", choices=KEM_BACKENDS),
                Opt(
                    "audit_log",
                    "path",
                    "/var/lib/keycrypt/audit.log",
                    "Hash-chained audit log the lockdown ladder appends to (`keycrypt audit verify`).",
                ),
                Opt(
                    "status_file",
                    "path",
                    "/run/keycrypt/client-status.json",
                    "Small JSON file the daemon rewrites every second, read by `keycrypt client status`.",
                ),
                Opt(
                    "dry_run",
                    "bool",
                    False,
                    "Record the lockdown in the audit log and run non-destructive steps only "
                    "(demos, tests, first installs).",
                ),
                Opt("log_level", "enum", "info", "Logging threshold.", choices=LOG_LEVELS),
            ),
        ),
        Section(
            "keypads",
            "One `[[keypads]]` table per keypad; at least one. Each a different keypad: two entries with "
            "the same host and port, or pinning the same public key (every keypad has its own key pair), are refused.",
            (
                Opt("host", "host", _REQUIRED, "The keypad's address or name."),
                Opt("port", "port", DEFAULT_PORT, "The keypad's TCP port.", lo=1, hi=65535),
                Opt("pubkey", "path", _REQUIRED, "The keypad's public key file (`keycrypt keypad pubkey`)."),
            ),
            array=True,
            min_items=1,
        ),
        Section(
            "lockdown",
            "The lockdown ladder; the whole table is given to `keycrypt.lockdown.ladder_from_config`. "
            "Choosing one: [deployment](deployment.md#choosing-the-lockdown-ladder).",
            passthrough=True,
            consumer="keycrypt.lockdown.ladder_from_config",
        ),
        _metrics_section(9747),
    ),
    example="examples/client.toml",
)

SCHEMAS: dict[str, Schema] = {"keypad": _KEYPAD, "client": _CLIENT}

_RECORDS: dict[tuple[str, str], type[Any]] = {
    ("keypad", ""): KeypadFileConfig,
    ("keypad", "listen"): ListenSection,
    ("keypad", "limits"): LimitsSection,
    ("keypad", "maintenance"): MaintenanceSection,
    ("keypad", "pin"): PinSection,
    ("keypad", "clients"): ClientsSection,
    ("keypad", "alerts"): AlertsSection,
    ("keypad", "metrics"): MetricsSection,
    ("client", ""): ClientFileConfig,
    ("client", "keypads"): KeypadEntry,
    ("client", "metrics"): MetricsSection,
}
"""The dataclass each schema section validates into (passthrough sections are read-only mappings)."""


def _check_records() -> None:
    """Every section's dataclass has exactly its keys, in order (the top level: then the sections)."""
    for schema in SCHEMAS.values():
        nested = [s.name for s in schema.sections if s.name]
        for section in schema.sections:
            if section.passthrough:
                continue
            want = [o.key for o in section.opts] + (nested if not section.name else [])
            got = [f.name for f in fields(_RECORDS[schema.name, section.name])]
            if got != want:
                raise AssertionError(f"{schema.name}.{section.name or '(top level)'}: fields {got} but keys {want}")


_check_records()


# --------------------------------------------------------------------------- value checks

_DURATION_RE = re.compile(r"(\d+(?:\.\d+)?)(ms|s|m|h|d)")
_DURATION_UNITS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}


def parse_duration(text: str | int | float) -> float:
    """Seconds from ``90``, ``1.5``, ``"500ms"``, ``"15m"``, ``"1h30m"``; ValueError otherwise."""
    if isinstance(text, bool):
        raise ValueError("a duration is a number of seconds or a string like '15m'")
    if isinstance(text, (int, float)):
        value = float(text)
    else:
        s = text.strip().lower().replace(" ", "")
        if not s:
            raise ValueError("empty duration")
        try:
            value = float(s)
        except ValueError:
            pos, value = 0, 0.0
            for m in _DURATION_RE.finditer(s):
                if m.start() != pos:
                    break
                value += float(m.group(1)) * _DURATION_UNITS[m.group(2)]
                pos = m.end()
            if pos != len(s) or pos == 0:
                raise ValueError(f"not a duration: {text!r} (use seconds or e.g. '500ms', '15m', '1h30m')") from None
    if not math.isfinite(value) or value < 0:
        raise ValueError("a duration must be a finite, non-negative number of seconds")
    return value


def format_number(x: float) -> str:
    """``30`` for 30.0, ``0.5`` for 0.5: a number as an error message or the reference page prints it."""
    return str(int(x)) if float(x).is_integer() else str(x)


def _bounded(opt: Opt, value: float, where: str, unit: str = "") -> None:
    lo, hi = opt.lo, opt.hi
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        raise ConfigError(f"must be {format_number(lo if lo is not None else -math.inf)}..{format_number(hi if hi is not None else math.inf)}{unit}", key=where)


def _type_name(v: Any) -> str:
    return {bool: "boolean", int: "integer", float: "float", str: "string", list: "array", dict: "table"}.get(
        type(v), type(v).__name__
    )


def _a_type(v: Any) -> str:
    name = _type_name(v)
    return ("an " if name[0] in "aeiou" else "a ") + name


def check_client_id(value: Any, where: str) -> str:
    """``value`` as a KCP/1 client_id, or a ConfigError naming ``where`` (the CLI checks --client-id so too)."""
    if not isinstance(value, str):
        raise ConfigError(f"must be a string, not {_a_type(value)}", key=where)
    problem = client_id_problem(value.encode("utf-8"))
    if problem:
        raise ConfigError(f"must be a KCP/1 client_id: {problem}", key=where)
    return value


def _check_verifier(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"must be a string, not {_a_type(value)}", key=where)
    from argon2 import Type, extract_parameters
    from argon2.exceptions import InvalidHashError

    try:
        params = extract_parameters(value)
    except (InvalidHashError, ValueError):
        raise ConfigError("must be an Argon2id hash string ($argon2id$...), never the PIN itself", key=where) from None
    if params.type is not Type.ID:
        raise ConfigError("must be an Argon2id hash ($argon2id$...)", key=where)
    return value


def _resolve(value: str, base: Path) -> Path:
    p = Path(os.path.expanduser(value))
    return p if p.is_absolute() else (base / p)


def _check_enrolled(value: Any, where: str, base: Path) -> dict[str, bytes | Path]:
    """client_id -> psk bytes (``hex:`` form) or the Path of a psk file (read at daemon start)."""
    if not isinstance(value, dict):
        raise ConfigError(f"must be a table of client_id = psk, not {_a_type(value)}", key=where)
    out: dict[str, bytes | Path] = {}
    for cid, spec in value.items():
        key = f"{where}.{cid}"
        check_client_id(cid, key)
        if not isinstance(spec, str) or not spec:
            raise ConfigError('must be "hex:<64 hex digits>" or the path of a psk file', key=key)
        if spec.startswith("hex:"):
            try:
                psk = bytes.fromhex(spec[4:])
            except ValueError:
                raise ConfigError("is not valid hex after 'hex:'", key=key) from None
            if len(psk) != PSK_SIZE:
                raise ConfigError(f"must be {PSK_SIZE} bytes ({2 * PSK_SIZE} hex digits), got {len(psk)}", key=key)
            out[cid] = psk
        else:
            out[cid] = _resolve(spec, base)
    return out


def _check(opt: Opt, value: Any, where: str, base: Path) -> Any:
    """The validated, converted value of ``opt`` or a ConfigError naming ``where``."""
    kind = opt.kind
    if kind in ("str", "host", "path", "enum"):
        if not isinstance(value, str):
            raise ConfigError(f"must be a string, not {_a_type(value)}", key=where)
        if kind == "enum" and value not in opt.choices:
            raise ConfigError(f"must be one of {', '.join(opt.choices)}; got {value!r}", key=where)
        if kind in ("host", "path") and (not value or "\x00" in value):
            raise ConfigError("must not be empty", key=where)
        return _resolve(value, base) if kind == "path" else value
    if kind in ("int", "port"):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(f"must be an integer, not {_a_type(value)}", key=where)
        _bounded(opt, value, where)
        return value
    if kind == "float":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigError(f"must be a number, not {_a_type(value)}", key=where)
        _bounded(opt, float(value), where)
        return float(value)
    if kind == "bool":
        if not isinstance(value, bool):
            raise ConfigError(f"must be true or false, not {_a_type(value)}", key=where)
        return value
    if kind == "duration" or (kind == "boot_grace" and value != "wait"):
        if not isinstance(value, (int, float, str)) or isinstance(value, bool):
            raise ConfigError(f"must be seconds or a duration string like '15m', not {_a_type(value)}", key=where)
        try:
            seconds = parse_duration(value)
        except ValueError as exc:
            raise ConfigError(str(exc), key=where) from None
        _bounded(opt, seconds, where, " seconds")
        return seconds
    if kind == "boot_grace":
        return None  # "wait": no boot grace, wait for the keypad forever
    if kind == "client_id":
        return check_client_id(value, where)
    if kind == "verifier":
        return _check_verifier(value, where)
    if kind == "enrolled":
        return MappingProxyType(_check_enrolled(value, where, base))
    if kind == "argv":
        if isinstance(value, str) or not isinstance(value, list) or not value:
            raise ConfigError("must be a non-empty list of strings (an argv, run without a shell)", key=where)
        if not all(isinstance(a, str) and "\x00" not in a for a in value) or not value[0]:
            raise ConfigError("every item must be a string without NUL, the first not empty", key=where)
        return tuple(value)
    raise AssertionError(f"unknown option kind {kind!r}")  # pragma: no cover - schema bug


def _table(schema: Schema, section: Section, data: Any, where: str, base: Path) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ConfigError(f"must be a table, not {_a_type(data)}", key=where)
    known = {o.key: o for o in section.opts}
    nested = {s.name for s in schema.sections if s.name} if section.name == "" else set()
    for key in data:
        if key not in known and key not in nested:
            raise ConfigError(f"unknown key (known: {', '.join(sorted(known) + sorted(nested))})", key=f"{where}.{key}")
    values: dict[str, Any] = {}
    for opt in section.opts:
        key = f"{where}.{opt.key}"
        if opt.key in data:
            values[opt.key] = _check(opt, data[opt.key], key, base)
        elif opt.required:
            raise ConfigError("is required", key=key)
        elif isinstance(opt.default, str) and opt.kind == "path":
            values[opt.key] = Path(opt.default)
        elif isinstance(opt.default, dict):
            values[opt.key] = MappingProxyType(dict(opt.default))
        else:
            values[opt.key] = opt.default
    return values


@overload
def validate(schema_name: Literal["keypad"], data: Mapping[str, Any], base: Path = ...) -> KeypadFileConfig: ...
@overload
def validate(schema_name: Literal["client"], data: Mapping[str, Any], base: Path = ...) -> ClientFileConfig: ...
@overload
def validate(schema_name: str, data: Mapping[str, Any], base: Path = ...) -> FileConfig: ...
def validate(schema_name: str, data: Mapping[str, Any], base: Path = Path(".")) -> FileConfig:
    """Validate parsed TOML against a schema: a frozen dataclass holding every key, defaults filled in."""
    schema = SCHEMAS[schema_name]
    root_name = schema.name
    root = schema.section("")
    values = _table(schema, root, dict(data), root_name, base)
    for section in schema.sections:
        if not section.name:
            continue
        where = f"{root_name}.{section.name}"
        raw = data.get(section.name)
        record = _RECORDS.get((root_name, section.name))
        if section.passthrough:
            if raw is None:
                values[section.name] = MappingProxyType({})
            elif not isinstance(raw, dict):
                raise ConfigError(f"must be a table, not {_a_type(raw)}", key=where)
            else:
                values[section.name] = MappingProxyType(dict(raw))
        elif section.array:
            if raw is None:
                raw = []
            if not isinstance(raw, list):
                raise ConfigError(f"must be an array of tables ([[{section.name}]]), not {_a_type(raw)}", key=where)
            if len(raw) < section.min_items:
                raise ConfigError(f"needs at least {section.min_items} [[{section.name}]] table(s)", key=where)
            assert record is not None
            values[section.name] = tuple(
                record(**_table(schema, section, item, f"{where}[{i}]", base)) for i, item in enumerate(raw)
            )
        else:
            assert record is not None
            values[section.name] = record(**_table(schema, section, raw if raw is not None else {}, where, base))
    result: FileConfig = _RECORDS[root_name, ""](**values)
    _cross_checks(result)
    return result


def load(schema_name: str, path: str | os.PathLike[str]) -> FileConfig:
    """Read and validate a config file; every problem is a ConfigError naming the file and the key."""
    p = Path(path)
    try:
        with open(p, "rb") as f:
            raw = f.read(CONFIG_READ_LIMIT + 1)
    except OSError as exc:
        raise ConfigError(f"cannot read config file {p}: {exc.strerror or exc}") from None
    if len(raw) > CONFIG_READ_LIMIT:
        raise ConfigError(f"config file {p} is larger than {CONFIG_READ_LIMIT} bytes")
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"config file {p} is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {p} is not valid TOML: {exc}") from None
    try:
        values = validate(schema_name, data, p.resolve().parent)
    except ConfigError as exc:
        located = ConfigError(f"{p}: {exc}")  # the file first; the key it names is kept for callers
        located.key = exc.key
        raise located from None
    return values


def _cross_checks(v: FileConfig) -> None:
    if isinstance(v, ClientFileConfig):
        # Two [[keypads]] at one address would be one keypad counted twice: with policy "all" its loss
        # would have to happen "twice", and with "any" it hides that the second keypad is missing.
        seen: dict[tuple[str, int], int] = {}
        for i, k in enumerate(v.keypads):
            where = (k.host.lower().rstrip("."), k.port)
            if where in seen:
                raise ConfigError(f"same host and port as client.keypads[{seen[where]}] ({k.host}:{k.port}): "
                                  "every [[keypads]] entry must be a different keypad", key=f"client.keypads[{i}].host")
            seen[where] = i
        check_response_deadline(v.heartbeat_interval, v.detect_multiplier)
    elif v.maintenance.window_default > v.maintenance.window_max:
        raise ConfigError("must not exceed keypad.maintenance.window_max", key="keypad.maintenance.window_default")


def check_response_deadline(interval: float, multiplier: int) -> None:
    """The deadline is how long a breached host may stay up: refuse one above the spec's bound.

    Each factor has its own bounds, but their product could reach 6,000 s; the
    bound holds with or without systemd (whose watchdog check is separate).
    """
    deadline = interval * multiplier
    if deadline > RESPONSE_DEADLINE_MAX:
        raise ConfigError(
            f"the response deadline detect_multiplier x heartbeat_interval = {multiplier} x {interval:g} s = "
            f"{deadline:g} s exceeds the limit of {RESPONSE_DEADLINE_MAX:g} s (a breached host would stay up that long)",
            key="client.heartbeat_interval",
        )


def load_keypad_config(path: str | os.PathLike[str]) -> KeypadFileConfig:
    v = load("keypad", path)
    assert isinstance(v, KeypadFileConfig)
    return v


def load_client_config(path: str | os.PathLike[str]) -> ClientFileConfig:
    v = load("client", path)
    assert isinstance(v, ClientFileConfig)
    return v


def read_psk_file(path: str | os.PathLike[str]) -> bytes:
    """A psk file: exactly 32 raw bytes, or 64 hex digits (whitespace ignored). ConfigError otherwise."""
    from keycrypt.fsutil import read_file_limited

    try:
        data = read_file_limited(path, 4096)
    except OSError as exc:
        raise ConfigError(f"cannot read psk file {os.fspath(path)}: {exc.strerror or exc}") from None
    if len(data) == PSK_SIZE:
        return data
    try:
        psk = bytes.fromhex(data.decode("ascii").strip())
    except (UnicodeDecodeError, ValueError):
        psk = b""
    if len(psk) != PSK_SIZE:
        raise ConfigError(
            f"psk file {os.fspath(path)} must hold {PSK_SIZE} raw bytes or {2 * PSK_SIZE} hex digits "
            f"(it has {len(data)} bytes)"
        )
    return psk


__all__ = [
    "Opt",
    "Section",
    "Schema",
    "SCHEMAS",
    "AlertsSection",
    "ClientFileConfig",
    "ClientsSection",
    "FileConfig",
    "KeypadEntry",
    "KeypadFileConfig",
    "LimitsSection",
    "ListenSection",
    "MaintenanceSection",
    "MetricsSection",
    "PinSection",
    "validate",
    "load",
    "load_keypad_config",
    "load_client_config",
    "parse_duration",
    "check_client_id",
    "check_response_deadline",
    "read_psk_file",
    "format_number",
]
