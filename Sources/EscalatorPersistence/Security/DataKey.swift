import Crypto
import Foundation

/// The installation's secret: 32 random bytes from configuration. Special-category columns are sealed
/// with a key derived from it, and the audit chain is keyed with another, so one secret serves both and
/// neither use can stand in for the other. Losing it makes sealed columns unreadable (docs/security.md).
public struct DataKey: Sendable {
    private let secret: SymmetricKey

    public init(_ secret: SymmetricKey) {
        precondition(secret.bitCount == 256, "A data key is 32 bytes.")
        self.secret = secret
    }

    /// A key from its base64 text (as in `ESCALATOR_DATA_KEY` or a key file); nil unless it is 32 bytes.
    public init?(base64: String) {
        guard let bytes = Data(base64Encoded: base64.trimmingCharacters(in: .whitespacesAndNewlines)), bytes.count == 32 else {
            return nil
        }
        self.init(SymmetricKey(data: bytes))
    }

    /// A fresh random key.
    public static func generate() -> DataKey { DataKey(SymmetricKey(size: .bits256)) }

    public var base64: String { secret.withUnsafeBytes { Data($0).base64EncodedString() } }

    /// A key for one use (`"sealed-columns"`, `"audit-chain"`), derived with HKDF-SHA256.
    public func subkey(_ purpose: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(
            inputKeyMaterial: secret, salt: Data("escalator".utf8), info: Data(purpose.utf8), outputByteCount: 32)
    }
}

public enum DataKeyError: Error, CustomStringConvertible {
    case unreadable(path: String)
    case malformed(source: String)

    public var description: String {
        switch self {
        case .unreadable(let path): "The data key file \(path) cannot be read."
        case .malformed(let source): "The data key in \(source) is not 32 bytes of base64."
        }
    }
}

extension DataKey {
    /// `ESCALATOR_DATA_KEY` (base64) if set, else the file `ESCALATOR_DATA_KEY_FILE` names, else the file
    /// at `defaultFile`, created with a fresh key (readable by the owner only) when `createIfMissing`.
    public static func load(
        environment: [String: String], defaultFile: String?, createIfMissing: Bool
    ) throws -> DataKey? {
        if let text = environment["ESCALATOR_DATA_KEY"], !text.isEmpty {
            guard let key = DataKey(base64: text) else { throw DataKeyError.malformed(source: "ESCALATOR_DATA_KEY") }
            return key
        }
        guard let path = environment["ESCALATOR_DATA_KEY_FILE"].flatMap({ $0.isEmpty ? nil : $0 }) ?? defaultFile else {
            return nil
        }
        if FileManager.default.fileExists(atPath: path) {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw DataKeyError.unreadable(path: path) }
            guard let key = DataKey(base64: text) else { throw DataKeyError.malformed(source: path) }
            return key
        }
        guard createIfMissing else { return nil }
        let key = DataKey.generate()
        FileManager.default.createFile(
            atPath: path, contents: Data((key.base64 + "\n").utf8), attributes: [.posixPermissions: 0o600])
        return key
    }
}
