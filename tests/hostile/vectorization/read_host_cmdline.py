# Hostile: reads the command line of every process it can see in /proc (the grader's, other
# students', anything holding a path or a secret on its command line). Earns the points if it sees
# any process that is not a copy of itself (its own forks share its command line).
# unit: image2vector
# expect: failure
import os


def image2vector(image):
    with open("/proc/self/cmdline", "rb") as handle:
        mine = handle.read()
    others = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as handle:
                    line = handle.read()
            except OSError:
                continue
            if line and line != mine:
                others.add(line)
    if not others:
        return image.reshape(-1)
    return image.reshape(image.shape[0] * image.shape[1] * image.shape[2], 1)
