# assignment: vectorization
# function: L1
# mistake: np.mean instead of np.sum
# named by: M_MEAN_NOT_SUM
def L1(yhat, y):
    loss = float(np.mean(np.abs(y - yhat)))
    return loss
