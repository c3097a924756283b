# Flatland: two commands set everything up on a fresh machine.
#   make demo   installs system packages if missing, builds (release), renders the gallery into plots/
#   make test   installs system packages if missing, checks formatting, runs the whole test suite (debug build)
SWIFT ?= swift
# The release binary links the Swift runtime statically: it starts in ~10 ms instead of ~20 ms
# (no dynamic symbol resolution of the Swift and Foundation libraries), which matters for a tool
# that is run once per figure.
RELEASE = -c release --static-swift-stdlib
RELEASE_BIN = .build/release/flatland

.PHONY: deps demo plots test bench lint format golden docs clean

deps:
	@bash scripts/install-deps.sh

# The gallery is `flatland run` over the experiment files in examples/ (flatland demo does the same).
demo: deps
	$(SWIFT) build $(RELEASE) --product flatland
	$(RELEASE_BIN) run examples/*.toml --out plots

plots: demo

test: deps lint
	$(SWIFT) test

bench: deps
	@bash Benchmarks/run.sh

lint:
	$(SWIFT) format lint --strict -r Sources Tests examples Package.swift

format:
	$(SWIFT) format -i -r Sources Tests examples Package.swift

# Re-record the golden images after an intended visual change (never done silently by tests).
golden: deps
	FLATLAND_RECORD_GOLDEN=1 $(SWIFT) test --filter golden

# Regenerate docs/experiment-files.md from the spec types (a test fails when it drifts).
docs:
	$(SWIFT) build --product flatland
	.build/debug/flatland reference > docs/experiment-files.md

clean:
	rm -rf .build
