"""`python -m ivr` runs the `ivr` command line."""

from ivr.cli import main

main()
