# assignment: vectorization
# function: L1
# mistake: forgot the absolute value: positive and negative errors cancel
# named by: M_L1_NO_ABS
def L1(yhat, y):
    loss = float(np.sum(y - yhat))
    return loss
