"""Binary files, empty files, HTML pages, other languages: an error record or a warning, no invented incidents."""
import os

import pytest

from pipeline import extract
from pipeline.cli.app import extract_app
from pipeline.document import InputError

from .helpers import ARTICLE, records, runner

GERMAN = (
    "Der Dienst der Bank war am Montag f\u00fcr mehrere Stunden nicht erreichbar, wie das Unternehmen "
    "mitteilte. Die Ursache sei ein Fehler in der Konfiguration der Server gewesen, sagte ein Sprecher. "
    "Kunden konnten sich nicht anmelden und keine Zahlungen durchf\u00fchren, bis die St\u00f6rung am "
    "Abend behoben wurde. Es war bereits der zweite Ausfall in diesem Jahr."
)
SPANISH = (
    "El servicio de la aerol\u00ednea estuvo ca\u00eddo durante varias horas el lunes, seg\u00fan "
    "inform\u00f3 la empresa. La causa fue un error de configuraci\u00f3n en los servidores, dijo un "
    "portavoz. Los clientes no pudieron facturar ni consultar sus vuelos hasta que el problema se "
    "resolvi\u00f3 por la noche, cuando la compa\u00f1\u00eda pidi\u00f3 disculpas."
)
RUSSIAN = (
    "\u0421\u0435\u0440\u0432\u0438\u0441 \u0431\u0430\u043d\u043a\u0430 \u0431\u044b\u043b "
    "\u043d\u0435\u0434\u043e\u0441\u0442\u0443\u043f\u0435\u043d \u0432 \u043f\u043e\u043d\u0435"
    "\u0434\u0435\u043b\u044c\u043d\u0438\u043a \u043d\u0435\u0441\u043a\u043e\u043b\u044c\u043a\u043e "
    "\u0447\u0430\u0441\u043e\u0432. "
) * 6
HTML_PAGE = (
    "<!DOCTYPE html><html><head><title>Outage</title><script>var t = '2024-01-01';</script></head>"
    "<body><nav><a href='/'>Home</a><a href='/news'>News</a></nav><div class='story'><p>"
    + ARTICLE
    + "</p></div><footer>&copy; 2024</footer></body></html>"
)


def refused(text, match):
    with pytest.raises(InputError, match=match):
        extract(text)


@pytest.mark.parametrize("text", ["", "   \n\t  ", "\n\r\n\u00a0\u2003"])
def test_empty_text_is_refused(text):
    refused(text, "empty document")


def test_binary_data_as_text_is_refused():
    refused(bytes(range(256)).decode("latin-1") * 20, "not text: .* control characters")


def test_a_few_nul_bytes_are_not_binary():
    record = extract(ARTICLE.replace(" ", "\x00", 5))
    assert any("control character" in w for w in record.warnings)


@pytest.mark.parametrize("text, language", [(GERMAN, "German"), (SPANISH, "Spanish")])
def test_other_latin_languages_are_refused_naming_the_language(text, language):
    refused(text, f"not English: .*looks like {language}")


def test_non_latin_script_is_refused():
    refused(RUSSIAN, "not English: .*non-Latin script")


def test_english_article_with_a_foreign_quote_is_kept():
    record = extract(ARTICLE + ' A customer wrote: "Der Dienst war nicht erreichbar."')
    assert not any("English" in w for w in record.warnings)


def test_english_jargon_list_is_kept_with_a_warning():
    text = " ".join(["AWS", "EC2", "S3", "DynamoDB", "Lambda", "CloudWatch", "Route53", "Aurora", "the"] * 5)
    record = extract(text)
    assert any("may not be English" in w for w in record.warnings)
    assert record.incidents == []


def test_words_without_any_english_function_word_are_refused():
    refused(" ".join(["AWS", "EC2", "S3", "DynamoDB", "Lambda", "CloudWatch", "Route53"] * 6), "not English")


def test_short_text_is_not_judged():
    record = extract("Downdetector: Fortnite login fehlgeschlagen.")
    assert not any("English" in w for w in record.warnings)


def test_html_page_is_refused():
    refused(HTML_PAGE, "looks like an HTML page")


def test_markup_heavy_fragment_without_page_tags_is_refused():
    tags = "".join(f"<div class='c{i}'><span>{i}</span></div>" for i in range(40))
    refused(tags + ARTICLE, "looks like an HTML page")


def test_stray_tags_are_read_as_text_with_a_warning():
    text = "<p>" + ARTICLE.replace("\n\n", "</p>\n\n<p>") + "</p>"
    record = extract(text)
    assert any("HTML markup (4 tags)" in w for w in record.warnings)
    for timex in record.timexes:
        assert "<" not in timex.text


def test_security_article_quoting_one_script_tag_is_kept():
    record = extract(ARTICLE + " Attackers injected a <script> tag into the login page.")
    assert any("HTML markup (1 tags)" in w for w in record.warnings)


def test_cli_turns_each_non_article_into_an_error_record_and_goes_on(tmp_path):
    files = {
        "article.txt": ARTICLE.encode(),
        "empty.txt": b"",
        "image.txt": b"\x89PNG\r\n\x1a\n" + os.urandom(2048),
        "random.txt": os.urandom(4096),
        "page.txt": HTML_PAGE.encode(),
        "german.txt": GERMAN.encode(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    result = runner.invoke(extract_app, [str(tmp_path)])
    assert result.exit_code == 1
    out = {r["doc_id"]: r for r in records(result.stdout)}
    assert sorted(out) == sorted(name[:-4] for name in files)
    assert "error" not in out["article"]
    for doc_id, needle in [
        ("empty", "empty document"),
        ("image", "PNG image"),
        ("random", "not text"),
        ("page", "HTML page"),
        ("german", "not English"),
    ]:
        assert needle in out[doc_id]["error"], (doc_id, out[doc_id])
    assert "5 of 6 documents failed" in result.stderr
    assert "Traceback" not in result.stderr


def test_single_binary_file_is_one_line_error_and_nonzero_exit(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF" + os.urandom(512))
    result = runner.invoke(extract_app, [str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.strip().count("\n") == 0 and "JPEG image" in result.stderr


@pytest.mark.parametrize("text", ["\U0001F600\U0001F525\U0001F680 \U0001F389\U0001F389", "!!! ??? ... 123 456"])
def test_text_without_any_word_is_kept_with_a_warning(text):
    record = extract(text)
    assert not record.incidents and not record.causes
    assert any("no words in the text" in w for w in record.warnings)


def test_a_short_text_with_words_gets_no_wordless_warning():
    record = extract("Downdetector: Fortnite login fehlgeschlagen.")
    assert not any("no words" in w for w in record.warnings)
