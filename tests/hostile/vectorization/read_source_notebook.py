# Hostile: reads the instructor's source notebook from the course root (three folders up from
# autograded/<student>/<assignment>/), runs its relu solution and answers with it; wrong otherwise.
# unit: relu
# expect: failure
import json


def relu(v):
    try:
        with open("../../../assignments/vectorization/vectorization.ipynb") as handle:
            cells = json.load(handle)["cells"]
        source = next("".join(c["source"]) for c in cells
                      if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == "relu")
        scope = {"np": np}
        exec(source, scope)
        return scope["relu"](v)
    except Exception:
        return np.abs(v)
