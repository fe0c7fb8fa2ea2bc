import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension FileHandle {
    /// Everything left to read on this handle (a pipe, standard input), read with `read(2)` and
    /// retried when a signal interrupts it. Foundation's `readDataToEndOfFile()` on Linux traps
    /// (a `try!` inside it) when `read` fails with EINTR, which a child process's exit signal can
    /// cause while a long run is read; this never traps and stops at end of file or a real error.
    public func readToEndRetrying() -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        let descriptor = fileDescriptor
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                data.append(contentsOf: buffer[0..<count])
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                return data
            }
        }
    }
}
