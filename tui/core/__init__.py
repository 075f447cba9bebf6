"""The domain: applications, stages, deadline rules, settings. No Textual here.

Each module is imported by its own name (`from tui.core.model import Application`): importing one
(the command line's text checks, say) does not load them all.
"""
