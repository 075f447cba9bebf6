"""Followup: a keyboard-driven terminal app for the days after a job interview."""

__version__ = "0.1.0"
