# The public plan site. `make help` lists the targets.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
# Installed once per pyproject.toml and lock file: `make test` does not reinstall when nothing
# changed. The lock file pins every package (within pyproject.toml's ranges) to the versions the
# site is tested and audited with; `make lock` re-resolves it.
INSTALLED := $(VENV)/.installed
LOCK := requirements.lock
EXTRAS := dev,production
UI_LANGUAGES := en pt_BR es zh_Hans ko vi
# pytest-xdist workers (one per CPU by default), each taking whole test files so that a file's
# set-up runs once; the browser tests run after them, in BROWSER_WORKERS workers with a site and
# a browser each (the browser tests mostly wait on the browser and the site, so three share two
# cores well; their results are merged into one file). A browser test's fixtures are the
# worker's, never its file's, so an idle worker takes the next test of any file (worksteal): the
# seventy axe checks of one file no longer run one after another. BROWSER_TESTS= leaves them out.
TEST_WORKERS ?= auto
BROWSER_TESTS ?= tests/browser
BROWSER_WORKERS ?= 3

# The compiled catalogues, remade only from a changed .po: the test passes that CI runs side by side
# then never rewrite a catalogue another process is reading.
CATALOGUES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/*.po))

.PHONY: help install lock audit setup run test test-browser lint messages catalogues

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

install: $(INSTALLED) ## install the site and its test tools into .venv

$(INSTALLED): pyproject.toml $(LOCK) | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c $(LOCK) -e '.[$(EXTRAS)]'
	touch $@

lock: ## re-resolve the newest versions within pyproject.toml's ranges into requirements.lock
	rm -rf .cache/lock-venv
	$(PYTHON) -m venv .cache/lock-venv
	.cache/lock-venv/bin/pip install --quiet --upgrade pip
	.cache/lock-venv/bin/pip install --quiet -e '.[$(EXTRAS)]'
	{ echo "# Every package \`make install\` and the Dockerfile install, pinned (pip install -c)."; \
	  echo "# Made by \`make lock\` from pyproject.toml's ranges; checked by \`make audit\`."; \
	  .cache/lock-venv/bin/pip freeze --exclude-editable; } >$(LOCK)
	rm -rf .cache/lock-venv

audit: install ## check the pinned packages for known vulnerabilities (PyPI's advisories; overrides in audit-overrides.toml)
	$(BIN)/python .ci/audit_dependencies.py $(LOCK) audit-overrides.toml

catalogues: $(CATALOGUES) ## compile the interface catalogues that changed

%.mo: %.po
	msgfmt --check-format -o $@ $<

setup: install catalogues ## migrate, compile translations, bootstrap with demo accounts, import the plan and its translations
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py bootstrap_site --demo
	$(BIN)/python manage.py import_plan
	$(BIN)/python manage.py import_content_translations
	$(BIN)/python manage.py publish_accessibility_report
	$(BIN)/python manage.py build_fonts

run: setup ## set everything up and serve the site on http://127.0.0.1:8000
	$(BIN)/python manage.py runserver 127.0.0.1:8000

test: install catalogues ## run the whole test suite (DATABASE_URL chooses the database; SQLite by default; PYTEST_ARGS narrows it)
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile --ignore=tests/browser $(PYTEST_ARGS)
	if [ -n "$(BROWSER_TESTS)" ]; then $(MAKE) --no-print-directory test-browser; fi

test-browser: install catalogues ## run the browser tests alone (Debian's chromium; part of `make test`)
	$(BIN)/python -m pytest -n $(BROWSER_WORKERS) --dist worksteal $(or $(BROWSER_TESTS),tests/browser) $(PYTEST_ARGS)

lint: install ## ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

messages: ## update the interface catalogues (locale/*/LC_MESSAGES/django.po) from the code
	$(BIN)/python manage.py makemessages $(foreach lang,$(UI_LANGUAGES),-l $(lang)) \
		--ignore '.venv/*' --ignore 'tests/*' --ignore 'static/*' --no-location --no-obsolete
