import EscalatorCore
import Fluent
import Foundation

/// Reference data an import checks rows against, each loaded once per import.
enum ExchangeLookups {
    static func wardIDs(on db: any Database) async throws -> Set<String> {
        Set(try await WardModel.query(on: db).all(\.$id).compactMap { $0 })
    }

    static func wardNames(on db: any Database) async throws -> [String: String] {
        Dictionary(try await WardModel.query(on: db).all().map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    static func organisations(on db: any Database) async throws -> NameIndex<Organisation> {
        NameIndex(try await OrganisationModel.query(on: db).all().map(\.value), name: \.name)
    }

    static func organisationNames(on db: any Database) async throws -> [UUID: String] {
        Dictionary(try await OrganisationModel.query(on: db).all().map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    static func employers(on db: any Database) async throws -> NameIndex<Employer> {
        NameIndex(try await EmployerModel.query(on: db).all().map(\.value), name: \.name)
    }

    static func employerNames(on db: any Database) async throws -> [UUID: String] {
        Dictionary(try await EmployerModel.query(on: db).all().map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    static func providers(on db: any Database) async throws -> NameIndex<Provider> {
        NameIndex(try await ProviderModel.query(on: db).all().map(\.value), name: \.name)
    }

    static func providerNames(on db: any Database) async throws -> [UUID: String] {
        Dictionary(try await ProviderModel.query(on: db).all().map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
    }
}
