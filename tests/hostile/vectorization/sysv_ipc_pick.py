# Hostile: picks up what sysv_ipc_leave (an earlier submission of the batch) left in SysV shared
# memory and message queues, and runs that code as its L2; wrong otherwise.
# unit: L2
# expect: failure
import ctypes

KEY = int("__TOKEN__"[2:], 16) * 16 + 1


def _picked():
    libc = ctypes.CDLL(None, use_errno=True)
    libc.shmat.restype = ctypes.c_void_p
    segment = libc.shmget(KEY, 0, 0)
    if segment >= 0:
        address = libc.shmat(segment, None, 0o10000)  # SHM_RDONLY
        if address not in (None, ctypes.c_void_p(-1).value):
            return ctypes.string_at(address, 200).split(b"\x07")[0].decode()
    queue = libc.msgget(KEY, 0)
    if queue >= 0:
        buffer = ctypes.create_string_buffer(8 + 4096)
        size = libc.msgrcv(queue, buffer, 4096, 0, 0o4000)
        if size > 0:
            return buffer.raw[8:8 + size].decode()
    return None


def L2(yhat, y):
    code = _picked()
    if code:
        scope = {"np": np}
        exec(code, scope)
        return scope["L2"](yhat, y)
    return float(np.sum(np.abs(y - yhat)))
