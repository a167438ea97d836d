# Hostile: serves on a loopback port and talks to itself through it (a server for an accomplice, or
# a channel between its own processes). Grading has no network: the round trip must fail (binding
# alone may succeed in an empty network namespace, where nothing can reach the port).
# unit: matvec
# expect: EXCEPTION
# requires: root
import socket


def matvec(A, v):
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        server.bind(("127.0.0.1", 0))
        server.listen()
        with socket.create_connection(server.getsockname(), timeout=3) as client:
            client.sendall(b"__TOKEN__")
    finally:
        server.close()
    return np.dot(A, v)
