import GRDB

extension Warehouse {
    // MARK: - Faults of the machine, not of a file

    /// SQLite result codes that come from the machine or the warehouse file (a full disk, an I/O
    /// error, a lock held by another process, memory, a damaged or read-only file), never from the
    /// rows of one input file.
    static let environmentalCodes: Set<Int32> = [
        ResultCode.SQLITE_FULL.rawValue, ResultCode.SQLITE_IOERR.rawValue, ResultCode.SQLITE_CANTOPEN.rawValue,
        ResultCode.SQLITE_READONLY.rawValue, ResultCode.SQLITE_BUSY.rawValue, ResultCode.SQLITE_LOCKED.rawValue,
        ResultCode.SQLITE_NOMEM.rawValue, ResultCode.SQLITE_CORRUPT.rawValue, ResultCode.SQLITE_NOTADB.rawValue,
        ResultCode.SQLITE_PERM.rawValue, ResultCode.SQLITE_PROTOCOL.rawValue, ResultCode.SQLITE_INTERRUPT.rawValue,
    ]

    /// Whether `error` is a fault of the machine or the warehouse file rather than of the file
    /// being written: such an error stops the load (exit 74) instead of being recorded as the
    /// file's rejection. A full disk made 19 good files "rejected: database or disk is full".
    ///
    /// ```swift
    /// Warehouse.isEnvironmental(DatabaseError(resultCode: .SQLITE_FULL)) // true
    /// Warehouse.isEnvironmental(DatabaseError(resultCode: .SQLITE_CONSTRAINT)) // false
    /// ```
    public static func isEnvironmental(_ error: any Error) -> Bool {
        if let error = error as? DatabaseError {
            return environmentalCodes.contains(error.resultCode.primaryResultCode.rawValue)
        }
        if let error = error as? WarehouseError {
            return error.reason != .notAWarehouse && error.reason != .newerSchema && error.reason != .olderSchema
        }
        return false
    }
}
