import Crypto
import Foundation

/// Where a sealed value lives: its table, column and row. It is bound into the ciphertext as
/// associated data, so a value sealed for one row (or column) does not open in another.
public struct SealedLocation: Sendable, Hashable {
    public var table: String
    public var column: String
    public var rowID: UUID

    public init(table: String, column: String, rowID: UUID) {
        self.table = table
        self.column = column
        self.rowID = rowID
    }

    var associatedData: Data {
        Data("escalator/\(table)/\(column)/\(rowID.uuidString.lowercased())".utf8)
    }
}

/// Seals special-category column values with AES-256-GCM under `dataKey.subkey("sealed-columns")`.
///
/// A sealed value is text: `v1:` then base64 of nonce (12 bytes), ciphertext and tag (16 bytes). The
/// version prefix leaves room for another algorithm or key later; the associated data is the value's
/// `SealedLocation`.
public struct ColumnCipher: Sendable {
    public static let purpose = "sealed-columns"
    static let version = "v1"
    static let nonceAndTagBytes = 12 + 16

    private let key: SymmetricKey

    public init(_ dataKey: DataKey) {
        key = dataKey.subkey(Self.purpose)
    }

    public func seal(_ plaintext: Data, at location: SealedLocation) throws -> String {
        let box = try AES.GCM.seal(plaintext, using: key, authenticating: location.associatedData)
        guard let combined = box.combined else { throw SealedColumnError.cannotSeal(location.table, location.column) }
        return Self.version + ":" + combined.base64EncodedString()
    }

    public func open(_ sealed: String, at location: SealedLocation) throws -> Data {
        guard let colon = sealed.firstIndex(of: ":") else { throw SealedColumnError.malformed(location.table, location.column) }
        let version = sealed[..<colon]
        guard version == Self.version else {
            throw SealedColumnError.unknownVersion(String(version.prefix(8)), location.table, location.column)
        }
        guard let combined = Data(base64Encoded: String(sealed[sealed.index(after: colon)...])),
              combined.count >= Self.nonceAndTagBytes,
              let box = try? AES.GCM.SealedBox(combined: combined) else {
            throw SealedColumnError.malformed(location.table, location.column)
        }
        do {
            return try AES.GCM.open(box, using: key, authenticating: location.associatedData)
        } catch {
            throw SealedColumnError.cannotOpen(location.table, location.column)
        }
    }

    /// Seals a value as JSON.
    public func seal<T: Encodable>(json value: T, at location: SealedLocation) throws -> String {
        try seal(try Self.encoder.encode(value), at: location)
    }

    /// Opens a value sealed as JSON.
    public func open<T: Decodable>(_ type: T.Type, from sealed: String, at location: SealedLocation) throws -> T {
        let data = try open(sealed, at: location)
        do {
            return try Self.decoder.decode(T.self, from: data)
        } catch {
            throw SealedColumnError.malformed(location.table, location.column)
        }
    }

    public func seal(text: String, at location: SealedLocation) throws -> String {
        try seal(Data(text.utf8), at: location)
    }

    public func openText(_ sealed: String, at location: SealedLocation) throws -> String {
        guard let text = String(data: try open(sealed, at: location), encoding: .utf8) else {
            throw SealedColumnError.malformed(location.table, location.column)
        }
        return text
    }

    /// Whether a stored value is in the sealed format (not whether it opens).
    public static func looksSealed(_ value: String) -> Bool {
        value.hasPrefix(version + ":")
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}

/// Why a sealed value could not be written or read. Messages name the column, never the value.
public enum SealedColumnError: Error, Equatable, CustomStringConvertible {
    /// The value did not authenticate: the data key is not the one it was sealed with, the value was
    /// altered, or it was copied from another row or column.
    case cannotOpen(String, String)
    case malformed(String, String)
    case unknownVersion(String, String, String)
    case cannotSeal(String, String)

    public var description: String {
        switch self {
        case .cannotOpen(let table, let column):
            "A sealed value in \(table).\(column) cannot be opened: the data key (ESCALATOR_DATA_KEY or its key file) is not the key it was sealed with, or the value was altered or moved from another row."
        case .malformed(let table, let column):
            "A value in \(table).\(column) is not in the sealed format."
        case .unknownVersion(let version, let table, let column):
            "A value in \(table).\(column) is sealed with an unknown format version '\(version)'."
        case .cannotSeal(let table, let column):
            "A value for \(table).\(column) could not be sealed."
        }
    }
}
