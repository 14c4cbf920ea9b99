# micsync: `make demo` and `make test` work on a fresh Debian machine; they install what is missing first.
SWIFT ?= swift
PREFIX ?= /usr/local
DESTDIR ?=

# Debian packages, installed only when missing (apt-get update once, then apt-get install -y).
BUILD_PACKAGES := rsync libgit2-dev pkg-config zlib1g-dev
# pacman-package-manager, makepkg, libarchive-tools (bsdtar) and fakeroot: the packaging test builds and installs
# the Arch package for real; attr and e2fsprogs: the fault tests set extended attributes and fill a small ext4;
# exfat-fuse, exfatprogs and ntfs-3g: the real-disc tests mount exFAT and NTFS images; time: a test measures
# micsync's peak memory.
TEST_PACKAGES := $(BUILD_PACKAGES) git bash bash-completion zsh fish util-linux man-db groff-base \
	pacman-package-manager makepkg libarchive-tools fakeroot attr e2fsprogs exfat-fuse exfatprogs ntfs-3g \
	openssh-server openssh-client time
BENCH_PACKAGES := $(BUILD_PACKAGES) python3 util-linux

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
define apt_install
	@missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing:" $$missing; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
endef

.PHONY: all build build-release deps test-deps bench-deps demo lint format test fuzz bench completions man new-action \
	install uninstall clean

all: build

deps:
	$(call apt_install,$(BUILD_PACKAGES))

test-deps:
	$(call apt_install,$(TEST_PACKAGES))

bench-deps:
	$(call apt_install,$(BENCH_PACKAGES))

build: deps
	$(SWIFT) build

build-release: deps
	$(SWIFT) build -c release

# A narrated round trip in a throwaway sandbox with its own config.
demo: build
	bash scripts/demo.sh "$$($(SWIFT) build --show-bin-path)/micsync"

# House style (.swift-format, which ships with the toolchain): `make test` checks it first; `make format` fixes it.
SWIFT_SOURCES := Package.swift Sources Tests Plugins
lint:
	$(SWIFT) format lint --strict --recursive --parallel $(SWIFT_SOURCES)

format:
	$(SWIFT) format format --in-place --recursive --parallel $(SWIFT_SOURCES)

# Every test. Swift Testing runs them concurrently, each in its own sandbox, up to TEST_WIDTH at once: most
# wait on a child process, so more than there are cores. The tests run micsync's release build
# (MICSYNC_BINARY): a debug build's ArgumentParser checks the whole command tree at each start, most of the
# CPU time of a test run. The packaging end-to-end test (makepkg's release build and pacman: minutes of every
# core) is a step of its own after the others; PACKAGING=0 leaves it out for a fast loop before each commit,
# but not in CI (CI=true).
PACKAGING ?= 1
TEST_WIDTH ?= 16
PACKAGING_TEST := ReleaseKitTests.PackagingTests
SKIP_PACKAGING := $(if $(filter true,$(CI)),,$(filter 0,$(PACKAGING)))
test: test-deps lint
	$(SWIFT) build --build-tests
	$(SWIFT) build -c release --product micsync
	MICSYNC_BINARY="$$($(SWIFT) build -c release --show-bin-path)/micsync" \
		$(SWIFT) test --skip-build --skip $(PACKAGING_TEST) --experimental-maximum-parallelization-width $(TEST_WIDTH)
	$(if $(SKIP_PACKAGING),@echo "PACKAGING=0: the packaging test is left out",\
		$(SWIFT) test --skip-build --filter $(PACKAGING_TEST))

# The differential test against plain rsync (README: Development) for longer than `make test` runs it: SEEDS=N cases
# from START=S (default 1), or as many as TIME=SECONDS allow (default 600), or the one case a failure names: SEED=S
# (KEEP=DIR keeps its trees).
fuzz: test-deps
	$(SWIFT) build --build-tests
	$(if $(SEED),MICSYNC_FUZZ_SEED=$(SEED)) $(if $(SEEDS),MICSYNC_FUZZ_SEEDS=$(SEEDS)) \
		$(if $(START),MICSYNC_FUZZ_START=$(START)) $(if $(KEEP),MICSYNC_FUZZ_KEEP=$(KEEP)) \
		$(if $(SEED)$(SEEDS),,MICSYNC_FUZZ_SECONDS=$(or $(TIME),600)) \
		$(SWIFT) test --skip-build --filter DifferentialTests

# micsync as it ships against raw rsync in the same run, on a generated 100,000-file tree (README: Performance).
bench: bench-deps
	$(SWIFT) build $(REL_SHIPPED) --product micsync --build-path .build-shipped
	python3 scripts/bench/bench.py .build-shipped/release/micsync

# Regenerate completions/ from the command tree (run after changing actions or options, then commit completions/).
completions: deps
	$(SWIFT) package --allow-writing-to-package-directory generate-completions

# Regenerate the manual pages in man/ from the built tools' command trees (then commit man/). They carry the
# day of SOURCE_DATE_EPOCH, by default the last commit's, never today's: regenerating alone changes nothing.
MAN_TOOLS := micsync micsync-release micsync-completions micsync-manual
man: deps
	$(SWIFT) build
	bin="$$($(SWIFT) build --show-bin-path)"; \
	export SOURCE_DATE_EPOCH="$${SOURCE_DATE_EPOCH:-$$(git log -1 --format=%ct)}"; \
	"$$bin/micsync-manual" --output-dir man $(addprefix "$$bin"/,$(MAN_TOOLS))

# Scaffold an action module, register it, and refresh completions and man pages: make new-action NAME=foo
# (README: "Adding an action"). `swift build` passes right after, and `micsync foo --help` works.
new-action:
	sh scripts/new-action.sh "$(NAME)"
	$(MAKE) completions
	$(MAKE) man

clean:
	rm -rf .build output

-include mk/*.mk
