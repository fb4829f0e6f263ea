"""Command-line interface: ``outages`` (all commands) and ``extract`` (the main job)."""
from __future__ import annotations


def main() -> None:
    from .app import app

    app()


def extract_main() -> None:
    from .app import extract_app

    extract_app()
