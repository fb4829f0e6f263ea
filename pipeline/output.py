"""Writing records: JSON Lines to stdout, or to a file that survives interruption.

``-o FILE`` guarantee
---------------------
Records are written to ``FILE.partial``, in whole lines, flushed to the
operating system at least every :data:`FLUSH_SECONDS` and forced to disk at
least every :data:`FSYNC_SECONDS`; when the run ends, ``FILE.partial`` is
renamed over ``FILE`` in one atomic step. So ``FILE`` is never half-written:
it is either the previous complete output or the new complete one. An
interrupted run (Ctrl-C, ``kill``, a crash, a power cut) leaves its records in
``FILE.partial``; only its last line can be cut short (by a kill or power cut
in the middle of a write), and ``--resume`` drops such a line and continues
from the rest.
"""
from __future__ import annotations

import contextlib
import io
import os
import stat
import sys
import tempfile
import time
from pathlib import Path
from typing import IO, Any, Callable, Iterator, List, Optional, Union

from pydantic import BaseModel

PARTIAL_SUFFIX = ".partial"
FLUSH_SECONDS = 0.5
FLUSH_BYTES = 1 << 20
FSYNC_SECONDS = 2.0

#: ``carry_over(old, new)``: copy the lines of an earlier run worth keeping from the
#: binary stream ``old`` to ``new`` and return an index of them (``--resume`` passes
#: :func:`pipeline.batch.resume.carry_over`; this writer knows nothing of the batch engine).
CarryOver = Callable[[IO[bytes], IO[bytes]], Any]


def render(record: Union[BaseModel, dict], pretty: bool = False) -> str:
    """One record as JSON text (one line unless ``pretty``)."""
    if isinstance(record, BaseModel):
        return record.model_dump_json(indent=2 if pretty else None)
    import json

    return json.dumps(record, ensure_ascii=False, indent=2 if pretty else None)


def render_pretty(record: Union[BaseModel, dict]) -> str:
    return render(record, pretty=True)


def partial_path(target: Union[str, Path]) -> Path:
    target = Path(target)
    return target.with_name(target.name + PARTIAL_SUFFIX)


NEW_FILE_MODE = 0o666  # what any new file gets, less the umask


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def temp_file(name: str, directory: Union[str, Path]):
    """``(fd, path)`` of a new hidden temp file beside ``name``, to be renamed over it.

    ``mkstemp`` creates it ``0600``; it is given the mode a new file gets
    (``0666`` less the umask), so the output it becomes reads like one written
    directly, after ``--resume`` as after a fresh run.
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=directory)
    with contextlib.suppress(OSError, AttributeError):
        os.fchmod(fd, NEW_FILE_MODE & ~_umask())
    return fd, tmp


class NotRegularTarget(OSError):
    """``-o`` names a device, FIFO, socket or folder: it is never replaced by a file."""


def resolve_target(path: Union[str, Path]) -> Path:
    """Where an output file really goes: through symbolic links to their target.

    The output is written beside it and renamed over it, which would replace
    a link (or a device such as ``/dev/full``, or a FIFO) with a regular file;
    so a link is followed, and anything existing that is not a regular file
    is refused with :class:`NotRegularTarget`.
    """
    from .files import kind_of

    real = Path(os.path.realpath(path))
    try:
        mode = os.stat(real).st_mode
    except FileNotFoundError:
        return real
    if not stat.S_ISREG(mode):
        raise NotRegularTarget(
            f"{kind_of(mode)}, not a regular file: it is never replaced; write to a file, or to stdout without -o"
        )
    return real


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
    target = resolve_target(path)
    directory = target.parent
    fd, tmp = temp_file(target.name, directory)
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


class OutputBusy(OSError):
    """Another run is writing the same output."""


#: Descriptors holding an output lock in this process. A lock (``flock``) is
#: released when the last descriptor of its open file is closed, so the kernel
#: frees it when its owner dies: no lock outlives its run. Forked workers
#: inherit these descriptors and close them (:func:`release_inherited_locks`),
#: so that a worker outliving a killed parent could not keep the lock either.
_LOCKED: set = set()


def release_inherited_locks() -> None:
    """In a forked child: close the locked output descriptors inherited from the parent."""
    for fd in list(_LOCKED):
        with contextlib.suppress(OSError):
            os.close(fd)
    _LOCKED.clear()


def _close(fd: int) -> None:
    _LOCKED.discard(fd)
    os.close(fd)


def _lock(fd: int, path: Path) -> None:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: no guard against two runs
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise OutputBusy(f"{str(path)!r} is being written by another extract run") from None
    _LOCKED.add(fd)


def _fsync_directory(directory: Path) -> None:
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class RecordSink:
    """Lines of records to stdout or to ``-o FILE`` (see the module's guarantee)."""

    def __init__(self, target: Optional[Union[str, Path]] = None, array: bool = False) -> None:
        self.target = None if target is None or str(target) == "-" else Path(target)
        self.array = array  # one JSON array ("[", records between commas, "]") instead of lines
        self.partial = None if self.target is None else partial_path(self.target)
        self.written = 0
        self.stale_dropped = 0  # --resume: carried-over records no current input claimed
        self._index: Any = None  # what carry_over returned: ``stale`` and ``drop_stale(old, new)``
        self._fd: Optional[int] = None
        self._buffer: List[str] = []
        self._buffered = 0
        self._flushed_at = self._synced_at = time.monotonic()

    # -- opening ---------------------------------------------------------
    def start(self, carry_over: Optional[CarryOver] = None) -> Any:
        """Open the output. With ``carry_over`` (``--resume``), first keep what an earlier run
        finished, through it, and return its index; otherwise start empty and return None."""
        if self.target is None:
            return None
        self.target = resolve_target(self.target)  # a link: its target; a device: refused
        self.partial = partial_path(self.target)
        fd = os.open(self.partial, os.O_WRONLY | os.O_CREAT, NEW_FILE_MODE)
        try:
            _lock(fd, self.partial)
            index = self._carry_over(fd, carry_over) if carry_over is not None else None
            if index is None:
                os.ftruncate(fd, 0)
        except BaseException:
            _close(fd)
            raise
        if index is not None:  # the carried-over copy replaced the partial file
            _close(fd)
            fd = os.open(self.partial, os.O_WRONLY | os.O_APPEND)
            _lock(fd, self.partial)
        os.lseek(fd, 0, os.SEEK_END)
        self._fd = fd
        self._index = index
        return index

    def _carry_over(self, locked_fd: int, carry_over: CarryOver) -> Any:
        """Rewrite the partial file (or a finished ``FILE``) through ``carry_over``."""
        assert self.target is not None and self.partial is not None
        if os.fstat(locked_fd).st_size > 0:
            source: Optional[Path] = self.partial
        elif self.target.is_file():
            source = self.target
        else:
            return carry_over(io.BytesIO(), io.BytesIO())  # nothing earlier: an empty index
        index = self._rewrite_partial(source, carry_over)
        _fsync_directory(self.partial.parent)
        return index

    def _rewrite_partial(self, source: Path, rewrite: Callable[[IO[bytes], IO[bytes]], Any]) -> Any:
        """Replace the partial file by what ``rewrite(old, new)`` writes from ``source``, through a
        synced temporary file (never half-written); what ``rewrite`` returns."""
        assert self.partial is not None
        fd, tmp = temp_file(self.partial.name, self.partial.parent)
        try:
            with os.fdopen(fd, "wb") as out, open(source, "rb") as old:
                result = rewrite(old, out)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.partial)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        return result

    # -- writing ---------------------------------------------------------
    def write(self, text: str) -> None:
        """Queue one record (its text, without the newline)."""
        if self.array:
            text = ("[\n" if self.written == 0 else ",\n") + text
        else:
            text += "\n"
        self._buffer.append(text)
        self._buffered += len(text)
        self.written += 1
        now = time.monotonic()
        if self._buffered >= FLUSH_BYTES or now - self._flushed_at >= FLUSH_SECONDS:
            self.flush(sync=now - self._synced_at >= FSYNC_SECONDS)

    def flush(self, sync: bool = False) -> None:
        """Write the queued records in one go; with ``sync``, force them to disk."""
        text = "".join(self._buffer)
        self._buffer.clear()
        self._buffered = 0
        self._flushed_at = time.monotonic()
        if self._fd is None:
            sys.stdout.write(text)
            sys.stdout.flush()
            return
        view = memoryview(text.encode("utf-8"))
        while view:
            view = view[os.write(self._fd, view) :]
        if sync:
            os.fsync(self._fd)
            self._synced_at = time.monotonic()

    def _drop_stale(self, index: Any) -> None:
        """Rewrite the partial file without the carried-over records no input claimed."""
        assert self.partial is not None
        self.stale_dropped = self._rewrite_partial(self.partial, index.drop_stale)

    # -- closing ---------------------------------------------------------
    def commit(self) -> None:
        """All records written: make ``FILE`` the complete output."""
        if self.array:
            self._buffer.append("\n]\n" if self.written else "[]\n")
        self.flush(sync=True)
        if self._fd is None:
            return
        assert self.target is not None and self.partial is not None
        if self._index is not None and self._index.stale:
            self._drop_stale(self._index)
        os.replace(self.partial, self.target)
        _fsync_directory(self.target.parent)
        _close(self._fd)
        self._fd = None

    def abort(self) -> None:
        """Interrupted: keep what was written in the partial file for ``--resume``."""
        if self._fd is None:
            with contextlib.suppress(Exception):
                self.flush()
            return
        with contextlib.suppress(OSError):
            self.flush(sync=True)
        _close(self._fd)
        self._fd = None
