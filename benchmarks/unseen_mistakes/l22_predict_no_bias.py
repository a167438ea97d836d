# assignment: logistic_regression
# function: predict
# mistake: forgot the bias b in the score
# named by: M_MISSING_BIAS
def predict(w, b, X):
    A = sigmoid(np.dot(w.T, X))
    Y_prediction = (A > 0.5).astype(float)
    return Y_prediction
