# nbgrader reads this file by itself; every setting lives in course_config.py.
load_subconfig("course_config.py")  # noqa: F821 (provided by traitlets' config loader)
