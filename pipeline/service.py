"""``outages serve``: a small HTTP API over the pipeline (extra ``[serve]``: Starlette, Uvicorn).

- ``GET /health`` -> ``{"status": "ok", "schema_version", "components"}``
- ``POST /extract`` with JSON ``{"text", "reference_date"?, "doc_id"?, "source"?}`` or a
  ``text/plain`` body (``?reference_date=YYYY-MM-DD``) -> the record (200), or
  ``{"error": "..."}`` with 400 (unreadable body), 413 (too large), 415 (other content
  type) or 422 (no text, a bad date, not an article: then the error record).

The pipeline is built once at start-up; extractions run one at a time in a worker
thread, so ``/health`` answers while a long article is being read.
"""
from __future__ import annotations

import json
import threading
from typing import Any, Dict, Optional, Tuple

MISSING_EXTRA = 'outages serve needs Starlette and Uvicorn: pip install -e ".[serve]"'
MAX_BODY_BYTES = 8 * 1024 * 1024  # a news article is far smaller; the text limit is --max-chars
DRAIN_LIMIT_BYTES = 4 * MAX_BODY_BYTES  # a larger body is not read to its end
JSON_FIELDS = {"text", "reference_date", "doc_id", "source"}


class RequestError(Exception):
    """A request we refuse: HTTP status and a one-line message."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def serve_support() -> bool:
    try:
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        return False
    return True


def _string_field(data: Dict[str, Any], name: str) -> Optional[str]:
    value = data.get(name)
    if value is not None and not isinstance(value, str):
        raise RequestError(422, f"'{name}' must be a string")
    return value


def parse_request(body: bytes, content_type: str, query: Dict[str, str]) -> Tuple[str, Dict[str, Optional[str]]]:
    """The text and the optional fields of a POST /extract request; :class:`RequestError` if bad."""
    from .decoding import decode_bytes
    from .document import InputError

    if len(body) > MAX_BODY_BYTES:
        raise RequestError(413, f"request body over {MAX_BODY_BYTES} bytes")
    kind = content_type.split(";")[0].strip().lower()
    if kind == "application/json":
        try:
            data = json.loads(body)
        except ValueError as exc:
            raise RequestError(400, f"body is not valid JSON: {exc}") from None
        except RecursionError:
            raise RequestError(400, "body is not valid JSON: nested too deeply") from None
        if not isinstance(data, dict):
            raise RequestError(400, "body must be a JSON object with a 'text' field")
        unknown = sorted(set(data) - JSON_FIELDS)
        if unknown:
            allowed = ", ".join(sorted(JSON_FIELDS))
            raise RequestError(422, f"unknown field(s): {', '.join(unknown)} (allowed: {allowed})")
        text = data.get("text")
        if not isinstance(text, str):
            raise RequestError(422, "'text' (a string) is required")
        fields = {name: _string_field(data, name) for name in ("reference_date", "doc_id", "source")}
    elif kind == "text/plain" or kind == "":
        try:
            text, _ = decode_bytes(body)
        except InputError as exc:
            raise RequestError(422, str(exc)) from None
        fields = {name: query.get(name) for name in ("reference_date", "doc_id", "source")}
    else:
        raise RequestError(415, f"content type {kind!r}: send application/json or text/plain")
    for name, value in (("text", text), *fields.items()):
        try:
            (value or "").encode("utf-8")
        except UnicodeEncodeError:
            raise RequestError(422, f"'{name}' is not valid Unicode (a lone surrogate escape)") from None
    if fields["reference_date"] is not None:
        from .extraction import parse_iso_date

        try:
            fields["reference_date"] = parse_iso_date(fields["reference_date"])
        except ValueError as exc:
            raise RequestError(422, f"reference_date: {exc}") from None
    return text, fields


class Extractor:
    """The pipeline, built once, used by one request at a time."""

    def __init__(self, model: Optional[str] = None):
        from .nlp import build_pipeline

        self.nlp = build_pipeline(model)
        self.lock = threading.Lock()

    def extract(self, text: str, fields: Dict[str, Optional[str]]):
        from .document import InputDocument
        from .run import ExtractOptions, extract_one

        document = InputDocument(doc_id=fields.get("doc_id") or "request", text=text, source=fields.get("source"))
        options = ExtractOptions(reference_date=fields.get("reference_date"))
        with self.lock:
            return extract_one(document, options, self.nlp)


def create_app(extractor: Extractor):
    """The Starlette application serving ``extractor``."""
    from starlette.applications import Starlette
    from starlette.concurrency import run_in_threadpool
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response
    from starlette.routing import Route

    from models import SCHEMA_VERSION

    def error(status: int, message: str) -> JSONResponse:
        return JSONResponse({"error": message}, status_code=status)

    async def health(request: Request) -> JSONResponse:
        return JSONResponse(
            {"status": "ok", "schema_version": SCHEMA_VERSION, "components": list(extractor.nlp.pipe_names)}
        )

    async def extract(request: Request) -> Response:
        body, size = b"", 0
        async for chunk in request.stream():  # read it all, so that the client sees the answer
            size += len(chunk)
            if size <= MAX_BODY_BYTES:
                body += chunk
            elif size > DRAIN_LIMIT_BYTES:
                break
        if size > MAX_BODY_BYTES:
            return error(413, f"request body over {MAX_BODY_BYTES} bytes")
        try:
            text, fields = parse_request(body, request.headers.get("content-type", ""), dict(request.query_params))
        except RequestError as exc:
            return error(exc.status, str(exc))
        record = await run_in_threadpool(extractor.extract, text, fields)
        status = 422 if hasattr(record, "error") else 200
        return Response(record.model_dump_json(), status_code=status, media_type="application/json")

    async def not_found(request: Request, exc) -> JSONResponse:
        return error(exc.status_code, f"{request.method} {request.url.path}: {exc.detail}")

    return Starlette(
        routes=[Route("/health", health, methods=["GET"]), Route("/extract", extract, methods=["POST"])],
        exception_handlers={404: not_found, 405: not_found},
    )


def serve(host: str, port: int, model: Optional[str] = None) -> None:
    """Build the pipeline, then serve until interrupted (Uvicorn, one process)."""
    import uvicorn

    app = create_app(Extractor(model))
    uvicorn.run(app, host=host, port=port, log_level="info", access_log=False)
