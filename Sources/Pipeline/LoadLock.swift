import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock on a warehouse for the duration of a load: `flock(2)` on `<db>.lock`.
///
/// The kernel drops the lock when the process dies, so a killed run never leaves a stale lock
/// behind; the file only keeps the last holder's pid for messages.
///
/// ```swift
/// let lock = try LoadLock.acquire(warehousePath: "eduwh.sqlite", waitSeconds: 0)
/// defer { lock.release() }
/// ```
public final class LoadLock {
    public let path: String
    private var descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    /// Takes the lock, waiting up to `waitSeconds` (0: fail at once) for another holder.
    public static func acquire(warehousePath: String, waitSeconds: Double) throws(LoadLockError) -> LoadLock {
        let path = warehousePath + ".lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .cannotCreate(path: path, reason: String(cString: strerror(errno))) }
        let deadline = Date().addingTimeInterval(waitSeconds)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(fd)
                throw .cannotCreate(path: path, reason: reason)
            }
            if Date() >= deadline {
                let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                close(fd)
                throw .busy(path: path, holder: holder, waitedSeconds: waitSeconds)
            }
            usleep(100_000)
        }
        ftruncate(fd, 0)
        let note = "pid \(getpid()) since \(ISO8601DateFormatter().string(from: Date()))\n"
        _ = note.withCString { write(fd, $0, strlen($0)) }
        return LoadLock(path: path, descriptor: fd)
    }

    /// Releases the lock (also released when the process exits).
    public func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}

/// Why a load could not take the warehouse lock.
public enum LoadLockError: Error, CustomStringConvertible {
    case busy(path: String, holder: String, waitedSeconds: Double)
    case cannotCreate(path: String, reason: String)

    public var description: String {
        switch self {
        case .busy(let path, let holder, let waited):
            "another load holds \(path)\(holder.isEmpty ? "" : " (\(holder))")\(waited > 0 ? " after waiting \(Int(waited)) s" : ""); try again later or pass --wait SECONDS"
        case .cannotCreate(let path, let reason):
            "cannot create lock file \(path): \(reason); check that the warehouse's folder is writable"
        }
    }
}
