# assignment: vectorization
# function: sigmoid
# mistake: sign slip: np.exp(x) instead of np.exp(-x)
# named by: M_EXP_SIGN
def sigmoid(x):
    s = 1 / (1 + np.exp(x))
    return s
