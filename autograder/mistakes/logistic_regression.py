"""Known mistakes of the "logistic_regression" assignment: their wrong variants and detectors.

Gradient descent variants (a hard-coded learning rate, a flipped update) rerun training, so they
run only when cheaper evidence points their way: the first recorded cost is right (propagate is
fine) while the final parameters are not.
"""
from __future__ import annotations

import numpy as np

from autograder.kitcheck.i18n import N_, _

from .common import (
    Failure, aligned_fix, broadcast_shapes, close, expensive, explains, hardcoded_reshape, int_not_float, is_number,
    joined, math_exp, misaligned_product, product_text, rank1, ratio, shape_text, transposed,
)
from .vectorization import exp_sign, precedence

OPTIMIZE_DEFAULTS = {"num_iterations": 100, "learning_rate": 0.009}
MODEL_DEFAULTS = {"num_iterations": 2000, "learning_rate": 0.5}
LEARNING_RATES = (0.009, 0.5)  # the course's own numbers: what a student types in
COST_EVERY = 100  # costs are recorded when i % 100 == 0


def _float(x) -> np.ndarray:
    return np.asarray(x, dtype=float)


def _sigmoid(z) -> np.ndarray:
    return 1 / (1 + np.exp(-z))


def _forward(w, b, X, Y) -> tuple[dict, float]:
    """propagate's formulas, as the reference computes them (the base of every variant)."""
    X, Y = _float(X), _float(Y)
    m = X.shape[1]
    A = _sigmoid(np.dot(w.T, X) + b)
    cost = float(-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m)
    dZ = A - Y
    return {"dw": np.dot(X, dZ.T) / m, "db": float(np.sum(dZ) / m)}, cost


def _descend(w, b, X, Y, iterations: int, learning_rate: float, every_cost: bool = False, b_rate=None):
    """optimize as the reference runs it, lean (it reruns training for a variant); with every_cost, the
    cost of every iteration and of the final parameters (iterations + 1 values), not every 100th."""
    X, Y = _float(X), _float(Y)
    m = X.shape[1]
    costs, dw, db = [], None, None

    def cost_of(A) -> float:
        return float(-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m)

    for i in range(iterations):
        A = _sigmoid(w.T @ X + b)
        if every_cost or i % COST_EVERY == 0:
            costs.append(cost_of(A))
        dZ = A - Y
        dw, db = X @ dZ.T / m, float(np.sum(dZ) / m)
        w, b = w - learning_rate * dw, b - (learning_rate if b_rate is None else b_rate) * db
    if every_cost:
        costs.append(cost_of(_sigmoid(w.T @ X + b)))
    return w, b, {"dw": dw, "db": db}, costs


# ---------------------------------------------------------------------------------------------
# flatten_images and initialize_with_zeros: shapes
# ---------------------------------------------------------------------------------------------
def flatten_no_transpose(f: Failure) -> dict | None:
    images = f.args[0]
    return {} if explains(f.got, images.reshape(-1, images.shape[0]), f.expected) else None


def zeros_shape_not_tuple(f: Failure) -> dict | None:
    return {} if f.raised("TypeError", r"Cannot interpret '.*' as a data type") else None


def zeros_hardcoded(f: Failure) -> dict | None:
    dim = f.args[0]
    w = f.got[0] if isinstance(f.got, (tuple, list)) and f.got else None
    if isinstance(w, np.ndarray) and w.ndim == 2 and w.shape[1] == 1 and w.shape[0] != dim:
        return {"what": "w", "size": w.shape[0], "given": f"dim = {dim}"}
    return None


# ---------------------------------------------------------------------------------------------
# propagate: the cost and the gradients
# ---------------------------------------------------------------------------------------------
def _propagated(f: Failure):
    """{"dw", "db", "cost"} of the student's and the expected result, or None if not that structure."""
    def slots(result):
        if isinstance(result, (tuple, list)) and len(result) == 2 and isinstance(result[0], dict):
            grads, cost = result
            return {"dw": grads.get("dw"), "db": grads.get("db"), "cost": cost}
        return None
    got, expected = slots(f.got), slots(f.expected)
    return (got, expected) if got is not None and expected is not None else None


