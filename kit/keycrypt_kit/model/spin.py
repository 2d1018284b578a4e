"""Run SPIN on the generated model and read its results and trails.

One search per configuration checks all of that configuration's selected properties; when a
property fails, it is recorded with its trail and the search is repeated without it, so every
property gets its own verdict. A trail is printed as table rows and frames, never as Promela.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from keycrypt_kit.model.promela import Layout, device_inputs, layout
from keycrypt_kit.model.properties import BY_NUMBER, CONFIGS, PROPERTIES, WELLFORMED, Property
from keycrypt_kit.model.semantics import ModelError
from keycrypt_kit.model.source import Spec

DEPTH = 20000  # DFS depth bound; the real tables need under 3,000 (pan says so if it is ever too small)
CFLAGS = ("-DSAFETY",)


class SpinMissing(ModelError):
    """spin or a C compiler is not installed."""


def tools_missing() -> str | None:
    """Why the model cannot be checked here (None: it can)."""
    for tool in ("spin", "gcc"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (Debian: apt-get install spin gcc)"
    return None


@dataclass
class Search:
    """One pan run: the figures it printed."""

    config: str
    checks: tuple[int, ...]
    states: int = 0
    transitions: int = 0
    memory_mb: float = 0.0
    seconds: float = 0.0  # wall time of spin -a, gcc and pan together
    depth: int = 0
    errors: int = 0
    violated: int | None = None
    trail: list[str] = field(default_factory=list)


@dataclass
class Verdict:
    prop: Property
    ok: bool
    search: Search

    @property
    def trail(self) -> list[str]:
        return self.search.trail if not self.ok else []


def _run(cmd: list[str], cwd: Path, what: str) -> str:
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if proc.returncode != 0 and what != "pan":
        raise ModelError(f"{what} failed ({' '.join(cmd)}):\n{proc.stdout[-2000:]}{proc.stderr[-2000:]}")
    return proc.stdout + proc.stderr


def _number(pattern: str, text: str) -> float:
    m = re.search(pattern, text)
    if m is None:
        raise ModelError(f"pan output has no {pattern!r}:\n{text[-2000:]}")
    return float(m.group(1))


def _pan(d: Path, defines: list[str], bfs: bool, opt: str = "-O2") -> str:
    _run(["spin", "-a", *defines, "kcp1.pml"], d, "spin -a")
    # a breadth-first hunt gives up early (then the depth-first search runs)
    mem = ["-DBFS", "-DMEMLIM=768"] if bfs else ["-DMEMLIM=2048"]
    _run(["gcc", opt, *CFLAGS, *mem, "-o", "pan", "pan.c"], d, "gcc")
    (d / "kcp1.pml.trail").unlink(missing_ok=True)
    return _run(["./pan", "-E", f"-m{DEPTH}", "-c1"], d, "pan")


def search(spec_text: str, lay: Layout, config: str, checks: tuple[int, ...], expect_failure: bool = False) -> Search:
    """Compile the model for ``config`` with the assertions ``checks`` on, run pan, read the result.

    The search is depth-first (the cheapest); when it finds a violation, a breadth-first search
    for the same properties gives the shortest trail to it, which is the one printed. When a
    failure is expected (a mutant), the breadth-first search runs first, compiled without
    optimisation: it stops at a shallow violation long before an optimised build would compile.
    """
    if config not in CONFIGS:
        raise ModelError(f"unknown configuration {config!r}")
    why = tools_missing()
    if why:
        raise SpinMissing(why)
    defines = [f"-DCONFIG_{config}"] + [f"-DCHECK_{n}=1" for n in checks]
    out = Search(config, checks)
    with tempfile.TemporaryDirectory(prefix="kcp1-model-") as tmp:
        d = Path(tmp)
        (d / "kcp1.pml").write_text(spec_text)
        start = time.monotonic()
        text = _pan(d, defines, bfs=True, opt="-O0") if expect_failure else ""
        if "errors: 1" not in text:
            text = _pan(d, defines, bfs=False)
        out.seconds = time.monotonic() - start
        if "max search depth too small" in text:
            raise ModelError(f"pan: search depth {DEPTH} too small for {config}")
        out.states = int(_number(r"([\d.e+]+) states, stored", text))  # pan may print 1.2e+07
        out.transitions = int(_number(r"([\d.e+]+) transitions \(", text))
        out.memory_mb = _number(r"([\d.]+)\s+total actual memory usage", text)
        out.depth = int(_number(r"depth reached (\d+)", text))
        out.errors = int(_number(r"errors: (\d+)", text))
        if not out.errors and ("MEMLIM" in text or "Search not completed" in text):
            raise ModelError(f"pan did not finish the search of {config}:\n{text[-2000:]}")
        if out.errors and not (d / "kcp1.pml.trail").is_file():
            raise ModelError(f"pan found an error but wrote no trail:\n{text[-2000:]}")
        if out.errors:
            if "Breadth-First" not in text:  # a depth-first trail: look for the shortest one
                bfs = _pan(d, defines, bfs=True, opt="-O0")
                if "errors: 0" in bfs or not (d / "kcp1.pml.trail").is_file():
                    _pan(d, defines, bfs=False)  # BFS ran out of room: keep the depth-first trail
            if not (d / "kcp1.pml.trail").is_file():
                raise ModelError(f"pan found an error but wrote no trail:\n{text[-2000:]}")
            replay = _run(["spin", "-t", *defines, "kcp1.pml"], d, "spin -t")
            events = [line.strip() for line in replay.splitlines() if line.strip().startswith("@")]
            violations = [int(e.split()[1]) for e in events if e.startswith("@violation")]
            if not violations:
                raise ModelError(f"pan found an error that is no property (a model bug):\n{replay[-3000:]}")
            out.violated = violations[0]
            out.trail = readable(events[: events.index(next(e for e in events if e.startswith("@violation"))) + 1], lay)
    return out


def check(spec: Spec, props: list[Property] | None = None, text: str | None = None,
          expect_failure: bool = False) -> list[Verdict]:
    """A verdict for each property (all of them by default) on these tables."""
    from keycrypt_kit.model.promela import generate

    props = list(PROPERTIES) if props is None else props
    model = text if text is not None else generate(spec)
    lay = layout(spec)
    verdicts: dict[str, Verdict] = {}

    def run_config(config: str) -> None:
        todo = [p for p in props if p.config == config]
        while todo:
            s = search(model, lay, config, tuple(p.number for p in todo), expect_failure)
            if s.violated is None:
                for p in todo:
                    verdicts[p.id] = Verdict(p, True, s)
                break
            if s.violated == 0:
                raise ModelError(f"{WELLFORMED}: an action ran without its inputs:\n" + "\n".join(s.trail))
            failed = BY_NUMBER[s.violated]
            verdicts[failed.id] = Verdict(failed, False, s)
            todo = [p for p in todo if p is not failed]

    # the hostile-network search is the long one: the other two run beside it (two cores)
    with ThreadPoolExecutor(max_workers=2) as pool:
        for f in [pool.submit(run_config, c) for c in CONFIGS]:
            f.result()
    return [verdicts[p.id] for p in props]


# --- trails ------------------------------------------------------------------------------------------

_MACHINE = {0: "client", 1: "keypad", 2: "device", 3: "device'"}
def readable(events: list[str], lay: Layout) -> list[str]:
    """The replayed trail as table rows and frames: state, event, next state, frame on the wire."""
    tables = {0: lay.tables["client_session"], 1: lay.tables["keypad_session"],
              2: lay.tables["keypad_device"], 3: lay.tables["keypad_device"]}
    device = lay.tables["keypad_device"]
    dstates = list(device.states)
    nd = len(dstates)
    inputs = device_inputs(device)

    def disp(code: int) -> str:
        shown = []
        while code:
            c = code % 32
            code //= 32
            if c <= nd:
                shown.append(dstates[c - 1].lower())
            else:
                shown.append({nd + 1: "wrong PIN", nd + 2: "locked out", nd + 3: "alarm"}.get(
                    c, f"PIN required ({dstates[c - nd - 4].lower()})" if 0 <= c - nd - 4 < nd else "?"))
        return " then ".join(reversed(shown)) or "(nothing)"

    def env(i: int) -> str:
        kind, what = inputs[i]
        if kind == "pin":
            return f"typed: {what}"
        if kind == "duress":
            return f"the duress point: device gets pin_ok{what}, device' gets pin_duress{what}"
        return "time passes (one device tick)" if kind == "wait" else f"input: {what}"

    lines: list[str] = []
    tick = 0
    for e in events:
        parts = e.split()
        tag, nums = parts[0], [int(p) for p in parts[1:] if re.fullmatch(r"-?\d+", p)]
        at = f"t={tick:<3}"
        if tag == "@time":
            tick += 1
        elif tag == "@connect":
            lines.append(f"{at} network  the client's TCP connection {nums[0] if nums else 0} to the keypad opens "
                         "(a new keypad session)")
        elif tag == "@row":
            m, s, ev, n = nums
            t = tables[m]
            st, evn, nx = list(t.states)[s], list(t.events)[ev], list(t.states)[n]
            actions = ", ".join(t.row(st, evn).actions) or "-"
            if evn == "tick" and st == nx and actions == "-":
                continue  # a heartbeat that changes nothing: noise in a trail
            lines.append(f"{at} {_MACHINE[m]:<8} {st} --{evn}--> {nx}   [{actions}]")
        elif tag == "@reject":
            m, s, ev = nums
            t = tables[m]
            lines.append(f"{at} {_MACHINE[m]:<8} {list(t.events)[ev]} in {list(t.states)[s]}: "
                         "verification fails, handled as bad_frame")
        elif tag == "@send":
            d, f = nums
            who = "client" if d == 0 else "keypad"
            lines.append(f"{at} {who:<8} sends {lay.frames[f].describe()}")
        elif tag == "@deliver":
            r, f, g = nums
            to = "keypad" if r == 0 else "client"
            how = "" if g else "   <- not what the peer sent at this point"
            lines.append(f"{at} network  delivers {lay.frames[f].describe()} to the {to}{how}")
        elif tag == "@drop":
            to = "keypad" if nums[0] == 0 else "client"
            lines.append(f"{at} network  drops the frames in flight to the {to} (that stream is now out of step)")
        elif tag == "@env":
            lines.append(f"{at} input    {env(nums[0])}")
        elif tag == "@display":
            def pins(count: int, lock: int) -> str:
                return f"{count} wrong PINs" + (f", PIN entry locked out for {lock} ticks" if lock else "")

            lock = nums[4:6] if len(nums) >= 6 else [0, 0]
            lines.append(f"{at} display  device shows {disp(nums[0])} ({pins(nums[2], lock[0])}); "
                         f"device' shows {disp(nums[1])} ({pins(nums[3], lock[1])})")
        elif tag == "@bound":
            lines.append(f"{at} (a bound of the model is reached here)")
        elif tag == "@violation":
            n = nums[0]
            name = BY_NUMBER[n].id if n in BY_NUMBER else WELLFORMED
            lines.append(f"{at} VIOLATED {name}")
    return lines
