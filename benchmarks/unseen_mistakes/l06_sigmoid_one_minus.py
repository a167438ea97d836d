# assignment: logistic_regression
# function: sigmoid
# mistake: wrote e^-z / (1 + e^-z), which is 1 - sigmoid(z)
# named by: M_EXP_SIGN
def sigmoid(z):
    s = np.exp(-z) / (1 + np.exp(-z))
    return s
