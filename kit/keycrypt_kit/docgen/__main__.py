"""``python -m keycrypt_kit.docgen [--check]``: write (or check) the generated documentation pages."""

import sys

from keycrypt_kit.docgen.pages import main

sys.exit(main())
