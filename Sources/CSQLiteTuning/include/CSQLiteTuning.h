#ifndef EDUWH_CSQLITETUNING_H
#define EDUWH_CSQLITETUNING_H

/// Process-wide SQLite settings that Swift cannot make itself (sqlite3_config is variadic).
/// Must run before SQLite is first used in the process; returns 0 when both were applied,
/// otherwise the SQLite result code of the first refusal (SQLITE_MISUSE once SQLite started).
int eduwh_sqlite_tune(void);

#endif
