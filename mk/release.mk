# Release tooling and installation. Included from the Makefile; also runs alone: make -f mk/release.mk install
# Variables shared with the Makefile are only defaulted here (?=); this file's own helpers start with REL_.

SWIFT ?= swift
BUILD_FLAGS ?=
PREFIX ?= /usr/local
DESTDIR ?=

# Debian packages micsync-release builds against (the CGit2 system library).
REL_APT_PACKAGES := libgit2-dev pkg-config zlib1g-dev
REL_SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
REL_BINARIES := micsync micsync-completions micsync-release
REL_MAN_PAGES := micsync.1 micsync-completions.1 micsync-release.1
# completions/<generated script>:<installed path under PREFIX>
REL_COMPLETIONS := \
	micsync.bash:share/bash-completion/completions/micsync \
	_micsync:share/zsh/site-functions/_micsync \
	micsync.fish:share/fish/vendor_completions.d/micsync.fish
REL_ROOT := $(patsubst %/mk/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
REL_DEST := $(abspath $(DESTDIR)$(PREFIX))
# makepkg and other reproducible builds set SOURCE_DATE_EPOCH: the man pages then carry that date, not today's.
REL_MAN_DATE := $(if $(SOURCE_DATE_EPOCH),--date $(shell date -u -d @$(SOURCE_DATE_EPOCH) +%F))

.PHONY: release-deps install uninstall

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

## install: release build, then binaries, completions and man pages into $(DESTDIR)$(PREFIX)
install:
	cd "$(REL_ROOT)" && $(SWIFT) build -c release $(BUILD_FLAGS)
	cd "$(REL_ROOT)" && $(SWIFT) package $(BUILD_FLAGS) generate-manual $(REL_MAN_DATE)
	@set -e; cd "$(REL_ROOT)"; \
	bin=$$($(SWIFT) build -c release $(BUILD_FLAGS) --show-bin-path); \
	manuals="$$bin/../../plugins/GenerateManual/outputs"; \
	install -d "$(REL_DEST)/bin" "$(REL_DEST)/share/man/man1"; \
	for name in $(REL_BINARIES); do \
		if [ -x "$$bin/$$name" ]; then install -v -m 755 "$$bin/$$name" "$(REL_DEST)/bin/$$name"; fi; \
	done; \
	for page in $(REL_MAN_PAGES); do \
		source="$$manuals/$${page%.1}/$$page"; \
		if [ -f "$$source" ]; then install -v -m 644 "$$source" "$(REL_DEST)/share/man/man1/$$page"; fi; \
	done; \
	for pair in $(REL_COMPLETIONS); do \
		source="completions/$${pair%%:*}"; target="$(REL_DEST)/$${pair#*:}"; \
		if [ -f "$$source" ]; then install -v -D -m 644 "$$source" "$$target"; fi; \
	done; \
	test -x "$(REL_DEST)/bin/micsync" && test -x "$(REL_DEST)/bin/micsync-release"

## uninstall: remove what install put into $(DESTDIR)$(PREFIX)
uninstall:
	rm -f $(addprefix "$(REL_DEST)/bin/",$(REL_BINARIES)) \
		$(addprefix "$(REL_DEST)/share/man/man1/",$(REL_MAN_PAGES)) \
		$(foreach pair,$(REL_COMPLETIONS),"$(REL_DEST)/$(lastword $(subst :, ,$(pair)))")
