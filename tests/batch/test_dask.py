"""The Dask engine gives the same records, in the same order, as the local engine."""
import json

import pytest

from .conftest import read_lines, write_articles

pytest.importorskip("dask.bag")


def shard_records(folder):
    return [r for shard in sorted(folder.glob("part-*.jsonl")) for r in read_lines(shard)]


@pytest.mark.parametrize("scheduler", ["synchronous", "processes"])
def test_dask_engine_matches_local_engine(tmp_path, cli, monkeypatch, scheduler):
    import pipeline.batch.dask_engine as dask_engine

    monkeypatch.setattr(dask_engine, "FILES_PER_SHARD", 4)
    write_articles(tmp_path / "in", 9)
    (tmp_path / "in" / "z.jsonl").write_text(
        json.dumps({"id": "r1", "text": "The bank's app failed on Monday."}) + "\n{broken\n"
    )
    local = tmp_path / "local.jsonl"
    assert cli(tmp_path / "in", "-o", local, "-w", "2").exit_code == 1
    shards = tmp_path / "shards"
    (shards).mkdir()
    (shards / "part-00099.jsonl").write_text("stale shard of an earlier run\n")
    result = cli(tmp_path / "in", "-o", shards, "--engine", "dask", "--scheduler", scheduler)
    assert result.exit_code == 1, result.stderr
    assert "1 of 11 documents failed" in result.stderr and "z.jsonl:2: not valid JSON" in result.stderr
    assert sorted(p.name for p in shards.iterdir()) == ["part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]
    assert shard_records(shards) == read_lines(local)


def test_dask_engine_refuses_a_file_as_output(tmp_path, cli):
    write_articles(tmp_path / "in", 2)
    target = tmp_path / "out.jsonl"
    target.write_text("")
    result = cli(tmp_path / "in", "-o", target, "--engine", "dask")
    assert result.exit_code == 2 and "is a file" in result.stderr
