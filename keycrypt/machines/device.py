"""The keypad as a device (PIN, sensor, maintenance window, duress), driven by ``keypad_device.json``.

Sans-IO like the sessions: the daemon checks a PIN (opening the keystore, or
comparing against the duress verifier) and reports only the result here.
``now`` is monotonic seconds (spec §9): a wall-clock step must neither stretch
a maintenance window nor shorten or lengthen a lock-out. The lock-out that
survives a restart is read back through :func:`restored_lockout`: the persisted counter
earns its full lock-out again from the restart, whatever the wall clock says.

The table owns every device decision the daemon used to take: the intent of
a PIN entry (``arm``/``disarm``/none) selects the event, what the keypad shows
is the table's ``shown`` column (a duress PIN leads to a ``DURESS_*`` state
that answers LOCKDOWN but shows what a correct PIN would have), and a request
the state refuses comes out as :class:`PinRequired`.

Two wrong-PIN counts (spec §9). The real one (``failures``, ``locked_until``)
only the real PIN clears; it bounds the guesses. The shown one
(``shown_failures``, ``shown_until``) is what the keypad shows and refuses by: a
duress PIN sets it to what the real PIN would have left, so nothing a person at
the keypad sees, the backoff included, tells the two PINs apart. While the real
backoff runs and the shown one does not (only after a duress PIN), a PIN other
than the duress PIN is not used: ``pin_unchecked`` shows it as a wrong PIN.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from keycrypt.constants import (
    MAINTENANCE_WINDOW,
    MAINTENANCE_WINDOW_MAX,
    PIN_BACKOFF_BASE,
    PIN_BACKOFF_FREE_ATTEMPTS,
    PIN_BACKOFF_MAX,
    Status,
)
from keycrypt.errors import LocalUsageError, Reason
from keycrypt.machines.actions import (
    AcceptClients,
    Action,
    Alarm,
    AttemptRejected,
    Display,
    DropAll,
    Logged,
    PinRequired,
    PinStateChanged,
    RecheckSensor,
    StatusChanged,
    Unseal,
    WindowClosed,
    WindowOpened,
)
from keycrypt.machines.engine import Step, TableMachine
from keycrypt.tables import load

PinResult = Literal["ok", "wrong", "duress"]
PinIntent = Literal["toggle", "arm", "disarm"]
INTENTS: tuple[str, ...] = ("toggle", "arm", "disarm")


@dataclass(frozen=True)
class DeviceConfig:
    window_default: float = MAINTENANCE_WINDOW
    window_max: float = MAINTENANCE_WINDOW_MAX
    backoff_free_attempts: int = PIN_BACKOFF_FREE_ATTEMPTS
    backoff_base: float = PIN_BACKOFF_BASE
    backoff_max: float = PIN_BACKOFF_MAX


def backoff_delay(failures: int, cfg: DeviceConfig = DeviceConfig()) -> float:
    """Seconds of lock-out after ``failures`` consecutive wrong PINs (doubling, capped)."""
    over = failures - cfg.backoff_free_attempts
    if over <= 0:
        return 0.0
    return min(cfg.backoff_base * 2.0 ** min(over - 1, 64), cfg.backoff_max)


def restored_lockout(failures: int, cfg: DeviceConfig = DeviceConfig()) -> float:
    """Seconds of lock-out after a restart (spec §9): the full lock-out the persisted counter earns.

    The wall clock may have been stepped while the keypad was down, so the
    persisted wall-clock end is not trusted: a restart restarts the lock-out from
    now. It never shortens it (a forward step cannot buy a free guess per
    restart), and it is never longer than ``backoff_delay(failures)`` (a backward
    step cannot refuse the correct PIN for a day).
    """
    return backoff_delay(failures, cfg)


class KeypadDevice(TableMachine):
    TABLE = load("keypad_device")
    _STATUS: dict[str, str | None] = TABLE.raw["status"]
    _SHOWN: dict[str, str] = TABLE.raw["shown"]

    def __init__(
        self,
        config: DeviceConfig | None = None,
        *,
        failures: int = 0,
        locked_until: float = 0.0,
        shown_failures: int | None = None,
        shown_until: float | None = None,
    ) -> None:
        """``shown_*`` default to the real count: they differ only after a duress PIN."""
        super().__init__()
        self.config = config or DeviceConfig()
        if failures < 0 or (shown_failures is not None and shown_failures < 0):
            raise LocalUsageError("a wrong-PIN count cannot be negative")
        self.failures = failures
        self.locked_until = locked_until
        self.shown_failures = failures if shown_failures is None else shown_failures
        self.shown_until = locked_until if shown_until is None else shown_until
        self.window_until: float | None = None
        self._window_request: float | None = None

    @classmethod
    def restarted(cls, config: DeviceConfig | None, *, failures: int, shown_failures: int, now: float) -> KeypadDevice:
        """The device after a restart, from the persisted counts: each earns its full lock-out again from
        ``now`` (:func:`restored_lockout`; the saved wall-clock ends are not trusted)."""
        cfg = config or DeviceConfig()

        def until(count: int) -> float:
            return now + restored_lockout(count, cfg) if count else 0.0

        return cls(cfg, failures=failures, locked_until=until(failures), shown_failures=shown_failures,
                   shown_until=until(shown_failures))

    @property
    def status(self) -> int | None:
        """The wire status sessions are answered with; None when sessions are refused."""
        name = self._STATUS[self.state]
        return None if name is None else int(Status[name])

    @property
    def shown(self) -> str:
        """The state the keypad shows (display, status): a duress state shows what a correct PIN would."""
        return self._SHOWN[self.state]

    def pin_allowed(self, now: float) -> bool:
        """Whether a PIN is checked now: outside the shown backoff (the daemon skips the costly check otherwise)."""
        return now >= self.shown_until

    # --- inputs --------------------------------------------------------------------

    def pin(
        self, result: PinResult, now: float, *, window: float | None = None, intent: PinIntent = "toggle"
    ) -> list[Action]:
        """A PIN was entered and checked; ``window`` asks for a maintenance window length.

        ``intent``: ``toggle`` (a bare PIN-pad entry), ``arm`` or ``disarm``; it
        picks the event (``pin_ok_arm``...), a wrong PIN has none.
        """
        if result not in ("ok", "wrong", "duress"):
            raise LocalUsageError(f"unknown PIN result {result!r}")
        if intent not in INTENTS:
            raise LocalUsageError(f"unknown PIN intent {intent!r}")
        if window is not None and not 0 < window <= self.config.window_max:
            raise LocalUsageError(f"maintenance window must be in (0, {self.config.window_max}] seconds")
        if not self.pin_allowed(now):
            return self._fire("pin_locked_out", now)
        if result != "duress" and now < self.locked_until:
            return self._fire("pin_unchecked", now)  # the real backoff runs: the result is not used
        self._window_request = window
        event = f"pin_{result}" if intent == "toggle" or result == "wrong" else f"pin_{result}_{intent}"
        return self._fire(event, now)

    def arm(self, now: float) -> list[Action]:
        return self._fire("arm", now)

    def breach(self, now: float) -> list[Action]:
        return self._fire("breach", now)

    def window_expired(self, now: float) -> list[Action]:
        """The window timer fired; early (extended since, or a timer that ran ahead), it is armed again."""
        if self.window_until is not None and now < self.window_until:
            return [WindowOpened(self.window_until)]
        self.window_until = None
        return self._fire("window_expired", now)

    def lockdown_order(self, now: float) -> list[Action]:
        return self._fire("lockdown_order", now)

    # --- actions -------------------------------------------------------------------

    def _next_status(self, step: Step) -> StatusChanged:
        name = self._STATUS[step.row.next]
        return StatusChanged(step.row.next, None if name is None else int(Status[name]))

    def _act_unseal(self, step: Step) -> None:
        step.out += [Unseal(), AcceptClients(True)]

    def _act_refuse_clients(self, step: Step) -> None:
        step.out.append(AcceptClients(False))

    def _act_accept_clients(self, step: Step) -> None:
        step.out.append(AcceptClients(True))

    def _act_drop_all(self, step: Step) -> None:
        step.out.append(DropAll(Reason.BREACH))

    def _act_status_changed(self, step: Step) -> None:
        change = self._next_status(step)
        step.out += [change, Display(self._SHOWN[step.row.next].lower())]

    def _act_publish_status(self, step: Step) -> None:
        step.out.append(self._next_status(step))

    def _pin_state(self) -> PinStateChanged:
        return PinStateChanged(self.failures, self.locked_until, self.shown_failures, self.shown_until)

    def _one_more(self, count: int, until: float, now: float) -> tuple[int, float]:
        """A count one wrong PIN on, and its lock-out end (started or lengthened once past the free attempts)."""
        delay = backoff_delay(count + 1, self.config)
        return count + 1, now + delay if delay else until

    def _act_record_failure(self, step: Step) -> None:
        self.failures, self.locked_until = self._one_more(self.failures, self.locked_until, step.now)
        self.shown_failures, self.shown_until = self._one_more(self.shown_failures, self.shown_until, step.now)
        step.out += [self._pin_state(), Display("wrong PIN")]

    def _act_pretend_failure(self, step: Step) -> None:
        self.shown_failures, self.shown_until = self._one_more(self.shown_failures, self.shown_until, step.now)
        step.out += [self._pin_state(), Display("wrong PIN")]

    def _act_hide_failures(self, step: Step) -> None:
        if self.shown_failures or self.shown_until:
            self.shown_failures, self.shown_until = 0, 0.0
            step.out.append(self._pin_state())

    def _act_reset_failures(self, step: Step) -> None:
        if self.failures or self.locked_until or self.shown_failures or self.shown_until:
            self.failures, self.locked_until, self.shown_failures, self.shown_until = 0, 0.0, 0, 0.0
            step.out.append(self._pin_state())

    def _act_reject_attempt(self, step: Step) -> None:
        step.out += [AttemptRejected(self.shown_until), Display("locked out")]

    def _act_open_window(self, step: Step) -> None:
        self.window_until = step.now + (self._window_request or self.config.window_default)
        step.out.append(WindowOpened(self.window_until))

    def _act_cancel_window(self, step: Step) -> None:
        self.window_until = None
        step.out.append(WindowClosed())

    def _act_recheck_sensor(self, step: Step) -> None:
        step.out.append(RecheckSensor())

    def _act_require_pin(self, step: Step) -> None:
        step.out.append(PinRequired(self._SHOWN[step.row.state]))

    def _act_alarm(self, step: Step) -> None:
        step.out.append(Alarm(Reason.BREACH))

    def _act_silent_alarm(self, step: Step) -> None:
        step.out.append(Alarm(Reason.BREACH, silent=True))

    def _act_log_event(self, step: Step) -> None:
        step.out.append(Logged(step.event, step.row.state))
