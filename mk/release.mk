# Building and installing micsync as it ships. Included from the Makefile; the PKGBUILD runs it alone:
# make -f mk/release.mk shipped install-files. Variables shared with the Makefile are only defaulted here (?=);
# this file's own helpers start with REL_.

SWIFT ?= swift
BUILD_FLAGS ?=
PREFIX ?= /usr/local
DESTDIR ?=

# Debian packages micsync-release builds against (the CGit2 system library).
REL_APT_PACKAGES := libgit2-dev pkg-config zlib1g-dev
REL_SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
# Shipped binaries carry the Swift runtime, so they run without a Swift toolchain, and have full RELRO.
REL_SHIPPED := -c release --static-swift-stdlib -Xlinker -z -Xlinker now
# Maintainers' tools: never in the user's package.
REL_TOOLS := micsync-release micsync-completions micsync-manual
# completions/<generated script>:<installed path under PREFIX>
REL_COMPLETIONS := \
	micsync.bash:share/bash-completion/completions/micsync \
	_micsync:share/zsh/site-functions/_micsync \
	micsync.fish:share/fish/vendor_completions.d/micsync.fish
REL_ROOT := $(patsubst %/mk/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
REL_BIN ?= $(REL_ROOT)/.build/release
REL_DEST := $(abspath $(DESTDIR)$(PREFIX))

.PHONY: release-deps shipped install install-files install-tools uninstall uninstall-tools

## release-deps: install libgit2-dev, pkg-config and zlib1g-dev when missing (Debian and Ubuntu)
release-deps:
	@if ! command -v dpkg >/dev/null 2>&1; then \
		echo "not a Debian system: install libgit2, pkg-config and zlib with your package manager"; \
	else \
		missing=$$(for p in $(REL_APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
		if [ -n "$$missing" ]; then \
			echo "installing" $$missing; \
			$(REL_SUDO) apt-get update && $(REL_SUDO) apt-get install -y $$missing; \
		fi; \
	fi

## shipped: the release build of micsync as packages ship it
shipped:
	cd "$(REL_ROOT)" && $(SWIFT) build $(REL_SHIPPED) --product micsync $(BUILD_FLAGS)

## install: shipped, then install-files
install: shipped
	$(MAKE) -f "$(REL_ROOT)/mk/release.mk" install-files

## install-files: copy the built micsync, its man page and its completions into $(DESTDIR)$(PREFIX); builds nothing
install-files:
	@set -e; cd "$(REL_ROOT)"; \
	install -v -D -m 755 "$(REL_BIN)/micsync" "$(REL_DEST)/bin/micsync"; \
	install -v -D -m 644 man/micsync.1 "$(REL_DEST)/share/man/man1/micsync.1"; \
	for pair in $(REL_COMPLETIONS); do \
		install -v -D -m 644 "completions/$${pair%%:*}" "$(REL_DEST)/$${pair#*:}"; \
	done

## install-tools: release build of the maintainers' tools (they need libgit2), into $(DESTDIR)$(PREFIX)/bin
install-tools: release-deps
	cd "$(REL_ROOT)" && for tool in $(REL_TOOLS); do $(SWIFT) build $(REL_SHIPPED) --product $$tool $(BUILD_FLAGS) || exit; done
	@set -e; cd "$(REL_ROOT)"; \
	for tool in $(REL_TOOLS); do \
		install -v -D -m 755 "$(REL_BIN)/$$tool" "$(REL_DEST)/bin/$$tool"; \
		if [ -f "man/$$tool.1" ]; then install -v -D -m 644 "man/$$tool.1" "$(REL_DEST)/share/man/man1/$$tool.1"; fi; \
	done

## uninstall: remove what install put into $(DESTDIR)$(PREFIX)
uninstall:
	rm -f "$(REL_DEST)/bin/micsync" "$(REL_DEST)/share/man/man1/micsync.1" \
		$(foreach pair,$(REL_COMPLETIONS),"$(REL_DEST)/$(lastword $(subst :, ,$(pair)))")

## uninstall-tools: remove what install-tools put into $(DESTDIR)$(PREFIX)
uninstall-tools:
	rm -f $(foreach tool,$(REL_TOOLS),"$(REL_DEST)/bin/$(tool)" "$(REL_DEST)/share/man/man1/$(tool).1")
