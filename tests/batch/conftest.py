import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

runner = CliRunner()

#: Outage-news sentences of our own, combined into many distinct small articles.
SENTENCES = (
    "Customers of a European bank could not log in to the mobile app on Tuesday morning.",
    "The airline said a failed network switch grounded check-in systems for three hours.",
    "Engineers rolled back a configuration change at 4:15 p.m. ET and service recovered.",
    "A power cut at a data centre in Frankfurt took the game's servers offline overnight.",
    "The telecom operator denied that a cyberattack was behind the outage.",
    "Users reported errors loading the payments API for about 45 minutes.",
    "It was the second disruption this month, the company said in a statement.",
    "Analysts suggested the storage cluster may have run out of capacity.",
)


def article(n: int) -> str:
    """A distinct article for each ``n`` (a few sentences, a unique token)."""
    picked = [SENTENCES[(n + k * 3) % len(SENTENCES)] for k in range(2 + n % 4)]
    return f"Outage report {n}. " + " ".join(picked) + f" Ticket INC{n:05d} was closed.\n"


def write_articles(folder: Path, count: int, start: int = 0) -> list:
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for n in range(start, start + count):
        name = f"doc{n:04d}"
        (folder / f"{name}.txt").write_text(article(n), encoding="utf-8")
        names.append(name)
    return names


def read_lines(path: Path) -> list:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture
def cli():
    from pipeline.cli.app import extract_app

    def invoke(*args, **kwargs):
        return runner.invoke(extract_app, [str(a) for a in args], **kwargs)

    return invoke
