# Hostile: writes into a directory outside the sandbox by absolute path, and appends to a file there.
# unit: L2
# expect: EXCEPTION or FORBIDDEN
# requires: root
def L2(yhat, y):
    with open("__CANARY__/canary.txt", "a") as handle:
        handle.write("pwned __TOKEN__\n")
    with open("__CANARY__/pwned___TOKEN__.txt", "w") as handle:
        handle.write("pwned")
    return float(np.sum((y - yhat) ** 2))
