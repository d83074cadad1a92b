# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench install translations clean

$(STAMP): setup.cfg pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# brapi-proxy, the BrAPI client of tests/brapi/test_client.py, pins Flask, requests and
# waitress to exact versions: it gets a venv of its own, so the app keeps its own versions.
PROXY_VENV := $(VENV)/brapi-proxy
PROXY_STAMP := $(PROXY_VENV)/.installed

$(PROXY_STAMP): Makefile
	$(PYTHON) -m venv $(PROXY_VENV) || python3 -m venv $(PROXY_VENV)
	$(PROXY_VENV)/bin/python -m pip install --quiet 'brapi-proxy>=0.9,<0.10'
	touch $(PROXY_STAMP)

# Chinese lives under "zh": Babel canonicalises zh_CN to zh_Hans_CN, which gettext finds via "zh".
MO := germplasm/translations/zh/LC_MESSAGES/messages.mo

$(MO): germplasm/translations/zh/LC_MESSAGES/messages.po $(STAMP)
	$(BIN)/pybabel compile --statistics -d germplasm/translations

install: $(STAMP) $(MO)

# Maintainers: refresh the catalogue after changing user-visible text, then translate.
translations: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k _l -o messages.pot .
	$(BIN)/pybabel update -i messages.pot -d germplasm/translations
	rm messages.pot

run: $(STAMP) $(MO)
	$(BIN)/germplasm init
	$(BIN)/germplasm demo --if-empty --accessions 5000
	$(BIN)/germplasm run --host 127.0.0.1 --port 5000

test: $(STAMP) $(MO) $(PROXY_STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .

# Each script writes its section of docs/benchmarks.md; together they take about 55 minutes.
bench: $(STAMP)
	$(BIN)/python benchmarks/import_mcpd.py
	$(BIN)/python benchmarks/import_observations.py
	$(BIN)/python benchmarks/search.py
	$(BIN)/python benchmarks/web.py
	$(BIN)/python benchmarks/load.py
	$(BIN)/python benchmarks/api.py
	$(BIN)/python benchmarks/brapi.py
	$(BIN)/python benchmarks/molecular.py

clean:
	rm -rf $(VENV) instance .pytest_cache
