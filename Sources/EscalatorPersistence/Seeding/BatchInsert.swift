import Fluent

extension Array where Element: Model {
    /// Inserts the models in batches small enough for SQLite's limit on bound parameters.
    public func createInBatches(on database: any Database, batchSize: Int = 250) async throws {
        var start = startIndex
        while start < endIndex {
            let end = index(start, offsetBy: batchSize, limitedBy: endIndex) ?? endIndex
            try await Array(self[start..<end]).create(on: database)
            start = end
        }
    }
}
