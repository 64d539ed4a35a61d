"""``python -m ouderbetrokkenheid``."""

from ouderbetrokkenheid.cli import run

run()
