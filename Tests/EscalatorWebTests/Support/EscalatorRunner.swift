import Foundation

/// Runs the built `escalator` executable as an administrator would: in a test's folder, with `--database` set to
/// a SQLite file there, standard output and error going to files (not a terminal), and no database URL, data key
/// or password from the environment the tests run in.
struct EscalatorRunner {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    struct MissingExecutable: Error {
        var path: String
    }

    let folder: URL
    let databasePath: String

    /// The folder the test bundle was built into; every product of the package is built beside it.
    static var productsDirectory: URL {
        #if os(macOS)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL
        #else
        return Bundle.main.bundleURL
        #endif
    }

    func run(_ arguments: [String], environment extra: [String: String] = [:], input: String = "") throws -> Run {
        let executable = Self.productsDirectory.appendingPathComponent("escalator")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw MissingExecutable(path: executable.path)
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments + ["--database", databasePath]
        var environment = ProcessInfo.processInfo.environment
        for name in ["DATABASE_URL", "ESCALATOR_PASSWORD", "ESCALATOR_DATA_KEY", "ESCALATOR_DATA_KEY_FILE"] { environment[name] = nil }
        environment["ESCALATOR_BCRYPT_COST"] = "4"
        process.environment = environment.merging(extra) { _, new in new }
        process.currentDirectoryURL = folder

        let outURL = folder.appendingPathComponent("stdout-\(UUID().uuidString)")
        let errURL = folder.appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        defer {
            try? out.close()
            try? err.close()
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            output: try String(contentsOf: outURL, encoding: .utf8),
            errors: try String(contentsOf: errURL, encoding: .utf8))
    }
}
