"""Writing records: JSON Lines to stdout or, atomically, to a file."""
from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path
from typing import IO, Iterator, Optional, Union

from pydantic import BaseModel


def render(record: Union[BaseModel, dict], pretty: bool = False) -> str:
    """One record as JSON text (one line unless ``pretty``)."""
    if isinstance(record, BaseModel):
        return record.model_dump_json(indent=2 if pretty else None)
    import json

    return json.dumps(record, ensure_ascii=False, indent=2 if pretty else None)


@contextlib.contextmanager
def open_output(path: Optional[Union[str, Path]]) -> Iterator[IO[str]]:
    """Yield a text stream: stdout, or a temp file renamed over ``path`` on success.

    If the body raises (or the run is interrupted), the temp file is removed and
    ``path`` is left as it was: never a half-written output file.
    """
    if path is None or str(path) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
