# assignment: broadcasting
# function: calorie_percentages
# mistake: divided by the sum of the whole table instead of each column's sum
# named by: M_NO_AXIS
def calorie_percentages(A):
    total = np.sum(A)
    percentages = 100 * A / total
    return percentages
