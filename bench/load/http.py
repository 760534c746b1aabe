"""A minimal HTTP/1.1 keep-alive client on asyncio streams, for load generation on loopback.

httpx spends about a millisecond of CPU per request; on a 2-core machine that shares its cores with the
server under test, the client would measure itself. This one parses just what the board answers:
Content-Length or chunked bodies, Set-Cookie, and ``Connection: close``.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field


@dataclass
class Response:
    status: int
    headers: list[tuple[str, str]]
    body: bytes

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((value for key, value in self.headers if key == name), None)


@dataclass
class Browser:
    """One visitor: a keep-alive connection and a cookie jar."""

    host: str
    port: int
    timeout: float = 30.0
    reconnect_every: int = 0  # >0: a new connection after this many requests, as browsers come and go
    cookies: dict[str, str] = field(default_factory=dict)
    _sent: int = 0
    _reader: asyncio.StreamReader | None = None
    _writer: asyncio.StreamWriter | None = None

    async def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._reader = self._writer = None

    async def request(
        self, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
    ) -> Response:
        try:
            return await asyncio.wait_for(self._exchange(method, path, body, headers or {}), self.timeout)
        except BaseException:
            await self.close()  # a half-read answer must not be mistaken for the next one
            raise

    async def _exchange(self, method: str, path: str, body: bytes, headers: dict[str, str]) -> Response:
        if self._writer is None:
            self._reader, self._writer = await asyncio.open_connection(self.host, self.port)
        assert self._reader is not None
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}", "Accept-Language: zh-CN"]
        if self.cookies:
            lines.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        if body or method == "POST":
            lines.append(f"Content-Length: {len(body)}")
        lines += [f"{name}: {value}" for name, value in headers.items()]
        self._writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        response = await self._read_response(self._reader)
        for key, value in response.headers:
            if key == "set-cookie":
                self._keep_cookie(value)
        self._sent += 1
        closing = (response.header("connection") or "").lower() == "close"
        if closing or (self.reconnect_every and self._sent % self.reconnect_every == 0):
            await self.close()  # the next request connects again, to whichever worker accepts first
        return response

    async def _read_response(self, reader: asyncio.StreamReader) -> Response:
        head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        status = int(head[0].split(" ", 2)[1])
        headers = []
        for line in head[1:]:
            if line:
                key, _, value = line.partition(":")
                headers.append((key.strip().lower(), value.strip()))
        response = Response(status, headers, b"")
        length = response.header("content-length")
        if length is not None:
            response.body = await reader.readexactly(int(length))
        elif (response.header("transfer-encoding") or "").lower() == "chunked":
            response.body = await _read_chunked(reader)
        elif status not in (204, 304):
            response.body = await reader.read()  # until the server closes
            await self.close()
        return response

    def _keep_cookie(self, header: str) -> None:
        pair, _, attributes = header.partition(";")
        name, _, value = pair.strip().partition("=")
        expired = "max-age=0" in attributes.lower().replace(" ", "") or value in ("", '""', "null")
        if expired:
            self.cookies.pop(name, None)
        else:
            self.cookies[name] = value


async def _read_chunked(reader: asyncio.StreamReader) -> bytes:
    parts = []
    while True:
        size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
        if size == 0:
            await reader.readuntil(b"\r\n")
            return b"".join(parts)
        parts.append(await reader.readexactly(size))
        await reader.readexactly(2)


def multipart(fields: dict[str, str], files: dict[str, tuple[str, bytes, str]]) -> tuple[bytes, str]:
    """A multipart/form-data body and its Content-Type."""
    boundary = "----jobboard-load-boundary-7d1f"
    chunks: list[bytes] = []
    for name, value in fields.items():
        chunks.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        )
    for name, (filename, content, media_type) in files.items():
        chunks.append(
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                f"Content-Type: {media_type}\r\n\r\n"
            ).encode()
            + content
            + b"\r\n"
        )
    chunks.append(f"--{boundary}--\r\n".encode())
    return b"".join(chunks), f"multipart/form-data; boundary={boundary}"
