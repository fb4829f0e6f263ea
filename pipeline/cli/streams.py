"""Standard streams the shell closed (``extract <&-``, ``extract >&-``): one line, exit 2.

Python sets ``sys.stdin`` / ``sys.stdout`` to ``None`` when the descriptor is
closed at start-up; reading or writing them would fail later with an
``AttributeError`` traceback.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional, Sequence

from ..inputs import STDIN


def closed_stream_problem(paths: Sequence[str], output: Optional[Path]) -> Optional[str]:
    """What a closed stdin or stdout stops, or None."""
    reads_stdin = not paths or any(str(p) == STDIN for p in paths)
    if reads_stdin and sys.stdin is None:
        return "stdin is closed: give input files or folders, or pipe a document in"
    writes_stdout = output is None or str(output) == "-"
    if writes_stdout and sys.stdout is None:
        return "stdout is closed: give an output file with -o FILE"
    return None
