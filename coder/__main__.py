"""`python -m coder ...` is the `coder` command."""
import sys

from coder.cli import main

sys.exit(main())
