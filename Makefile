# Koers — the two commands: `make run` and `make test`.

SHELL := /bin/bash
CARGO ?= cargo
KOERS_TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/postgres
export KOERS_TEST_DATABASE_URL

# One debug build serves every gate of `make test`: clippy lints the crate while it is compiled
# (as `cargo clippy` does, through the workspace wrapper), so the dependencies are compiled once
# instead of once checked and once built, and the OpenAPI check, the API tests, schemathesis and
# the browser tests all use that build.
CLIPPY_DRIVER := $(shell rustup which clippy-driver 2>/dev/null || command -v clippy-driver)
# Cargo does not share make's job slots: it uses both cores while the SPA's checks, which mostly
# wait on the disk and the network, run beside it.
LINTED := MAKEFLAGS= RUSTC_WORKSPACE_WRAPPER=$(CLIPPY_DRIVER) CLIPPY_ARGS=-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__
# The debug binary (target/debug/koers) exactly as the test build makes it: a plain `cargo build`
# would compile a second variant of the crates whose features the dev-dependencies unify.
BIN := $(LINTED) $(CARGO) test --all-targets --no-run --quiet
# The browser tests against that binary, once their packages are installed.
WALK := cd tests/e2e && KOERS_BIN=../../target/debug/koers npm test

.PHONY: run build spa dev test tools lint fmt openapi openapi-check contract schemathesis fuzz test-api test-frontend test-e2e e2e bench clean

## Build (release), migrate the SQLite database under ./data, load the demo data and serve on
## http://127.0.0.1:8080.
run: spa
	$(CARGO) build --release --bin koers
	KOERS_DEMO=true ./target/release/koers

## The SPA, built into frontend/dist (served by koers at /).
spa:
	cd frontend && npm ci --no-audit --no-fund --loglevel=error && npm run build

## Vite with hot reload on http://127.0.0.1:5173, proxying /api to a koers on :8080.
dev:
	cd frontend && npm run dev

build:
	$(BIN)

## Every test: lint gates, OpenAPI drift and design rules, API tests on SQLite and PostgreSQL,
## property-based API tests, the SPA's checks and unit tests, and the browser tests.
test:
	$(MAKE) --no-print-directory -j2 --output-sync=line gates

# The gates as one graph on two slots: the Rust build (`lint`) runs beside the SPA's checks and
# the installation of the test tools; once it is done, the browser tests (the longest gate) run
# beside the API tests and then beside schemathesis. Every gate uses the one linted debug build.
.PHONY: gates .lint .openapi-check .test-api .schemathesis .contract .test-frontend .tools .e2e
gates: .lint .contract .test-frontend .tools .e2e .openapi-check .test-api .schemathesis
.test-frontend: .contract
.tools: .test-frontend
.openapi-check: .lint
.e2e: .lint .test-frontend .tools
.test-api: .openapi-check .tools
.schemathesis: .test-api .tools
.lint .openapi-check .test-api .schemathesis .contract .test-frontend .tools:
	@$(MAKE) --no-print-directory $(subst .,,$@)
# `.tools` has installed the browser tests' packages already.
.e2e:
	$(WALK)

## The test tools that are not part of a build: schemathesis and aiosmtpd (Python; the API's
## mail tests deliver to a real SMTP server) and the browser tests' packages.
tools:
	tests/contract/schemathesis.sh --install
	cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error

## Formatting, the architecture rules (no import cycle, no file over 500 lines, no actix in a
## store) and clippy on every target, warnings as errors.
lint:
	$(CARGO) fmt --all -- --check
	python3 tests/architecture/layers.py
	$(LINTED) $(CARGO) test --all-targets --no-run

test-api:
	@tests/contract/schemathesis.sh --install
	@pg_isready -q -d "$(KOERS_TEST_DATABASE_URL)" || { echo "PostgreSQL is not reachable at $(KOERS_TEST_DATABASE_URL); the tests need it (see README)." >&2; exit 1; }
	$(LINTED) $(CARGO) test --all-targets

fmt:
	$(CARGO) fmt --all

## Regenerate the committed OpenAPI document from the code, and the SPA's types from it.
openapi:
	$(BIN)
	target/debug/koers openapi > openapi/openapi.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error && npm run --silent generate

## Fails when openapi/openapi.json differs from what the code generates.
openapi-check:
	@$(BIN)
	@target/debug/koers openapi | diff -u openapi/openapi.json - > /dev/null \
		|| { echo "openapi/openapi.json is stale: run 'make openapi' and commit it." >&2; exit 1; }
	@echo "openapi/openapi.json is up to date."

## The OpenAPI document against the NL GOV API Design Rules (Spectral, tests/contract/).
contract:
	cd tests/contract && npm ci --no-audit --no-fund --loglevel=error && npm run --silent lint

## Property-based testing of every operation against a running server (bounded for CI).
schemathesis:
	$(BIN)
	tests/contract/schemathesis.sh target/debug/koers 15

## The same, much longer.
fuzz:
	$(BIN)
	tests/contract/schemathesis.sh target/debug/koers 500

## The SPA: generated API types current, ESLint and Prettier, tsc --noEmit, Vitest, production build.
test-frontend:
	cd frontend && npm ci --no-audit --no-fund --loglevel=error && npm run --silent check:api \
		&& npm run --silent lint && npm run --silent typecheck && npm test && npm run --silent build

## Playwright (Debian's Chromium headless shell) against koers with demo data: every page, axe,
## screenshots.
test-e2e: test-frontend e2e

e2e:
	$(BIN)
	cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error
	$(WALK)

## Figures, not a test: national-scale synthetic data on PostgreSQL (and one SWV on SQLite),
## every key endpoint under wrk against its pgbench ceiling, start-up and memory; the report
## goes to bench/results/.
bench:
	$(CARGO) build --release --bin koers
	python3 bench/bench.py

clean:
	$(CARGO) clean
