# Hostile: writes a forged reply just under the grader's size limit, made of 2.6 million empty
# lists (each costs the grader some 60 bytes once decoded), straight into the worker's socket.
# The grader must refuse it before decoding, from the number of values, and kill the worker.
# unit: normalize_rows
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


def normalize_rows(x):
    _forge(b'{"result":[' + b"[]," * 2_600_000 + b'[]],"error":null}')
    return x / np.linalg.norm(x, axis=1, keepdims=True)
