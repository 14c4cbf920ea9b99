// libgit2 for the repository, and the zlib it is built on for gzip-compressing source tarballs.
#include <git2.h>
#include <zlib.h>
