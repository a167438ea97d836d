# assignment: logistic_regression
# function: flatten_images
# mistake: forgot the transpose: one example per row (m, n_x) instead of per column
# named by: M_TRANSPOSE
def flatten_images(images):
    X = images.reshape(images.shape[0], -1)
    return X
