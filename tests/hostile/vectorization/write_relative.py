# Hostile: writes a file four folders up from its working directory (above the course root when
# run in autograded/<student>/<assignment>/). The write must fail.
# unit: L1
# expect: EXCEPTION or FORBIDDEN
def L1(yhat, y):
    with open("../../../../pwned___TOKEN__.txt", "w") as handle:
        handle.write("pwned")
    return float(np.sum(np.abs(y - yhat)))
