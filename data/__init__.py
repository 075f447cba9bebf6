"""Demo data and default letter templates, shipped with the package."""
