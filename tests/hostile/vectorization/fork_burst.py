# Hostile: a bounded burst of 50 forked children on the first call; each names itself and sleeps
# 30 s, then exits (never an unbounded fork bomb).
# unit: image2vector
# expect: KILLED or EXCEPTION
import ctypes
import os
import time

_forked = []


def image2vector(image):
    if not _forked:
        _forked.append(True)
        for _ in range(50):
            if os.fork() == 0:
                try:
                    ctypes.CDLL(None).prctl(15, b"__TOKEN__f", 0, 0, 0)
                    time.sleep(30)
                finally:
                    os._exit(0)
    return image.reshape(image.shape[0] * image.shape[1] * image.shape[2], 1)
