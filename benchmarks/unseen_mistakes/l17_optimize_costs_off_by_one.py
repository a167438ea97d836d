# assignment: logistic_regression
# function: optimize
# mistake: costs recorded when (i + 1) % 100 == 0 (iterations 99, 199, ...) instead of i % 100 == 0
# named by: M_COSTS_WRONG_ITERATIONS
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        dw = grads["dw"]
        db = grads["db"]
        w = w - learning_rate * dw
        b = b - learning_rate * db
        if (i + 1) % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i + 1}: {cost:f}")
    params = {"w": w, "b": b}
    grads = {"dw": dw, "db": db}
    return params, grads, costs
