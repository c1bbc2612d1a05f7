# wirehouse: `make run` and `make test` are all a fresh machine needs (python3 and make).
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
SHARED  ?= ../shared
DATA    ?= data
WATCH   ?= samples
PREFECT_PORT ?= 4200

.PHONY: help venv run test eval bench bench-html bench-peer serve clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-11s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml constraints.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)  ## create .venv and install the project with pinned dependencies

run: $(STAMP)  ## run the pipeline on the bundled samples into ./data and show example queries
	$(BIN)/wirehouse run samples --data-dir $(DATA)
	@echo; echo "== articles per outlet"
	@$(BIN)/wirehouse sql "select coalesce(outlet, '(none)') as outlet, count(*) as articles from articles group by 1 order by 2 desc, 1" --data-dir $(DATA)
	@echo; echo "== who said what"
	@$(BIN)/wirehouse sql "select p.name as speaker, left(q.text, 60) as quote, q.kind from quotes q left join people p using (person_id) order by q.article_id, q.start limit 10" --data-dir $(DATA)
	@echo; echo "== top categories"
	@$(BIN)/wirehouse sql "select label, count(*) as articles from article_topics where kind = 'category' and rank = 1 group by 1 order by 2 desc, 1" --data-dir $(DATA)

test: $(STAMP)  ## run the test suite (includes the eval gate when ../shared exists)
	$(BIN)/python -m pytest -q

eval: $(STAMP)  ## score every dev gold set; fails below the floors in eval_floors.json
	$(BIN)/python -m tests.eval_gate --shared $(SHARED)

bench: $(STAMP)  ## throughput, memory and scaling on the AllSides corpus, HTML speed (writes BENCHMARKS.md)
	$(BIN)/python -m tests.benchmarks.bench --shared $(SHARED)

bench-html: $(STAMP)  ## only the HTML stage of bench: our page extraction beside trafilatura's (own venv)
	$(BIN)/python -m tests.benchmarks.bench --shared $(SHARED) --html-only

bench-peer: $(STAMP)  ## the spaCy + textacy peer on the same articles, in its own venv
	$(BIN)/python -m tests.benchmarks.bench_peer --shared $(SHARED)

serve: $(STAMP)  ## local Prefect server (UI http://127.0.0.1:4200) + hourly runs of WATCH (default samples)
	@mkdir -p $(DATA)/.prefect
	@export PREFECT_HOME="$(abspath $(DATA))/.prefect" PREFECT_SERVER_ANALYTICS_ENABLED=false; \
	$(BIN)/prefect server start --host 127.0.0.1 --port $(PREFECT_PORT) > $(DATA)/.prefect/server.log 2>&1 & \
	server=$$!; trap 'kill $$server 2>/dev/null; wait $$server' EXIT INT TERM; \
	echo "starting the Prefect server (log: $(DATA)/.prefect/server.log) ..."; \
	for i in $$(seq 180); do \
	  $(BIN)/python -c "import urllib.request as u; u.urlopen('http://127.0.0.1:$(PREFECT_PORT)/api/health', timeout=2)" 2>/dev/null && break; \
	  kill -0 $$server 2>/dev/null || { echo "the Prefect server exited; see $(DATA)/.prefect/server.log"; exit 1; }; \
	  sleep 1; \
	done; \
	echo "Prefect UI: http://127.0.0.1:$(PREFECT_PORT)"; \
	PREFECT_API_URL=http://127.0.0.1:$(PREFECT_PORT)/api $(BIN)/wirehouse serve $(WATCH) --data-dir $(DATA) $(SERVE_ARGS)

clean:  ## remove the venv and the default data dir
	rm -rf $(VENV) $(DATA)
