"""`python -m coder ...` is the `coder` command."""
import sys

from coder.cli import main

if __name__ == "__main__":   # importing the module (e.g. walking the package) runs nothing
    sys.exit(main())
