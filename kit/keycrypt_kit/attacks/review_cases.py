"""Regression cases for the protocol items of issue 11 (the outside attack review).

Each case reproduces one attack of the review against the machines or, where
the review used sockets, against real daemons on 127.0.0.1, and passes only
when the attack fails closed.
"""

from __future__ import annotations

import asyncio
import os
import socket
import time

from keycrypt.errors import Reason
from keycrypt.machines.actions import Send
from keycrypt.machines.client import ClientConfig, ClientSession
from keycrypt.machines.keypad import KeypadSession
from keycrypt.wire.stream import FrameReader
from keycrypt_kit.attacks.catalogue import Outcome, case
from keycrypt_kit.harness import KEM, DetRandom, Pair, close_of, sends
from keycrypt_kit.rig import HOST, keypad_rig

# --- item 5: whole sessions replayed to the keypad ----------------------------------------------


@case("replay-whole-session", "records a client's HELLO and PINGs, then replays them to the keypad as a new session",
      "the keypad answers the HELLO with a fresh nonce, so the recorded PING fails its tag: closed, mac_failure, no PONG")
def replay_whole_session() -> Outcome:
    p = Pair.make(label="recorded")
    hello, _ = p.handshake()
    pings = [p.exchange()[0] for _ in range(3)]
    k = KeypadSession(p.key, random=DetRandom("replayed/keypad"))
    k.start(10.0)
    ack = sends(k.receive_data(hello, 10.1, 0))
    acts = k.receive_data(pings[0], 10.2, 0)
    closed = close_of(acts)
    pongs = sends(acts)
    ok = len(ack) == 1 and not pongs and closed is not None and closed.reason == Reason.MAC_FAILURE
    got = closed.reason.value if closed else "session kept"
    return Outcome(ok, f"replayed HELLO answered ({len(ack)} HELLO_ACK), recorded PING 0 -> {got}, {len(pongs)} PONGs")


@case("clone-keypad-session-move", "two keypads restored from one keystore: replays the client's HELLO to keypad B, then "
      "forwards the client's live link from A to B", "B's nonce differs from A's, so the client's next PING fails at B "
      "(closed: mac_failure) and the client, unanswered, locks down at its deadline")
def clone_keypad_session_move() -> Outcome:
    p = Pair.make(label="moved")
    hello, _ = p.handshake()
    p.exchange()
    b = KeypadSession(p.key, random=DetRandom("keypad-B"))  # same key pair, another instance
    b.start(p.now)
    sends(b.receive_data(hello, p.advance(), 0))  # the attacker's replayed HELLO; its HELLO_ACK is dropped
    ping = p.ping()
    acts = b.receive_data(ping, p.advance(), 0)  # the live link now ends at B
    closed = close_of(acts)
    answered = sends(acts)
    lock = p.client.timer(p.now + 10.0)
    locked = [a for a in lock if type(a).__name__ == "Lockdown"]
    ok = not answered and closed is not None and closed.reason == Reason.MAC_FAILURE and bool(locked)
    return Outcome(ok, f"B: {closed.reason.value if closed else 'answered the moved PING'}; client: "
                       f"{locked[0].reason.value if locked else 'still up'}")  # type: ignore[attr-defined]


@case("net-replay-whole-session", "records a live session with the reference keypad daemon (HELLO and 3 PINGs over TCP), "
      "then replays the recording on a new connection", "the keypad answers the replayed HELLO but closes at the recorded "
      "PING without a PONG", net=True)
def net_replay_whole_session() -> Outcome:
    return asyncio.run(_net_replay())


def _exchange(sock: socket.socket, reader: FrameReader, data: bytes) -> list[bytes]:
    """Send ``data``; the frames answered (none when the keypad closed)."""
    sock.sendall(data)
    while True:
        try:
            chunk = sock.recv(4096)
        except (ConnectionError, TimeoutError, socket.timeout):
            return []
        if not chunk:
            return []
        frames = reader.feed(chunk)
        if frames:
            return frames


