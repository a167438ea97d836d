# Hostile: ignores every signal a grader might send to stop it politely, then spins.
# The spin ends 40 s after the first call, so a grader that cannot kill it still finishes.
# unit: normalize_rows
# expect: TIMEOUT
import signal
import time

_spin_until = []


def normalize_rows(x):
    for name in ("SIGINT", "SIGTERM", "SIGALRM", "SIGXCPU", "SIGHUP", "SIGUSR1", "SIGUSR2", "SIGQUIT"):
        try:
            signal.signal(getattr(signal, name), signal.SIG_IGN)
        except (ValueError, OSError):  # not the main thread, or not allowed
            pass
    if not _spin_until:
        _spin_until.append(time.monotonic() + 40)
    while time.monotonic() < _spin_until[0]:
        pass
    return x / np.linalg.norm(x, axis=1, keepdims=True)
