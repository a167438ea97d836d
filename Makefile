# The two commands: `make demo` (release, grade the sample submissions, print the grades)
# and `make test`. Both install what they need into .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install notebooks clean bench bench-memory mistakes

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/autograder demo

test: $(STAMP) chromium
	$(BIN)/pytest -q

# Headless Chromium (Debian's package): the instructor-report test renders the page in it.
.PHONY: chromium
chromium:
	@command -v chromium || \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		(apt-get update && apt-get install -y --no-install-recommends chromium); \
	else \
		echo "chromium is not installed; install it with: sudo apt-get install --no-install-recommends chromium" \
		     "(without it the instructor-report test is skipped)"; \
	fi

# Grading speed, stock nbgrader against the kit; the self-check; a batch's memory (about 16 minutes
# on 2 cores; not part of the tests). `python -m benchmarks.grading --help` lists the options:
# make bench BENCH_ARGS="--per-assignment 10 --assignments vectorization --profile"
bench: $(STAMP)
	$(BIN)/python -m benchmarks.grading $(BENCH_ARGS)

# The memory of a `--jobs 2` batch at 60 and 600 submissions alone (about 3 minutes).
bench-memory: $(STAMP)
	$(BIN)/python -m benchmarks.grading --parts memory $(BENCH_ARGS)

# How many mistakes of a corpus written apart from the catalogue `autograder grade` names (a minute).
mistakes: $(STAMP)
	$(BIN)/python -m benchmarks.mistake_corpus

notebooks: $(STAMP)
	$(BIN)/autograder build

clean:
	rm -rf release submitted autograded feedback gradebook.db grades.csv
