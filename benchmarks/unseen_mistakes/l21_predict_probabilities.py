# assignment: logistic_regression
# function: predict
# mistake: returns the probabilities A instead of 0/1 labels
# named by: M_PROBABILITIES_NOT_LABELS
def predict(w, b, X):
    A = sigmoid(np.dot(w.T, X) + b)
    Y_prediction = A
    return Y_prediction
