#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a whole regular file into memory with plain POSIX calls, turning every way that can fail
/// (missing, permissions, a loop of links, a directory, a FIFO, too large) into an `IngestError`.
///
/// A FIFO or device in the drop folder would block a `read`; the file is opened non-blocking and
/// anything but a regular file is refused before reading. The size limit is checked with `fstat`
/// first, so an oversized file costs no memory.
///
/// ```swift
/// let bytes = try FileBytesReader.read(path: "imports/a.txt", shownAs: "a.txt", maxBytes: 64 << 20)
/// ```
enum FileBytesReader {
    private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.read(descriptor, buffer, count)
        #else
            Darwin.read(descriptor, buffer, count)
        #endif
    }

    /// The file's bytes; throws `unreadable`, `tooLarge` or `empty`.
    static func read(path: String, shownAs shown: String, maxBytes: Int) throws(IngestError) -> [UInt8] {
        try read(path: Array(path.utf8), shownAs: shown, maxBytes: maxBytes, followingLinks: true)
    }

    /// The bytes of the file at a raw path (any bytes but NUL); without `followingLinks`, a
    /// symbolic link as last component is refused.
    static func read(path: [UInt8], shownAs shown: String, maxBytes: Int, followingLinks: Bool) throws(IngestError)
        -> [UInt8]
    {
        let flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | (followingLinks ? 0 : O_NOFOLLOW)
        let descriptor = (path + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, flags) }
        }
        guard descriptor >= 0 else {
            let code = errno
            if code == ELOOP, !followingLinks {
                throw IngestError(
                    path: shown, reason: .unreadable,
                    detail: "it became a symbolic link after the drop folder was read; load again")
            }
            throw IngestError(path: shown, reason: .unreadable, detail: openFailure(code))
        }
        defer { close(descriptor) }

        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw IngestError(path: shown, reason: .unreadable, detail: "cannot stat: \(message(errno))")
        }
        let kind = status.st_mode & S_IFMT
        guard kind == S_IFREG else {
            let what =
                switch kind {
                case S_IFDIR: "it is a directory"
                case S_IFIFO: "it is a named pipe (FIFO)"
                case S_IFCHR, S_IFBLK: "it is a device"
                case S_IFSOCK: "it is a socket"
                default: "it is not a regular file"
                }
            throw IngestError(path: shown, reason: .unreadable, detail: what)
        }
        let size = Int(status.st_size)
        guard size <= maxBytes else {
            throw IngestError(
                path: shown, reason: .tooLarge, detail: "\(size) bytes, over the limit of \(maxBytes) bytes")
        }
        guard size > 0 else {
            throw IngestError(path: shown, reason: .empty, detail: "the file has 0 bytes")
        }

        // Read what fstat promised plus one byte, to notice a file still being written.
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                systemRead(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count > 0 {
                filled += count
                continue
            }
            if count == 0 { break }
            if errno == EINTR { continue }
            throw IngestError(
                path: shown, reason: .unreadable, detail: "read failed after \(filled) bytes: \(message(errno))")
        }
        guard filled <= size else {
            throw IngestError(
                path: shown, reason: .unreadable,
                detail: "the file grew while being read (still being written?); load it again later")
        }
        guard filled > 0 else {
            throw IngestError(
                path: shown, reason: .empty, detail: "the file has 0 bytes (it was emptied while being read)")
        }
        bytes.removeSubrange(filled...)
        return bytes
    }

    private static func openFailure(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file (it vanished, or a link points nowhere)"
        case EACCES, EPERM: "permission denied"
        case ELOOP: "too many levels of symbolic links (a loop of links)"
        case EISDIR: "it is a directory"
        case ENAMETOOLONG: "the path is too long"
        case ENOTDIR: "a component of the path is not a directory"
        default: message(code)
        }
    }

    private static func message(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
