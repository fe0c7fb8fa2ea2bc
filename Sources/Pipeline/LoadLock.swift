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
    ///
    /// The lock file sits beside the warehouse's real path (links resolved), so two loads that
    /// name one warehouse through different paths (a symbolic link, `..`) take the same lock.
    public static func acquire(warehousePath: String, waitSeconds: Double) throws(LoadLockError) -> LoadLock {
        let path = realPath(of: warehousePath) + ".lock"
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
                let holder =
                    (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(
                        in: .whitespacesAndNewlines) ?? ""
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

    /// `path` with every symbolic link resolved: the file's own real path when it exists, else
    /// its folder's real path and its name, else `path` as given.
    public static func realPath(of path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        if let resolved = realpath(folder, nil) {
            defer { free(resolved) }
            let base = String(cString: resolved)
            return (base.hasSuffix("/") ? base : base + "/") + url.lastPathComponent
        }
        return path
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
