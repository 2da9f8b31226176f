import EscalatorPersistence
import Vapor

enum PseudonymsKey: StorageKey { typealias Value = Pseudonyms }

extension Application {
    /// Candidates' pseudonyms, keyed from the installation's data key (set up in `configure`).
    var pseudonyms: Pseudonyms { storage[PseudonymsKey.self]! }
}
