# Hostile: writes a forged reply of 30 MB (ten million empty lists) straight into the worker's
# socket to the grader, before the real one. Decoded, it would take over a gigabyte of the
# grader's memory; the grader must refuse it from its announced size, kill the worker and say so.
# unit: softmax
# expect: KILLED
# mentions: limit
import os
import stat
import struct


def _forge(body):
    for fd in range(3, 1024):
        try:
            if stat.S_ISSOCK(os.fstat(fd).st_mode):
                data = struct.pack("!Q", len(body)) + body
                while data:
                    data = data[os.write(fd, data):]
        except OSError:
            pass


def softmax(x):
    _forge(b'{"result":{"$tuple":[' + b"[]," * 10_000_000 + b'[]]},"error":null}')
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)
