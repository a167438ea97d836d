# Hostile: sabotages another student's submitted notebook (the course root is three folders up when
# run in autograded/<student>/<assignment>/): their relu becomes wrong. It must not be reachable.
# unit: relu
# expect: EXCEPTION or FORBIDDEN
def relu(v):
    path = "../../../submitted/reference/vectorization/vectorization.ipynb"
    with open(path, "r+") as handle:
        text = handle.read().replace("np.maximum(0, v)", "np.minimum(0, v)")
        handle.seek(0)
        handle.write(text)
        handle.truncate()
    return np.maximum(0, v)
