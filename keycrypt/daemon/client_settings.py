"""Building the client's :class:`ClientSettings` from a validated config.

The daemon takes settings and never reads a config or a key file itself; this
is the one place that does, so that a bad pubkey or psk file is a typed error
naming its key at start.
"""

from __future__ import annotations

from keycrypt.config import ClientFileConfig, read_psk_file
from keycrypt.crypto.kem import get_backend
from keycrypt.daemon.client import ClientSettings, KeypadTarget
from keycrypt.errors import ConfigError
from keycrypt.keystore import read_pubkey


def settings_from_config(v: ClientFileConfig) -> ClientSettings:
    """Build from validated ``[client]`` config values; reads the key files (KeystoreError / ConfigError)."""
    kem = get_backend(v.kem_backend)
    targets = [KeypadTarget(k.host, k.port, read_pubkey(k.pubkey, kem=kem)) for k in v.keypads]
    # Every keypad has its own key pair (docs/deployment.md): two entries pinning one key are one key
    # pair on two devices (a cloned SD card, a restored backup) or one keypad listed twice.
    for i, t in enumerate(targets):
        for j in range(i):
            if targets[j].ek == t.ek:
                raise ConfigError(f"pins the same public key (fingerprint) as client.keypads[{j}]: every keypad "
                                  "must have its own key pair", key=f"client.keypads[{i}].pubkey")
    psk = None
    if v.psk_file is not None:
        try:
            psk = read_psk_file(v.psk_file)
        except ConfigError as exc:
            raise ConfigError(str(exc), key="client.psk_file") from None
    return ClientSettings(
        client_id=v.client_id,
        keypads=targets,
        psk=psk,
        heartbeat_interval=v.heartbeat_interval,
        detect_multiplier=v.detect_multiplier,
        rekey_log2=v.rekey_log2,
        boot_grace=v.boot_grace,
        kem_backend=v.kem_backend,
        policy=v.policy,
        audit_log=v.audit_log,
        status_file=v.status_file,
        dry_run=v.dry_run,
        lockdown=dict(v.lockdown),
    )
