# Hostile: drops files in /tmp and in the home directory. Whether the writes fail or land in a
# private /tmp or home inside the sandbox, no such file may appear in the grader's /tmp or home.
# unit: sigmoid_derivative
# expect: any outcome
import os


def sigmoid_derivative(x):
    for path in ("/tmp/pwned___TOKEN__", os.path.expanduser("~/pwned___TOKEN__"),
                 "/root/pwned___TOKEN__", "/var/tmp/pwned___TOKEN__", "/dev/shm/pwned___TOKEN__"):
        try:
            with open(path, "w") as handle:
                handle.write("pwned")
        except Exception:
            pass
    s = 1 / (1 + np.exp(-x))
    return s * (1 - s)
