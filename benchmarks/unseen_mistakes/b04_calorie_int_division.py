# assignment: broadcasting
# function: calorie_percentages
# mistake: integer (floor) division // truncates the percentages
# named by: M_INT_TRUNCATION
def calorie_percentages(A):
    totals = A.sum(axis=0, keepdims=True)
    percentages = 100 * A // totals
    return percentages
