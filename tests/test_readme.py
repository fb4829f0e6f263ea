"""Every code block of the README runs as written and succeeds.

The README's files (``a.txt``, ``article.txt``, ``news/``, ``timeml/``, ...) are made
in a temporary folder from the committed corpus; ``corpus/`` and ``golden/`` are the
repository's. Shell lines run in this process through click's test runner (one
pipeline, built once, instead of a new process per line): ``cat FILE | cmd``,
``cmd > FILE`` and ``a && b`` are understood, and the steps that set up the
environment (``python3 -m venv``, ``. .venv/bin/activate``, ``pip install``) and
``python -m pytest`` (this suite) are left out. Python blocks are executed.
"""
from __future__ import annotations

import os
import shlex
import shutil
from pathlib import Path
from typing import List, Tuple

import pytest
from typer.testing import CliRunner

from tests.conftest import CORPUS, GOLDEN, ROOT
from tests.evaluation.helpers import timeml_file

README = ROOT / "README.md"
SETUP = (("python3", "-m", "venv"), (".",), ("pip", "install"), ("python", "-m", "pytest"),
         # a server runs until stopped, and curl talks to it: tests/analysis/test_serve.py starts one,
         # sends the same requests and stops it
         ("outages", "serve"), ("curl",))


def readme_blocks() -> List[Tuple[str, str, int]]:
    """(language, code, first line number) of each fenced block of the README."""
    blocks, language, lines, start = [], None, [], 0
    for number, line in enumerate(README.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("```"):
            if language is None:
                language, lines, start = line[3:].strip(), [], number + 1
            else:
                blocks.append((language, "\n".join(lines), start))
                language = None
        elif language is not None:
            lines.append(line)
    return blocks


def shell_commands(code: str) -> List[List[str]]:
    """The command lines of a shell block: continuations joined, comments dropped."""
    return [shlex.split(line, comments=True) for line in code.replace("\\\n", " ").splitlines() if line.strip()]


def _segments(words: List[str]) -> List[List[str]]:
    segments, current = [], []
    for word in words:
        if word == "&&":
            segments.append(current)
            current = []
        else:
            current.append(word)
    return [*segments, current]


def run_shell_line(words: List[str]) -> None:
    from pipeline.cli.app import app, extract_app

    for segment in _segments(words):
        if not segment or any(tuple(segment[: len(s)]) == s for s in SETUP):
            continue
        stdin, target = None, None
        if "|" in segment:
            feed, segment = segment[: segment.index("|")], segment[segment.index("|") + 1 :]
            assert feed[0] == "cat" and len(feed) == 2, f"unsupported pipe: {feed}"
            stdin = Path(feed[1]).read_text(encoding="utf-8")
        if ">" in segment:
            segment, target = segment[: segment.index(">")], segment[segment.index(">") + 1]
        program, args = segment[0], segment[1:]
        assert program in ("extract", "outages"), f"the README runs {program!r}: teach this test about it"
        result = CliRunner().invoke(extract_app if program == "extract" else app, args, input=stdin)
        assert result.exit_code == 0, f"{' '.join(segment)} exited {result.exit_code}: {result.output[-2000:]}"
        if target is not None:
            Path(target).write_text(result.stdout, encoding="utf-8")


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory):
    """A folder with the files the README's examples name."""
    root = tmp_path_factory.mktemp("readme")
    texts = sorted(CORPUS.glob("*.txt"))
    for name, source in zip(("a.txt", "b.txt", "article.txt"), texts):
        shutil.copy(source, root / name)
    (root / "news").mkdir()
    for source in texts[:3]:
        shutil.copy(source, root / "news" / source.name)
    (root / "corpus").symlink_to(CORPUS)
    (root / "golden").symlink_to(GOLDEN)
    # the real-news gold facts, without the cached texts (CI has none): every article is reported missing
    (root / "realnews").mkdir()
    (root / "realnews" / "articles").symlink_to(ROOT / "realnews" / "articles")
    (root / "timeml").mkdir()
    timeml_file(root / "timeml" / "one.tml", '\nThe bank was down <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>.\n')
    return root


BLOCKS = readme_blocks()


#: blocks that show output rather than run
SHOWN_ONLY = {"text"}


def test_the_readme_has_shell_and_python_blocks():
    languages = {language for language, _, _ in BLOCKS}
    assert {"bash", "python"} <= languages <= {"bash", "python", *SHOWN_ONLY}


@pytest.mark.parametrize("language,code,line", BLOCKS, ids=[f"README.md:{line}" for _, _, line in BLOCKS])
def test_readme_block_runs(language, code, line, sandbox, monkeypatch):
    monkeypatch.chdir(sandbox)
    if language in SHOWN_ONLY:
        return
    if language == "python":
        exec(compile(code, f"README.md:{line}", "exec"), {"__name__": "readme"})
        return
    for words in shell_commands(code):
        run_shell_line(words)


def test_shell_lines_are_split_as_a_shell_would():
    assert shell_commands("cat a.txt | extract   # stdin\nextract x \\\n  --pretty") == [
        ["cat", "a.txt", "|", "extract"], ["extract", "x", "--pretty"]
    ]
    assert _segments(["a", "&&", "b", "c"]) == [["a"], ["b", "c"]]


def test_a_failing_readme_command_fails_the_test(sandbox, monkeypatch):
    monkeypatch.chdir(sandbox)
    with pytest.raises(AssertionError, match="exited 2"):
        run_shell_line(["outages", "eval", "--fail-under", "no.such.metric=1"])
    assert os.path.exists("a.txt")


def markdown_links(path: Path) -> List[str]:
    """The targets of ``[text](target)`` links in a Markdown file."""
    text, links, position = path.read_text(encoding="utf-8"), [], 0
    parts = text.split("`")
    text = "".join(part if i % 2 == 0 else " " * len(part) for i, part in enumerate(parts))  # code is no link
    while (start := text.find("](", position)) != -1:
        end = text.find(")", start)
        links.append(text[start + 2 : end])
        position = end
    return links


@pytest.mark.parametrize("document", ["README.md", "CHANGELOG.md", *sorted(f"docs/{p.name}" for p in (ROOT / "docs").glob("*.md"))])
def test_documentation_links_stay_inside_the_project(document):
    path = ROOT / document
    for target in markdown_links(path):
        if target.startswith(("http://", "https://", "#")):
            continue
        resolved = (path.parent / target.split("#")[0]).resolve()
        assert resolved.is_relative_to(ROOT), f"{document} links outside the project: {target}"
        assert resolved.exists(), f"{document} links to a missing file: {target}"


def test_the_link_reader_finds_links(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("See [the schema](docs/schema.md) and [spec](../shared/spec/SCHEMA.md).")
    assert markdown_links(page) == ["docs/schema.md", "../shared/spec/SCHEMA.md"]
