"""Half-open connections (accepted, no HELLO yet), oldest first, bounded overall and per source address.

A peer that opens connections and sends nothing must not lock out the
clients that boot next. Refusing the *newest* connection when the slots were
full did exactly that (70 idle connections from one peer: every booting client
was refused, and locked down). Here a new connection is always taken and an
*old* half-open one makes room (:meth:`HalfOpen.admit`):

1. when the new connection's source address already holds its share
   (``max_per_source``) and the oldest of them has been idle for
   ``grace`` seconds, that one is evicted;
2. else, when all ``max_total`` slots are taken, the oldest connection of the
   source that holds the most is evicted.

In both, a *quiet* connection (no byte received yet) goes before one that has
sent something: under a flood the kernel's accept queue delays every accept,
and a genuine client's HELLO is then already waiting in its socket when it is
accepted, while an idle flood's connections have nothing to say.

A genuine client sends its HELLO within milliseconds of connecting and so
leaves the half-open set long before it is the oldest of anything; a fleet
booting at once behind one address is not cut down to its share (its
connections are younger than ``grace``); and an attacker, holding the most,
mostly evicts its own connections.
"""

from __future__ import annotations

from typing import Generic, Hashable, TypeVar

C = TypeVar("C", bound=Hashable)

GRACE = 0.5
"""Seconds a half-open connection may wait for its HELLO before its source's share applies to it."""


class HalfOpen(Generic[C]):
    """Insertion-ordered half-open connections, overall and per source, with admission time and quietness."""

    def __init__(self, max_total: int, max_per_source: int, grace: float = GRACE) -> None:
        self.max_total = max_total
        self.max_per_source = max_per_source
        self.grace = grace
        self._all: dict[C, str] = {}
        self._by_source: dict[str, dict[C, float]] = {}
        self._heard: set[C] = set()

    def __len__(self) -> int:
        return len(self._all)

    def __contains__(self, conn: object) -> bool:
        return conn in self._all

    def per_source(self, source: str) -> int:
        return len(self._by_source.get(source, ()))

    def heard(self, conn: C) -> None:
        """``conn`` has sent bytes (its HELLO is on its way): evict quiet connections before it."""
        if conn in self._all:
            self._heard.add(conn)

    def _victim(self, conns: dict[C, float], older_than: float | None = None) -> C | None:
        """The oldest quiet connection of ``conns`` (else the oldest), admitted before ``older_than`` if given."""
        fallback: C | None = None
        for c, since in conns.items():
            if older_than is not None and since > older_than:
                break
            if c not in self._heard:
                return c
            if fallback is None:
                fallback = c
        return fallback

    def admit(self, conn: C, source: str, now: float, *, heard: bool = False) -> list[C]:
        """Add ``conn``; return the connections to evict (already removed here) to make room for it."""
        evict: list[C] = []
        mine = self._by_source.get(source)
        if mine is not None and len(mine) >= self.max_per_source:
            victim = self._victim(mine, older_than=now - self.grace)
            if victim is not None:
                evict.append(victim)
        if not evict and len(self._all) >= self.max_total:
            victim = self._victim(max(self._by_source.values(), key=len))
            assert victim is not None
            evict.append(victim)
        for old in evict:
            self.remove(old)
        self._all[conn] = source
        self._by_source.setdefault(source, {})[conn] = now
        if heard:
            self._heard.add(conn)
        return evict

    def remove(self, conn: C) -> bool:
        """Forget ``conn`` (its HELLO came, or it closed); False if it was not half-open."""
        source = self._all.pop(conn, None)
        if source is None:
            return False
        self._heard.discard(conn)
        mine = self._by_source[source]
        del mine[conn]
        if not mine:
            del self._by_source[source]
        return True
