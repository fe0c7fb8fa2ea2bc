#ifndef EDUWH_CSQLITETUNING_H
#define EDUWH_CSQLITETUNING_H

/// Process-wide SQLite settings that Swift cannot make itself (sqlite3_config is variadic).
/// Must run before SQLite is first used in the process; returns 0 when both were applied,
/// otherwise the SQLite result code of the first refusal (SQLITE_MISUSE once SQLite started).
int eduwh_sqlite_tune(void);

/// Returns the C heap's free memory to the system (glibc's malloc_trim); a no-op elsewhere.
/// A long load frees most of what each transaction allocated, but glibc keeps it mapped.
void eduwh_release_free_memory(void);

#endif
