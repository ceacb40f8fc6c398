"""Imported only by the extraction pool's fork server (its preload list, flows/extraction.py): the fork
server exits as soon as the process that started it (the run) has gone, even after ``kill -9``; its
workers follow through their parent-death signal (flows/lifeline.py)."""

from quantcheck.flows.lifeline import exit_with_parent

exit_with_parent()
