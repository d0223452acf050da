"""A request body limit in front of every route, so one upload cannot exhaust memory."""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import error_body


class BodyTooLarge(Exception):
    pass


class BodyLimit:
    """Refuse (413) any request whose declared or streamed body exceeds `max_bytes`."""

    def __init__(self, app: ASGIApp, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self.refuse(send)
            return
        seen = 0
        too_large = refused = False

        async def counted() -> Message:
            nonlocal seen, too_large
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                too_large = True
                raise BodyTooLarge
            return message

        async def watched(message: Message) -> None:
            # The app may turn BodyTooLarge into its own error response: answer 413 instead.
            nonlocal refused
            if not too_large:
                await send(message)
            elif message["type"] == "http.response.start" and not refused:
                refused = True
                await self.refuse(send)

        try:
            await self.app(scope, counted, watched)
        except BodyTooLarge:
            if not refused:
                await self.refuse(send)

    async def refuse(self, send: Send) -> None:
        body = json.dumps(error_body(413, f"request body is larger than {self.max_bytes} bytes")).encode()
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body})
