"""``outages serve`` tested over real HTTP: a server started here on 127.0.0.1, urllib as client."""
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from pipeline.service import MAX_BODY_BYTES, RequestError, parse_request
from tests.conftest import CORPUS, ROOT, corpus_ids, published


def test_parse_json_request():
    text, fields = parse_request(b'{"text": "Slack went down.", "reference_date": "2024-03-06"}', "application/json", {})
    assert text == "Slack went down." and fields["reference_date"] == "2024-03-06" and fields["doc_id"] is None


def test_parse_plain_request_takes_the_date_from_the_query():
    text, fields = parse_request("Slack went down.".encode(), "text/plain; charset=utf-8", {"reference_date": "2024-03-06"})
    assert text == "Slack went down." and fields["reference_date"] == "2024-03-06"


@pytest.mark.parametrize(
    "body, kind, status",
    [
        (b"{", "application/json", 400),
        (b"[1]", "application/json", 400),
        (b"{}", "application/json", 422),
        (b'{"text": 5}', "application/json", 422),
        (b'{"text": "x", "reference_date": "05/03/2024"}', "application/json", 422),
        (b'{"text": "x", "colour": "red"}', "application/json", 422),
        (b"%PDF-1.7\n...", "text/plain", 422),
        (b"x", "application/xml", 415),
        (b"[" * 100_000 + b"]" * 100_000, "application/json", 400),
        (b'{"text": "Slack went down \\ud800 on Monday."}', "application/json", 422),
        (b"\xff\xfe{\x00", "application/json", 400),
    ],
)
def test_bad_requests_are_refused_with_a_status(body, kind, status):
    with pytest.raises(RequestError) as caught:
        parse_request(body, kind, {})
    assert caught.value.status == status and str(caught.value)


# -- a real server ----------------------------------------------------------------


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def call(url, body=None, content_type="application/json", method=None):
    """(status, parsed JSON body) of one HTTP request."""
    data = body if body is None or isinstance(body, bytes) else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    pytest.importorskip("starlette")
    pytest.importorskip("uvicorn")
    port = free_port()
    log = tmp_path_factory.mktemp("serve") / "server.log"
    with open(log, "w") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "pipeline.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
            cwd=ROOT,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert process.poll() is None, log.read_text()
            try:
                if call(base + "/health")[0] == 200:
                    break
            except (urllib.error.URLError, ConnectionError):
                pass
            assert time.monotonic() < deadline, "server did not start: " + log.read_text()
            time.sleep(0.3)
        yield base, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_health(server):
    base, _ = server
    status, body = call(base + "/health")
    assert status == 200 and body["status"] == "ok" and "outages_incidents" in body["components"]


def test_a_batch_of_articles_gives_the_records_extract_gives(server, corpus_records):
    base, _ = server
    expected = {r["doc_id"]: r for r in corpus_records}

    def post(doc_id):
        text = (CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8")
        body = {"text": text, "reference_date": published(doc_id), "doc_id": doc_id, "source": expected[doc_id]["source"]}
        return doc_id, call(base + "/extract", body)

    with ThreadPoolExecutor(max_workers=4) as pool:  # concurrent requests
        answers = list(pool.map(post, corpus_ids()))
    assert len(answers) == len(corpus_records)
    for doc_id, (status, record) in answers:
        assert status == 200, record
        want = dict(expected[doc_id], reference_date=dict(expected[doc_id]["reference_date"], source="given"))
        assert record == want, doc_id


def test_plain_text_body(server):
    base, _ = server
    text = "Slack went down on Monday morning. It was back two hours later, the company said."
    status, record = call(base + "/extract?reference_date=2024-03-06", text.encode(), "text/plain")
    assert status == 200 and record["reference_date"] == {"date": "2024-03-06", "source": "given"}
    assert record["incidents"] and record["incidents"][0]["service"] == "Slack"


@pytest.mark.parametrize(
    "path, body, content_type, method, status",
    [
        ("/extract", b"{not json", "application/json", "POST", 400),
        ("/extract", {"reference_date": "2024-03-06"}, "application/json", "POST", 422),
        ("/extract", {"text": "x", "reference_date": "yesterday"}, "application/json", "POST", 422),
        ("/extract", {"text": "   "}, "application/json", "POST", 422),  # empty: an error record
        ("/extract", b"<html><body>x</body></html>", "image/png", "POST", 415),
        ("/extract", None, None, "GET", 405),
        ("/nothing", None, None, "GET", 404),
        ("/extract", b"a" * (MAX_BODY_BYTES + 1), "text/plain", "POST", 413),
    ],
)
def test_bad_input_gets_a_clear_4xx_and_the_server_goes_on(server, path, body, content_type, method, status):
    base, process = server
    got, answer = call(base + path, body, content_type or "application/json", method)
    assert got == status
    assert isinstance(answer["error"], str) and answer["error"] and "\n" not in answer["error"]
    assert process.poll() is None
    assert call(base + "/health")[0] == 200


def test_serve_without_the_extra_is_a_one_line_error(monkeypatch):
    from typer.testing import CliRunner

    from pipeline import service
    from pipeline.cli.app import app

    monkeypatch.setattr(service, "serve_support", lambda: False)
    result = CliRunner().invoke(app, ["serve", "--port", str(free_port())])
    assert result.exit_code == 2 and '".[serve]"' in result.stderr
