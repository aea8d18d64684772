"""Entry script of the frozen bundle: `vpaphone.frozen` decides what this start is for."""

import sys

from vpaphone.frozen import main

if __name__ == "__main__":
    sys.exit(main())
