# assignment: logistic_regression
# function: model
# mistake: uses the notebook's train_set_x, train_y, test_set_x, test_y instead of the arguments
# named by: M_NOTEBOOK_GLOBAL
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    w, b = initialize_with_zeros(train_set_x.shape[0])
    params, grads, costs = optimize(w, b, train_set_x, train_y, num_iterations, learning_rate, print_cost)
    w = params["w"]
    b = params["b"]
    Y_prediction_test = predict(w, b, test_set_x)
    Y_prediction_train = predict(w, b, train_set_x)
    d = {"costs": costs,
         "Y_prediction_test": Y_prediction_test,
         "Y_prediction_train": Y_prediction_train,
         "w": w,
         "b": b,
         "learning_rate": learning_rate,
         "num_iterations": num_iterations}
    return d
