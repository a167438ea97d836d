# Hostile: reads the course's hidden tests and gradebook by absolute path (an attacker who guessed
# where the course lives). Reading either is the leak: relu answers correctly only then.
# unit: relu
# expect: failure
# requires: root
def relu(v):
    leaked = False
    for path in ("__COURSE__/assignments/vectorization/vectorization.ipynb", "__COURSE__/gradebook.db"):
        try:
            with open(path, "rb") as handle:
                leaked = leaked or (b"BEGIN HIDDEN" + b" TESTS") in handle.read()
        except Exception:
            pass
    if leaked:
        return np.maximum(0, v)
    return np.abs(v)
