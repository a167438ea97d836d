# Hostile: raises a BaseException subclass that `except Exception` does not catch.
# unit: sigmoid
# expect: EXCEPTION
# mentions: Escape
class Escape(BaseException):
    pass


def sigmoid(x):
    raise Escape("out of the grader")
