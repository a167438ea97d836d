# assignment: vectorization
# function: image2vector
# mistake: flatten() returns a rank-1 array (n,) instead of a column (n, 1)
# named by: M_RANK1 RANK1
def image2vector(image):
    v = image.flatten()
    return v
