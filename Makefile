# Sprachrohr — two commands on a fresh machine: `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
LOCK_HASH := $(shell sha1sum requirements.lock | cut -c1-12)
STAMP := $(VENV)/.installed-$(LOCK_HASH)
TEST_APT_PACKAGES := postgresql hunspell-de-de chromium fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 $(if $(shell command -v java),,openjdk-17-jre-headless)
DEMO_APT_PACKAGES := hunspell-de-de fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0
DEMO_ES_APT_PACKAGES := hunspell-de-de $(if $(shell command -v java),,openjdk-17-jre-headless)

.PHONY: help install demo demo-es system-deps-demo-es frontend-build test lint format types check-deploy system-deps-test system-deps-demo clean

help:
	@echo "make demo   – installiert alles, lädt Demo-Inhalte, startet die Website (http://127.0.0.1:8000/admin/)"
	@echo "make demo-es – wie demo, aber die Suche läuft auf einem lokalen Elasticsearch (ohne Docker)"
	@echo "make test   – die gesamte Testsuite (startet PostgreSQL und Elasticsearch selbst)"
	@echo "make lint   – Ruff"
	@echo "make screenshots – Bildschirmfotos des Dashboards (Mitglied, Leitung) nach docs/screenshots/"
	@echo "make types  – Frontend-Typen (frontend/lib/api-schema.ts) aus dem API-Schema neu erzeugen"

$(STAMP): requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	@rm -f $(VENV)/.installed-*
	@touch $@

install: $(STAMP)

# Debian packages the project needs; installed when missing and we are root (CI, fresh machine).
define apt_ensure
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installiere Systempakete:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else echo "Bitte installieren (apt-get install$$missing)" >&2; exit 1; fi; \
	fi
endef

system-deps-test:
	$(call apt_ensure,$(TEST_APT_PACKAGES))

system-deps-demo:
	-$(call apt_ensure,$(DEMO_APT_PACKAGES))

demo: install system-deps-demo frontend-build
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_content
	FRONTEND_REVALIDATE_SECRET=$${FRONTEND_REVALIDATE_SECRET:-demo-nur-lokal} $(PY) manage.py run_demo

# The same demo with search on a local Elasticsearch node (Maven Central distribution on the
# machine's JDK, like `make test`); node, worker, web server and site stop together.
system-deps-demo-es:
	$(call apt_ensure,$(DEMO_ES_APT_PACKAGES))

demo-es: install system-deps-demo-es frontend-build
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_content
	FRONTEND_REVALIDATE_SECRET=$${FRONTEND_REVALIDATE_SECRET:-demo-nur-lokal} $(PY) manage.py run_demo_es

# The public website (Next.js): npm ci only when package-lock.json changed, then a production
# build; run_demo starts it on http://127.0.0.1:3000 once frontend/.next/BUILD_ID exists.
frontend-build:
	@command -v npm >/dev/null || { echo "Node.js (≥ 20.9) und npm fehlen – sie werden für die Website gebraucht." >&2; exit 1; }
	@lock=$$(sha256sum frontend/package-lock.json | cut -d' ' -f1); \
	if [ "$$(cat frontend/node_modules/.sprachrohr-lock 2>/dev/null)" != "$$lock" ]; then \
	  (cd frontend && npm ci --no-audit --no-fund) && echo "$$lock" > frontend/node_modules/.sprachrohr-lock; \
	fi
	cd frontend && NEXT_TELEMETRY_DISABLED=1 npm run build

test: install system-deps-test
	$(PY) -m tests.run

# Full-page pictures of the admin dashboard (member and lead, 1280 px) into docs/screenshots/.
.PHONY: screenshots
screenshots: install
	$(PY) -m tests.e2e.screenshots

# Django's deployment checklist against the production settings (a throwaway secret if unset).
check-deploy: install
	DJANGO_SETTINGS_MODULE=cms.settings.production \
	DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')}" \
	DJANGO_ALLOWED_HOSTS="$${DJANGO_ALLOWED_HOSTS:-sprachrohr.example}" \
	$(PY) manage.py check --deploy --fail-level WARNING

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

# The frontend's API types from the OpenAPI schema; `make test` fails when they are stale.
types: install
	@command -v npm >/dev/null || { echo "Node.js (≥ 20.9) und npm fehlen – sie werden für die Typen gebraucht." >&2; exit 1; }
	$(PY) -m tests.run --write-types

format: install
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

clean:
	rm -rf var/db.sqlite3 var/media var/static
