"""Every number and label of KCP/1, loaded from ``spec/constants.toml``.

The TOML file is the single source; this module only gives its values typed
names. Nothing else in the code base may spell a protocol constant.
"""

from __future__ import annotations

import tomllib
from enum import IntEnum
from typing import Any, Final

from keycrypt._specdata import read_spec_text
from keycrypt.errors import SpecError

RAW: Final[dict[str, Any]] = tomllib.loads(read_spec_text("constants.toml"))

_p, _s, _t, _pin, _ks = (RAW["protocol"], RAW["sizes"], RAW["timing"], RAW["pin"], RAW["keystore"])

PROTOCOL_NAME: Final[str] = _p["name"]
MAGIC: Final[bytes] = _p["magic"].encode("ascii")
VERSION: Final[int] = _p["version"]
HEADER_SIZE: Final[int] = _p["header_size"]

EK_SIZE: Final[int] = _s["ek"]
DK_SIZE: Final[int] = _s["dk"]
CT_SIZE: Final[int] = _s["ct"]
SS_SIZE: Final[int] = _s["shared_secret"]
SEED_SIZE: Final[int] = _s["seed"]
TAG_SIZE: Final[int] = _s["tag"]
CHALLENGE_SIZE: Final[int] = _s["challenge"]
KEYPAD_NONCE_SIZE: Final[int] = _s["keypad_nonce"]
SALT_SIZE: Final[int] = _s["salt"]
KEY_SIZE: Final[int] = _s["key"]
PSK_SIZE: Final[int] = _s["psk"]
CLIENT_ID_MIN: Final[int] = _s["client_id_min"]
CLIENT_ID_MAX: Final[int] = _s["client_id_max"]
CLIENT_ID_CHARS: Final[frozenset[int]] = frozenset(_s["client_id_chars"].encode("ascii"))


def client_id_problem(cid: bytes) -> str | None:
    """Why ``cid`` (the id's bytes) is not a valid KCP/1 client_id, or None (spec §3, KCP1-ID-1)."""
    if not CLIENT_ID_MIN <= len(cid) <= CLIENT_ID_MAX:
        return f"client_id is {len(cid)} bytes, allowed {CLIENT_ID_MIN}..{CLIENT_ID_MAX}"
    for i, b in enumerate(cid):
        if b not in CLIENT_ID_CHARS:
            return f"client_id byte {i} is 0x{b:02x}: only ASCII letters, digits and . _ : @ - are allowed"
    return None
FINGERPRINT_SIZE: Final[int] = _s["fingerprint"]



class FrameType(IntEnum):
    """The frame types of KCP/1 (``[frame_types]``; checked against the TOML below, at import)."""

    HELLO = 1
    HELLO_ACK = 2
    PING = 3
    PONG = 4
    REKEY = 5
    REKEY_ACK = 6


class Status(IntEnum):
    """The keypad's device status carried in every PONG (``[status]``; checked at import)."""

    ARMED = 0
    DISARMED = 1
    LOCKDOWN = 2


def _check_enum(enum: type[IntEnum], table: str) -> None:
    """Written out so that type checkers see the members; the TOML stays the authority."""
    spelled = {m.name: m.value for m in enum}
    if spelled != RAW[table]:
        raise SpecError(f"spec/constants.toml [{table}] is {RAW[table]}, keycrypt/constants.py {enum.__name__} "
                        f"is {spelled}: change both together")


_check_enum(FrameType, "frame_types")
_check_enum(Status, "status")

FLAG_PSK: Final[int] = RAW["hello_flags"]["psk"]
FLAGS_RESERVED: Final[int] = RAW["hello_flags"]["reserved_mask"]

REKEY_LOG2_MIN: Final[int] = RAW["rekey"]["log2_min"]
REKEY_LOG2_MAX: Final[int] = RAW["rekey"]["log2_max"]
REKEY_LOG2_DEFAULT: Final[int] = RAW["rekey"]["log2_default"]

