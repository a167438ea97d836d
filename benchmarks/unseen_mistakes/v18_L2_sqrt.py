# assignment: vectorization
# function: L2
# mistake: used np.linalg.norm, i.e. took the square root of the sum of squares
# named by: M_L2_SQRT
def L2(yhat, y):
    loss = float(np.linalg.norm(y - yhat))
    return loss
