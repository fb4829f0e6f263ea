"""The tool's version (pyproject.toml reads it from here; records name it)."""

__version__ = "0.2.0"
