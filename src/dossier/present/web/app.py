"""The FastAPI app of `dossier serve`: one read-only pool, the API under
`/api/`, the pages, their assets, and one error shape for each."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, TypeVar

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.responses import Response

from dossier.errors import DossierError, NotFound, StoreError
from dossier.present.web.pool import Pool
from dossier.present.web.templating import templates

STATIC = Path(__file__).parent / "static"

T = TypeVar("T")

# Document text is untrusted: besides escaping everything, the browser runs
# only the app's own scripts and sends no referrer to a document's links.
HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
        " connect-src 'self'; base-uri 'none'; form-action 'self';"
        " frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def connection(request: Request) -> Iterator[sqlite3.Connection]:
    """A pooled read-only connection for the length of one request."""
    pool: Pool = request.app.state.pool
    with pool.connection() as lent:
        yield lent


Connection = Annotated[sqlite3.Connection, Depends(connection)]


def side(request: Request, work: Callable[[sqlite3.Connection], T]) -> Callable[[], T]:
    """`work` started on a pooled connection of its own (`Pool.side`); call
    the result to wait for what it returns."""
    pool: Pool = request.app.state.pool
    return pool.side(work)


# Names a browser uses for this machine. Served on loopback, the app answers
# only to them: a web page whose own name is made to resolve to 127.0.0.1
# (DNS rebinding) cannot read the dossier through the reader's browser.
LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")


def create_app(db: str | Path, *, hosts: tuple[str, ...] | None = None) -> FastAPI:
    """The app over the dossier at `db`; a missing or foreign file raises the
    DossierError the CLI reports. `hosts`, when given, are the only names
    the app answers to (the Host header)."""
    # Imported here: the routes import this module for `Connection`.
    from dossier.present.web import api, calendar_page, corpus_pages, document_pages

    pool = Pool(db)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(
        lifespan=lifespan,
        title="dossier",
        summary="The records of a dossier, as `dossier ... --json` prints them.",
        openapi_url="/api/openapi.json",
        # Swagger and ReDoc load their scripts from a CDN: nothing here is
        # fetched from the internet.
        docs_url=None,
        redoc_url=None,
    )
    app.state.pool = pool
    app.state.db = str(db)
    app.include_router(api.router)
    app.include_router(document_pages.router)
    app.include_router(corpus_pages.router)
    app.include_router(calendar_page.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    if hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(hosts))
    app.add_exception_handler(DossierError, _dossier_error)  # type: ignore[arg-type]
    app.add_exception_handler(HTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(
        RequestValidationError,
        _invalid_request,  # type: ignore[arg-type]
    )

    @app.middleware("http")
    async def headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        response.headers.update(HEADERS)
        return response

    return app


def error_response(request: Request, message: str, status: int) -> Response:
    """`{"error": message}` under /api/, else the error page."""
    line = " ".join(message.split())
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": line}, status_code=status)
    return templates.TemplateResponse(
        request, "error.html", {"message": line, "status": status}, status_code=status
    )


def status_of(error: DossierError) -> int:
    if isinstance(error, NotFound):
        return 404
    return 503 if isinstance(error, StoreError) else 400


async def _dossier_error(request: Request, error: DossierError) -> Response:
    return error_response(request, str(error), status_of(error))


async def _http_error(request: Request, error: HTTPException) -> Response:
    message = "no such page" if error.status_code == 404 else str(error.detail)
    return error_response(request, message, error.status_code)


async def _invalid_request(request: Request, error: RequestValidationError) -> Response:
    problems = "; ".join(
        f"{'.'.join(str(p) for p in e['loc'][1:]) or e['loc'][0]}: {e['msg']}"
        for e in error.errors()
    )
    return error_response(request, f"bad request: {problems}", 400)