def _record_and_replay(port: int, ek: bytes) -> tuple[int, int, str]:
    cfg = ClientConfig(ek=ek, client_id="recorded-host")
    client = ClientSession(cfg, kem=KEM, random=os.urandom)
    client.start(0.0, None)
    hello = b"".join(a.data for a in client.connected(0.0) if isinstance(a, Send))
    recorded: list[bytes] = []
    with socket.create_connection((HOST, port), timeout=2.0) as s:
        r = FrameReader()
        now = 0.0
        answers = _exchange(s, r, hello)
        client.receive_data(b"".join(answers), now)
        for _ in range(3):
            time.sleep(0.1)  # a client's pace (the keypad ends a session that PINGs sooner than 0.025 s)
            now += 0.5
            ping = b"".join(a.data for a in client.tick(now) if isinstance(a, Send))
            recorded.append(ping)
            client.receive_data(b"".join(_exchange(s, r, ping)), now)
    if client.state != "IDLE":
        return 0, 0, f"the recording session failed ({client.state})"
    with socket.create_connection((HOST, port), timeout=2.0) as s:
        r = FrameReader()
        acks = _exchange(s, r, hello)
        time.sleep(0.1)  # replayed at the recording's pace, so the keypad's pace check is not what stops it
        pongs = _exchange(s, r, recorded[0]) if acks else []
        s.settimeout(1.0)
        try:
            tail = s.recv(100)
            after = "closed" if not tail else f"{len(tail)} more bytes"
        except (ConnectionError, OSError):
            after = "closed"
    return len(acks), len(pongs), after


async def _net_replay() -> Outcome:
    async with keypad_rig() as (kd, ek, _, _):
        acks, pongs, after = await asyncio.to_thread(_record_and_replay, kd.bound[1], ek)
    ok = acks == 1 and pongs == 0 and after == "closed"
    return Outcome(ok, f"replayed HELLO -> {acks} HELLO_ACK; recorded PING 0 -> {pongs} PONG; then {after}",
                   {"pongs_to_replay": pongs})


# --- item 3: the exposure bound under a delaying proxy -------------------------------------------


@case("net-exposure-delayed-pong", "an on-path proxy holds every PONG for 0.15 s and swallows the keypad's close; "
      "the door is opened just after a PING passes (heartbeat 0.2 s, deadline 0.6 s; 3 trials)",
      "the client locks down at most one deadline after the breach (+0.15 s CI slack): reason deadline", net=True)
def net_exposure_delayed_pong() -> Outcome:
    from keycrypt_kit.faultproxy.proxy import exposure

    res = asyncio.run(exposure(3, interval=0.2, hold=0.15))
    worst = res["breach_to_lockdown_max"]
    ok = res["lockdowns"] == 3 and worst is not None and worst <= res["deadline"] + 0.15 and not res["notes"]
    return Outcome(ok, f"{res['lockdowns']}/3 locked down, breach -> lockdown max {worst} s (deadline {res['deadline']} s)"
                       + (f"; {res['notes']}" if res["notes"] else ""), res)


# --- item 4: pipelined PINGs from sessions the attacker keyed itself -------------------------------


def _pipeline_session(port: int, ek: bytes, n: int, i: int) -> tuple[int, bool]:
    """One attacker session: a real handshake (the attacker encapsulates, so it holds the session keys), then
    ``n`` valid PINGs in one write. Returns (PONGs received, whether the keypad closed the session)."""
    from keycrypt.crypto.schedule import mac
    from keycrypt.wire import fastpath

    client = ClientSession(ClientConfig(ek=ek, client_id=f"pipeliner-{i}"), kem=KEM, random=os.urandom)
    client.start(0.0, None)
    hello = b"".join(a.data for a in client.connected(0.0) if isinstance(a, Send))
    with socket.create_connection((HOST, port), timeout=3.0) as s:
        r = FrameReader()
        client.receive_data(b"".join(_exchange(s, r, hello)), 0.0)
        keys = client.keys
        if keys is None:
            return 0, False
        burst = b"".join(fastpath.ping_prefix(c, bytes(32)) + mac(keys.c2k, fastpath.ping_prefix(c, bytes(32)))
                         for c in range(n))
        try:
            s.sendall(burst)
        except OSError:
            return 0, True
        pongs, closed = 0, False
        s.settimeout(2.0)
        while True:
            try:
                chunk = s.recv(65536)
            except (TimeoutError, socket.timeout):
                break
            except OSError:
                closed = True
                break
            if not chunk:
                closed = True
                break
            pongs += len(r.feed(chunk))
        return pongs, closed


