"""Encodings: byte-order marks, UTF-16 without one, cp1252/latin-1, mojibake, NUL bytes, binary."""
import hashlib

import pytest

from pipeline.decoding import decode_bytes, repair_mojibake
from pipeline.document import InputError
from pipeline.cli.app import extract_app

from .helpers import ARTICLE, assert_spans_exact, records, runner

TEXT = "The payment network\u2019s outage \u2014 at 12:35\u202fPM \u2014 hit caf\u00e9s in S\u00e3o Paulo."


@pytest.mark.parametrize(
    "encoding, data_prefix, label",
    [
        ("utf-8", b"\xef\xbb\xbf", "UTF-8"),
        ("utf-16-le", b"\xff\xfe", "UTF-16-LE"),
        ("utf-16-be", b"\xfe\xff", "UTF-16-BE"),
        ("utf-32-le", b"\xff\xfe\x00\x00", "UTF-32-LE"),
        ("utf-32-be", b"\x00\x00\xfe\xff", "UTF-32-BE"),
    ],
)
def test_byte_order_marks_select_the_codec_and_are_removed(encoding, data_prefix, label):
    text, warnings = decode_bytes(data_prefix + TEXT.encode(encoding))
    assert text == TEXT
    assert any(label in w and "byte-order mark" in w for w in warnings)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised(encoding):
    text, warnings = decode_bytes(ARTICLE.encode(encoding))
    assert text == ARTICLE
    assert any(encoding.upper() in w and "without a byte-order mark" in w for w in warnings)


def test_plain_utf8_has_no_warning():
    assert decode_bytes(TEXT.encode("utf-8")) == (TEXT, [])


def test_cp1252_fallback_keeps_curly_quotes():
    text, warnings = decode_bytes("It wasn\u2019t a hack \u2013 Caf\u00e9 said.".encode("cp1252"))
    assert text == "It wasn\u2019t a hack \u2013 Caf\u00e9 said."
    assert any("cp1252" in w for w in warnings)


def test_latin1_fallback_when_cp1252_cannot_decode():
    data = b"Gr\xfc\xdfe \x81 from M\xfcnchen"  # 0x81 is undefined in cp1252
    text, warnings = decode_bytes(data)
    assert text.startswith("Gr\u00fc\u00dfe ") and text.endswith(" from M\u00fcnchen")
    assert any("latin-1" in w for w in warnings)


@pytest.mark.parametrize(
    "broken, fixed",
    [
        ("It isn\u00e2\u20ac\u2122t clear", "It isn\u2019t clear"),  # UTF-8 read as cp1252: â€™
        ("from 12:35\u00e2\u20ac\u00afPM to 6:13\u00e2\u20ac\u00afPM IST", "from 12:35\u202fPM to 6:13\u202fPM IST"),
        ("at 12:35\u00e2\x80\u00afPM", "at 12:35\u202fPM"),  # UTF-8 read as latin-1 (C1 control kept)
        ("\u00e2\u20ac\u0153Down\u00e2\u20ac\u009d, said Caf\u00c3\u00a9", "\u201cDown\u201d, said Caf\u00e9"),
    ],
)
def test_mojibake_is_repaired_with_a_warning(broken, fixed):
    text, warnings = repair_mojibake(broken)
    assert text == fixed
    (warning,) = warnings
    assert "ftfy" in warning and "offsets and sha256 refer to the repaired text" in warning


def test_repair_touches_only_broken_lines():
    clean = "Caf\u00e9 \u201cquotes\u201d and \u2019 stay as written.\r\n"
    broken = "It isn\u00e2\u20ac\u2122t clear.\n"
    text, _ = repair_mojibake(clean + broken + clean)
    assert text == clean + "It isn\u2019t clear.\n" + clean


def test_clean_text_is_not_touched():
    for clean in (TEXT, ARTICLE, "\u201c\u2019\u201d curly \u2026\u201d", "\u65e5\u672c\u8a9e"):
        assert repair_mojibake(clean) == (clean, [])


def test_unrepairable_mojibake_is_left_alone_without_crashing():
    # "âï" is not a sequence any codec turns back into text: ftfy leaves it, so do we.
    text = "The outage ran from 12:35\u00e2\u00efPM to 6:13\u00e2\u00efPM."
    assert repair_mojibake(text) == (text, [])


def test_mixed_utf8_and_cp1252_bytes_decode_then_repair():
    data = "Caf\u00e9 \u2019 ".encode("utf-8") + b"and a cp1252 quote \x93here\x94."
    text, warnings = decode_bytes(data)
    assert text == "Caf\u00e9 \u2019 and a cp1252 quote \u201chere\u201d."
    assert any("cp1252" in w for w in warnings) and any("ftfy" in w for w in warnings)


def test_mojibake_file_record_refers_to_the_repaired_text(tmp_path):
    repaired = ARTICLE.replace("9:15 a.m.", "9:15\u202fa.m.") + " It wasn\u2019t a hack."
    broken = repaired.replace("\u2019", "\u00e2\u20ac\u2122").replace("\u202f", "\u00e2\u20ac\u00af")
    path = tmp_path / "scraped.txt"
    path.write_bytes(broken.encode("utf-8"))
    result = runner.invoke(extract_app, [str(path)])
    assert result.exit_code == 0, result.output
    (record,) = records(result.stdout)
    assert record["sha256"] == hashlib.sha256(repaired.encode("utf-8")).hexdigest()
    assert any("ftfy" in w for w in record["warnings"])
    assert_spans_exact(record, repaired)
    assert record["sentences"][-1]["end"] == len(repaired)


@pytest.mark.parametrize(
    "name, data",
    [
        ("PNG image", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4),
        ("PDF document", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n"),
        ("gzip archive", b"\x1f\x8b\x08\x00" + b"\x00" * 20),
        ("ZIP archive", b"PK\x03\x04\x14\x00\x06\x00word/document.xml"),
    ],
)
def test_known_binary_formats_are_refused_by_magic(name, data):
    with pytest.raises(InputError, match=f"not a text file.*{name.split()[0]}"):
        decode_bytes(data)


def test_nul_and_control_characters_never_crash(tmp_path):
    text = ARTICLE.replace("Tuesday", "Tues\x00day").replace("noon", "no\x07on\x1b[0m")
    path = tmp_path / "nul.txt"
    path.write_bytes(text.encode("utf-8"))
    result = runner.invoke(extract_app, [str(path)])
    assert result.exit_code == 0, result.output
    (record,) = records(result.stdout)
    assert_spans_exact(record, text)
    assert any("control character" in w for w in record["warnings"])
