// libgit2 for the repository, and the zlib it is built on for gzip-compressing source tarballs.
#include <git2.h>
#include <zlib.h>

// git_libgit2_opts is variadic, which Swift cannot call: one wrapper per option used.
static inline int cgit2_set_owner_validation(int enabled) {
    return git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, enabled);
}
