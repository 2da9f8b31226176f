import Crypto
import EscalatorCore
import Foundation

/// The references employers see instead of a candidate's own: a keyed hash (HMAC-SHA256 under
/// `dataKey.subkey("pseudonyms")`) of the client, the vacancy and its terms, so the same person has the same
/// pseudonym on every page about one vacancy but a different, unlinkable one on each other vacancy, and a new
/// one whenever the vacancy's terms change.
/// Without the data key a pseudonym cannot be traced back to a client.
public struct Pseudonyms: Sendable {
    private let key: SymmetricKey

    public init(_ dataKey: DataKey) {
        key = dataKey.subkey("pseudonyms")
    }

    /// Letters and digits that cannot be mistaken for one another (no I, O, 0 or 1).
    private static let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    /// `CAND-` and eight characters (40 bits of the hash), for the client as a candidate for the vacancy on its
    /// present terms (`Vacancy.candidateTerms`): changing the terms renews every candidate's pseudonym.
    public func candidate(_ clientID: UUID, vacancy: Vacancy) -> String {
        let message = Data("\(clientID.uuidString.lowercased()):\(vacancy.id.uuidString.lowercased()):\(vacancy.candidateTerms)".utf8)
        let mac = Array(HMAC<SHA256>.authenticationCode(for: message, using: key))
        var bits = mac.prefix(5).reduce(UInt64(0)) { ($0 << 8) | UInt64($1) }
        var characters: [Character] = []
        for _ in 0..<8 {
            characters.append(Self.alphabet[Int(bits & 31)])
            bits >>= 5
        }
        return "CAND-" + String(characters.reversed())
    }
}