def _ratios(f: Failure) -> dict[str, float]:
    """slot -> r where the student's slot is exactly r times the expected one."""
    found = _propagated(f)
    if found is None:
        return {}
    got, expected = found
    ratios = {slot: ratio(got[slot], expected[slot]) for slot in ("dw", "db", "cost")}
    return {slot: r for slot, r in ratios.items() if r is not None and not np.isclose(r, 1, rtol=1e-6)}


def _divisors(f: Failure) -> dict[str, int]:
    """slot -> k where the student divided by k instead of m (k = m / ratio is a whole number)."""
    m = f.args[2].shape[1]
    found = {}
    for slot, r in _ratios(f).items():
        k = m / r if r > 0 else None
        if k is not None and np.isclose(k, round(k), rtol=1e-6) and round(k) >= 1:
            found[slot] = int(round(k))
    return found


def missing_1_over_m(f: Failure) -> dict | None:
    n_x, m = f.args[2].shape
    if n_x == 1:  # dividing by X.shape[0] = 1 looks the same here: leave it to the other cases
        return None
    slots = [slot for slot, k in _divisors(f).items() if k == 1]
    return {"what": joined(slots), "m": m} if slots else None


def wrong_m(f: Failure) -> dict | None:
    n_x, m = f.args[2].shape
    wrong = {slot: k for slot, k in _divisors(f).items() if k not in (1, m)}
    if not wrong:
        return None
    k = next(iter(wrong.values()))
    return {"what": joined([s for s, v in wrong.items() if v == k]), "k": k, "m": m, "n_x": n_x}


def sign_flip(f: Failure) -> dict | None:
    slots = [slot for slot, r in _ratios(f).items() if np.isclose(r, -1, rtol=1e-6)]
    return {"what": joined(slots)} if slots else None


def missing_bias(f: Failure) -> dict | None:
    w, b, X, Y = f.args
    found = _propagated(f)
    if found is None or b == 0:
        return None
    got, expected = found
    grads, cost = _forward(w, 0.0, X, Y)
    if explains(got["dw"], grads["dw"], expected["dw"]) and close(got["cost"], cost):
        return {"what": "propagate(...)"}
    return None


def cost_matrix(f: Failure) -> dict | None:
    """cost or db as a (1, 1) (or (1,)) array holding the right number."""
    found = _propagated(f)
    for slot in ("cost", "db") if found else ():
        got, due = found[0][slot], found[1][slot]
        if isinstance(got, np.ndarray) and got.ndim >= 1 and got.size == 1 and close(got.item(), due):
            return {"what": slot, "got": shape_text(got.shape)}
    return None


def cost_unsummed(f: Failure) -> dict | None:
    found = _propagated(f)
    m = f.args[2].shape[1]
    cost = found[0]["cost"] if found else None
    if isinstance(cost, np.ndarray) and cost.ndim >= 1 and cost.size == m > 1:
        total = cost.astype(float)
        if close(total.sum(), found[1]["cost"]) or close(total.mean(), found[1]["cost"]):
            return {"got": shape_text(cost.shape)}
    return None


def outer_product_cost(f: Failure) -> dict | None:
    """Y.T * np.log(A) (or np.dot(Y.T, ...)): a column times a row makes every pair of examples."""
    w, b, X, Y = f.args
    m = X.shape[1]
    found = _propagated(f)
    if found is None or m == 1:
        return None
    cost = found[0]["cost"]
    if isinstance(cost, np.ndarray) and cost.shape == (m, m):
        return {"m": m}
    Y = _float(Y)
    A = _sigmoid(np.dot(w.T, _float(X)) + b)
    summed = -(Y.sum() * np.log(A).sum() + (1 - Y).sum() * np.log(1 - A).sum()) / m
    return {"m": m} if explains(cost, summed, found[1]["cost"]) else None


