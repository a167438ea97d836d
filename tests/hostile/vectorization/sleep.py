# Hostile: sleeps far beyond the time limit on every call (30 s, so it ends by itself).
# unit: matvec
# expect: TIMEOUT
import time


def matvec(A, v):
    time.sleep(30)
    return np.dot(A, v)
