"""Each record names the tool's version and a hash of the rule data."""
from __future__ import annotations

import shutil
from importlib.metadata import version

from pipeline import __version__, extract
from pipeline.provenance import RESOURCES, rules_sha256
from pipeline.run import error_record


def test_version_is_the_installed_packages():
    assert version("outage-extract") == __version__


def test_article_and_error_records_carry_the_producer():
    record = extract("Slack went down on Monday.", reference_date="2024-01-10")
    assert record.producer.name == "outage-extract"
    assert record.producer.version == __version__
    assert record.producer.rules_sha256 == rules_sha256()
    assert error_record("d", None, "bad").producer == record.producer


def test_rules_hash_follows_the_rule_files(tmp_path):
    copy = tmp_path / "resources"
    shutil.copytree(RESOURCES, copy)
    assert rules_sha256(copy) == rules_sha256()
    (copy / "notes.txt").write_text("not rule data")
    assert rules_sha256(copy) == rules_sha256()
    rule_file = next(copy.rglob("*.json"))
    rule_file.write_bytes(rule_file.read_bytes() + b"\n")
    edited = rules_sha256(copy)
    assert edited != rules_sha256()
    rule_file.rename(rule_file.with_name("renamed.json"))
    assert rules_sha256(copy) not in (edited, rules_sha256())
