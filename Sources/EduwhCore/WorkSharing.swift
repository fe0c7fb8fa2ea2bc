import Foundation

/// Fixed slots written by exactly one worker each, read after all workers finish: how the
/// load's workers hand back prepared files and the data tests' connections their counts.
///
/// ```swift
/// let squares = Slots<Int>(count: 4)
/// DispatchQueue.concurrentPerform(iterations: 4) { squares[$0] = $0 * $0 }
/// squares.values   // [0, 1, 4, 9]
/// ```
public final class Slots<Value>: @unchecked Sendable {
    /// One allocation made at init and never moved: workers write distinct elements through the
    /// pointer, never through an `Array` property (a mutating access to a shared array is a data
    /// race on the array itself even when the indices differ, and crashed under load).
    private let storage: UnsafeMutablePointer<Value?>
    private let count: Int

    public init(count: Int) {
        self.count = count
        storage = UnsafeMutablePointer<Value?>.allocate(capacity: max(1, count))
        storage.initialize(repeating: nil, count: count)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    /// Slot `index`; reading one that was never written is a programming error.
    public subscript(index: Int) -> Value {
        get {
            precondition(index >= 0 && index < count, "slot \(index) of \(count)")
            return storage[index]!
        }
        set {
            precondition(index >= 0 && index < count, "slot \(index) of \(count)")
            storage[index] = newValue
        }
    }

    /// Every slot's value, in order (all must have been written).
    public var values: [Value] { (0..<count).map { storage[$0]! } }
}

/// Hands out 0, 1, 2 … to concurrent workers, each taking the next piece of work when it is
/// done with one (a lock taken once per piece; `Atomic` needs macOS 15).
public final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    public init() {}

    /// The next number, never handed out before.
    public func take() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value - 1
    }
}
