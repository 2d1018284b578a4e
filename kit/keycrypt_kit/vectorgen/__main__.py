"""``python -m keycrypt_kit.vectorgen``: the ``keycrypt-vectors`` command."""

import sys

from keycrypt_kit.vectorgen.cli import main

sys.exit(main())
