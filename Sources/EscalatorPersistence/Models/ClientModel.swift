import EscalatorCore
import Fluent
import Foundation

public final class ClientModel: Model, @unchecked Sendable {
    public static let schema = "clients"

    @ID(key: .id) public var id: UUID?
    @Field(key: "reference") public var reference: String
    @Field(key: "given_name") public var givenName: String
    @Field(key: "family_name") public var familyName: String
    @OptionalField(key: "date_of_birth") public var dateOfBirth: Date?
    @OptionalField(key: "email") public var email: String?
    @OptionalField(key: "phone") public var phone: String?
    @Field(key: "postcode") public var postcode: String
    @Field(key: "ward_id") public var wardID: String
    @Field(key: "employment_status") public var employmentStatus: EmploymentStatus
    @Field(key: "referral_source") public var referralSource: ReferralSource
    @Field(key: "organisation_id") public var organisationID: UUID
    @OptionalField(key: "case_owner_id") public var caseOwnerID: UUID?
    @Field(key: "registered_at") public var registeredAt: Date
    /// Set when the client's personal data was erased (anonymised); the row stays for the statistics.
    @OptionalField(key: "erased_at") public var erasedAt: Date?
    /// Why: an `ErasureReason` code.
    @OptionalField(key: "erasure_reason") public var erasureReason: String?

    /// `EqualityMonitoring` as JSON, sealed (`ColumnCipher`); nil when none was recorded.
    @OptionalField(key: "sealed_equality_monitoring") public var sealedEqualityMonitoring: String?

    /// Listed, not found by reflection on every read and write (Fluent's slowest part); see `ModelPropertiesTests`.
    public var properties: [any AnyProperty] { [$id, $reference, $givenName, $familyName, $dateOfBirth, $email, $phone, $postcode, $wardID, $employmentStatus, $referralSource, $organisationID, $caseOwnerID, $registeredAt, $erasedAt, $erasureReason, $sealedEqualityMonitoring] }

    public init() {}

    /// A new row; the client's equality monitoring, if any, is sealed with `cipher`.
    public init(_ value: Client, cipher: ColumnCipher) throws {
        id = value.id
        update(from: value)
        try seal(equalityMonitoring: value.equalityMonitoring, cipher: cipher)
    }

    /// A new row for a client recorded without equality monitoring (imports): nothing to seal.
    public convenience init(withoutEqualityMonitoring value: Client) {
        self.init()
        id = value.id
        update(from: value)
    }

    /// Copies everything but the sealed equality monitoring, which changes only through `seal(equalityMonitoring:cipher:)`.
    public func update(from value: Client) {
        reference = value.reference
        givenName = value.givenName
        familyName = value.familyName
        dateOfBirth = value.dateOfBirth
        email = value.email
        phone = value.phone
        postcode = value.postcode
        wardID = value.wardID
        employmentStatus = value.employmentStatus
        referralSource = value.referralSource
        organisationID = value.organisationID
        caseOwnerID = value.caseOwnerID
        registeredAt = value.registeredAt
    }

    public static let equalityMonitoringColumn = "sealed_equality_monitoring"

    func equalityMonitoringLocation() -> SealedLocation {
        SealedLocation(table: Self.schema, column: Self.equalityMonitoringColumn, rowID: id!)
    }

    public func seal(equalityMonitoring: EqualityMonitoring?, cipher: ColumnCipher) throws {
        sealedEqualityMonitoring = try equalityMonitoring.map { try cipher.seal(json: $0, at: equalityMonitoringLocation()) }
    }

    /// The client with their equality monitoring opened: throws if it does not open with this key.
    public func value(_ cipher: ColumnCipher) throws -> Client {
        var client = value
        client.equalityMonitoring = try sealedEqualityMonitoring.map {
            try cipher.open(EqualityMonitoring.self, from: $0, at: equalityMonitoringLocation())
        }
        return client
    }

    /// The client without their equality monitoring (left sealed): enough for every use but showing it.
    public var value: Client {
        Client(
            id: id!, reference: reference, givenName: givenName, familyName: familyName, dateOfBirth: dateOfBirth,
            email: email, phone: phone, postcode: postcode, wardID: wardID, employmentStatus: employmentStatus,
            referralSource: referralSource, organisationID: organisationID, caseOwnerID: caseOwnerID,
            registeredAt: registeredAt)
    }
}

extension QueryBuilder where Model == ClientModel {
    /// Leaves out clients whose personal data has been erased: they are kept only for the statistics.
    public func notErased() -> Self { filter(\.$erasedAt == nil) }
}

public final class ConsentModel: Model, @unchecked Sendable {
    public static let schema = "consents"

    @ID(key: .id) public var id: UUID?
    @Field(key: "client_id") public var clientID: UUID
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "purpose") public var purpose: String
    @Field(key: "given_at") public var givenAt: Date
    @OptionalField(key: "withdrawn_at") public var withdrawnAt: Date?

    /// Listed, not found by reflection on every read and write (Fluent's slowest part); see `ModelPropertiesTests`.
    public var properties: [any AnyProperty] { [$id, $clientID, $organisationID, $purpose, $givenAt, $withdrawnAt] }

    public init() {}

    public init(clientID: UUID, _ value: Consent) {
        self.clientID = clientID
        organisationID = value.organisationID
        purpose = value.purpose
        givenAt = value.givenAt
        withdrawnAt = value.withdrawnAt
    }

    public var value: Consent {
        Consent(organisationID: organisationID, purpose: purpose, givenAt: givenAt, withdrawnAt: withdrawnAt)
    }
}
