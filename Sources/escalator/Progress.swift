import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-line progress report for long command-line work — stage, count/total, percent, elapsed — redrawn in
/// place on standard error, at most about ten times a second, and only when standard error is a terminal:
/// piped or redirected, it prints nothing at all, so logs and captured output never see it.
///
///     let progress = Progress()
///     defer { progress.finish() }
///     progress.stage("writing", total: rows.count)
///     for row in rows { …; progress.advance() }
///     progress.finish()          // erases the line; print the command's report after this
///
/// Updates are cheap (a lock and an addition) and may come from any thread; drawing happens on a timer of its
/// own, so the elapsed time keeps moving during a stage that reports no counts. Call `finish()` before printing
/// anything else to the terminal (a `defer` covers errors); it is safe to call more than once.
final class Progress: @unchecked Sendable {
    /// How counts are shown: plain numbers, or bytes as MB.
    enum Unit: Sendable { case items, bytes }

    /// Whether progress would be drawn: standard error is a terminal.
    static var standardErrorIsTerminal: Bool { isatty(2) == 1 }

    static let interval: DispatchTimeInterval = .milliseconds(100)

    private let lock = NSLock()
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private var stageName: String?
    private var done: Int64 = 0
    private var total: Int64?
    private var unit = Unit.items
    private var timer: (any DispatchSourceTimer)?
    private var lastLine = ""
    private var shown = false
    private var finished = false

    /// `enabled` defaults to whether standard error is a terminal; when false, nothing is ever drawn.
    init(enabled: Bool = Progress.standardErrorIsTerminal) {
        started = clock.now
        guard enabled else {
            finished = true
            return
        }
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "escalator.progress"))
        timer.schedule(deadline: .now() + Self.interval, repeating: Self.interval, leeway: .milliseconds(20))
        timer.setEventHandler { [weak self] in self?.draw() }
        self.timer = timer
        timer.resume()
    }

    deinit { finish() }

    /// Starts a stage (`"generating"`, `"writing"`, `"matching"`…), with the number of steps when known.
    func stage(_ name: String, total: Int? = nil, unit: Unit = .items) {
        lock.withLock {
            stageName = name
            done = 0
            self.total = total.map(Int64.init)
            self.unit = unit
        }
    }

    /// `steps` more of the current stage are done.
    func advance(by steps: Int = 1) {
        lock.withLock { done += Int64(steps) }
    }

    /// Sets how many steps of the current stage are done.
    func update(_ count: Int) {
        lock.withLock { done = Int64(count) }
    }

    /// Stops drawing and erases the line.
    func finish() {
        lock.withLock {
            guard !finished else { return }
            finished = true
            timer?.cancel()
            timer = nil
            if shown { Self.emit("\r\u{1B}[K") }
            shown = false
        }
    }

    private func draw() {
        lock.withLock {
            guard !finished, let stageName else { return }
            let line = Self.line(
                stage: stageName, done: done, total: total, unit: unit, elapsed: clock.now - started, width: Self.terminalWidth())
            guard line != lastLine else { return }
            lastLine = line
            shown = true
            Self.emit("\r" + line + "\u{1B}[K")
        }
    }

    /// `writing 12,345/61,000 20% 3.4 s`: the stage, then the count and percent when there is a total (the count
    /// alone when not), then the time since the command began; cut to fit `width` so it never wraps.
    static func line(stage: String, done: Int64, total: Int64?, unit: Unit, elapsed: Duration, width: Int) -> String {
        var parts = [stage]
        if let total, total > 0 {
            parts.append("\(amount(min(done, total), unit))/\(amount(total, unit))")
            parts.append("\(min(100, done * 100 / total))%")
        } else if done > 0 {
            parts.append(amount(done, unit))
        }
        let (seconds, attoseconds) = elapsed.components
        parts.append(String(format: "%.1f s", Double(seconds) + Double(attoseconds) / 1e18))
        let text = parts.joined(separator: "  ")
        let limit = max(10, width - 1)
        return text.count > limit ? String(text.prefix(limit)) : text
    }

    private static func amount(_ value: Int64, _ unit: Unit) -> String {
        switch unit {
        case .items: grouped(value)
        case .bytes: String(format: "%.1f MB", Double(value) / 1_000_000)
        }
    }

    /// 61000 → "61,000".
    static func grouped(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return value < 0 ? "-" + out : out
    }

    private static func terminalWidth() -> Int {
        var size = winsize()
        #if canImport(Glibc)
        let status = ioctl(2, UInt(TIOCGWINSZ), &size)
        #else
        let status = ioctl(2, TIOCGWINSZ, &size)
        #endif
        return status == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
    }

    /// Straight to file descriptor 2, unbuffered, so the line is drawn at once and never mixed into a buffer.
    private static func emit(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }
}