def propagate_elementwise(f: Failure) -> dict | None:
    """w * X (or w.T * X) instead of np.dot(w.T, X): an (n_x, m) matrix of products, never summed."""
    w, b, X, Y = f.args
    fills = {"what": "propagate(...)", "formula": "np.dot(w.T, X)"}
    shapes = broadcast_shapes(f)
    if shapes and set(shapes) <= {w.T.shape, X.shape}:
        return fills
    found = _propagated(f)
    if found is None:
        return None
    X, Y = _float(X), _float(Y)
    A = _sigmoid(w * X + b)
    dw = np.dot(X, (A - Y).T) / X.shape[1]
    return fills if explains(found[0]["dw"], dw, found[1]["dw"]) else None


def propagate_transpose(f: Failure) -> dict | None:
    """np.dot(w, X) or np.dot(X.T, dZ): numpy names the misaligned shapes; or dw as a row."""
    shapes = misaligned_product(f)
    if shapes:
        due = aligned_fix(*shapes)
        return {"what": "propagate(...)", "got": product_text(*shapes), "due": due} if due else None
    return transposed(f)


# ---------------------------------------------------------------------------------------------
# Arrays sized by something other than the arguments: a notebook variable
# ---------------------------------------------------------------------------------------------
def _foreign_shape(label: str, got, due_shape: tuple) -> dict | None:
    """A column or row whose length does not come from the arguments (nor is it transposed or rank-1)."""
    if not isinstance(got, np.ndarray) or got.ndim != 2 or got.shape in (due_shape, due_shape[::-1]):
        return None
    if got.shape[0] == due_shape[0] == 1 or got.shape[1] == due_shape[1] == 1:
        return {"what": label, "got": shape_text(got.shape), "due": shape_text(due_shape)}
    return None


def _first(*found):
    return next((fills for fills in found if fills is not None), None)


def _foreign_operand(f: Failure) -> dict | None:
    """A failed product or broadcast with an operand whose sizes none of the arguments has."""
    shapes = misaligned_product(f) or broadcast_shapes(f)
    arrays = [a for a in f.args if isinstance(a, np.ndarray)]
    known = {1} | {n for a in arrays for n in a.shape}
    known |= {p * q for p in known for q in known}
    foreign = [shape for shape in shapes or () if any(n not in known for n in shape)]
    if not foreign:
        return None
    due = ", ".join(shape_text(a.shape) for a in arrays)
    return {"what": f.what, "got": shape_text(foreign[0]), "due": due}


def global_predict(f: Failure) -> dict | None:
    return _foreign_operand(f) or _foreign_shape(f.what, f.got, (1, f.args[2].shape[1]))


def global_propagate(f: Failure) -> dict | None:
    found = _propagated(f)
    return _foreign_operand(f) or (_foreign_shape("grads['dw']", found[0]["dw"], f.args[0].shape) if found else None)


def global_optimize(f: Failure) -> dict | None:
    params = f.got[0] if _optimized(f.got) else None
    return _foreign_operand(f) or (_foreign_shape("params['w']", params.get("w"), f.args[0].shape) if params else None)


def global_model(f: Failure) -> dict | None:
    if not isinstance(f.got, dict):
        return _foreign_operand(f)
    X_train, _, X_test, _ = f.args
    return _first(
        _foreign_shape("d['Y_prediction_train']", f.got.get("Y_prediction_train"), (1, X_train.shape[1])),
        _foreign_shape("d['Y_prediction_test']", f.got.get("Y_prediction_test"), (1, X_test.shape[1])),
        _foreign_shape("d['w']", f.got.get("w"), (X_train.shape[0], 1)),
    )


# ---------------------------------------------------------------------------------------------
# optimize and model: the training loop
# ---------------------------------------------------------------------------------------------
def _optimized(result) -> bool:
    return (isinstance(result, (tuple, list)) and len(result) == 3 and isinstance(result[0], dict)
            and isinstance(result[1], dict) and isinstance(result[2], (list, tuple, np.ndarray)))


