import ArgumentParser
import EscalatorCore
import EscalatorPersistence
import EscalatorWeb
import Fluent
import Foundation
import Vapor

extension Role: ExpressibleByArgument {}
extension OrganisationKind: ExpressibleByArgument {}

struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Manage the people who sign in.", subcommands: [CreateUserCommand.self, ResetPasswordCommand.self])
}

struct CreateUserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Add a person who can sign in, for example the first administrator of a deployment.",
        discussion: """
        The password is read from the ESCALATOR_PASSWORD environment variable or, when that is not set, from \
        standard input (one line), never from an argument. It must follow the password rules every password set \
        in Escalator follows: at least 12 characters (at most 72 bytes), not a common password, and not containing \
        the email's name part. It is stored as a Bcrypt hash (cost ESCALATOR_BCRYPT_COST, default 12).
        """)

    @Option(help: "Email address they sign in with.") var email: String
    @Option(help: "Their name as shown in the app.") var name: String
    @Option(help: "One of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).") var role: Role
    @Option(help: "The name of their organisation.") var organisation: String
    @Option(help: "Create the organisation as this kind when none has that name: \(OrganisationKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var organisationKind: OrganisationKind?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        let name = name.trimmingCharacters(in: .whitespaces)
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !email.contains(" "), email.count <= 254 else {
            throw CommandFailure("Enter an email address in the correct format, like name@example.com.")
        }
        guard !name.isEmpty, name.count <= 100 else { throw CommandFailure("Enter a name of 1 to 100 characters.") }
        let password = try Self.readPassword()
        let problems = PasswordRules.problems(password, email: email)
        guard problems.isEmpty else { throw CommandFailure("Choose another password. " + problems.joined(separator: " ")) }

        let organisationName = organisation.trimmingCharacters(in: .whitespaces)
        let created = try await withApplication(try database.environment()) { app in
            try await migrate(app)
            if try await UserModel.query(on: app.db).filter(\.$email == email).count() > 0 {
                throw CommandFailure("A user with the email \(email) already exists.")
            }
            let matches = try await OrganisationModel.query(on: app.db).all()
                .filter { $0.name.lowercased() == organisationName.lowercased() }
            guard matches.count <= 1 else { throw CommandFailure("More than one organisation is named \(organisationName).") }
            let hash = try app.password.hash(password)
            let role = role, kind = organisationKind, existing = matches.first
            try await app.db.transaction { db in
                let organisationID: UUID
                if let existing {
                    organisationID = existing.id!
                } else if let kind {
                    let model = OrganisationModel(Organisation(id: UUID(), name: organisationName, kind: kind))
                    try await model.create(on: db)
                    organisationID = model.id!
                } else {
                    throw CommandFailure(
                        "No organisation is named \(organisationName). Add --organisation-kind KIND to create it "
                            + "(kinds: \(OrganisationKind.allCases.map(\.rawValue).joined(separator: ", "))).")
                }
                try await UserModel(email: email, displayName: name, passwordHash: hash, role: role, organisationID: organisationID).create(on: db)
            }
            let at = existing?.name ?? organisationName
            return "\(role.label) \(name) <\(email)> at \(at)" + (existing == nil ? " (a new \(kind!.label.lowercased()) organisation)" : "")
        }
        print("Created \(created).")
    }

    /// ESCALATOR_PASSWORD, or one line of standard input (asked for without echo at a terminal).
    static func readPassword() throws -> String {
        if let password = ProcessInfo.processInfo.environment["ESCALATOR_PASSWORD"], !password.isEmpty { return password }
        if isatty(STDIN_FILENO) == 1, let typed = getpass("Password: ") { return String(cString: typed) }
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw CommandFailure("Give the password in ESCALATOR_PASSWORD or on standard input.")
        }
        return line
    }
}

struct ResetPasswordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-password",
        abstract: "Give someone a temporary password (printed once) that they must change when they next sign in.",
        discussion: """
        For when no administrator can sign in to reset it on the Users page. Their API tokens are revoked and \
        their sessions end. The temporary password is printed on standard output and stored only as a hash.
        """)

    @Option(help: "Email address they sign in with.") var email: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        let password = TemporaryPassword.generate(for: email)
        let environment = try database.environment()
        try await withApplication(environment) { app in
            try await migrate(app)
            guard let user = try await UserModel.query(on: app.db).filter(\.$email == email).first() else {
                throw CommandFailure("No user signs in with \(email).")
            }
            user.passwordHash = try app.password.hash(password)
            user.mustChangePassword = true
            let now = environment.now()
            try await app.db.transaction { db in
                try await user.save(on: db)
                try await APITokenModel.query(on: db).filter(\.$user.$id == user.id!).filter(\.$revokedAt == nil)
                    .set(\.$revokedAt, to: now).update()
            }
        }
        print("Temporary password for \(email): \(password)")
        print("They must choose their own when they sign in with it.")
    }
}
