/// What an API token may do: `read` only looks (GET), `write` does whatever the user's role allows.
public enum TokenScope: String, Sendable, Codable, CaseIterable {
    case read
    case write

    public var label: String {
        switch self {
        case .read: "Read only"
        case .write: "Read and change"
        }
    }
}
