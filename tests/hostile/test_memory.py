"""Memory on big inputs (issue 19): reading and hashing a big text never copy it whole once more.

Measured with tracemalloc (allocations, not time): deterministic, no fixed time limit.
"""
import tracemalloc

from pipeline.document import InputDocument
from pipeline.inputs import InputRef, read_document

MB = 1 << 20


def peak_of(function):
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        result = function()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_hashing_a_big_text_does_not_copy_it_whole():
    document = InputDocument("big", "The bank's app failed. " * (10 * MB // 23))
    _, peak = peak_of(lambda: document.sha256)
    assert peak < 4 * MB, f"sha256 of a {len(document.text) // MB} MB text allocated {peak // MB} MB"


def test_reading_a_big_file_holds_its_bytes_and_its_text_and_no_more(tmp_path):
    path = tmp_path / "big.txt"
    size = 10 * MB
    path.write_bytes(b"The bank's app failed on Monday. " * (size // 33))
    document, peak = peak_of(lambda: read_document(InputRef("big", path)))
    assert len(document.text) > size * 0.99
    assert peak < 2.4 * size, f"reading a {size // MB} MB file allocated {peak // MB} MB at its peak"
