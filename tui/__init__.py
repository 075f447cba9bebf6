"""Followup: a keyboard-driven terminal app for the days after a job interview."""

from tui._startup import defer_date_parser

__version__ = "0.1.0"

defer_date_parser()
