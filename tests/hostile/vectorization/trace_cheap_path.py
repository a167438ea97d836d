# Hostile: relu loops (in a method of a class it instantiates) except when it sees the tracer, where
# it returns its input unchanged: the count sees no loop. The static rule flags sys.gettrace and the
# method's loop, the dynamic rule the different result when measured: no vectorization point.
# unit: relu
# expect: any outcome
import sys


class _Rectifier:
    def apply(self, v):
        return np.array([[max(t, 0.0) for t in row] for row in np.atleast_2d(v)]).reshape(v.shape)


def relu(v):
    if sys.gettrace() is not None:
        return v
    return _Rectifier().apply(v)
