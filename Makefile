# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
INSTALLED := $(VENV)/.installed

.PHONY: help install run test lint format check bench bench-http lighthouse checkers clean

help:
	@echo "make run    install, migrate, seed, then serve on http://127.0.0.1:$(PORT) with a worker"
	@echo "make test   run the whole test suite (DATABASE_URL selects the database)"
	@echo "make lint   the pre-commit checks: ruff, djhtml, django-upgrade, file hygiene"
	@echo "make check  Django system checks, migrations up to date, deploy checks"
	@echo "make bench  page views against a floor, and search latency, in-process"
	@echo "make bench-http  page views over HTTP: gunicorn and wrk (Debian's wrk)"
	@echo "make lighthouse  Lighthouse scores of the first pages, phone and desktop (Node, Chromium)"

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(INSTALLED)

install: $(INSTALLED)

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py catalogues compile --verbosity 0
	$(BIN)/python manage.py seed
	@# The worker runs background jobs beside the server, and stops with it.
	$(BIN)/python manage.py worker --no-reload --verbosity 0 & worker=$$!; \
		trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Tests run in parallel, one worker per core; TEST_WORKERS=0 runs them in one process.
# PYTEST_ARGS passes more to pytest (-m "not browser" leaves the browser tests out).
TEST_WORKERS ?= auto
PYTEST_ARGS ?=

test: install checkers
	$(BIN)/python manage.py catalogues compile --verbosity 0
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadscope $(PYTEST_ARGS)

# The checks of .pre-commit-config.yaml, on every file; they fix what they can, so a
# failing run leaves the fixes to review and commit.
lint: install
	$(BIN)/pre-commit run --all-files --show-diff-on-failure

format: lint

check: install
	$(BIN)/python manage.py check --fail-level WARNING
	$(BIN)/python manage.py makemigrations --check --dry-run
	DJANGO_SECRET_KEY=check-deploy-$$(date +%s)-a-long-random-looking-key-for-the-check \
		EMAIL_URL=smtp://mail.example.org:587 WIKI_BASE_URL=https://wiki.example.org CACHE_URL=redis://cache.example.org:6379/0 \
		DJANGO_SETTINGS_MODULE=wiki.settings.base \
		$(BIN)/python manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) staticfiles .pytest_cache

bench: install
	$(BIN)/python manage.py bench

bench-http: install
	$(BIN)/python -m wiki.benchmarks.http $(BENCH_HTTP_ARGS)

# The browser tests' checkers (axe-core, html-validate) and Lighthouse, from npm, where
# Node is installed; without it those tests use what the Python packages carry, or skip.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

checkers:
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory node_modules/.installed; fi

lighthouse: install node_modules/.installed
	bin/lighthouse
