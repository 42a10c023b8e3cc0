@preconcurrency import Dispatch
import Foundation

/// SIGINT and SIGTERM as something to await, instead of the default of dying at once.
final class SignalTrap: @unchecked Sendable {
    private let signals: [Int32]
    private var sources: [any DispatchSourceSignal] = []
    private let stream: AsyncStream<Int32>
    private let continuation: AsyncStream<Int32>.Continuation

    init(_ signals: [Int32] = [SIGINT, SIGTERM]) {
        self.signals = signals
        (stream, continuation) = AsyncStream.makeStream(of: Int32.self, bufferingPolicy: .bufferingNewest(4))
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            let continuation = self.continuation
            source.setEventHandler { [weak self] in
                self?.markCaught()
                continuation.yield(number)
            }
            source.resume()
            sources.append(source)
        }
    }

    private let lock = NSLock()
    private var caughtAny = false

    /// Whether a signal has been caught yet.
    var caught: Bool {
        lock.lock()
        defer { lock.unlock() }
        return caughtAny
    }

    private func markCaught() {
        lock.lock()
        caughtAny = true
        lock.unlock()
    }

    /// The next signal caught; nil if the waiting task is cancelled.
    func next() async -> Int32? {
        var iterator = stream.makeAsyncIterator()
        return await iterator.next()
    }

    /// Gives the signals their default action back.
    func restore() {
        for source in sources {
            source.cancel()
        }
        sources = []
        for number in signals { signal(number, SIG_DFL) }
        continuation.finish()
    }
}
