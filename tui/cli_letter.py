"""`followup letter`: print a filled letter, optionally record it as sent.

Stub: the letters work fills this in. cli.py calls register(subparsers).
"""

from __future__ import annotations


def register(subparsers) -> None:
    parser = subparsers.add_parser("letter", help="print a filled letter (not yet available)")
    parser.set_defaults(handler=lambda args: (print("followup letter: not yet available"), 2)[1])
