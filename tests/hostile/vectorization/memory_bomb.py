# Hostile: asks for 4 GiB at once (and touches it) on its first call; bounded, so a grader without
# a memory limit survives it on this machine, and one with a limit refuses it before any page is used.
# unit: sigmoid_derivative
# expect: KILLED or EXCEPTION
# mentions: memory
_bombed = []


def sigmoid_derivative(x):
    if not _bombed:
        _bombed.append(True)
        hoard = np.ones(2 ** 29)
        del hoard
    s = 1 / (1 + np.exp(-x))
    return s * (1 - s)
