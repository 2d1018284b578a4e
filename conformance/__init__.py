"""Conformance runner: checks any KCP/1 implementation against the vectors in vectors/.

Modes: ``shim`` (conformance.shim), and the live ``keypad`` and ``client``
modes. Shared case selection, config and results: conformance.runner;
reports: conformance.report.
"""
