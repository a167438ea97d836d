"""Generated submissions for the end-to-end tests: the reference with one unit changed.

Each variant is one student; what it must score is stated beside it in test_grading.py.
"""
import textwrap
from pathlib import Path

from autograder.authoring.submissions import split_by_unit
from autograder.config import units
from solutions.broadcasting import ANSWERS

REPO = Path(__file__).resolve().parent.parent


def reference_source(assignment: str) -> str:
    """The whole reference module as a student would have typed it, answers included."""
    import importlib

    module = importlib.import_module(f"solutions.{assignment}")
    names = {u.name for u in units(REPO, assignment)}
    chunks = split_by_unit((REPO / "solutions" / f"{assignment}.py").read_text(), names)
    for name, answer in getattr(module, "ANSWERS", {}).items():
        chunks[name] = f"{name} = {answer!r}"
    return "\n\n".join(chunks[u.name] for u in units(REPO, assignment))


def variant(assignment: str, **replacements: str) -> str:
    """The reference with some units' code replaced."""
    names = {u.name for u in units(REPO, assignment)}
    chunks = split_by_unit(reference_source(assignment), names)
    chunks.update({name: textwrap.dedent(code).strip() for name, code in replacements.items()})
    return "\n\n".join(chunks[u.name] for u in units(REPO, assignment))


UNTOUCHED = "# I did not start yet\n"

VECTORIZATION = {
    "reference": None,
    "untouched": UNTOUCHED,
    "tiny_error": dict(L2="""
        def L2(yhat, y):
            return float(np.sum((y - yhat) ** 2)) * (1 + 1e-9)
    """),
    "off_by_a_permille": dict(L2="""
        def L2(yhat, y):
            return float(np.sum((y - yhat) ** 2)) * (1 + 1e-3)
    """),
    "rank1_image": dict(image2vector="""
        def image2vector(image):
            return image.reshape(-1)
    """),
    "relu_loop": dict(relu="""
        def relu(v):
            out = np.zeros_like(v)
            for i in range(v.shape[0]):
                out[i] = np.maximum(0, v[i])
            return out
    """),
    "in_place_relu": dict(relu="""
        def relu(v):
            v[v < 0] = 0
            return v
    """),
    "other_styles": dict(
        matvec="""
            def matvec(A, v):
                return A @ v
        """,
        normalize_rows="""
            def normalize_rows(x):
                return x / np.linalg.norm(x, ord=2, axis=1, keepdims=True)
        """,
        dot_vectorized="""
            def dot_vectorized(a, b):
                return float(np.einsum("i,i->", a, b))
        """,
        softmax="""
            def softmax(x):
                e = np.exp(x)
                return e / e.sum(axis=1, keepdims=True)
        """,
        L1="""
            def L1(yhat, y):
                return np.abs(y - yhat).sum()
        """,
    ),
    "patcher": dict(relu="""
        import ast, inspect, sys
        import kitcheck

        ast.parse = lambda *args, **kwargs: ast.Module(body=[], type_ignores=[])
        inspect.getsource = lambda *args, **kwargs: "def relu(v):\\n    return v\\n"
        sys.settrace = lambda *args, **kwargs: None
        kitcheck.vectorized = lambda *args, **kwargs: print("ok  relu: no Python loops found")

        def relu(v):
            out = np.zeros_like(v)
            for index in np.ndindex(v.shape):
                out[index] = max(0.0, v[index])
            return out
    """),
    "softmax_crash": dict(softmax="""
        def softmax(x):
            x_exp = np.exp(x)
            x_sum = np.sum(x_exp, axis=1)
            return x_exp / x_sum.reshape(1, -1).T.T
    """),
}

