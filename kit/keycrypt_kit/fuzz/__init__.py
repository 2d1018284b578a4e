"""Fuzzing KeyCrypt's parsers and machines: shared hypothesis strategies, targets and drivers.

Every target takes bytes and returns normally or raises one of the typed
errors in :data:`keycrypt_kit.fuzz.targets.TYPED`; anything else escaping is a
bug. The machine targets also check a security oracle: a forged answer is
never accepted and the keypad never answers a frame it could not have
authenticated.
"""
