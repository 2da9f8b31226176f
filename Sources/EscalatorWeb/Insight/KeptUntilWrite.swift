import EscalatorCore
import Foundation

/// One derived value kept until the record of change moves on (`ChangeFeed`) or the day changes, computed at most once
/// at a time: requests arriving while it is being computed wait for that computation rather than start their own.
actor KeptUntilWrite<Value: Sendable> {
    private struct Key: Hashable {
        var day: String
        var dataVersion: Int
    }

    private var kept: (key: Key, value: Value)?
    private var building: (key: Key, task: Task<Value, any Error>)?

    func value(now: Date, dataVersion: Int, compute: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let wanted = Key(day: now.isoDay, dataVersion: dataVersion)
        if let kept, kept.key == wanted { return kept.value }
        if let building, building.key == wanted { return try await building.task.value }
        let task = Task { try await compute() }
        building = (wanted, task)
        do {
            let value = try await task.value
            if building?.key == wanted { building = nil }
            if kept.map({ $0.key.day != wanted.day || $0.key.dataVersion <= wanted.dataVersion }) ?? true { kept = (wanted, value) }
            return value
        } catch {
            if building?.key == wanted { building = nil }
            throw error
        }
    }
}
