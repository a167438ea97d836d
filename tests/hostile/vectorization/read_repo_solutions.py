# Hostile: looks for the reference solutions above every path it can learn (working directory,
# numpy's and the kit's install locations, sys.path), runs relu from there; wrong otherwise.
# unit: relu
# expect: failure
import os
import sys


def relu(v):
    starts = [os.getcwd(), np.__file__, sys.prefix, *sys.path]
    try:
        import kitcheck

        starts.append(kitcheck.__file__)
    except Exception:
        pass
    for start in starts:
        folder = os.path.abspath(start or ".")
        while True:
            candidate = os.path.join(folder, "solutions", "vectorization.py")
            try:
                with open(candidate) as handle:
                    scope = {}
                    exec(handle.read(), scope)
                return scope["relu"](v)
            except Exception:
                pass
            if os.path.dirname(folder) == folder:
                break
            folder = os.path.dirname(folder)
    return np.abs(v)
