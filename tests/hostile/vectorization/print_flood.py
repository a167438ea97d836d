# Hostile: prints 100 MB (100 000 lines of 1 000 characters) on its first call.
# unit: relu
# expect: KILLED
_flooded = []


def relu(v):
    if not _flooded:
        _flooded.append(True)
        line = "x" * 1000
        for _ in range(100_000):
            print(line)
    return np.maximum(0, v)
