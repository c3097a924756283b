# Flatland: two commands set everything up on a fresh machine.
#   make demo   installs system packages if missing, builds (release), renders the gallery into plots/
#   make test   installs system packages if missing, runs the whole test suite (debug build)
SWIFT ?= swift
RELEASE_BIN = .build/release/flatland

.PHONY: deps demo plots test bench lint format golden clean

deps:
	@bash scripts/install-deps.sh

demo: deps
	$(SWIFT) build -c release --product flatland
	$(RELEASE_BIN) demo --out plots

plots: demo

test: deps
	$(SWIFT) test

bench: deps
	@bash Benchmarks/run.sh

lint:
	$(SWIFT) format lint --strict -r Sources Tests examples Package.swift

format:
	$(SWIFT) format -i -r Sources Tests examples Package.swift

# Re-record the golden images after an intended visual change (never done silently by tests).
golden: deps
	FLATLAND_RECORD_GOLDEN=1 $(SWIFT) test --filter Golden

clean:
	rm -rf .build
