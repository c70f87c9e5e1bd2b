"""Version information."""

__version__ = "4.8.4"