class _Training:
    """What optimize or model was asked to do, what it returned and what was due."""

    def __init__(self, f: Failure):
        if f.name == "optimize":
            if not (_optimized(f.got) and _optimized(f.expected)):
                raise ValueError("not an optimize result")
            w, b, self.X, self.Y = f.args
            self.settings = {**OPTIMIZE_DEFAULTS, **f.kwargs}
            self.defaults = OPTIMIZE_DEFAULTS
            self.params, self.grads, self.costs = f.got
            self.due_params, self.due_grads, self.due_costs = f.expected
        else:
            if not isinstance(f.got, dict) or not isinstance(f.got.get("costs"), (list, tuple)):
                raise ValueError("not a model result")
            self.X, self.Y = f.args[0], f.args[1]
            w, b = np.zeros((self.X.shape[0], 1)), 0.0
            self.settings = {**MODEL_DEFAULTS, **f.kwargs}
            self.defaults = MODEL_DEFAULTS
            self.params, self.costs = f.got, list(f.got["costs"])
            self.due_params, self.due_costs = f.expected, f.expected["costs"]
        self.w, self.b, self.what = w, b, f.name
        self.iterations = int(self.settings["num_iterations"])
        self.learning_rate = float(self.settings["learning_rate"])

    def trained_like(self, learning_rate: float, b_rate: float | None = None) -> bool:
        """The returned w and b are those of training with this learning rate (for b: b_rate, if given)."""
        w, b, _, _ = _descend(self.w, self.b, self.X, self.Y, self.iterations, learning_rate, b_rate=b_rate)
        return close(self.params.get("w"), w) and close(self.params.get("b"), b)

    @property
    def params_right(self) -> bool:
        return close(self.params.get("w"), self.due_params["w"]) and close(self.params.get("b"), self.due_params["b"])

    @property
    def first_cost_right(self) -> bool:
        """The first cost does not depend on the loop: if it is right, propagate is."""
        return len(self.costs) > 0 and close(self.costs[0], self.due_costs[0])


def _training(f: Failure) -> _Training | None:
    try:
        return _Training(f)
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


@expensive
def hardcoded_lr(f: Failure) -> dict | None:
    t = _training(f)
    if t is None or t.params_right or not t.first_cost_right:
        return None
    for lr in (t.defaults["learning_rate"], *LEARNING_RATES):
        if not np.isclose(lr, t.learning_rate) and t.trained_like(lr):
            return {"what": t.what, "lr": lr, "given": t.learning_rate}
    return None


