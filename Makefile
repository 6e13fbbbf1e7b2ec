# geokg: the two commands a user needs are `make demo` and `make test` (see README.md).
BUILD      ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=

.PHONY: all deps configure demo test test-asan fuzz bench clean

all: $(BUILD)/geokg

deps:
	@./scripts/install-deps

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)

$(BUILD)/geokg: $(BUILD)/CMakeCache.txt FORCE
	cmake --build $(BUILD) -j $(JOBS) --target geokg

demo: deps $(BUILD)/geokg
	@mkdir -p out
	$(BUILD)/geokg build examples/ -o out/graph.graphml -o out/graph.gexf -o out/graph.sqlite

test: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGEOKG_WERROR=ON $(CMAKE_FLAGS)
	cmake --build $(BUILD) -j $(JOBS)
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

test-asan: deps
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DGEOKG_WERROR=ON -DGEOKG_SANITIZE=ON $(CMAKE_FLAGS)
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

# libFuzzer targets (clang, ASan+UBSan) run FUZZ_SECONDS each over a copy of fuzz/corpus/ (README "Fuzzing").
fuzz: deps
	CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGEOKG_FUZZ=ON \
	  -DGEOKG_TESTS=OFF -DGEOKG_WERROR=ON $(CMAKE_FLAGS)
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzz_targets
	./fuzz/run $(FUZZ_BUILD) $(FUZZ_SECONDS)

bench: deps $(BUILD)/geokg
	./bench/run

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD) out

FORCE:
