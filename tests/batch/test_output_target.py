"""-o through a symbolic link writes its target; a device, FIFO or socket is refused, never replaced (issue 19)."""
import os
import stat

import pytest

from .conftest import read_lines, write_articles


def test_output_through_a_symlink_writes_the_target_and_keeps_the_link(tmp_path, cli):
    write_articles(tmp_path / "in", 2)
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "out.jsonl"
    link = tmp_path / "out.jsonl"
    link.symlink_to(target)
    for extra in ([], ["--resume"]):
        result = cli(tmp_path / "in", "-o", link, "-w", "1", *extra)
        assert result.exit_code == 0, result.stderr
        assert link.is_symlink() and os.readlink(link) == str(target)
        assert len(read_lines(target)) == 2


def _special_targets(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    targets = {"FIFO": fifo}
    link = tmp_path / "link-to-pipe"
    link.symlink_to(fifo)
    targets["link to a FIFO"] = link
    device = tmp_path / "full"
    try:  # a copy of /dev/full (never the real one: without the fix it would be replaced)
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 7))
        targets["device"] = device
    except (PermissionError, AttributeError, OSError):
        pass
    return targets


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_device_or_fifo_output_is_refused_in_one_line(tmp_path, cli):
    write_articles(tmp_path / "in", 2)
    for name, target in _special_targets(tmp_path).items():
        before = os.stat(target).st_mode
        result = cli(tmp_path / "in", "-o", target, "-w", "1")
        assert result.exit_code != 0, name
        assert result.stderr.strip().count("\n") == 0 and "not a regular file" in result.stderr, name
        assert os.stat(target).st_mode == before, f"{name} was replaced"
        assert not stat.S_ISREG(os.stat(target).st_mode)
