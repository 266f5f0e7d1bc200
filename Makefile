# Thin wrapper around CMake. The README's two commands are `make run` and `make test`.
BUILD ?= build
JOBS ?= $(shell nproc)
MAKEFLAGS += --no-print-directory
DANGBO = $(BUILD)/dangbo

.PHONY: all build run test test-asan fuzz bench deps clean

all: build

deps:
	@scripts/bootstrap.sh build

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

# Builds, creates the demo database if missing, and shows it.
run: build
	@scripts/run.sh $(DANGBO)

# The whole test suite: unit, golden data, CLI, API and browser tests, then the
# same suite under AddressSanitizer + UndefinedBehaviorSanitizer, and a short
# fuzz run of every parser.
test:
	@scripts/test.sh

test-asan:
	@scripts/bootstrap.sh test
	@cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DDANGBO_SANITIZE=ON >/dev/null
	@cmake --build build-asan -j $(JOBS)
	@cd build-asan && ctest --output-on-failure -j $(JOBS)

fuzz:
	@scripts/fuzz.sh

clean:
	rm -rf $(BUILD) build-asan build-fuzz
