# Hostile: searches the whole file system it can see (not only above known paths) for any copy of
# the reference solutions, such as another checkout of the kit, and runs relu from the first it
# finds; wrong otherwise. The search is bounded (depth 6, 5 s).
# unit: relu
# expect: failure
import os
import time


def _solution_files():
    deadline, stack = time.monotonic() + 5, [("/", 0)]
    while stack and time.monotonic() < deadline:
        folder, depth = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.name == "solutions":
                yield os.path.join(entry.path, "vectorization.py")
            elif depth < 6 and entry.is_dir(follow_symlinks=False) and entry.path not in ("/proc", "/sys", "/dev"):
                stack.append((entry.path, depth + 1))


def relu(v):
    for path in _solution_files():
        try:
            with open(path) as handle:
                scope = {}
                exec(handle.read(), scope)
            return scope["relu"](v)
        except Exception:
            pass
    return np.abs(v)
