import Foundation

/// Writes RFC 4180 CSV: records end with CRLF, and a field is quoted only when it holds the delimiter,
/// a quote (doubled inside) or a line break.
///
/// **Formula injection.** A spreadsheet treats a cell starting with `=`, `+`, `-` or `@` as a formula, and
/// tab or carriage return at the start can smuggle one in. So, unless `neutralisesFormulas` is turned off,
/// any field starting with one of those six characters is written with a single quote `'` in front:
/// `=SUM(A1)` becomes `'=SUM(A1)`. The rule is applied to every field alike, with no exceptions, so a
/// negative number such as `-3` is written `'-3` too: simple and predictable, and the spreadsheet shows
/// the text the system holds. Readers of such files get the quote back; `CSVReader` does not strip it.
public struct CSVWriter: Sendable {
    public var delimiter: UInt8
    public var neutralisesFormulas: Bool
    private var buffer: [UInt8] = []

    /// Characters that make a spreadsheet read a cell as a formula.
    public static let formulaTriggers: Set<UInt8> = [
        UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D,
    ]

    public init(delimiter: Character = ",", neutralisesFormulas: Bool = true) {
        precondition(delimiter.isASCII && delimiter != "\"" && delimiter != "\n" && delimiter != "\r",
                     "The delimiter must be an ASCII character other than a quote or line break")
        self.delimiter = delimiter.asciiValue!
        self.neutralisesFormulas = neutralisesFormulas
    }

    /// Starts a file with a header record.
    public init(header: [String], delimiter: Character = ",", neutralisesFormulas: Bool = true) {
        self.init(delimiter: delimiter, neutralisesFormulas: neutralisesFormulas)
        append(header)
    }

    /// Appends one record.
    public mutating func append(_ fields: [String]) {
        for (position, field) in fields.enumerated() {
            if position > 0 { buffer.append(delimiter) }
            appendField(field)
        }
        buffer.append(CSVByte.cr)
        buffer.append(CSVByte.lf)
    }

    public mutating func append(contentsOf records: [[String]]) {
        for record in records { append(record) }
    }

    /// The file so far, as text.
    public var text: String { String(decoding: buffer, as: UTF8.self) }

    /// The file so far, as UTF-8 bytes (no byte-order mark).
    public var data: Data { Data(buffer) }

    /// A whole file in one call.
    public static func string(header: [String], rows: [[String]], neutralisesFormulas: Bool = true) -> String {
        var writer = CSVWriter(header: header, neutralisesFormulas: neutralisesFormulas)
        writer.append(contentsOf: rows)
        return writer.text
    }

    /// One field as it would be written.
    public static func encode(_ field: String, neutralisesFormulas: Bool = true) -> String {
        var writer = CSVWriter(neutralisesFormulas: neutralisesFormulas)
        writer.appendField(field)
        return String(decoding: writer.buffer, as: UTF8.self)
    }

    private mutating func appendField(_ field: String) {
        var field = field
        field.withUTF8 { bytes in
            let guarded = neutralisesFormulas && !bytes.isEmpty && Self.formulaTriggers.contains(bytes[0])
            var needsQuotes = false
            for byte in bytes where byte == delimiter || byte == CSVByte.quote || byte == CSVByte.lf || byte == CSVByte.cr {
                needsQuotes = true
                break
            }
            if !needsQuotes {
                if guarded { buffer.append(UInt8(ascii: "'")) }
                buffer.append(contentsOf: bytes)
                return
            }
            buffer.append(CSVByte.quote)
            if guarded { buffer.append(UInt8(ascii: "'")) }
            for byte in bytes {
                if byte == CSVByte.quote { buffer.append(CSVByte.quote) }
                buffer.append(byte)
            }
            buffer.append(CSVByte.quote)
        }
    }
}
