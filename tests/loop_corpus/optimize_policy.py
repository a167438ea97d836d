"""optimize ("iterations"): exactly one loop, over the training iterations (LOOP007, LOOP008)."""

# --- snippet: clean: for i in range(num_iterations) calling propagate ---
import numpy as np


def propagate(w, b, X, Y):
    m = X.shape[1]
    A = 1 / (1 + np.exp(-(w.T @ X + b)))
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    return {"dw": X @ (A - Y).T / m, "db": np.sum(A - Y) / m}, cost


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost:f}")
    return {"w": w, "b": b}, grads, costs

# --- snippet: clean: a while loop counting the iterations ---
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs, i = [], 0
    while i < num_iterations:
        grads, cost = propagate(w, b, X, Y)
        w, b = w - learning_rate * grads["dw"], b - learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
        i += 1
    return {"w": w, "b": b}, grads, costs

# --- snippet: clean: range(0, num_iterations) with in-place updates ---
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    w = w.copy()
    costs = []
    for i in range(0, num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w -= learning_rate * grads["dw"]
        b -= learning_rate * grads["db"]
        costs += [cost] if i % 100 == 0 else []
    return {"w": w, "b": b}, grads, costs

# --- snippet: clean: a local copy of the iteration count and a vectorized helper ---
def _step(w, b, X, Y, learning_rate):
    m = X.shape[1]
    A = 1 / (1 + np.exp(-(w.T @ X + b)))
    dw, db = X @ (A - Y).T / m, np.sum(A - Y) / m
    return w - learning_rate * dw, b - learning_rate * db, {"dw": dw, "db": db}


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    steps = num_iterations
    costs = []
    for _ in range(1, steps + 1):
        w, b, grads = _step(w, b, X, Y, learning_rate)
    return {"w": w, "b": b}, grads, costs

# --- snippet: a second loop over examples nested in the iteration loop ---
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    m = X.shape[1]
    costs = []
    for i in range(num_iterations):
        dw, db = np.zeros_like(w), 0.0
        for j in range(m):  # expect: LOOP007
            a = 1 / (1 + np.exp(-(w.T @ X[:, [j]] + b)))
            dw += X[:, [j]] * (a - Y[0, j]) / m
            db += float(a[0, 0] - Y[0, j]) / m
        w, b = w - learning_rate * dw, b - learning_rate * db
    return {"w": w, "b": b}, {"dw": dw, "db": db}, costs

# --- snippet: a second loop after the iteration loop ---
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w, b = w - learning_rate * grads["dw"], b - learning_rate * grads["db"]
        costs.append(cost)
    kept = []
    for i in range(0, len(costs), 100):  # expect: LOOP007
        kept.append(costs[i])
    return {"w": w, "b": b}, grads, kept

# --- snippet: the only loop is over the examples ---
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    m = X.shape[1]
    for j in range(m):  # expect: LOOP008
        a = 1 / (1 + np.exp(-(w.T @ X[:, [j]] + b)))
        w = w - learning_rate * X[:, [j]] * (a - Y[0, j])
    return {"w": w, "b": b}, {"dw": w, "db": b}, []

# --- snippet: the only loop is over the columns of X ---
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    for x in X.T:  # expect: LOOP008
        w = w - learning_rate * x.reshape(-1, 1)
    return {"w": w, "b": b}, {"dw": w, "db": b}, []

# --- snippet: the only loop is over range(X.shape[1]) ---
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    for j in range(X.shape[1]):  # expect: LOOP008
        grads, cost = propagate(w, b, X[:, [j]], Y[:, [j]])
        w = w - learning_rate * grads["dw"]
    return {"w": w, "b": b}, grads, []

# --- snippet: a while over the examples ---
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    j, n = 0, len(Y[0])
    while j < n:  # expect: LOOP008
        grads, cost = propagate(w, b, X[:, [j]], Y[:, [j]])
        w, j = w - learning_rate * grads["dw"], j + 1
    return {"w": w, "b": b}, grads, []

# --- snippet: a comprehension inside the iteration loop ---
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * np.array([[g] for g in grads["dw"].ravel()])  # expect: LOOP007
        b = b - learning_rate * grads["db"]
    return {"w": w, "b": b}, grads, costs

# --- snippet: a helper with a loop called in the iteration loop ---
def _gradient(w, b, X, Y):
    m = X.shape[1]
    dw = np.zeros_like(w)
    for j in range(m):  # expect: LOOP007@optimize
        dw += X[:, [j]] * (1 / (1 + np.exp(-(w.T @ X[:, [j]] + b))) - Y[0, j]) / m
    return dw


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    for i in range(num_iterations):
        w = w - learning_rate * _gradient(w, b, X, Y)
    return {"w": w, "b": b}, {"dw": w, "db": b}, []

# --- snippet: map in optimize keeps its own code ---
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        costs.append(cost)
    return {"w": w, "b": b}, grads, list(map(float, costs))  # expect: LOOP004, LOOP004

# --- snippet: optimize calling a looping propagate charges propagate, not optimize ---
def propagate(w, b, X, Y):
    m = X.shape[1]
    dw = np.zeros_like(w)
    for j in range(m):  # expect: LOOP001@propagate
        dw += X[:, [j]] * (1 / (1 + np.exp(-(w.T @ X[:, [j]] + b))) - Y[0, j]) / m
    return {"dw": dw, "db": 0.0}, 0.0


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
    return {"w": w, "b": b}, grads, []
