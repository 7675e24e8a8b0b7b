"""Errors as JSON for the API and feeds, as a page for browsers."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from web.params import BadParameter
from web.security import machine_client


def _answer(request: Request, status: int, message: str) -> Response:
    if machine_client(request.url.path):
        return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)
    renderer = request.app.state.renderer
    return renderer.page(request, "error.html", {"status": status, "message": message}, status)  # type: ignore[no-any-return]


async def _http(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    response = _answer(request, exc.status_code, str(exc.detail))
    response.headers.update(exc.headers or {})
    return response


async def _bad_parameter(request: Request, exc: Exception) -> Response:
    return _answer(request, 400, str(exc))


async def _invalid(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = [
        f"{'.'.join(str(p) for p in error['loc'][1:])}: {error['msg']}" for error in exc.errors()
    ]
    return _answer(request, 400, "; ".join(problems) or "invalid request")


def install(app: FastAPI) -> None:
    """Route every error through ``_answer``."""
    app.add_exception_handler(HTTPException, _http)
    app.add_exception_handler(BadParameter, _bad_parameter)
    app.add_exception_handler(RequestValidationError, _invalid)
