import Foundation

/// An RFC 4180 CSV reader working on UTF-8 bytes.
///
/// - Fields may be quoted; a quote inside a quoted field is doubled (`""`). Quoted fields may hold
///   delimiters and line breaks.
/// - Records end with CRLF, LF or a lone CR. A UTF-8 byte-order mark at the start is skipped.
/// - Blank lines between records are skipped, and a final line break does not make an empty record.
///   (A line holding only a delimiter, or `""`, is not blank: it is a record of empty fields.)
/// - It is strict: a bare quote in an unquoted field, or text after a closing quote, is an error
///   rather than a guess.
/// - Every record knows the 1-based physical line it starts on, counting the line breaks inside
///   quoted fields, so errors and import reports can point at the line a spreadsheet shows.
public struct CSVReader: Sendable {
    public var delimiter: UInt8

    /// `delimiter` must be a single ASCII character other than a quote or line break.
    public init(delimiter: Character = ",") {
        precondition(delimiter.isASCII && delimiter != "\"" && delimiter != "\n" && delimiter != "\r",
                     "The delimiter must be an ASCII character other than a quote or line break")
        self.delimiter = delimiter.asciiValue!
    }

    /// Every record, header included, each with its fields and the line it starts on.
    /// Records may have different numbers of fields.
    public func records(in text: String) throws(CSVError) -> [CSVRow] {
        var text = text
        return try text.withUTF8 { parse($0) }.get()
    }

    /// Every record of UTF-8 bytes; invalid UTF-8 is an error naming its line.
    public func records(in data: Data) throws(CSVError) -> [CSVRow] {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Result<[CSVRow], CSVError> in
            let bytes = raw.bindMemory(to: UInt8.self)
            if let bad = UTF8Validation.firstInvalidIndex(in: bytes) {
                let line = 1 + bytes[..<bad].reduce(0) { $0 + ($1 == CSVByte.lf ? 1 : 0) }
                return .failure(CSVError(line: line, reason: .invalidUTF8))
            }
            return parse(bytes)
        }.get()
    }

    /// The first record as the header, then every other record, each with the header's field count.
    public func table(from text: String) throws(CSVError) -> CSVTable {
        try CSVTable(records: records(in: text))
    }

    public func table(from data: Data) throws(CSVError) -> CSVTable {
        try CSVTable(records: records(in: data))
    }

    // MARK: - Parsing

    private func parse(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<[CSVRow], CSVError> {
        let count = buffer.count
        let delimiter = self.delimiter
        var index = 0
        if count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { index = 3 }

        var line = 1
        var rows: [CSVRow] = []
        var fields: [String] = []
        var scratch: [UInt8] = []
        var recordLine = 1
        var atRecordStart = true

        /// Consumes one line break at `index` (CRLF, LF or CR).
        func consumeLineBreak() {
            if buffer[index] == CSVByte.cr, index + 1 < count, buffer[index + 1] == CSVByte.lf { index += 2 } else { index += 1 }
            line += 1
        }

        func endRecord() {
            rows.append(CSVRow(line: recordLine, fields: fields))
            fields.removeAll(keepingCapacity: true)
            atRecordStart = true
        }

        while index < count {
            if atRecordStart {
                let byte = buffer[index]
                if byte == CSVByte.lf || byte == CSVByte.cr {
                    consumeLineBreak()  // a blank line
                    continue
                }
                recordLine = line
                fields.reserveCapacity(16)
                atRecordStart = false
            }

            if buffer[index] == CSVByte.quote {
                let openedOn = line
                index += 1
                var segmentStart = index
                var escaped = false
                var closed = false
                scratch.removeAll(keepingCapacity: true)
                while index < count {
                    let byte = buffer[index]
                    if byte == CSVByte.quote {
                        if index + 1 < count, buffer[index + 1] == CSVByte.quote {
                            escaped = true
                            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[segmentStart...index]))
                            index += 2
                            segmentStart = index
                        } else {
                            closed = true
                            break
                        }
                    } else {
                        if byte == CSVByte.lf || (byte == CSVByte.cr && !(index + 1 < count && buffer[index + 1] == CSVByte.lf)) {
                            line += 1
                        }
                        index += 1
                    }
                }
                guard closed else { return .failure(CSVError(line: openedOn, reason: .unterminatedQuote)) }
                let tail = UnsafeBufferPointer(rebasing: buffer[segmentStart..<index])
                if escaped {
                    scratch.append(contentsOf: tail)
                    fields.append(String(decoding: scratch, as: UTF8.self))
                } else {
                    fields.append(String(decoding: tail, as: UTF8.self))
                }
                index += 1  // the closing quote
                guard index < count else { break }
                let next = buffer[index]
                if next == delimiter {
                    index += 1
                    if index == count { fields.append("") }
                } else if next == CSVByte.lf || next == CSVByte.cr {
                    consumeLineBreak()
                    endRecord()
                } else {
                    return .failure(CSVError(line: line, reason: .textAfterClosingQuote))
                }
            } else {
                let start = index
                while index < count {
                    let byte = buffer[index]
                    if byte == delimiter || byte == CSVByte.lf || byte == CSVByte.cr { break }
                    if byte == CSVByte.quote { return .failure(CSVError(line: line, reason: .quoteInUnquotedField)) }
                    index += 1
                }
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<index]), as: UTF8.self))
                guard index < count else { break }
                if buffer[index] == delimiter {
                    index += 1
                    if index == count { fields.append("") }
                } else {
                    consumeLineBreak()
                    endRecord()
                }
            }
        }
        if !atRecordStart { endRecord() }
        return .success(rows)
    }
}

/// One record as read, before it is checked against a header.
public struct CSVRow: Sendable, Hashable {
    /// The 1-based physical line the record starts on.
    public var line: Int
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

enum CSVByte {
    static let quote = UInt8(ascii: "\"")
    static let lf = UInt8(ascii: "\n")
    static let cr = UInt8(ascii: "\r")
    static let comma = UInt8(ascii: ",")
}

enum UTF8Validation {
    /// The index of the first byte that does not start or continue a well-formed UTF-8 sequence.
    static func firstInvalidIndex(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let lead = bytes[i]
            if lead < 0x80 { i += 1; continue }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            let second = bytes[i + 1]
            guard second >= low, second <= high else { return i }
            for k in 2..<max(2, length) where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }
}
