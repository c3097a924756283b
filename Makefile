# Flatland: two commands set everything up on a fresh machine.
#   make demo   installs system packages if missing, builds (release), renders the gallery into plots/
#   make test   installs system packages if missing, checks formatting, runs the whole test suite and
#               10,000 fuzzed inputs (debug build)
#   make fuzz   100,000 fuzzed inputs through the formula, label, spec and command-line parsers (release)
#   make libfuzz  the same checks under libFuzzer, coverage-guided, for LIBFUZZ_SECONDS (default 300)
SWIFT ?= swift
# The release binary links the Swift runtime statically: it starts in ~10 ms instead of ~20 ms
# (no dynamic symbol resolution of the Swift and Foundation libraries), which matters for a tool
# that is run once per figure.
# The release build targets the build machine's vector unit when it has AVX2 and FMA (x86-64-v3;
# swiftc calls it haswell): the batch engine's eight-lane arithmetic then runs 256 bits wide, about
# 1.4× faster. Such a binary runs on this machine and its kind; `make demo CPU=` builds for any
# x86-64. The numbers are the same bits either way: Swift never fuses a multiply and an add.
CPU ?= $(shell grep -qw avx2 /proc/cpuinfo 2>/dev/null && grep -qw fma /proc/cpuinfo 2>/dev/null && echo haswell)
RELEASE = -c release --static-swift-stdlib $(if $(CPU),-Xswiftc -target-cpu -Xswiftc $(CPU))
RELEASE_BIN = .build/release/flatland

.PHONY: deps demo plots test fuzz libfuzz bench lint format golden docs clean

deps:
	@bash scripts/install-deps.sh

# The gallery is `flatland run` over the experiment files in examples/ (flatland demo does the same).
demo: deps
	$(SWIFT) build $(RELEASE) --product flatland
	$(RELEASE_BIN) run examples/*.toml --out plots

plots: demo

test: deps lint
	$(SWIFT) test
	$(SWIFT) build --product flatland-fuzz
	.build/debug/flatland-fuzz --count 10000 --seed 1

# Seeded mutations rendered in-process; a crash stops the run with its input in
# .build/fuzz-current.txt. Other seeds: make fuzz SEED=2 COUNT=200000.
SEED ?= 1
COUNT ?= 100000
fuzz: deps
	$(SWIFT) build $(RELEASE) --product flatland-fuzz
	.build/release/flatland-fuzz --count $(COUNT) --seed $(SEED)

# libFuzzer (-sanitize=fuzzer) in a build folder of its own; the corpus starts from the example
# files (first byte 2: the spec-file stage) and grows in .build-libfuzzer/corpus. A crashing input
# is saved as .build-libfuzzer/crash-*; `flatland-libfuzzer FILE` (any build) replays it.
LIBFUZZ_SECONDS ?= 300
libfuzz: deps
	$(SWIFT) build --scratch-path .build-libfuzzer --product flatland-libfuzzer -Xswiftc -sanitize=fuzzer -Xswiftc -DLIBFUZZER
	mkdir -p .build-libfuzzer/corpus
	for f in examples/*.toml examples/lecture/*.toml; do { printf '\002'; cat $$f; } > .build-libfuzzer/corpus/seed-$$(basename $$f); done
	.build-libfuzzer/debug/flatland-libfuzzer .build-libfuzzer/corpus -max_total_time=$(LIBFUZZ_SECONDS) \
	  -max_len=8192 -timeout=10 -rss_limit_mb=4096 -artifact_prefix=.build-libfuzzer/

bench: deps
	@RELEASE="$(RELEASE)" bash Benchmarks/run.sh

lint:
	$(SWIFT) format lint --strict -r Sources Tests examples Benchmarks Package.swift

format:
	$(SWIFT) format -i -r Sources Tests examples Benchmarks Package.swift

# Re-record the golden images after an intended visual change (never done silently by tests).
golden: deps
	FLATLAND_RECORD_GOLDEN=1 $(SWIFT) test --filter golden

# Regenerate docs/experiment-files.md from the spec types (a test fails when it drifts).
docs:
	$(SWIFT) build --product flatland
	.build/debug/flatland reference > docs/experiment-files.md

clean:
	rm -rf .build
