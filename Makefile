# The two commands: `make demo` (release, grade the sample submissions, print the grades)
# and `make test`. Both install what they need into .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install notebooks clean bench bench-memory bench-cluster mistakes

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# make demo LANGUAGE=ko: the Korean course (notebooks, feedback, tables)
demo: $(STAMP)
	$(BIN)/autograder demo $(if $(LANGUAGE),--language $(LANGUAGE))

test: $(STAMP) chromium postgresql
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

# PostgreSQL's server programs (Debian's package): the tests start a server of their own for the
# PostgreSQL gradebook, as an unprivileged user; they find initdb on PATH or in /usr/lib/postgresql/*/bin.
.PHONY: postgresql
postgresql:
	@command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		(apt-get update && apt-get install -y --no-install-recommends postgresql); \
	else \
		echo "PostgreSQL is not installed; install it with: sudo apt-get install --no-install-recommends postgresql" \
		     "(without it the PostgreSQL gradebook tests are skipped)"; \
	fi

# Grading speed, stock nbgrader against the kit; the self-check; a batch's memory (about 13 minutes
# on 2 cores; not part of the tests). `python -m benchmarks.grading --help` lists the options:
# make bench BENCH_ARGS="--per-assignment 10 --assignments vectorization --profile"
bench: $(STAMP)
	$(BIN)/python -m benchmarks.grading $(BENCH_ARGS)

# The memory of a `--jobs 2` batch at 60 and 600 submissions alone (about 3 minutes).
bench-memory: $(STAMP)
	$(BIN)/python -m benchmarks.grading --parts memory $(BENCH_ARGS)

# A local Dask cluster (scheduler + 2 worker processes) against `--jobs 2` on the same submissions,
# and the gradebook writer on PostgreSQL (minutes; not part of the tests; needs `make postgresql`).
# Options: make bench-cluster BENCH_ARGS="--per-assignment 20 --writes 2000"
bench-cluster: $(STAMP) postgresql
	$(BIN)/python -m benchmarks.cluster $(BENCH_ARGS)

# How many mistakes of a corpus written apart from the catalogue `autograder grade` names (a minute).
mistakes: $(STAMP)
	$(BIN)/python -m benchmarks.mistake_corpus

notebooks: $(STAMP)
	$(BIN)/autograder build

clean:
	rm -rf release submitted autograded feedback gradebook.db grades.csv
