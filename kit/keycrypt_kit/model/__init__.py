"""A SPIN (Promela) model of KCP/1 generated from ``spec/tables/*.json`` and ``spec/constants.toml``.

The transitions are never copied by hand: :mod:`.promela` turns every table row into a
Promela branch, and :mod:`.semantics` says once what each *action name* does to the
abstract state. ``python -m keycrypt_kit.model generate|check|mutants`` drives it.
"""
