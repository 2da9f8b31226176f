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

    public init() {}

    public init(_ value: Client) {
        id = value.id
        update(from: value)
    }

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

    public var value: Client {
        Client(
            id: id!, reference: reference, givenName: givenName, familyName: familyName, dateOfBirth: dateOfBirth,
            email: email, phone: phone, postcode: postcode, wardID: wardID, employmentStatus: employmentStatus,
            referralSource: referralSource, organisationID: organisationID, caseOwnerID: caseOwnerID,
            registeredAt: registeredAt)
    }
}

public final class ConsentModel: Model, @unchecked Sendable {
    public static let schema = "consents"

    @ID(key: .id) public var id: UUID?
    @Field(key: "client_id") public var clientID: UUID
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "purpose") public var purpose: String
    @Field(key: "given_at") public var givenAt: Date
    @OptionalField(key: "withdrawn_at") public var withdrawnAt: Date?

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
