# assignment: logistic_regression
# function: flatten_images
# mistake: hard-coded 3 dimensions (m, h, w): fails on color images (m, h, w, c)
# named by: M_HARDCODED_SHAPE
def flatten_images(images):
    X = images.reshape(images.shape[0], images.shape[1] * images.shape[2]).T
    return X