def hardcoded_iterations(f: Failure) -> dict | None:
    """The costs are the due ones up to where one list stops, and their number fits a course default."""
    t = _training(f)
    if t is None or len(t.costs) == len(t.due_costs) or not t.first_cost_right:
        return None
    shared = min(len(t.costs), len(t.due_costs))
    if not close(list(t.costs[:shared]), list(t.due_costs[:shared])):
        return None
    counts = [OPTIMIZE_DEFAULTS["num_iterations"], MODEL_DEFAULTS["num_iterations"]]
    for n in counts:
        if n != t.iterations and -(-n // COST_EVERY) == len(t.costs):
            return {"what": t.what, "n": n, "given": t.iterations}
    return None


@expensive
def gradient_ascent(f: Failure) -> dict | None:
    t = _training(f)
    if t is None or t.params_right or not t.first_cost_right:
        return None
    lr = t.learning_rate
    for which, (w_rate, b_rate) in {N_("w and b"): (-lr, -lr), "b": (lr, -lr), "w": (-lr, lr)}.items():
        if t.trained_like(w_rate, b_rate):
            return {"which": _(which)}
    return None


def bias_not_updated(f: Failure) -> dict | None:
    t = _training(f)
    if t is None or not is_number(t.params.get("b")):
        return None
    stayed = float(t.params["b"]) == float(t.b)
    return {} if stayed and not np.isclose(t.due_params["b"], t.b) else None


@expensive
def costs_wrong_iterations(f: Failure) -> dict | None:
    """Training is right, the costs are not: find each recorded cost among every iteration's cost."""
    t = _training(f)
    if t is None or not t.params_right or close(list(t.costs), list(t.due_costs)) or not t.costs:
        return None
    _, _, _, trace = _descend(t.w, t.b, t.X, t.Y, t.iterations, t.learning_rate, every_cost=True)
    trace = np.asarray(trace)
    found = []
    for cost in t.costs:
        if not is_number(cost):
            return None
        index = int(np.argmin(np.abs(trace - float(cost))))
        if not close(cost, trace[index]):
            return None
        found.append(index)
    due = list(range(0, t.iterations, COST_EVERY))
    return {"got": _indices(found), "due": _indices(due)} if found != due else None


def _indices(indices: list[int]) -> str:
    shown = ", ".join(map(str, indices[:4]))
    return f"[{shown}, ...]" if len(indices) > 4 else f"[{shown}]"


def grads_after_loop(f: Failure) -> dict | None:
    t = _training(f)
    if t is None or f.name != "optimize" or not t.params_right or close(t.grads, t.due_grads):
        return None
    grads, _ = _forward(t.params["w"], t.params["b"], t.X, t.Y)
    return {} if close(t.grads.get("dw"), grads["dw"]) and close(t.grads.get("db"), grads["db"]) else None


# ---------------------------------------------------------------------------------------------
# predict
# ---------------------------------------------------------------------------------------------
def _probabilities(w, b, X) -> np.ndarray:
    return _sigmoid(np.dot(w.T, _float(X)) + b)


def probabilities_not_labels(f: Failure) -> dict | None:
    return {} if explains(f.got, _probabilities(*f.args), f.expected) else None


def threshold_ge(f: Failure) -> dict | None:
    return {} if explains(f.got, _probabilities(*f.args) >= 0.5, f.expected) else None


def predict_missing_bias(f: Failure) -> dict | None:
    w, b, X = f.args
    return {"what": f.what} if explains(f.got, _probabilities(w, 0.0, X) > 0.5, f.expected) else None


DETECTORS = {
    "flatten_images": [
        ("M_FLATTEN_NO_TRANSPOSE", flatten_no_transpose),
        ("M_TRANSPOSE", transposed),
        ("M_HARDCODED_SHAPE", hardcoded_reshape),
    ],
    "sigmoid": [("M_MATH_EXP_ON_ARRAY", math_exp), ("M_EXP_SIGN", exp_sign), ("M_PRECEDENCE", precedence)],
    "initialize_with_zeros": [
        ("M_SHAPE_NOT_TUPLE", zeros_shape_not_tuple),
        ("M_RANK1", rank1),
        ("M_TRANSPOSE", transposed),
        ("M_HARDCODED_SHAPE", zeros_hardcoded),
        ("M_INT_NOT_FLOAT", int_not_float),
    ],
    "propagate": [
        ("M_NOTEBOOK_GLOBAL", global_propagate),
        ("M_COST_MATRIX", cost_matrix),
        ("M_COST_UNSUMMED", cost_unsummed),
        ("M_OUTER_PRODUCT_COST", outer_product_cost),
        ("M_ELEMENTWISE_NOT_DOT", propagate_elementwise),
        ("M_TRANSPOSE", propagate_transpose),
        ("M_RANK1", rank1),
        ("M_MISSING_BIAS", missing_bias),
        ("M_MISSING_1_OVER_M", missing_1_over_m),
        ("M_WRONG_M", wrong_m),
        ("M_SIGN_FLIP", sign_flip),
    ],
    "optimize": [
        ("M_NOTEBOOK_GLOBAL", global_optimize),
        ("M_HARDCODED_ITERATIONS", hardcoded_iterations),
        ("M_BIAS_NOT_UPDATED", bias_not_updated),
        ("M_GRADS_AFTER_LOOP", grads_after_loop),
        ("M_HARDCODED_LR", hardcoded_lr),
        ("M_GRADIENT_ASCENT", gradient_ascent),
        ("M_COSTS_WRONG_ITERATIONS", costs_wrong_iterations),
    ],
    "predict": [
        ("M_NOTEBOOK_GLOBAL", global_predict),
        ("M_RANK1", rank1),
        ("M_TRANSPOSE", transposed),
        ("M_PROBABILITIES_NOT_LABELS", probabilities_not_labels),
        ("M_THRESHOLD_GE", threshold_ge),
        ("M_MISSING_BIAS", predict_missing_bias),
    ],
    "model": [
        ("M_NOTEBOOK_GLOBAL", global_model),
        ("M_HARDCODED_ITERATIONS", hardcoded_iterations),
        ("M_BIAS_NOT_UPDATED", bias_not_updated),
        ("M_HARDCODED_LR", hardcoded_lr),
        ("M_COSTS_WRONG_ITERATIONS", costs_wrong_iterations),
    ],
}