BROADCASTING = {
    "reference": None,
    "untouched": UNTOUCHED,
    "floor_division": dict(calorie_percentages="""
        def calorie_percentages(A):
            return 100 * A // A.sum(axis=0, keepdims=True)
    """),
    "outer_without_reshape": dict(outer="""
        def outer(a, b):
            return np.dot(a, b.T)
    """),
    "library_broadcast_shape": dict(broadcast_shape="""
        def broadcast_shape(shape_a, shape_b):
            return tuple(np.broadcast_shapes(shape_a, shape_b))
    """),
    "wrong_neuron_answer": dict(q_neuron=f"q_neuron = {'a' if ANSWERS['q_neuron'] != 'a' else 'b'!r}"),
}

LOGISTIC_REGRESSION = {
    "reference": None,
    "untouched": UNTOUCHED,
    "int_bias": dict(initialize_with_zeros="""
        def initialize_with_zeros(dim):
            return np.zeros((dim, 1)), 0
    """),
    "db_as_matrix": dict(propagate="""
        def propagate(w, b, X, Y):
            m = X.shape[1]
            A = sigmoid(w.T @ X + b)
            cost = float(-np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A)))
            dw = X @ (A - Y).T / m
            db = np.sum(A - Y, axis=1, keepdims=True) / m
            return {"dw": dw, "db": db}, cost
    """),
    "mean_and_einsum": dict(propagate="""
        def propagate(w, b, X, Y):
            A = sigmoid(np.einsum("ij,ik->jk", w, X) + b)
            cost = -np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))
            dw = np.mean(X * (A - Y), axis=1, keepdims=True)
            db = np.mean(A - Y)
            return {"dw": dw, "db": db}, cost
    """),
    "global_m": dict(propagate="""
        m_train = 7

        def propagate(w, b, X, Y):
            A = sigmoid(w.T @ X + b)
            cost = float(-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m_train)
            dw = X @ (A - Y).T / m_train
            db = float(np.sum(A - Y) / m_train)
            return {"dw": dw, "db": db}, cost
    """),
    "bool_predict": dict(predict="""
        def predict(w, b, X):
            return sigmoid(w.T @ X + b) > 0.5
    """),
    "round_predict": dict(predict="""
        def predict(w, b, X):
            return np.round(sigmoid(w.T @ X + b))
    """),
    "ge_predict": dict(predict="""
        def predict(w, b, X):
            return (sigmoid(w.T @ X + b) >= 0.5).astype(float)
    """),
    "while_optimize": dict(optimize="""
        def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
            costs = []
            i = 0
            while i < num_iterations:
                grads, cost = propagate(w, b, X, Y)
                w = w - learning_rate * grads["dw"]
                b = b - learning_rate * grads["db"]
                if i % 100 == 0:
                    costs.append(cost)
                i += 1
            return {"w": w, "b": b}, grads, costs
    """),
    "two_loop_optimize": dict(optimize="""
        def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
            costs = []
            for i in range(num_iterations):
                grads, cost = propagate(w, b, X, Y)
                dw = np.zeros_like(w)
                for j in range(X.shape[1]):
                    dw += X[:, j:j + 1] * (sigmoid(w.T @ X[:, j:j + 1] + b) - Y[0, j]) / X.shape[1]
                w = w - learning_rate * dw
                b = b - learning_rate * grads["db"]
                if i % 100 == 0:
                    costs.append(cost)
            return {"w": w, "b": b}, {"dw": dw, "db": grads["db"]}, costs
    """),
    "in_place_optimize": dict(optimize="""
        def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
            costs = []
            for i in range(num_iterations):
                grads, cost = propagate(w, b, X, Y)
                w -= learning_rate * grads["dw"]
                b -= learning_rate * grads["db"]
                if i % 100 == 0:
                    costs.append(cost)
            return {"w": w, "b": b}, grads, costs
    """),
}

STUDENTS = {
    "vectorization": VECTORIZATION,
    "broadcasting": BROADCASTING,
    "logistic_regression": LOGISTIC_REGRESSION,
}


def source_of(assignment: str, student: str) -> str:
    spec = STUDENTS[assignment][student]
    if spec is None:
        return reference_source(assignment)
    if isinstance(spec, str):
        return spec
    return variant(assignment, **spec)