@case("net-pipelined-pings", "20 sessions keyed by the attacker itself (world-readable ek, require_enrolled off) each "
      "pipeline 2,000 valid PINGs in one write", "the keypad answers at most the first PING of each burst and ends "
      "every attacking session (pace_error); 5 legitimate clients keep their sessions", net=True)
def net_pipelined_pings() -> Outcome:
    return asyncio.run(_net_pipelined())


async def _net_pipelined(sessions: int = 20, n: int = 2000) -> Outcome:
    from keycrypt_kit.attacks.net_cases import _kept, _legit

    async with keypad_rig() as (kd, ek, fleet, _):
        port = kd.bound[1]
        if not await _legit(fleet, ek, port):
            return Outcome(False, "legitimate clients did not come up")
        before = dict(fleet.heartbeats)
        res = await asyncio.gather(*(asyncio.to_thread(_pipeline_session, port, ek, n, i) for i in range(sessions)))
        await asyncio.sleep(0.5)
        kept, legit = _kept(fleet, before)
    pongs = [p for p, _ in res]
    closed = sum(c for _, c in res)
    ok = max(pongs) <= 1 and closed == sessions and kept
    return Outcome(ok, f"{sessions} sessions x {n} pipelined PINGs: PONGs per session max {max(pongs)}, total "
                       f"{sum(pongs)}; closed by the keypad {closed}/{sessions}; {legit}",
                   {"pongs_max": max(pongs), "pongs_total": sum(pongs), "closed": closed})


# --- item 6: a booting client meets a keypad that is up but still sealed ----------------------------


@case("net-boot-sealed-keypad", "a client boots (boot grace 5 s) while the keypad daemon runs but is still sealed "
      "(it accepts and aborts every connection); the PIN unseals it 1.5 s later",
      "the client retries within its boot grace and establishes once the keypad is unsealed: no lockdown", net=True)
def net_boot_sealed_keypad() -> Outcome:
    return asyncio.run(_boot_sealed())


async def _boot_sealed() -> Outcome:
    import tempfile
    from pathlib import Path

    from keycrypt.daemon.keypad import KeypadDaemon, KeypadSettings
    from keycrypt.machines.device import DeviceConfig
    from keycrypt_kit.rig import PIN, Fleet, make_keystore, silenced, wait_for

    with silenced(), tempfile.TemporaryDirectory(prefix="kc-attack-") as d:
        ek = make_keystore(Path(d) / "keypad.key")
        kd = KeypadDaemon(KeypadSettings(keystore=Path(d) / "keypad.key", host=HOST, port=0, state_dir=Path(d) / "state",
                                         device=DeviceConfig(window_default=60.0)))
        await kd.start()  # sealed: no PIN yet
        fleet = Fleet()
        try:
            assert kd.bound is not None
            fleet.add(ek, kd.bound[1], "booting", boot_grace=5.0, heartbeat_interval=0.2)
            await asyncio.sleep(1.5)
            early = list(fleet.lockdowns)
            await kd.enter_pin(PIN, "arm")
            up = await wait_for(lambda: "booting" in fleet.established or fleet.lockdowns, 5.0)
        finally:
            await fleet.close()
            await kd.stop()
    ok = not early and up and "booting" in fleet.established and not fleet.lockdowns
    what = f"lockdown {early or fleet.lockdowns}" if (early or fleet.lockdowns) else "established after the unseal"
    return Outcome(ok, f"sealed for 1.5 s: {what}")


# --- item 11: a client_id that forges a log line ----------------------------------------------------


