"""The grader's bounds on what a worker sends back, and the budget per submission, in isolation."""
from __future__ import annotations

import json
import socket
import threading
import time

import numpy as np
import pytest

from autograder.sandbox import bounds, channel
from autograder.sandbox.client import Sandbox, SandboxError
from autograder.sandbox.confine import Limits
from autograder.kitcheck.encoding import decode, encode


def forged(body: bytes, announced: int | None = None) -> socket.socket:
    """Our end of a socket on which a forged reply arrives (sent by a thread: it may not fit the buffer)."""
    mine, theirs = socket.socketpair()
    data = channel.HEADER.pack(len(body) if announced is None else announced) + body

    def send():
        try:
            theirs.sendall(data)
        except OSError:
            pass
        theirs.close()

    threading.Thread(target=send, daemon=True).start()
    return mine


def test_a_reply_announced_over_the_limit_is_refused_before_it_is_read():
    with pytest.raises(channel.ChannelTooLarge, match="30,000,000 bytes"):
        channel.receive_reply(forged(b"[]", announced=30_000_000), timeout=5)


def test_a_reply_of_too_many_values_is_refused_before_it_is_decoded():
    body = b'{"result":[' + b"0," * 600_000 + b'0]}'
    with pytest.raises(channel.ChannelTooLarge, match="values"):
        channel.receive_reply(forged(body), timeout=5)


@pytest.mark.parametrize("body", [b"[" * 100_000 + b"]" * 100_000, b"{not json", b"[1, 2]"])
def test_a_malformed_reply_closes_the_channel(body):
    with pytest.raises(channel.ChannelClosed):
        channel.receive(forged(body), timeout=5)


@pytest.mark.parametrize("value", [np.arange(6.0).reshape(2, 3), np.zeros((0, 4), bool), np.float32(2.5),
                                   np.array(1 + 2j), np.arange(4, dtype=">i2"), (1, [2.0, "x"], {"k": None})])
def test_plain_values_still_round_trip(value):
    back = decode(encode(value))
    if isinstance(value, (np.ndarray, np.generic)):
        assert np.array_equal(back, value) and back.dtype == value.dtype
    else:
        assert back == value


@pytest.mark.parametrize("array", [
    ["|O8", [1], "AAAAAAAAAAA="], ["|V8", [1], "AAAAAAAAAAA="], ["(2,)<f8", [1], "A" * 24],
    ["<f8", [-1], ""], ["<f8", [2**40, 2**40], "AAAA"], ["<f8", [2], "AAAAAAAAAAA="], ["<f8", [1] * 40, "A"],
    ["<f8", [True], "AAAAAAAAAAA="], ["<f8", "3", "AAAA"],
])
def test_a_forged_array_is_refused_before_anything_is_allocated(array):
    with pytest.raises(ValueError):
        decode({"$array": array})


def test_outputs_keep_only_known_fields_and_bounded_texts():
    kept = bounds.outputs([
        {"output_type": "stream", "name": "stdout", "text": "x" * 5000, "extra": 1},
        {"output_type": "display_data", "data": {"image/png": "abc", "application/x-evil": "<script>"},
         "metadata": {"a": "b" * 10**6}},
        {"output_type": "error", "ename": "E" * 500, "evalue": 1, "traceback": ["t"] * 100},
        {"output_type": "unknown"}, "not a dict", {"output_type": "display_data", "data": {"text/html": 5}},
    ], limit=1000)
    assert [o["output_type"] for o in kept] == ["stream", "display_data", "error"]
    assert len(kept[0]["text"]) < 2100 and "extra" not in kept[0]
    assert kept[1] == {"output_type": "display_data", "data": {"image/png": "abc"}, "metadata": {}}
    assert len(kept[2]["ename"]) < 200 and kept[2]["evalue"] == "" and len(kept[2]["traceback"]) == 10
    assert bounds.outputs({"not": "a list"}, 10) == []
    assert bounds.error({"type": ["x"], "message": "m" * 10**5})["message"].endswith("characters\n")
    assert bounds.events(True) is None and bounds.events(-1) is None and bounds.events(3) == 3


def test_once_the_budget_is_spent_cells_fail_at_once_with_timeout():
    sandbox = Sandbox([], Limits(), hide=[], cell_seconds=20, submission_seconds=2).start()
    try:
        with pytest.raises(SandboxError) as slow:
            sandbox.run_cell("import time\ntime.sleep(5)")
        assert slow.value.code == "TIMEOUT" and "budget of 2 s" in str(slow.value)
        started = time.monotonic()
        with pytest.raises(SandboxError) as after:
            sandbox.start().run_cell("1")
        assert after.value.code == "TIMEOUT" and "budget" in str(after.value)
        assert time.monotonic() - started < 0.5
    finally:
        sandbox.stop()


def test_an_honest_reply_too_large_is_refused_by_the_worker_itself():
    sandbox = Sandbox([], Limits(), hide=[], output_limit=12 << 20).start()
    try:
        (output,) = sandbox.run_cell("print('\\x00' * (2 << 20))")  # 12 MiB once JSON-escaped
        assert output["output_type"] == "error" and "limit" in output["evalue"]
        assert json.loads(json.dumps(sandbox.run_cell("print(1)"))) == [
            {"output_type": "stream", "name": "stdout", "text": "1\n"}]
    finally:
        sandbox.stop()
