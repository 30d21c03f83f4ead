"""Raw HTTP and websocket requests to a running dashboard, headers exactly as given.

Used by the tests of what ``workbench serve`` answers to whom; unlike
``urllib``, nothing is cleaned up or followed (no redirects, the Host header
as written).
"""

from __future__ import annotations

import asyncio
import http.client
from dataclasses import dataclass


@dataclass(frozen=True)
class Answer:
    status: int
    cookie: str | None
    body: bytes


def get(port: int, path: str, headers: dict[str, str] | None = None) -> Answer:
    """GET ``path`` from the server on 127.0.0.1:``port`` with exactly these headers."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return Answer(response.status, response.getheader("Set-Cookie"), response.read())
    finally:
        connection.close()


def websocket_status(port: int, path: str, headers: dict[str, str] | None = None) -> int:
    """The HTTP status of a websocket handshake (101 when the socket opens)."""
    from tornado.httpclient import HTTPClientError, HTTPRequest
    from tornado.websocket import websocket_connect

    async def handshake() -> int:
        request = HTTPRequest(f"ws://127.0.0.1:{port}{path}", headers=headers or {})
        try:
            connection = await websocket_connect(request)
        except HTTPClientError as error:
            return error.code
        connection.close()
        return 101

    return asyncio.run(handshake())
