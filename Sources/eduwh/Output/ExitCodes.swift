import ArgumentParser

/// eduwh's exit codes, documented in `eduwh --help` and the README. Cron scripts rely on them.
enum ExitCodes {
    /// Everything went well.
    static let ok: Int32 = 0
    /// An unexpected error (a bug, or an error not listed here).
    static let failure: Int32 = 1
    /// The load finished but some files were rejected (see etl_reject); the others were loaded.
    static let someRejected: Int32 = 3
    /// The load finished but a data test (`eduwh check`) failed.
    static let checkFailed: Int32 = 4
    /// Bad command line (ArgumentParser's EX_USAGE).
    static let usage: Int32 = 64
    /// A query or input that cannot be processed (bad SQL, unreadable rule file).
    static let dataError: Int32 = 65
    /// I/O error: the drop folder or warehouse cannot be read or written.
    static let ioError: Int32 = 74
    /// Another load holds the warehouse lock (EX_TEMPFAIL); try again later or use --wait.
    static let lockBusy: Int32 = 75

    /// An EXIT CODES help section listing only `codes`, each with what it means for this command.
    ///
    /// ```swift
    /// ExitCodes.section([(ok, "ok"), (usage, "usage error: bad option or argument")])
    /// ```
    /// Meanings are wrapped to fit 78 columns, continued under themselves.
    static func section(_ codes: [(code: Int32, meaning: String)]) -> String {
        var text = "EXIT CODES:\n"
        for (code, meaning) in codes {
            let number = String(code)
            var line = "  " + number + String(repeating: " ", count: max(1, 4 - number.count))
            var lineHasWord = false
            for word in meaning.split(whereSeparator: \.isWhitespace) {
                if lineHasWord, line.count + 1 + word.count > 78 {
                    text += line + "\n"
                    line = "      "
                    lineHasWord = false
                }
                line += (lineHasWord ? " " : "") + word
                lineHasWord = true
            }
            text += line + "\n"
        }
        return String(text.dropLast())
    }

    /// The failures every command that opens the warehouse to read shares.
    static let readCodes: [(code: Int32, meaning: String)] = [
        (ok, "ok"),
        (failure, "unexpected error"),
        (usage, "usage error (bad option or argument)"),
        (ioError, "the warehouse is missing or unreadable (run `eduwh load` first, or pass --db)"),
    ]

    /// The EXIT CODES section of the commands that read one file (clean, extract).
    static let fileCodes = section([
        (ok, "ok"),
        (failure, "unexpected error"),
        (usage, "usage error (bad option or argument)"),
        (dataError, "the file is empty, binary or undecodable, or a --rules table is invalid"),
        (ioError, "the file cannot be read"),
    ])

    /// Every exit code with what it means: the one list `eduwh --help` and `eduwh help load`
    /// print (README's "Exit codes" table says the same, checked by `HelpTests`).
    static let all: [(code: Int32, meaning: String)] = [
        (ok, "ok"),
        (failure, "unexpected error"),
        (someRejected, "load finished, some files rejected (see etl_reject), the rest loaded"),
        (checkFailed, "load finished, a data test failed (see eduwh check)"),
        (usage, "usage error (bad option or argument)"),
        (dataError, "bad input: SQL error, invalid rule file, --prune refused (see --prune-max)"),
        (ioError, "I/O error: drop folder or warehouse unreadable/unwritable, disk full, not a warehouse"),
        (lockBusy, "another load holds the warehouse lock (try later, or --wait SECONDS)"),
    ]

    /// The EXIT CODES section of every code.
    static let table = section(all)
}

/// Prints one line to stderr.
func printError(_ message: String) {
    var stream = StandardError()
    print(message, to: &stream)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandleOutput.stderr(string)
    }
}
