#ifndef EDUWH_CSQLITETUNING_H
#define EDUWH_CSQLITETUNING_H

/// Process-wide SQLite settings that Swift cannot make itself (sqlite3_config is variadic).
/// Must run before SQLite is first used in the process; returns 0 when both were applied,
/// otherwise the SQLite result code of the first refusal (SQLITE_MISUSE once SQLite started).
int eduwh_sqlite_tune(void);

/// Returns the C heap's free memory to the system (glibc's malloc_trim); a no-op elsewhere.
/// A long load frees most of what each transaction allocated, but glibc keeps it mapped.
void eduwh_release_free_memory(void);

typedef struct sqlite3 sqlite3;

/// Seconds of a monotonic clock (CLOCK_MONOTONIC), for `eduwh_install_deadline`.
double eduwh_monotonic_seconds(void);

/// Hardens a connection that runs queries typed by a user: SQLITE_DBCONFIG_DEFENSIVE on,
/// the two-argument fts3_tokenizer() and extension loading off, untrusted schema, and an
/// authorizer (sqlite3_set_authorizer, replacing GRDB's, which only gathers statistics for
/// observation) that refuses fts3_tokenizer(), load_extension(), ATTACH/DETACH and turning on
/// writable_schema. Returns SQLITE_OK or the first failing result code.
int eduwh_guard_query_connection(sqlite3 *db);

/// Installs a progress handler that stops the running statement (SQLITE_INTERRUPT) once
/// eduwh_monotonic_seconds() passes *deadline; *deadline <= 0 means no limit. The pointer must
/// stay valid while the connection is open. NULL removes the handler.
void eduwh_install_deadline(sqlite3 *db, double *deadline);

#endif
