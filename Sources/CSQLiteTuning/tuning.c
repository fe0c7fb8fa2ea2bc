#include <sqlite3.h>
#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include "CSQLiteTuning.h"

int eduwh_sqlite_tune(void) {
    // Multi-thread mode: no mutex around every call on a connection. GRDB already hands each
    // connection to one thread at a time (its serial queue), which is all this mode requires;
    // its default leaves Debian's compile-time choice, serialized mode, in place.
    int rc = sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    if (rc != SQLITE_OK) return rc;
    // No global memory statistics: they take a process-wide mutex on every allocation.
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

void eduwh_release_free_memory(void) {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}
