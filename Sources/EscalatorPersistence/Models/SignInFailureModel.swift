import Fluent
import Foundation

/// One failed (or not yet judged) sign-in attempt, counted against a keyed pseudonym of the account or the
/// client address — never the email or address itself. Every instance of the app counts the same rows.
public final class SignInFailureModel: Model, @unchecked Sendable {
    public static let schema = "sign_in_failures"

    @ID(key: .id) public var id: UUID?
    @Field(key: "key") public var key: String
    /// Seconds since 1970, so the window arithmetic is the same in every database.
    @Field(key: "at") public var at: Double

    /// Listed, not found by reflection on every read and write (Fluent's slowest part); see `ModelPropertiesTests`.
    public var properties: [any AnyProperty] { [$id, $key, $at] }

    public init() {}

    public init(key: String, at: Date) {
        self.key = key
        self.at = at.timeIntervalSince1970
    }
}