def _hello_with_id(cid: bytes, ek: bytes) -> bytes:
    """A HELLO with a real encapsulation to ``ek`` whose client_id bytes are ``cid`` (lengths consistent)."""
    import struct

    client = ClientSession(ClientConfig(ek=ek, client_id="x"), kem=KEM, random=os.urandom)
    client.start(0.0, None)
    hello = b"".join(a.data for a in client.connected(0.0) if isinstance(a, Send))
    body = hello[6:8] + bytes([len(cid)]) + cid + hello[10:]
    return hello[:4] + struct.pack(">H", len(body)) + body


@case("net-client-id-log-injection", "sends an unauthenticated HELLO whose client_id is "
      "'x\\nCRITICAL keycrypt.keypad event=alarm reason=breach' to the keypad daemon",
      "the keypad closes without a HELLO_ACK (parse_error: the client_id charset) and no log record carries the "
      "forged line", net=True)
def net_client_id_log_injection() -> Outcome:
    return asyncio.run(_log_injection())


async def _log_injection() -> Outcome:
    import logging

    forged = b"x\nCRITICAL keycrypt.keypad event=alarm reason=breach"
    records: list[str] = []

    class Catch(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record.getMessage())

    catch = Catch(level=logging.DEBUG)
    async with keypad_rig() as (kd, ek, _, _):
        logger = logging.getLogger("keycrypt")
        logger.addHandler(catch)
        old, logger.level = logger.level, logging.DEBUG
        try:
            def probe() -> tuple[int, bool]:
                with socket.create_connection((HOST, kd.bound[1]), timeout=3.0) as s:
                    s.sendall(_hello_with_id(forged, ek))
                    s.settimeout(2.0)
                    got = b""
                    try:
                        while chunk := s.recv(4096):
                            got += chunk
                        return len(got), True
                    except (TimeoutError, socket.timeout):
                        return len(got), False
                    except OSError:
                        return len(got), True

            answered, closed = await asyncio.to_thread(probe)
        finally:
            logger.removeHandler(catch)
            logger.level = old
    injected = [r for r in records if "\nCRITICAL" in r]
    ok = answered == 0 and closed and not injected
    return Outcome(ok, f"keypad answered {answered} bytes, closed: {closed}; log records carrying the forged line: "
                       f"{len(injected)}")


# --- item 2: one keypad (or one key pair) listed twice in a client's config -------------------------


@case("config-duplicate-keypads", "gives a client two [[keypads]] pinning one public key (a cloned keypad), and "
      "another config with one host and port listed twice", "the client refuses both configs at start with a "
      "ConfigError naming the second entry")
def config_duplicate_keypads() -> Outcome:
    import tempfile
    from pathlib import Path

    from keycrypt import config
    from keycrypt.daemon.client_settings import settings_from_config
    from keycrypt.errors import ConfigError
    from keycrypt.keystore import write_pubkey
    from keycrypt_kit.rig import make_keystore

    got: list[str] = []
    with tempfile.TemporaryDirectory() as d:
        p = Path(d)
        ek = make_keystore(p / "a.key")
        write_pubkey(p / "a.pub", ek)
        write_pubkey(p / "b.pub", ek)
        for name, body in (("same-key", 'host = "kp-a"\npubkey = "a.pub"\n[[keypads]]\nhost = "kp-b"\npubkey = "b.pub"\n'),
                           ("same-address", 'host = "kp-a"\npubkey = "a.pub"\n[[keypads]]\nhost = "kp-a"\n'
                                            'pubkey = "b.pub"\nport = 7447\n')):
            (p / f"{name}.toml").write_text(f'client_id = "web01"\n[[keypads]]\n{body}')
            try:
                settings_from_config(config.load_client_config(p / f"{name}.toml"))
                got.append(f"{name}: accepted")
            except ConfigError as exc:
                got.append(f"{name}: ConfigError {exc.key}")
    ok = got == ["same-key: ConfigError client.keypads[1].pubkey", "same-address: ConfigError client.keypads[1].host"]
    return Outcome(ok, "; ".join(got))
