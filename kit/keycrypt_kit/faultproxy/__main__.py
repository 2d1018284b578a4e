"""``python -m keycrypt_kit.faultproxy``: a faulty TCP proxy, and the fault trials between real daemons."""

import sys

from keycrypt_kit.faultproxy.proxy import main

sys.exit(main())
