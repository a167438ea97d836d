"""Length-prefixed JSON messages over a socket, with a size cap and a deadline."""
from __future__ import annotations

import select
import socket
import struct
import time

from autograder.kitcheck.encoding import dumps, loads

HEADER = struct.Struct("!Q")


class ChannelClosed(Exception):
    """The other side went away (exited, crashed or was killed)."""


class ChannelTimeout(Exception):
    """No answer before the deadline."""


def send(sock: socket.socket, message: dict) -> None:
    body = dumps(message)
    sock.sendall(HEADER.pack(len(body)) + body)


def receive(sock: socket.socket, timeout: float | None = None, limit: int = 256 * 2**20) -> dict:
    deadline = None if timeout is None else time.monotonic() + timeout
    (size,) = HEADER.unpack(_read(sock, HEADER.size, deadline))
    if size > limit:
        raise ChannelClosed(f"a message of {size} bytes is over the limit of {limit}")
    return loads(_read(sock, size, deadline))


def _read(sock: socket.socket, size: int, deadline: float | None) -> bytes:
    chunks, left = [], size
    while left:
        if deadline is not None:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([sock], [], [], remaining)[0]:
                raise ChannelTimeout()
        chunk = sock.recv(min(left, 1 << 20))
        if not chunk:
            raise ChannelClosed("the worker closed the connection")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)
