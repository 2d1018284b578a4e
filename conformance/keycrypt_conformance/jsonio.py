"""JSON forms shared by the vectors, the shim protocol and the reference shim.

Bytes are lowercase hex; a frame is an object ``{"type": "PING", ...fields}``;
an action is ``{"action": "send", "data": "..."}`` (snake_case of the action
class, its fields, free-text details left out because they are not
normative).
"""

from __future__ import annotations

import dataclasses
import re
from enum import Enum
from typing import Any

from keycrypt.constants import FrameType
from keycrypt.errors import LocalUsageError
from keycrypt.wire.frames import FRAME_CLASSES, Frame

_NOT_NORMATIVE = frozenset({"detail"})
_HEX = re.compile(r"^(?:[0-9a-f]{2})*$")


def hx(data: bytes) -> str:
    return bytes(data).hex()


def unhex(value: Any, what: str) -> bytes:
    """Bytes of a lowercase hex string; LocalUsageError names the field otherwise."""
    if not isinstance(value, str) or not _HEX.match(value):
        raise LocalUsageError(f"{what} must be a lowercase hex string of whole bytes")
    return bytes.fromhex(value)


def frame_to_json(frame: Frame) -> dict[str, Any]:
    out: dict[str, Any] = {"type": frame.type.name}
    for f in dataclasses.fields(frame):  # type: ignore[arg-type]
        value = getattr(frame, f.name)
        out[f.name] = hx(value) if isinstance(value, (bytes, bytearray)) else value
    return out


def frame_from_json(obj: Any, *, with_tag: bool = True) -> Frame:
    """A frame dataclass from its JSON form (``with_tag=False``: the tag may be absent)."""
    if not isinstance(obj, dict) or "type" not in obj:
        raise LocalUsageError("a frame is an object with a 'type'")
    try:
        ft = FrameType[obj["type"]]
    except KeyError:
        raise LocalUsageError(f"unknown frame type {obj['type']!r}") from None
    cls = FRAME_CLASSES[ft]
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name not in obj:
            if f.name == "tag" and not with_tag:
                continue
            raise LocalUsageError(f"{ft.name} frame lacks field {f.name!r}")
        value = obj[f.name]
        if f.name in ("ct", "challenge", "salt", "nonce", "tag"):
            value = unhex(value, f.name)
        kwargs[f.name] = value
    extra = set(obj) - {f.name for f in dataclasses.fields(cls)} - {"type"}
    if extra:
        raise LocalUsageError(f"{ft.name} frame has unknown fields {sorted(extra)}")
    return cls(**kwargs)  # type: ignore[no-any-return]


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _value(v: Any) -> Any:
    if isinstance(v, Enum):
        return v.value
    if isinstance(v, (bytes, bytearray)):
        return hx(v)
    return v


def action_to_json(action: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"action": _snake(type(action).__name__)}
    for f in dataclasses.fields(action):
        if f.name not in _NOT_NORMATIVE:
            out[f.name] = _value(getattr(action, f.name))
    return out
