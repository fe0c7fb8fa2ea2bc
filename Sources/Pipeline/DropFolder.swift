import Foundation
import Ingest

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One supported file found in a drop folder.
public struct DropEntry: Sendable, Hashable {
    /// The path relative to the drop folder, as `etl_file.source_path` records it. Bytes of a
    /// name that are not UTF-8 are written `\xFF`, so every name has one printable path.
    public var path: String
    /// The bytes to open (folder + relative path, or a link's resolved target), no NUL.
    public var fileSystemPath: [UInt8]
    /// Why the file is refused before reading it (a link leaving the folder); nil otherwise.
    public var refusal: (reason: String, detail: String)?

    public static func == (lhs: DropEntry, rhs: DropEntry) -> Bool {
        lhs.path == rhs.path && lhs.fileSystemPath == rhs.fileSystemPath && lhs.refusal?.reason == rhs.refusal?.reason
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
    }
}

/// The drop-folder policy: which files a load may read.
///
/// Every directory under the folder is walked (hidden names skipped, symbolic links to
/// directories not followed); a directory that cannot be read stops the walk with an error
/// instead of counting as empty. A symbolic link to a file is followed only when its target lies
/// inside the folder, unless `followSymlinks`; otherwise the entry is refused with the reason
/// `outside_drop_folder`.
///
/// ```swift
/// let entries = try DropFolder.scan("imports")
/// entries.map(\.path) // ["000_2aee6a9319702955.txt", …]
/// ```
public enum DropFolder {
    /// Supported files under `folder`, sorted by path.
    public static func scan(_ folder: String, followSymlinks: Bool = false) throws(LoadError) -> [DropEntry] {
        var info = stat()
        guard stat(folder, &info) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw .notAFolder(folder) }
            throw .unreadable(path: folder, reason: String(cString: strerror(code)))
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw .notAFolder(folder) }
        guard let realRoot = realPath(Array(folder.utf8)) else {
            throw .unreadable(path: folder, reason: String(cString: strerror(errno)))
        }
        let rootBytes = Array(folder.utf8)
        var entries: [DropEntry] = []
        // Relative directory paths (bytes) still to walk; "" is the folder itself.
        var pending: [[UInt8]] = [[]]
        while let relativeDirectory = pending.popLast() {
            let directory = join(rootBytes, relativeDirectory)
            let names = try listDirectory(directory, shown: relativeDirectory.isEmpty ? folder : printable(directory))
            for name in names {
                guard name.first != UInt8(ascii: ".") else { continue }  // hidden
                let relative = relativeDirectory.isEmpty ? name : relativeDirectory + [UInt8(ascii: "/")] + name
                let full = join(rootBytes, relative)
                var status = stat()
                guard lstatBytes(full, &status) == 0 else { continue }  // vanished since listed
                let kind = status.st_mode & S_IFMT
                if kind == S_IFDIR {
                    pending.append(relative)
                    continue
                }
                guard Ingestor.supportedExtensions.contains(fileExtension(of: name)) else { continue }
                var entry = DropEntry(path: printable(relative), fileSystemPath: full)
                if kind == S_IFLNK {
                    errno = 0
                    if let target = realPath(full) {
                        if isInside(target, realRoot) || followSymlinks {
                            entry.fileSystemPath = target
                        } else {
                            entry.refusal = (
                                "outside_drop_folder",
                                "\(entry.path): rejected (outside_drop_folder): a symbolic link to \(printable(target)), outside the drop folder; move the file into the folder, or pass --follow-symlinks to load it"
                            )
                        }
                    } else {
                        let code = errno
                        let what =
                            code == ELOOP
                            ? "a loop of symbolic links"
                            : code == ENOENT
                                ? "a symbolic link that points nowhere"
                                : "a symbolic link that cannot be resolved (\(String(cString: strerror(code))))"
                        entry.refusal = ("unreadable", "\(entry.path): rejected (unreadable): \(what)")
                    }
                }
                entries.append(entry)
            }
        }
        return entries.sorted { $0.path < $1.path }
    }

    // MARK: - Helpers

    /// The names in a directory; throws when it cannot be opened or read.
    private static func listDirectory(_ path: [UInt8], shown: String) throws(LoadError) -> [[UInt8]] {
        guard
            let handle = (path + [0]).withUnsafeBufferPointer({ buffer in
                buffer.withMemoryRebound(to: CChar.self) { opendir($0.baseAddress!) }
            })
        else {
            throw .unreadable(path: shown, reason: String(cString: strerror(errno)))
        }
        defer { closedir(handle) }
        var names: [[UInt8]] = []
        while true {
            errno = 0
            guard let entry = readdir(handle) else {
                if errno != 0 { throw .unreadable(path: shown, reason: String(cString: strerror(errno))) }
                break
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
            names.append(name)
        }
        return names
    }

    private static func join(_ root: [UInt8], _ relative: [UInt8]) -> [UInt8] {
        guard !relative.isEmpty else { return root }
        return root.last == UInt8(ascii: "/") ? root + relative : root + [UInt8(ascii: "/")] + relative
    }

    private static func lstatBytes(_ path: [UInt8], _ status: inout stat) -> Int32 {
        (path + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { lstat($0.baseAddress!, &status) }
        }
    }

    /// The canonical absolute path (links resolved), or nil when it does not resolve.
    static func realPath(_ path: [UInt8]) -> [UInt8]? {
        (path + [0]).withUnsafeBufferPointer { buffer -> [UInt8]? in
            buffer.withMemoryRebound(to: CChar.self) { name -> [UInt8]? in
                guard let resolved = realpath(name.baseAddress!, nil) else { return nil }
                defer { free(resolved) }
                return Array(
                    UnsafeBufferPointer(
                        start: UnsafeRawPointer(resolved).assumingMemoryBound(to: UInt8.self), count: strlen(resolved)))
            }
        }
    }

    private static func isInside(_ path: [UInt8], _ root: [UInt8]) -> Bool {
        let prefix = root.last == UInt8(ascii: "/") ? root : root + [UInt8(ascii: "/")]
        return path.count > prefix.count && Array(path.prefix(prefix.count)) == prefix
    }

    private static func fileExtension(of name: [UInt8]) -> String {
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot > 0 else { return "" }
        return String(decoding: name[(dot + 1)...], as: UTF8.self).lowercased()
    }

    /// A path's bytes as text: UTF-8 as is, any other byte as `\xHH`.
    public static func printable(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var out = ""
        var index = 0
        while index < bytes.count {
            // The longest valid UTF-8 sequence starting here (1-4 bytes), else one escaped byte.
            var decoded: String?
            for length in 1...4 where index + length <= bytes.count {
                if let piece = String(validating: bytes[index..<(index + length)], as: UTF8.self) {
                    decoded = piece
                    index += length
                    break
                }
            }
            if let decoded {
                out += decoded
            } else {
                out += String(format: "\\x%02X", bytes[index])
                index += 1
            }
        }
        return out
    }
}
