# Hostile: appends to the course's configuration, three folders up (the course root when run in
# autograded/<student>/<assignment>/). The file must not be reachable.
# unit: image2vector
# expect: EXCEPTION or FORBIDDEN
def image2vector(image):
    with open("../../../course_config.py", "r+") as handle:
        handle.seek(0, 2)
        handle.write("\n# pwned __TOKEN__\n")
    return image.reshape(image.shape[0] * image.shape[1] * image.shape[2], 1)
