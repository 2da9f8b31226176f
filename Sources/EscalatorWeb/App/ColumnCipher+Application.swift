import EscalatorPersistence
import Vapor

enum ColumnCipherKey: StorageKey {
    typealias Value = ColumnCipher
}

extension Application {
    /// Seals and opens special-category columns, with the key derived from `AppEnvironment.dataKey`.
    public var columnCipher: ColumnCipher { storage[ColumnCipherKey.self]! }
}

extension Request {
    var cipher: ColumnCipher { application.columnCipher }
}
