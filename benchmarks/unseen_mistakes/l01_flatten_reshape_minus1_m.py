# assignment: logistic_regression
# function: flatten_images
# mistake: reshape(-1, m) instead of reshape(m, -1).T: right shape, scrambled pixels
# named by: M_FLATTEN_NO_TRANSPOSE
def flatten_images(images):
    m = images.shape[0]
    X = images.reshape(-1, m)
    return X
