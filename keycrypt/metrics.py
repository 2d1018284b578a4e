"""An optional Prometheus endpoint for both daemons (``[metrics] enabled = true``).

Needs the ``metrics`` extra (``prometheus-client``); nothing here is imported
unless the endpoint is enabled, and it is off by default and bound to
127.0.0.1 by default. The HTTP server runs in prometheus-client's own thread;
it never touches the daemon: the daemon's event loop copies its status into
:attr:`Metrics.snapshot` once a second (:meth:`Metrics.refresh_every`) and
the scrape reads that copy. Counters that cannot be read from a status
(breaches, the client's round trips) are fed by the daemons' observers.

Keypad (``keycrypt_keypad_*``): ``state{state}`` (1 for the current one),
``sessions``, ``enrolled_clients``, ``missing_clients`` and
``client_missing{client_id}``, ``breaches_total``, ``pin_failures``,
``pin_locked_out``, ``client_last_seen_seconds{client_id}``.

Client (``keycrypt_client_*``): ``keypad_state{keypad,phase}``,
``last_answer_age_seconds{keypad}`` (age of the last verified PONG),
``rtt_seconds{keypad}`` (histogram, PING sent to PONG verified),
``lockdown`` (1 once the lockdown fired), ``dry_run``.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from typing import Any

from keycrypt.errors import ConfigError
from keycrypt.session_words import PHASE

DEVICE_STATES = ("SEALED", "ARMED", "DISARMED", "BREACHED", "LOCKDOWN")
RTT_BUCKETS = (0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0)


def _prometheus() -> Any:
    try:
        import prometheus_client
    except ImportError:
        raise ConfigError(
            "the metrics endpoint needs prometheus-client: pip install 'keycrypt-kcp1[metrics]'", key="metrics.enabled"
        ) from None
    return prometheus_client


class Metrics:
    """One daemon's registry, its collector and (once started) its HTTP endpoint."""

    def __init__(self, role: str) -> None:
        if role not in ("keypad", "client"):
            raise ValueError(role)
        pc = _prometheus()
        self.role = role
        self.snapshot: dict[str, Any] = {}
        self.registry = pc.CollectorRegistry(auto_describe=True)
        self.registry.register(_Collector(self))
        self.breaches = pc.Counter(
            "keycrypt_keypad_breaches", "Breaches seen while armed (sensor or keypad breach)", registry=self.registry
        ) if role == "keypad" else None
        self.rtt = pc.Histogram(
            "keycrypt_client_rtt_seconds", "PING sent to its PONG verified", ["keypad"], buckets=RTT_BUCKETS,
            registry=self.registry,
        ) if role == "client" else None
        self._server: Any = None

    def start(self, host: str, port: int) -> tuple[str, int]:
        """Serve /metrics on host:port in a thread of its own (ConfigError naming metrics.port if taken)."""
        pc = _prometheus()
        try:
            server, _thread = pc.start_http_server(port, addr=host, registry=self.registry)
        except OSError as exc:
            raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror or exc}", key="metrics.port") from None
        self._server = server
        return host, int(server.server_address[1])

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    async def refresh_every(self, snapshot: Callable[[], dict[str, Any]], period: float = 1.0) -> None:
        """Copy the daemon's status for the scrape thread, in the daemon's own loop."""
        while True:
            try:
                self.snapshot = dict(snapshot())
            except Exception:  # a status that cannot be built now is skipped, never fatal
                pass
            await asyncio.sleep(period)

    # --- observers (called in the daemon's loop) -------------------------------------------

    def keypad_event(self, event: str, **fields: Any) -> None:
        if event == "alarm" and fields.get("reason") == "breach" and self.breaches is not None:
            self.breaches.inc()  # the table raised the alarm: a breach that counted

    def client_event(self, event: str, **fields: Any) -> None:
        if event == "heartbeat" and self.rtt is not None and fields.get("rtt") is not None:
            self.rtt.labels(str(fields.get("keypad"))).observe(float(fields["rtt"]))


class _Collector:
    """Gauges built from the latest snapshot at scrape time."""

    def __init__(self, metrics: Metrics) -> None:
        self.m = metrics

    def describe(self) -> list[Any]:
        return []

    def collect(self) -> Iterator[Any]:
        from prometheus_client.core import GaugeMetricFamily

        snap = self.m.snapshot
        if self.m.role == "keypad":
            yield from self._keypad(snap, GaugeMetricFamily)
        else:
            yield from self._client(snap, GaugeMetricFamily)

    @staticmethod
    def _keypad(snap: dict[str, Any], G: Any) -> Iterator[Any]:
        state = G("keycrypt_keypad_state", "The keypad's state (1 for the current one)", labels=["state"])
        for s in DEVICE_STATES:
            state.add_metric([s], 1.0 if snap.get("state") == s else 0.0)
        yield state
        clients = snap.get("clients") or []
        yield G("keycrypt_keypad_sessions", "Open client sessions", value=len(clients))
        missing = snap.get("missing") or []
        enrolled = snap.get("enrolled") or []
        yield G("keycrypt_keypad_enrolled_clients", "Clients in [clients.enrolled]", value=len(enrolled))
        yield G("keycrypt_keypad_missing_clients", "Enrolled clients without a verified session", value=len(missing))
        per = G("keycrypt_keypad_client_missing", "1 when this enrolled client has no verified session", labels=["client_id"])
        for cid in enrolled:
            per.add_metric([str(cid)], 1.0 if cid in missing else 0.0)
        yield per
        seen = G("keycrypt_keypad_client_last_seen_seconds", "Seconds since the client's last frame", labels=["client_id"])
        for c in clients:
            if c.get("client_id"):
                seen.add_metric([str(c["client_id"])], float(c.get("last_seen_ago") or 0.0))
        yield seen
        pin = snap.get("pin") or {}
        yield G("keycrypt_keypad_pin_failures", "Consecutive wrong PINs (reset by a correct one)", value=float(pin.get("failures") or 0))
        locked = float(pin.get("locked_until") or 0.0) > time.time()
        yield G("keycrypt_keypad_pin_locked_out", "1 while PIN entry is locked out by the backoff", value=1.0 if locked else 0.0)

    @staticmethod
    def _client(snap: dict[str, Any], G: Any) -> Iterator[Any]:
        phases = sorted(set(PHASE["client_session"].values()))
        state = G("keycrypt_client_keypad_state", "Session phase per keypad (1 for the current one)", labels=["keypad", "phase"])
        age = G("keycrypt_client_last_answer_age_seconds", "Age of the last verified PONG per keypad", labels=["keypad"])
        now = time.time()
        for k in snap.get("keypads") or []:
            current = PHASE["client_session"].get(str(k.get("state")), "closed")
            for ph in phases:
                state.add_metric([str(k.get("keypad")), ph], 1.0 if ph == current else 0.0)
            if k.get("last_pong_at") is not None:
                age.add_metric([str(k.get("keypad"))], max(0.0, now - float(k["last_pong_at"])))
        yield state
        yield age
        yield G("keycrypt_client_lockdown", "1 once the lockdown fired", value=1.0 if snap.get("lockdown") else 0.0)
        yield G("keycrypt_client_dry_run", "1 when dry-run is on (nothing destructive runs)", value=1.0 if snap.get("dry_run") else 0.0)
