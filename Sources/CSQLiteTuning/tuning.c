#include <sqlite3.h>
#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <string.h>
#include <strings.h>
#include <time.h>
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
double eduwh_monotonic_seconds(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

// Functions no query of a warehouse needs and that reach past SQL: fts3_tokenizer() hands out
// and takes raw C pointers (a forged one crashes the process), load_extension() runs code
// from a file.
static int is_dangerous_function(const char *name) {
    if (name == NULL) return 0;
    return strcasecmp(name, "fts3_tokenizer") == 0 || strcasecmp(name, "load_extension") == 0;
}

static int query_authorizer(void *context, int action, const char *arg1, const char *arg2,
                            const char *database, const char *trigger) {
    (void)context; (void)arg2; (void)database; (void)trigger;
    switch (action) {
    case SQLITE_FUNCTION:
        // arg2 is the function's name (arg1 is unused for SQLITE_FUNCTION).
        return is_dangerous_function(arg2) ? SQLITE_DENY : SQLITE_OK;
    case SQLITE_ATTACH:
    case SQLITE_DETACH:
        // Another file read through this connection: nothing outside the warehouse.
        return SQLITE_DENY;
    case SQLITE_PRAGMA:
        // A query may read pragmas, but never turn on schema editing.
        if (arg1 != NULL && strcasecmp(arg1, "writable_schema") == 0 && arg2 != NULL) return SQLITE_DENY;
        return SQLITE_OK;
    default:
        return SQLITE_OK;
    }
}

int eduwh_guard_query_connection(sqlite3 *db) {
    if (db == NULL) return SQLITE_MISUSE;
    int rc;
    // SQLITE_DBCONFIG_DEFENSIVE: no writable_schema, no direct shadow-table writes, no
    // journal_mode=OFF corruption paths, even through SQL the authorizer allowed.
    rc = sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)0);
    if (rc != SQLITE_OK) return rc;
    // The two-argument fts3_tokenizer() (compiled in on Debian) turns a blob into a pointer.
    rc = sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER, 0, (int *)0);
    if (rc != SQLITE_OK) return rc;
    // No extension loading, neither through the C API nor through SQL.
    rc = sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, (int *)0);
    if (rc != SQLITE_OK) return rc;
    // Functions and virtual tables named in the schema run only if marked innocuous.
    rc = sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)0);
    if (rc != SQLITE_OK) return rc;
    return sqlite3_set_authorizer(db, query_authorizer, NULL);
}

static int deadline_passed(void *context) {
    const double *deadline = (const double *)context;
    return *deadline > 0 && eduwh_monotonic_seconds() > *deadline ? 1 : 0;
}

void eduwh_install_deadline(sqlite3 *db, double *deadline) {
    if (db == NULL) return;
    // Every 10,000 virtual machine steps (well under a millisecond), compare the clock with
    // *deadline; a non-zero return makes the running statement fail with SQLITE_INTERRUPT.
    sqlite3_progress_handler(db, 10000, deadline == NULL ? NULL : deadline_passed, deadline);
}
