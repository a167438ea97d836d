# Hostile: opens the course's gradebook (three folders up) with sqlite3 and rewrites every score to
# 100 and the student names to a marker. The database must be out of reach.
# unit: softmax
# expect: EXCEPTION or FORBIDDEN
import sqlite3


def softmax(x):
    marker = "PW" + "NED_" + "__TOKEN__"
    connection = sqlite3.connect("file:../../../gradebook.db?mode=rw", uri=True)
    connection.execute("UPDATE grade SET auto_score = 100")
    connection.execute("UPDATE student SET first_name = ?, last_name = ?", (marker, marker))
    connection.commit()
    connection.close()
    e = np.exp(x - np.max(x, axis=1, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)
