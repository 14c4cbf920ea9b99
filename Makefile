# micsync: `make demo` and `make test` work on a fresh Debian machine; they install what is missing first.
SWIFT ?= swift
PREFIX ?= /usr/local
DESTDIR ?=

# Debian packages, installed only when missing (apt-get update once, then apt-get install -y).
BUILD_PACKAGES := rsync libgit2-dev pkg-config zlib1g-dev
# pacman-package-manager, makepkg, libarchive-tools (bsdtar) and fakeroot: the packaging test builds and installs
# the Arch package for real.
TEST_PACKAGES := $(BUILD_PACKAGES) git bash bash-completion zsh fish util-linux \
	pacman-package-manager makepkg libarchive-tools fakeroot
BENCH_PACKAGES := $(BUILD_PACKAGES) hyperfine time

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
define apt_install
	@missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing:" $$missing; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
endef

.PHONY: all build build-release deps test-deps bench-deps demo test bench completions install uninstall clean

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

test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# micsync against raw rsync in the same run, on a generated 100,000-file tree (issue 6; docs/performance.md).
bench: bench-deps build-release
	bash scripts/bench/run.sh "$$($(SWIFT) build -c release --show-bin-path)/micsync"

# Regenerate completions/ from the command tree (run after changing actions or options, then commit completions/).
completions: deps
	$(SWIFT) package --allow-writing-to-package-directory generate-completions

clean:
	rm -rf .build output

-include mk/*.mk
