"""The configuration reference (``docs/configuration.md``), rendered from the runtime's config schemas.

Every table comes from a public name of the runtime: the schemas
(:data:`keycrypt.config.SCHEMAS`), the hardware drivers' keys and defaults
(:data:`keycrypt.hw.SENSOR_DEFAULTS`, :data:`keycrypt.hw.PINPAD_DEFAULTS`) and
the lockdown ladder's keys (:data:`keycrypt.lockdown.SECTION_KEYS`,
:data:`keycrypt.lockdown.STEP_KEYS`). The passthrough tables' meanings are
written here; rendering refuses a key the runtime accepts but this page does
not describe, and the other way round.
"""

from __future__ import annotations

import math
from typing import Any

from keycrypt import constants as C
from keycrypt import hw, lockdown
from keycrypt.config import SCHEMAS, Opt, format_number

_KIND_DOC = {
    "str": "string",
    "int": "integer",
    "float": "number",
    "bool": "boolean",
    "path": "path",
    "port": "integer (port)",
    "host": "string (host)",
    "enum": "one of",
    "duration": "duration",
    "client_id": "string (client id)",
    "verifier": "string (Argon2id hash)",
    "enrolled": "table",
    "boot_grace": "duration or \"wait\"",
    "argv": "list of strings",
}


def _doc_default(opt: Opt) -> str:
    if opt.required:
        return "**required**"
    d = opt.default
    if d is None:
        return "unset"
    if isinstance(d, bool):
        return "`true`" if d else "`false`"
    if isinstance(d, dict):
        return "`{}`"
    if isinstance(d, float):
        return f"`{format_number(d)}`"
    if isinstance(d, str):
        return f'`"{d}"`'
    return f"`{d}`"


def _doc_type(opt: Opt) -> str:
    t = _KIND_DOC[opt.kind]
    if opt.kind == "enum":
        t += " " + ", ".join(f"`{c}`" for c in opt.choices)
    if opt.lo is not None or opt.hi is not None:
        unit = " s" if opt.kind in ("duration", "boot_grace") else ""
        t += f", {format_number(opt.lo if opt.lo is not None else 0)}..{format_number(opt.hi if opt.hi is not None else math.inf)}{unit}"
    return t


def _doc_value(v: Any) -> str:
    """A default as TOML would spell it; None: the key is required."""
    if v is None:
        return "**required**"
    if isinstance(v, bool):
        return f"`{str(v).lower()}`"
    if isinstance(v, int | float):
        return f"`{format_number(v)}`"
    if isinstance(v, str):
        return f'`"{v}"`'
    return "`[" + ", ".join(f'"{x}"' for x in v) + "]`"


def _passthrough_docs() -> dict[str, dict[str, dict[str, tuple[str, str]]]]:
    """Type and meaning of every key of the passthrough tables, per variant.

    The keys and defaults themselves come from the modules that validate the
    tables (:data:`keycrypt.hw.SENSOR_DEFAULTS`, :data:`keycrypt.hw.PINPAD_DEFAULTS`,
    :mod:`keycrypt.lockdown`); :func:`_passthrough_reference` refuses to render when
    a key is accepted there but not described here, or described here but not accepted.
    """
    biases = ", ".join(f"`{b}`" for b in hw.BIASES)
    return {
        "sensor": {
            "gpio": {
                "chip": ("path", "Absolute path of the GPIO chip (`gpioinfo` lists the chips and their lines)."),
                "line": ("integer ≥ 0", "Line offset on that chip: the BCM GPIO number on a Raspberry Pi header (17 is physical pin 11)."),
                "normally_closed": ("boolean", "`true`: an open contact is the breach (a cut wire too). `false`: a closed contact is the breach."),
                "active_low": ("boolean", "`true` for a contact to GND (a closed contact reads low, which the kernel reports as active)."),
                "bias": (f"one of {biases}", "The line's bias: the internal pull-up suits a contact to GND."),
                "debounce_ms": (f"integer, 0..{C.SENSOR_DEBOUNCE_MAX_MS} ms", "Kernel debounce of the line; 0 turns it off."),
            },
            "simulated": {
                "initially_breached": ("boolean", "Start breached. For demos and tests (`keypad run --allow-simulated`); no hardware is read."),
            },
            "none": {},
        },
        "pinpad": {
            "evdev": {
                "device": ("path", "Absolute path of the keypad's input device; prefer the stable name under `/dev/input/by-id/`."),
                "arm_keys": ("list of Linux key names", "Keys that submit the PIN to arm (names as `evtest` prints them; digits, Enter, Backspace and Esc are taken)."),
                "disarm_keys": ("list of Linux key names", "Keys that submit the PIN to disarm; none may also arm."),
                "max_length": (f"integer, {C.PIN_MIN_LENGTH}..{C.PIN_MAX_LENGTH}", "Longest entry in digits; a longer one is discarded."),
                "entry_timeout": (f"number, seconds, at most {format_number(hw.ENTRY_TIMEOUT_MAX)}", "Longest pause between two keys before the entry is forgotten."),
            },
            "simulated": {},
        },
        "lockdown": {
            "": {
                "dry_run": ("boolean", "Execute nothing at all, hooks included: every step is only recorded. (The top-level `dry_run` still runs hooks.)"),
                "volumes": ("`\"auto\"` or a list of device-mapper names", "Without `steps`: the default ladder's `luks-suspend` step, before the power-off. `\"auto\"` suspends every active dm-crypt LUKS mapping found at lockdown time (`/sys/block/dm-*/dm/uuid` starting with `CRYPT-LUKS`); a list names the mappings; `[]` leaves the step out."),
                "steps": ("array of tables `[[lockdown.steps]]`", "The whole ladder, in order; the `audit` step is put first if omitted."),
            },
            "steps": {
                "action": ("one of " + ", ".join(f"`{a}`" for a in lockdown.ACTIONS), "What the step does (see [choosing the lockdown ladder](deployment.md#choosing-the-lockdown-ladder)); `audit` only as the first step."),
                "timeout": (f"number, seconds, at most {format_number(C.LOCKDOWN_STEP_TIMEOUT_MAX)}", "Bound of the step; when it expires, the step's process group is killed and the next step taken."),
                "argv": ("list of strings", "The command, run without a shell: required by `command`, optional for `poweroff` and `dry-run`, refused by the others."),
                "volumes": ("`\"auto\"` or a list of device-mapper names", "Required by `luks-suspend` (all suspended together; `\"auto\"`: every active LUKS mapping at lockdown time), refused by the others."),
            },
        },
    }


def _passthrough_reference(name: str) -> list[str]:
    """The key tables of a passthrough section, with keys and defaults from the module that validates it."""
    docs = _passthrough_docs()[name]
    if name in ("sensor", "pinpad"):
        variants = hw.SENSOR_DEFAULTS if name == "sensor" else hw.PINPAD_DEFAULTS
        defaults = {k: dict(v) for k, v in variants.items()}
        drivers = ", ".join(f"`{d}`" for d in variants)
        out = [f"`driver` (**required**) is one of {drivers}; each driver takes its own keys.", ""]
    else:
        ladder = lockdown.default_ladder()
        without = lockdown.default_ladder(())
        chain = " → ".join(s.action for s in ladder.steps)
        chain_none = " → ".join(s.action for s in without.steps)
        timeouts = ", ".join(f"`{a}` {format_number(t)} s" for a, t in lockdown.DEFAULT_TIMEOUTS.items())
        defaults = {
            "": {"dry_run": False, "volumes": "", "steps": ""},
            "steps": {"action": None, "timeout": "", "argv": "", "volumes": ""},
        }
        if set(defaults[""]) != set(lockdown.SECTION_KEYS) or set(defaults["steps"]) != set(lockdown.STEP_KEYS):
            raise AssertionError(f"lockdown keys changed in keycrypt.lockdown: {lockdown.SECTION_KEYS}, {lockdown.STEP_KEYS}")
        out = [f"Without this table the ladder is {chain}, the `luks-suspend` step acting on every active LUKS mapping (`volumes = \"auto\"`); with `volumes = []`, {chain_none}.", ""]
        shown = {"volumes": f"`\"{lockdown.AUTO}\"`", "steps": f"{chain}", "timeout": f"per action: {timeouts}", "argv": "`poweroff`: `" + " ".join(lockdown.LadderStep("poweroff").argv or ()) + "`"}
    for variant, keys in defaults.items():
        described = docs.get(variant)
        if described is None or set(described) != set(keys):
            raise AssertionError(f"{name} ({variant or 'table'}): keys {sorted(keys)} but documented {sorted(described or ())}")
        if name in ("sensor", "pinpad"):
            out += [f"#### `driver = \"{variant}\"`", ""]
            if not keys:
                out += ["No other key.", ""]
                continue
        elif variant == "steps":
            out += ["#### `[[lockdown.steps]]` (client.lockdown.steps[i])", ""]
        out += ["| key | type | default | meaning |", "|---|---|---|---|"]
        for key, default in keys.items():
            kind, meaning = described[key]
            value = _doc_value(default) if name in ("sensor", "pinpad") or key in ("dry_run", "action") else shown[key]
            if variant == "steps" and key == "volumes":
                value = "none"  # required by luks-suspend: no default there
            out.append(f"| `{key}` | {kind} | {value} | {meaning.replace('|', chr(92) + '|')} |")
        out.append("")
    return out


def render_config_reference() -> str:
    """The Markdown of docs/configuration.md, generated from :data:`keycrypt.config.SCHEMAS`."""
    lines = [
        "# Configuration reference",
        "",
        "<!-- Generated by keycrypt_kit.docgen.config_reference; do not edit by hand. -->",
        "<!-- Regenerate: python -m keycrypt_kit.docgen (which also writes docs/generated/) -->",
        "",
        "Both daemons read one TOML file. Every key is checked when the daemon starts: an unknown key, a value",
        "of the wrong type or out of bounds stops it with exit status 2 and one line naming the key, for",
        "example `client.keypads[0].port: must be 1..65535`. Keys are named `<file>.<table>.<key>` in such",
        "messages and below; the `<file>` part is not a table in the file.",
        "",
        "Durations are seconds (`0.5`, `900`) or strings with units `ms`, `s`, `m`, `h`, `d` (`\"500ms\"`, `\"15m\"`,",
        "`\"1h30m\"`). Relative paths are resolved against the directory of the config file.",
        "",
    ]
    for schema in SCHEMAS.values():
        lines += [f"## `{schema.name}` file", "", schema.doc, f"An annotated example is in `{schema.example}`.", ""]
        for section in schema.sections:
            title = f"{schema.name}.{section.name}" if section.name else schema.name
            if section.array:
                lines += [f"### `[[{section.name}]]` ({title}[i])", ""]
            elif section.name:
                lines += [f"### `[{section.name}]` ({title})", ""]
            else:
                lines += [f"### Top level ({title})", ""]
            lines += [section.doc, ""]
            if section.passthrough:
                lines += _passthrough_reference(section.name)
                continue
            lines += ["| key | type | default | meaning |", "|---|---|---|---|"]
            for opt in section.opts:
                doc = opt.doc.replace("|", "\\|")
                lines.append(f"| `{opt.key}` | {_doc_type(opt)} | {_doc_default(opt)} | {doc} |")
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
