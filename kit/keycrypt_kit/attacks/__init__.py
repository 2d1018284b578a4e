"""The attack catalogue: each case plays an attacker against the real machines or daemons.

``python -m keycrypt_kit.attacks`` runs every case and prints a table; a case
passes only if the system failed closed (client locked down or keypad closed
the session) and never accepted a forged answer.
"""
