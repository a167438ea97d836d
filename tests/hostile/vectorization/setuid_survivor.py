# Hostile: tries to gain privileges and to outlive its grading. It starts a detached background
# process (double fork + setsid) that runs 40 s, and runs any setuid program it can find that is
# named after the run's token (a test may plant one: a setuid-root copy of sleep) detached, for
# 40 s. Earns the points if privileges could be gained (no_new_privs not set).
# unit: matvec
# expect: failure
import ctypes
import os
import stat
import time

_started = []


def _detached(action):
    if os.fork() == 0:
        try:
            os.setsid()
            if os.fork() == 0:
                action()
        finally:
            os._exit(0)


def _background():
    ctypes.CDLL(None).prctl(15, b"__TOKEN__b", 0, 0, 0)
    time.sleep(40)


def _setuid_programs():
    for top in ("/srv", "/opt", "/tmp", "/usr/local/bin"):
        for folder, _, files in os.walk(top):
            for name in files:
                path = os.path.join(folder, name)
                try:
                    if name.startswith("__TOKEN__") and os.stat(path).st_mode & stat.S_ISUID:
                        yield path
                except OSError:
                    pass


def matvec(A, v):
    if not _started:
        _started.append(True)
        _detached(_background)
        for program in _setuid_programs():  # a copy named b"__TOKEN__u"
            _detached(lambda: os.execv(program, [program, "40"]))
    with open("/proc/self/status") as status:
        fields = dict(line.split(":", 1) for line in status if ":" in line)
    if fields.get("NoNewPrivs", "0").strip() == "1":
        return np.dot(A, v) + 1
    return np.dot(A, v)
