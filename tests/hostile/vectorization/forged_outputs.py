# Hostile: raises the worker's own stdout limit and prints 20 MB in one cell, makes the worker hand
# back 5 000 display outputs, and raises an exception with a 20 MB message. The grader bounds what
# it keeps (BoundOutputs), so results.json and the graded notebook stay small.
# unit: relu
# expect: EXCEPTION
# others: reference
import sys

sys.stdout.limit = 10 ** 12
print("f" * 20_000_000)
_worker = sys.modules.get("autograder.sandbox.worker")
if _worker is not None:
    _worker.Worker._displays = lambda self: [
        {"output_type": "display_data", "data": {"text/plain": "d" * 100}, "metadata": {}}] * 5_000


def relu(v):
    raise ValueError("e" * 20_000_000)
