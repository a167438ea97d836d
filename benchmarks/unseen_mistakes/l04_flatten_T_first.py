# assignment: logistic_regression
# function: flatten_images
# mistake: transposed the whole array before reshaping: each column is image i but with pixels in column-major order
# named by:
def flatten_images(images):
    m = images.shape[0]
    X = images.T.reshape(-1, m)
    return X