LABEL_TRANSCRIPT: Final[bytes] = RAW["labels"]["transcript"].encode("ascii")
LABEL_SESSION: Final[bytes] = RAW["labels"]["session"].encode("ascii")
LABEL_C2K: Final[bytes] = RAW["labels"]["c2k"].encode("ascii")
LABEL_K2C: Final[bytes] = RAW["labels"]["k2c"].encode("ascii")
LABEL_REKEY: Final[bytes] = RAW["labels"]["rekey"].encode("ascii")

HEARTBEAT_INTERVAL: Final[float] = _t["heartbeat_interval"]
JITTER_FRACTION: Final[float] = _t["jitter_fraction"]
DETECT_MULTIPLIER: Final[int] = _t["detect_multiplier"]
KEYPAD_IDLE_TIMEOUT: Final[float] = _t["keypad_idle_timeout"]
HELLO_TIMEOUT: Final[float] = _t["hello_timeout"]
PING_MIN_INTERVAL: Final[float] = _t["ping_min_interval"]
HEARTBEAT_INTERVAL_MIN: Final[float] = _t["heartbeat_interval_min"]
BOOT_GRACE: Final[float] = _t["boot_grace"]
MAINTENANCE_WINDOW: Final[float] = _t["maintenance_window"]
MAINTENANCE_WINDOW_MAX: Final[float] = _t["maintenance_window_max"]
RESPONSE_DEADLINE_MAX: Final[float] = _t["response_deadline_max"]

PIN_BACKOFF_FREE_ATTEMPTS: Final[int] = _pin["backoff_free_attempts"]
PIN_BACKOFF_BASE: Final[float] = _pin["backoff_base"]
PIN_BACKOFF_MAX: Final[float] = _pin["backoff_max"]
PIN_MIN_LENGTH: Final[int] = _pin["min_length"]
PIN_MAX_LENGTH: Final[int] = _pin["max_length"]

KEYSTORE_MAGIC: Final[bytes] = _ks["magic"].encode("ascii")
KEYSTORE_FORMAT_VERSION: Final[int] = _ks["format_version"]
ARGON2_TIME_COST: Final[int] = _ks["argon2_time_cost"]
ARGON2_MEMORY_KIB: Final[int] = _ks["argon2_memory_kib"]
ARGON2_PARALLELISM: Final[int] = _ks["argon2_parallelism"]
UNLOCK_TIME: Final[float] = float(_ks["unlock_time"])
ARGON2_SALT_SIZE: Final[int] = _ks["argon2_salt"]
ARGON2_KEY_SIZE: Final[int] = _ks["argon2_key"]
XCHACHA_NONCE_SIZE: Final[int] = _ks["nonce"]
AEAD_TAG_SIZE: Final[int] = _ks["aead_tag"]
ARGON2_TIME_COST_RANGE: Final[tuple[int, int]] = (_ks["argon2_time_cost_min"], _ks["argon2_time_cost_max"])
ARGON2_MEMORY_KIB_RANGE: Final[tuple[int, int]] = (_ks["argon2_memory_kib_min"], _ks["argon2_memory_kib_max"])
ARGON2_PARALLELISM_RANGE: Final[tuple[int, int]] = (_ks["argon2_parallelism_min"], _ks["argon2_parallelism_max"])
KEYSTORE_FILE_TYPE: Final[int] = _ks["file_type"]
KEYSTORE_KDF_ARGON2ID: Final[int] = _ks["kdf_argon2id"]
ARGON2_VERSION: Final[int] = _ks["argon2_version"]
KEYSTORE_AEAD_XCHACHA20POLY1305: Final[int] = _ks["aead_xchacha20poly1305"]
KEYSTORE_CHECKSUM_SIZE: Final[int] = _ks["checksum"]
KEYSTORE_READ_LIMIT: Final[int] = _ks["read_limit"]

