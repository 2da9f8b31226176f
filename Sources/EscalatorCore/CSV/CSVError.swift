/// A CSV file that cannot be read, with the 1-based physical line where the trouble is.
public struct CSVError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        /// A quoted field is still open at the end of the file. `line` is where the quote opened.
        case unterminatedQuote
        /// Something other than a delimiter or line break follows a closing quote, as in `"ab"c`.
        case textAfterClosingQuote
        /// A bare `"` inside a field that does not start with one, as in `ab"c`.
        case quoteInUnquotedField
        /// A record has a different number of fields from the header.
        case wrongFieldCount(expected: Int, found: Int)
        /// The file has no header record.
        case missingHeader
        /// Two header columns share a name, so a column cannot be found by name.
        case duplicateColumn(String)
        /// The bytes are not valid UTF-8.
        case invalidUTF8
    }

    public var line: Int
    public var reason: Reason

    public init(line: Int, reason: Reason) {
        self.line = line
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .unterminatedQuote:
            "line \(line): a quoted field opened here is never closed"
        case .textAfterClosingQuote:
            "line \(line): unexpected text after a closing quote (a quote inside a quoted field must be doubled)"
        case .quoteInUnquotedField:
            "line \(line): a quote inside an unquoted field (quote the whole field and double the quote)"
        case let .wrongFieldCount(expected, found):
            "line \(line): expected \(expected) fields, found \(found)"
        case .missingHeader:
            "line \(line): the file is empty; a header row is needed"
        case let .duplicateColumn(name):
            "line \(line): the column \"\(name)\" appears more than once in the header"
        case .invalidUTF8:
            "line \(line): the file is not valid UTF-8"
        }
    }
}
