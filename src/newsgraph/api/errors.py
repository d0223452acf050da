"""One error shape for every 4xx/5xx of the API: `{"error": {"status": …, "message": …}}`.

Pages (anything outside `/api/`) get the same message rendered as an HTML page, so
a reader following a dead link sees a page of the site, not a JSON blob.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from ..errors import InputError


class ApiError(Exception):
    """Raised by routes and dependencies for a clear client error."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def error_body(status: int, message: str, details: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    error: dict[str, Any] = {"status": status, "message": message}
    if details:
        error["details"] = details
    return {"error": error}


def is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def error_response(request: Request, status: int, message: str, details: list | None = None) -> Response:
    if is_api(request) or not hasattr(request.app.state, "templates"):
        return JSONResponse(error_body(status, message, details), status_code=status)
    return request.app.state.templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message}, status_code=status
    )


# Patterns that stand for a closed list of values (`deps.any_case`), so a mismatch can name the valid ones.
ONE_OF: dict[str, tuple[str, ...]] = {}


def describe_validation(errors: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """A one-line message naming each bad parameter, and the details per parameter."""
    details = []
    for err in errors:
        where = ".".join(str(part) for part in err.get("loc", ()) if part not in ("query", "path", "body"))
        valid = ONE_OF.get((err.get("ctx") or {}).get("pattern", ""))
        problem = (f"{err.get('input')!r} is not one of {', '.join(valid)} (any case)" if valid
                   else str(err.get("msg", "invalid")))
        details.append({"parameter": where or "body", "problem": problem})
    message = "; ".join(f"{d['parameter']}: {d['problem']}" for d in details) or "invalid request"
    return message, details


METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")


def allowed_methods(request: Request) -> list[str]:
    """Every method some route answers at the request's path: Starlette's 405 names only the first route's."""
    def answered(method: str) -> bool:
        scope = {**request.scope, "method": method}
        return any(route.matches(scope)[0] == Match.FULL for route in request.app.router.routes)
    return [method for method in METHODS if answered(method)]


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return error_response(request, exc.status, exc.message)

    @app.exception_handler(InputError)
    async def bad_input(request: Request, exc: InputError) -> Response:
        return error_response(request, 422, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        response = error_response(request, exc.status_code, message)
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        if exc.status_code == 405:
            response.headers["Allow"] = ", ".join(allowed_methods(request))
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        message, details = describe_validation(list(exc.errors()))
        return error_response(request, 422, message, details)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> Response:
        return error_response(request, 500, f"internal error ({type(exc).__name__})")
