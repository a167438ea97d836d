"""What crosses the sandbox boundary: plain data exactly, anything else as an inert placeholder."""
import numpy as np
import pytest

from autograder.kitcheck.encoding import Opaque, decode, dumps, encode, loads


@pytest.mark.parametrize("value", [
    np.arange(6.0).reshape(2, 3), np.array(0.25), np.array([[True, False]]), np.arange(3, dtype=np.int32),
    np.float64(0.5), np.int64(3), 0.5, 3, "text", None, True, (1, (2, 3)), [1.0, 2.0],
    {"dw": np.zeros((2, 1)), "db": 0.1}, float("nan"), float("inf"), np.zeros((0, 3)),
])
def test_plain_data_round_trips_with_type_shape_and_dtype(value):
    back = decode(loads(dumps({"value": encode(value)}))["value"])
    assert type(back) is type(value)
    if isinstance(value, np.ndarray):
        assert back.shape == value.shape and back.dtype == value.dtype
        assert np.array_equal(back, value)
    elif isinstance(value, float) and value != value:
        assert back != back
    elif not isinstance(value, dict):
        assert back == value


def test_objects_cross_as_opaque_placeholders_that_say_what_they_were():
    class Evil:
        def __repr__(self):
            return "I am evil"

    back = decode(encode([Evil(), np.array([object()], dtype=object), lambda: 0]))
    assert all(isinstance(item, Opaque) for item in back)
    assert back[0].type_name == "Evil" and back[0].text == "I am evil"


@pytest.mark.parametrize("message", [
    {"$array": ["|O", [1], ""]},
    {"$nope": 1},
    {"$array": ["<f8", [2], ""], "extra": 1},
])
def test_malformed_or_dangerous_messages_are_refused(message):
    with pytest.raises((ValueError, TypeError)):
        decode(message)
