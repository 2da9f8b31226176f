import Crypto
import EscalatorCore
import Fluent
import Foundation

/// The result of recomputing the audit chain from its first row: intact with its row count and head, or
/// the first row where it breaks and why.
public struct AuditVerification: Sendable, Hashable {
    public enum Problem: String, Sendable, Hashable {
        /// A sequence number is missing: the row was deleted.
        case missing
        /// The row's contents do not match its hash: edited, or written without the key.
        case altered
        /// The row does not carry the previous row's hash: rows were reordered, replaced or inserted.
        case unlinked
        /// A head recorded earlier (`anchor`) is no longer in the chain: rows were cut from the end.
        case anchorMissing = "anchor-missing"

        public var explanation: String {
            switch self {
            case .missing: "the row is missing (deleted)"
            case .altered: "the row's contents do not match its hash (edited)"
            case .unlinked: "the row does not follow the row before it (reordered or replaced)"
            case .anchorMissing: "the head recorded earlier is no longer in the chain (rows cut from the end)"
            }
        }
    }

    public struct Break: Sendable, Hashable {
        public var sequence: Int
        public var problem: Problem

        public init(sequence: Int, problem: Problem) {
            self.sequence = sequence
            self.problem = problem
        }
    }

    public var rows: Int
    public var head: AuditChain.Head?
    public var firstBreak: Break?

    public var isIntact: Bool { firstBreak == nil }

    /// One line for people: `intact: 12 rows, head #12 3fa9…` or `broken at row 7: …`.
    public var summary: String {
        if let firstBreak {
            return "broken at row \(firstBreak.sequence): \(firstBreak.problem.explanation)"
        }
        guard let head else { return "intact: the audit trail is empty" }
        return "intact: \(rows) \(rows == 1 ? "row" : "rows"), head #\(head.sequence) \(head.hash)"
    }

    static let pageSize = 1000

    /// Reads the rows in sequence order, a page at a time, recomputing each row's hash and checking that
    /// sequence numbers run 1, 2, 3… and each row carries the previous row's hash. With `anchor` (a head
    /// noted earlier, e.g. printed by `escalator audit verify`), also checks that row is still there as it was.
    public static func verify(on db: any Database, key: SymmetricKey, anchor: AuditChain.Head? = nil) async throws -> AuditVerification {
        var expected = 1
        var previousHash = AuditEntry.genesisHash
        var head: AuditChain.Head?
        var rows = 0
        var anchorSeen = false
        while true {
            let page = try await AuditEventModel.query(on: db).filter(\.$id >= expected).sort(\.$id).limit(pageSize).all()
            for model in page {
                let entry = model.value
                func broken(_ sequence: Int, _ problem: Problem) -> AuditVerification {
                    AuditVerification(rows: rows, head: head, firstBreak: Break(sequence: sequence, problem: problem))
                }
                if entry.sequence != expected { return broken(expected, .missing) }
                if entry.previousHash != previousHash { return broken(entry.sequence, .unlinked) }
                if AuditChain.hash(entry, key: key) != entry.hash { return broken(entry.sequence, .altered) }
                if let anchor, anchor.sequence == entry.sequence {
                    guard anchor.hash == entry.hash else { return broken(anchor.sequence, .anchorMissing) }
                    anchorSeen = true
                }
                rows += 1
                head = AuditChain.Head(entry)
                previousHash = entry.hash
                expected += 1
            }
            if page.count < pageSize { break }
        }
        if let anchor, !anchorSeen {
            return AuditVerification(rows: rows, head: head, firstBreak: Break(sequence: anchor.sequence, problem: .anchorMissing))
        }
        return AuditVerification(rows: rows, head: head, firstBreak: nil)
    }
}
