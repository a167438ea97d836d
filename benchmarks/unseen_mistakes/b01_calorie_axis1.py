# assignment: broadcasting
# function: calorie_percentages
# mistake: summed along axis=1 (row totals per nutrient) instead of axis=0 (column totals per food)
# named by: M_WRONG_AXIS
def calorie_percentages(A):
    totals = A.sum(axis=1, keepdims=True)
    percentages = 100 * A / totals
    return percentages
