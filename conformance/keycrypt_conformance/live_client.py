"""Live client mode: the runner is the keypad; the client under test is started per scenario.

The runner listens on 127.0.0.1 with a sans-IO :class:`KeypadSession`
holding the test key (the seed of ``vectors/sessions.json``, whose public
key is ``vectors/keypad_test_pubkey.bin``), starts the client from a
command template, and misbehaves as the scenario says (a flipped tag, a
replayed or re-MAC'd PONG, a status order, silence, EOF, another key).
It watches the lockdown hook (a file the hook command creates): it must
appear within deadline + slack when the scenario requires a lockdown, and
never otherwise.

Template placeholders: ``{host}``, ``{port}``, ``{pubkey}`` (the keypad's
public key file), ``{hook}`` (a shell command the client must run on
lockdown), ``{workdir}`` (a fresh directory per scenario), ``{config}``
(a reference-client TOML config the runner writes there, with the hook as
a ``command`` ladder step), ``{interval}`` (heartbeat seconds) and
``{rekey_log2}``.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import shlex
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from keycrypt.constants import FrameType
from keycrypt.constants import Status as WireStatus
from keycrypt.crypto.kem import get_backend
from keycrypt.crypto.schedule import mac
from keycrypt.machines.actions import Close, Send
from keycrypt.machines.keypad import KeypadSession
from keycrypt_conformance.runner import Case, CaseStatus, Config, ConformanceError, Result, default_vectors_dir

FILE = "client-live"


@dataclass(frozen=True)
class Scenario:
    id: str
    comment: str
    lockdown: bool  # must the hook fire?
    rekey_log2: int = 24
    pongs: int = 8  # PONGs to answer before the check (normal runs) or before misbehaving


SCENARIOS: tuple[Scenario, ...] = (
    Scenario("normal", "answers every PING correctly: no lockdown within N heartbeats", False),
    Scenario("hello-ack-bad-tag", "HELLO_ACK's tag has its last bit flipped", True, pongs=0),
    Scenario("pong-bad-tag", "a PONG's tag has its last bit flipped", True, pongs=2),
    Scenario("pong-replayed", "the previous PONG is sent again instead of the answer", True, pongs=2),
    Scenario("pong-skips-counter", "a correctly tagged PONG with counter + 1", True, pongs=2),
    Scenario("pong-unknown-status", "a correctly tagged PONG with status 3", True, pongs=2),
    Scenario("pong-lockdown-order", "a correctly tagged PONG with status LOCKDOWN", True, pongs=2),
    Scenario("silence", "no answer after some PONGs: the deadline passes", True, pongs=2),
    Scenario("eof", "the keypad closes the connection after some PONGs", True, pongs=2),
    Scenario("rekey", "rekey_log2 = 4: REKEY after 16 PINGs, REKEY_ACK accepted, no lockdown", False,
             rekey_log2=4, pongs=20),
    Scenario("wrong-key", "the keypad answers with another key pair", True, pongs=0),
)


def cases() -> list[Case]:
    """The scenarios as runner cases, so -k, --list, the config and the reports work unchanged."""
    return [Case(FILE, i + 1, f"client/{s.id}", "client.live", s.comment, ("Live",), {"scenario": s.id}, None,
                 "invalid" if s.lockdown else "valid", "lockdown" if s.lockdown else None, None)
            for i, s in enumerate(SCENARIOS)]


def test_seed(vectors: Path | None = None) -> bytes:
    data = json.loads(((vectors or default_vectors_dir()) / "sessions.json").read_text(encoding="utf-8"))
    for group in data["testGroups"]:
        for t in group["tests"]:
            seed = t["input"].get("setup", {}).get("seed")
            if seed:
                return bytes.fromhex(seed)
    raise ValueError("sessions.json holds no keypad seed")


REFERENCE_CONFIG = """\
client_id = "conformance-01"
heartbeat_interval = {interval}
detect_multiplier = 3
rekey_log2 = {rekey_log2}
boot_grace = "10s"
audit_log = {audit}
status_file = {status}
dry_run = false

[[keypads]]
host = "{host}"
port = {port}
pubkey = {pubkey}