PUBKEY_MAGIC: Final[bytes] = RAW["pubkey_file"]["magic"].encode("ascii")
PUBKEY_FORMAT_VERSION: Final[int] = RAW["pubkey_file"]["format_version"]
PUBKEY_FILE_TYPE: Final[int] = RAW["pubkey_file"]["file_type"]
PUBKEY_CHECKSUM_SIZE: Final[int] = RAW["pubkey_file"]["checksum"]
PUBKEY_READ_LIMIT: Final[int] = RAW["pubkey_file"]["read_limit"]
PUBKEY_TEXT_PREFIX: Final[str] = RAW["pubkey_file"]["text_prefix"]
PUBKEY_TEXT_CHECK_SIZE: Final[int] = RAW["pubkey_file"]["text_check"]
FINGERPRINT_GROUP: Final[int] = RAW["pubkey_file"]["fingerprint_group"]
FINGERPRINT_GROUPS_PER_LINE: Final[int] = RAW["pubkey_file"]["fingerprint_groups_per_line"]

_ld = RAW["lockdown"]
LOCKDOWN_AUDIT_TIMEOUT: Final[float] = _ld["audit_timeout"]
LOCKDOWN_COMMAND_TIMEOUT: Final[float] = _ld["command_timeout"]
LOCKDOWN_LUKS_SUSPEND_TIMEOUT: Final[float] = _ld["luks_suspend_timeout"]
LOCKDOWN_POWEROFF_TIMEOUT: Final[float] = _ld["poweroff_timeout"]
LOCKDOWN_SYSRQ_TIMEOUT: Final[float] = _ld["sysrq_timeout"]
LOCKDOWN_STEP_TIMEOUT_MAX: Final[float] = _ld["step_timeout_max"]
LOCKDOWN_SYSRQ_SYNC_PAUSE: Final[float] = _ld["sysrq_sync_pause"]
LOCKDOWN_POWEROFF_ARGV: Final[tuple[str, ...]] = tuple(_ld["poweroff_argv"])
LOCKDOWN_POWEROFF_RETRY_MIN: Final[float] = _ld["poweroff_retry_min"]
LOCKDOWN_POWEROFF_RETRY_MAX: Final[float] = _ld["poweroff_retry_max"]
AUDIT_RECORD_MAX: Final[int] = _ld["audit_record_max"]


def response_deadline(interval: float = HEARTBEAT_INTERVAL, multiplier: int = DETECT_MULTIPLIER) -> float:
    """Seconds a client waits for an answer before it locks its host down."""
    return interval * multiplier


def round_trip_tolerance(interval: float = HEARTBEAT_INTERVAL, multiplier: int = DETECT_MULTIPLIER) -> float:
    """The longest sustained round trip a healthy network may add without a false lockdown.

    Under the exposure bound (spec §7, KCP1-TM-1) the answer to the next PING, sent one interval after
    the previous answer arrived, is due D after the previous PING's send: 2 x RTT + interval <= D.
    """
    return (response_deadline(interval, multiplier) - interval) / 2


def pings_per_epoch(rekey_log2: int) -> int:
    """PINGs answered under one epoch's keys before the client must rekey."""
    return 1 << rekey_log2

# --- reference daemons (deployment defaults, not wire protocol) -------------------
_d = RAW["daemon"]
DEFAULT_PORT: Final[int] = _d["port"]
CONNECT_RETRY_MIN: Final[float] = _d["connect_retry_min"]
CONNECT_RETRY_MAX: Final[float] = _d["connect_retry_max"]
CONNECT_TIMEOUT: Final[float] = _d["connect_timeout"]

# --- hardware drivers (keycrypt/hw/; deployment defaults, not wire protocol) ---------
_hw = RAW["hw"]
SENSOR_DEBOUNCE_MS: Final[int] = _hw["sensor_debounce_ms"]
SENSOR_DEBOUNCE_MAX_MS: Final[int] = _hw["sensor_debounce_max_ms"]
SENSOR_RETRY_INTERVAL: Final[float] = _hw["sensor_retry_interval"]
PINPAD_ENTRY_TIMEOUT: Final[float] = _hw["pinpad_entry_timeout"]
