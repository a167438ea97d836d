# Hostile: connects to a server on the loopback interface (the test runs one on __PORT__) and sends
# a message. Grading has no network: the connection must fail.
# unit: relu
# expect: EXCEPTION
# requires: root
import socket


def relu(v):
    with socket.create_connection(("127.0.0.1", __PORT__), timeout=3) as connection:
        connection.sendall(b"__TOKEN__")
    return np.maximum(0, v)