[lockdown]
[[lockdown.steps]]
action = "audit"
[[lockdown.steps]]
action = "command"
argv = ["/bin/sh", "-c", {hook}]
"""


@dataclass
class Settings:
    cmd: str
    pubkey: Path
    seed: bytes
    interval: float = 0.1
    slack: float = 1.5
    start_timeout: float = 10.0  # seconds for the client's first HELLO


class _Keypad:
    """One scenario's keypad: a KeypadSession behind a listener, misbehaving on cue."""

    def __init__(self, scenario: Scenario, seed: bytes) -> None:
        self.sc = scenario
        key_seed = hashlib.sha256(b"another keypad" + seed).digest() * 2 if scenario.id == "wrong-key" else seed
        self.key = get_backend("cryptography").from_seed(key_seed)
        self.hello = asyncio.Event()
        self.misbehaved = asyncio.Event()
        self.done = asyncio.Event()  # normal runs: enough PONGs answered
        self.pongs = 0
        self.rekeys = 0
        self.closed_by_client = False
        self._last_pong = b""

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        loop = asyncio.get_running_loop()
        s = KeypadSession(self.key, random=os.urandom, idle_timeout=60.0, hello_timeout=60.0)
        s.start(loop.time())
        try:
            while not s.terminal:
                data = await reader.read(65536)
                if not data:
                    self.closed_by_client = True
                    break
                if self.misbehaved.is_set():
                    continue  # silence: swallow everything
                status = WireStatus.ARMED
                for act in s.receive_data(data, loop.time(), int(status)):
                    if isinstance(act, Close):
                        writer.close()
                        return
                    if isinstance(act, Send):
                        out = self._mutate(s, act.data)
                        if out is None:
                            self.misbehaved.set()
                            if self.sc.id == "eof":
                                writer.close()
                                return
                            continue
                        writer.write(out)
                await writer.drain()
        except (ConnectionError, OSError, asyncio.CancelledError):
            pass  # the client went away, or the scenario is over
        finally:
            writer.close()

    def _mutate(self, s: KeypadSession, data: bytes) -> bytes | None:
        """The frame to send instead of ``data``; None = send nothing (silence/EOF)."""
        ft = data[3]
        sc = self.sc
        if ft == FrameType.HELLO_ACK:
            self.hello.set()
            if sc.id == "wrong-key":
                self.misbehaved.set()  # its tag is under the wrong key: the client must refuse it
                return data
            if sc.id == "hello-ack-bad-tag":
                self.misbehaved.set()
                return data[:-1] + bytes([data[-1] ^ 1])
            return data
        if ft == FrameType.REKEY_ACK:
            self.rekeys += 1
            return data
        if ft != FrameType.PONG:
            return data
        if self.pongs < sc.pongs or sc.id in ("normal", "rekey", "wrong-key"):
            self.pongs += 1
            self._last_pong = data
            if self.pongs >= sc.pongs:
                self.done.set()
            return data
        if sc.id in ("silence", "eof"):
            return None
        self.misbehaved.set()
        if sc.id == "pong-bad-tag":
            return data[:-1] + bytes([data[-1] ^ 1])
        if sc.id == "pong-replayed":
            return self._last_pong
        counter = int.from_bytes(data[6:10], "big")
        status = data[10]
        if sc.id == "pong-skips-counter":
            counter += 1
        elif sc.id == "pong-unknown-status":
            status = 3
        elif sc.id == "pong-lockdown-order":
            status = WireStatus.LOCKDOWN
        prefix = data[:6] + counter.to_bytes(4, "big") + bytes([status])  # raw: status 3 has no encoder
        assert s.keys is not None
        return prefix + mac(s.keys.k2c, prefix, s._challenge)


def _fill(template: str, values: dict[str, str]) -> str:
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError) as exc:
        raise ConformanceError(f"--cmd template: unknown or malformed placeholder {exc}") from None


