"""The README's analysis examples run as written (``outages serve`` aside: test_serve.py)."""
import shlex
import shutil
import subprocess
import sys

import pytest

from tests.conftest import CORPUS, ROOT

ENTRY = {
    "extract": [sys.executable, "-c", "from pipeline.cli import extract_main; extract_main()"],
    "outages": [sys.executable, "-m", "pipeline.cli"],
}


def readme_blocks(section, language):
    text = (ROOT / "README.md").read_text()
    part = text.split(section, 1)[1].split("\n## ", 1)[0]
    fence = f"```{language}\n"
    return [chunk.split("```", 1)[0] for chunk in part.split(fence)[1:]]


def commands():
    block = readme_blocks("## Analysis", "bash")[0]
    lines = [line.split("  #", 1)[0].strip() for line in block.splitlines()]
    return [shlex.split(line) for line in lines if line and not line.startswith("outages serve")]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("readme")
    shutil.copytree(CORPUS, folder / "corpus")
    return folder


def test_the_analysis_commands_run_as_written(workdir):
    pytest.importorskip("pyarrow")
    pytest.importorskip("matplotlib")
    found = commands()
    assert [c[:2] for c in found][:3] == [["extract", "corpus/"], ["outages", "table"], ["outages", "table"]]
    for command in found:
        run = subprocess.run(ENTRY[command[0]] + command[1:], cwd=workdir, capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, (command, run.stderr[-1000:])
    for name in ("out.jsonl", "incidents.csv", "incidents.parquet", "report.html", "view.html"):
        assert (workdir / name).stat().st_size > 0, name


def test_the_loading_example_runs_as_written(workdir):
    pytest.importorskip("pandas")
    pytest.importorskip("duckdb")
    if not (workdir / "incidents.parquet").exists():
        pytest.skip("needs the files the command example writes")
    (code,) = readme_blocks("### Incident table", "python")
    run = subprocess.run([sys.executable, "-c", code + "\nprint(len(df), len(rel.fetchall()))"], cwd=workdir, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-1000:]
    rows, relation_rows = map(int, run.stdout.split())
    assert rows == relation_rows > 0
