"""The package version, kept in one place so pyproject and the code agree."""

__version__ = "0.1.0"
