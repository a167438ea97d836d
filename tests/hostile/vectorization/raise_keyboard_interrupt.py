# Hostile: raises KeyboardInterrupt, which must not pass for the grader's own time-out interrupt.
# unit: softmax
# expect: EXCEPTION
# mentions: KeyboardInterrupt
def softmax(x):
    raise KeyboardInterrupt
