"""Length-prefixed JSON messages over a socket, with a size cap and a deadline.

A worker's reply is checked before it is read and decoded: its announced size, then the number
of JSON items in it (each decoded item costs far more memory than its bytes), so that a forged
reply cannot make the grader grow."""
from __future__ import annotations

import select
import socket
import struct
import time

from autograder.kitcheck.encoding import dumps, loads

HEADER = struct.Struct("!Q")
REPLY_BYTES = 8 * 2**20      # the largest honest reply (a cell's outputs, a call's arrays) is far less
REPLY_ITEMS = 500_000        # commas and colons: values in lists and dicts
REQUEST_BYTES = 256 * 2**20  # what the grader sends: trusted, only capped against a broken pipe


class ChannelClosed(Exception):
    """The other side went away (exited, crashed or was killed)."""


class ChannelTimeout(Exception):
    """No answer before the deadline."""


class ChannelTooLarge(ChannelClosed):
    """A message over the size or item limit: refused before it is read or decoded."""


def send(sock: socket.socket, message: dict) -> None:
    send_encoded(sock, dumps(message))


def send_encoded(sock: socket.socket, body: bytes) -> None:
    """A message already encoded (dumps)."""
    sock.sendall(HEADER.pack(len(body)) + body)


def receive(sock: socket.socket, timeout: float | None = None, limit: int = REQUEST_BYTES,
            items: int | None = None) -> dict:
    deadline = None if timeout is None else time.monotonic() + timeout
    (size,) = HEADER.unpack(_read(sock, HEADER.size, deadline))
    if size > limit:
        raise ChannelTooLarge(f"it sent a reply of {size:,} bytes, more than the limit of {limit:,}")
    raw = _read(sock, size, deadline)
    if items is not None and raw.count(b",") + raw.count(b":") > items:
        raise ChannelTooLarge(f"it sent a reply of more than {items:,} values, the limit")
    try:
        return loads(raw)
    except (ValueError, RecursionError) as error:  # RecursionError: nested too deeply
        raise ChannelClosed(f"it sent a malformed reply ({type(error).__name__})") from None


def receive_reply(sock: socket.socket, timeout: float | None) -> dict:
    """A worker's reply, within the reply limits."""
    return receive(sock, timeout, REPLY_BYTES, REPLY_ITEMS)


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
