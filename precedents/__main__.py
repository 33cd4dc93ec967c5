"""``python -m precedents`` runs the command line."""

from precedents.cli import run

run()
