# assignment: vectorization
# function: image2vector
# mistake: hard-coded the size of the example image (3*3*2) instead of reading image.shape
# named by: M_HARDCODED_SHAPE
def image2vector(image):
    v = image.reshape(3 * 3 * 2, 1)
    return v
