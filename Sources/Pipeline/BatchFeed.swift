import Foundation

/// Prepared batches handed from the producer thread to the writer, in order, at most `prefetch`
/// of them waiting at a time.
///
/// One condition guards everything, room included: a `DispatchSemaphore` counted the room
/// before, and libdispatch traps (SIGILL) when a semaphore is freed with a lower count than it
/// started with, which is what a writer that failed mid-load (a full disk, a busy lock) left
/// behind: the crash replaced the load's exit code and summary.
final class BatchFeed: @unchecked Sendable {
    private let condition = NSCondition()
    private var ready: [Int: PreparedBatch] = [:]
    private var cancelled = false
    /// Batches the producer may still put before the writer takes one.
    private var room: Int

    init(prefetch: Int) {
        room = prefetch
    }

    /// Blocks the producer until fewer than `prefetch` batches wait; false once the load stopped.
    func waitForRoom() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while room <= 0 && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        room -= 1
        return true
    }

    func put(_ batch: PreparedBatch, at index: Int) {
        condition.lock()
        ready[index] = batch
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks the writer until batch `index` is prepared, and makes room for the next one.
    func take(_ index: Int) -> PreparedBatch {
        condition.lock()
        while ready[index] == nil { condition.wait() }
        let batch = ready.removeValue(forKey: index)!
        room += 1
        condition.broadcast()
        condition.unlock()
        return batch
    }

    /// Stops the producer after the batch it is preparing (the writer failed or finished).
    func cancel() {
        condition.lock()
        cancelled = true
        ready.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
