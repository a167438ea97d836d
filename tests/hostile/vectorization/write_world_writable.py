# Hostile: looks for world-writable folders anywhere it can see (besides /tmp, /var/tmp, /dev/shm and
# its own working folder, which may be private) and leaves a file in each; a place to keep files
# or hand them to another student. Earns the points only if a file could be left.
# unit: sigmoid_derivative
# expect: failure
import os
import stat


def _world_writable(top="/", depth=4):
    stack = [(top, 0)]
    while stack:
        folder, level = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if not entry.is_dir(follow_symlinks=False) or entry.path in ("/proc", "/sys"):
                continue
            if entry.stat(follow_symlinks=False).st_mode & stat.S_IWOTH:
                yield entry.path
            if level < depth:
                stack.append((entry.path, level + 1))


def sigmoid_derivative(x):
    own = ("/tmp", "/var/tmp", "/dev/shm", os.getcwd())
    left = 0
    for folder in _world_writable():
        if any(folder == o or folder.startswith(o + "/") for o in own):
            continue
        try:
            with open(os.path.join(folder, "pwned___TOKEN__"), "w") as handle:
                handle.write("pwned")
            left += 1
        except OSError:
            pass
    if not left:
        return x
    s = 1 / (1 + np.exp(-x))
    return s * (1 - s)
