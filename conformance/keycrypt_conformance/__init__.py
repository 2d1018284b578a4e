"""Conformance runner: checks any KCP/1 implementation against the vectors of ``keycrypt-kcp1-vectors``.

Modes: ``shim`` (keycrypt_conformance.shim), and the live ``keypad`` and
``client`` modes. Shared case selection, config and results:
keycrypt_conformance.runner; reports: keycrypt_conformance.report. The shim
and keypad modes need nothing but the vectors; the reference shim
(reference_shim, reference, mutants) and the client mode drive the reference
implementation and need the ``reference`` extra (the ``keycrypt-kcp1`` runtime).
"""
