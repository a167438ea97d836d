# assignment: logistic_regression
# function: optimize
# mistake: hard-coded learning rate 0.009 in the update instead of the learning_rate argument
# named by: M_HARDCODED_LR
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        dw = grads["dw"]
        db = grads["db"]
        w = w - 0.009 * dw
        b = b - 0.009 * db
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost:f}")
    params = {"w": w, "b": b}
    grads = {"dw": dw, "db": db}
    return params, grads, costs