async def play_scenario(sc: Scenario, st: Settings) -> str | None:
    """Run one scenario; None on pass, else what went wrong."""
    kp = _Keypad(sc, st.seed)
    server = await asyncio.start_server(kp.serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    deadline = 3 * st.interval
    with tempfile.TemporaryDirectory(prefix="kc-live-client-") as wd:
        work = Path(wd)
        fired = work / "lockdown-fired"
        hook = f"echo fired >> {shlex.quote(str(fired))}"
        q = json.dumps
        (work / "client.toml").write_text(REFERENCE_CONFIG.format(
            interval=st.interval, rekey_log2=sc.rekey_log2, audit=q(str(work / "audit.log")),
            status=q(str(work / "status.json")), host="127.0.0.1", port=port, pubkey=q(str(st.pubkey)),
            hook=q(hook)), encoding="utf-8")
        cmd = _fill(st.cmd, {"host": "127.0.0.1", "port": str(port), "pubkey": shlex.quote(str(st.pubkey)),
                             "hook": shlex.quote(hook), "workdir": shlex.quote(wd),
                             "config": shlex.quote(str(work / "client.toml")), "interval": str(st.interval),
                             "rekey_log2": str(sc.rekey_log2)})
        proc = subprocess.Popen(cmd, shell=True,  # noqa: ASYNC220 - Popen does not wait; _watch polls, killpg ends it
                                cwd=wd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, start_new_session=True)
        try:
            return await _watch(sc, kp, proc, fired, deadline, st)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            await asyncio.sleep(0.05)  # let the handler see the client's EOF
            server.close()
            await server.wait_closed()


async def _wait_file(path: Path, timeout: float) -> float | None:  # noqa: ASYNC109 - a polling helper: it returns at its bound instead of raising as asyncio.timeout would
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        if path.exists():  # noqa: ASYNC240 - one stat of a local temporary file
            return time.monotonic() - t0
        await asyncio.sleep(0.01)
    return None


async def _watch(sc: Scenario, kp: _Keypad, proc: subprocess.Popen[bytes], fired: Path, deadline: float,
                 st: Settings) -> str | None:
    try:
        await asyncio.wait_for(kp.hello.wait(), st.start_timeout)
    except TimeoutError:
        err = proc.stderr.read(2000).decode(errors="replace") if proc.poll() is not None and proc.stderr else ""
        return f"the client sent no HELLO within {st.start_timeout} s{': ' + err.strip() if err else ''}"
    if not sc.lockdown:
        horizon = (sc.pongs + 4) * st.interval * 2 + st.slack + 5.0
        try:
            await asyncio.wait_for(kp.done.wait(), horizon)
        except TimeoutError:
            return f"only {kp.pongs} PINGs answered within {horizon:.1f} s (expected {sc.pongs})"
        await asyncio.sleep(deadline + 0.2)
        if fired.exists():  # noqa: ASYNC240 - one stat of a local temporary file
            return "the lockdown hook fired where it must not"
        if sc.id == "rekey" and kp.rekeys < 1:
            return "no REKEY after the epoch's last PING"
        if proc.poll() is not None:
            return f"the client exited (status {proc.returncode}) during a correct run"
        return None
    try:
        await asyncio.wait_for(kp.misbehaved.wait(), (sc.pongs + 4) * st.interval * 2 + 5.0)
    except TimeoutError:
        return f"the scenario never reached its misbehaviour ({kp.pongs} PONGs answered)"
    t = await _wait_file(fired, deadline + st.slack)
    if t is None:
        return f"the lockdown hook did not fire within deadline + slack ({deadline + st.slack:.2f} s)"
    return None


def run(cases_: list[Case], st: Settings, config: Config, on_result: Callable[[Result], None],
        fail_fast: bool = False) -> tuple[dict[str, Any], list[Result]]:
    by_id = {f"client/{s.id}": s for s in SCENARIOS}
    results: list[Result] = []
    for case in cases_:
        t0 = time.perf_counter()
        reason = config.disabled_reason(case)
        if reason:
            res = Result(case, CaseStatus.DISABLED, reason)
        else:
            try:
                err = asyncio.run(play_scenario(by_id[case.id], st))
            except OSError as exc:
                err = f"could not run the client: {exc}"
            res = Result(case, CaseStatus.FAIL if err else CaseStatus.PASS, err or "", time.perf_counter() - t0)
        results.append(res)
        on_result(res)
        if fail_fast and res.status == CaseStatus.FAIL:
            break
    return {"implementation": st.cmd}, results
