# Hostile: leaves a non-daemon thread spinning after the function returns (it would keep the
# process alive at exit); the spin ends by itself 45 s after it started.
# unit: sigmoid
# expect: any outcome
import ctypes
import threading
import time

_spinners = []


def _spin():
    ctypes.CDLL(None).prctl(15, b"__TOKEN__t", 0, 0, 0)
    end = time.monotonic() + 45
    while time.monotonic() < end:
        pass


def sigmoid(x):
    if not _spinners:
        _spinners.append(threading.Thread(target=_spin))
        _spinners[0].start()
    return 1 / (1 + np.exp(-x))
