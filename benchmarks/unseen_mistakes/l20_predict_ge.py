# assignment: logistic_regression
# function: predict
# mistake: A >= 0.5 instead of A > 0.5: a probability of exactly 0.5 predicts 1
# named by: M_THRESHOLD_GE
def predict(w, b, X):
    A = sigmoid(np.dot(w.T, X) + b)
    Y_prediction = (A >= 0.5).astype(float)
    return Y_prediction
