import Foundation
import XCTest
@testable import EscalatorCore

final class CSVReaderTests: XCTestCase {
    private func table(_ text: String) throws -> CSVTable { try CSVTable(parsing: text) }

    private func error(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> CSVError? {
        do {
            _ = try CSVTable(parsing: text)
            XCTFail("expected a CSVError", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    func testReadsHeaderAndRecordsByColumnName() throws {
        let csv = try table("name,sector,openings\nWelder,manufacturing,3\nCare assistant,care,5\n")
        XCTAssertEqual(csv.header, ["name", "sector", "openings"])
        XCTAssertEqual(csv.rows.count, 2)
        XCTAssertEqual(csv.rows[1]["name"], "Care assistant")
        XCTAssertEqual(csv.rows[0]["openings"], "3")
        XCTAssertEqual(csv.rows[0][1], "manufacturing")
        XCTAssertNil(csv.rows[0]["salary"])
        XCTAssertEqual(csv.index(of: "sector"), 1)
        XCTAssertEqual(csv.missingColumns(["name", "salary", "grade"]), ["salary", "grade"])
    }

    func testQuotedFieldsKeepDelimitersAndDoubledQuotes() throws {
        let csv = try table("title,summary\n\"Driver, HGV\",\"Said \"\"yes\"\" at once\"\n\"\",plain\n")
        XCTAssertEqual(csv.rows[0]["title"], "Driver, HGV")
        XCTAssertEqual(csv.rows[0]["summary"], "Said \"yes\" at once")
        XCTAssertEqual(csv.rows[1]["title"], "")
    }

    func testLineEndingsCRLFLFAndCRAllEndRecords() throws {
        let csv = try table("a,b\r\n1,2\n3,4\r5,6")
        XCTAssertEqual(csv.rows.map(\.fields), [["1", "2"], ["3", "4"], ["5", "6"]])
        XCTAssertEqual(csv.rows.map(\.line), [2, 3, 4])
    }

    func testEmbeddedNewlinesCountTowardLaterRecordsLines() throws {
        let csv = try table("id,labels\n1,\"first\nsecond\r\nthird\rfourth\"\n2,single\n")
        XCTAssertEqual(csv.rows[0]["labels"], "first\nsecond\r\nthird\rfourth")
        XCTAssertEqual(csv.rows[0].line, 2)
        XCTAssertEqual(csv.rows[1].line, 6, "the record after a four-line cell (LF, CRLF and a lone CR) starts on line 6")
    }

    func testSkipsByteOrderMark() throws {
        let csv = try table("\u{FEFF}conceptUri,preferredLabel\nx,y\n")
        XCTAssertEqual(csv.header.first, "conceptUri")
        XCTAssertEqual(csv.rows[0]["conceptUri"], "x")
    }

    func testSkipsBlankLinesButKeepsPhysicalLineNumbers() throws {
        let csv = try table("\na,b\n\n1,2\r\n\r\n3,4\n\n")
        XCTAssertEqual(csv.headerLine, 2)
        XCTAssertEqual(csv.rows.map(\.line), [4, 6])
        XCTAssertEqual(csv.rows.count, 2, "a final line break makes no empty record")
    }

    func testTrailingDelimiterMeansAnEmptyLastField() throws {
        let csv = try table("a,b,c\n1,2,\n\"x\",\"y\",")
        XCTAssertEqual(csv.rows.map(\.fields), [["1", "2", ""], ["x", "y", ""]])
    }

    func testOtherDelimiter() throws {
        let csv = try CSVTable(parsing: "a;b\n\"1;5\";2\n", reader: CSVReader(delimiter: ";"))
        XCTAssertEqual(csv.rows[0]["a"], "1;5")
    }

    func testUnterminatedQuoteNamesTheLineItOpenedOn() {
        let failure = error("a,b\n1,2\n3,\"never\nclosed\n")
        XCTAssertEqual(failure, CSVError(line: 3, reason: .unterminatedQuote))
    }

    func testTextAfterClosingQuoteIsAnError() {
        XCTAssertEqual(error("a,b\n\"ab\"c,2\n"), CSVError(line: 2, reason: .textAfterClosingQuote))
    }

    func testBareQuoteInUnquotedFieldIsAnError() {
        XCTAssertEqual(error("a,b\n1,2\n5\" screen,3\n"), CSVError(line: 3, reason: .quoteInUnquotedField))
    }

    func testWrongFieldCountNamesTheRecordsLine() {
        let failure = error("a,b,c\n1,2,3\n\"multi\nline\",2,3\n4,5\n")
        XCTAssertEqual(failure, CSVError(line: 5, reason: .wrongFieldCount(expected: 3, found: 2)))
        XCTAssertEqual(failure?.description, "line 5: expected 3 fields, found 2")
    }

    func testEmptyInputHasNoHeader() {
        XCTAssertEqual(error(""), CSVError(line: 1, reason: .missingHeader))
        XCTAssertEqual(error("\n\r\n"), CSVError(line: 1, reason: .missingHeader))
    }

    func testDuplicateColumnNamesAreAnError() {
        XCTAssertEqual(error("id,name,id\n1,2,3\n"), CSVError(line: 1, reason: .duplicateColumn("id")))
    }

    func testInvalidUTF8InDataNamesItsLine() {
        var bytes = Array("a,b\n1,2\n".utf8)
        bytes += [0x33, 0x2C, 0xC3, 0x28, 0x0A]  // "3," then a broken two-byte sequence
        XCTAssertThrowsError(try CSVReader().table(from: Data(bytes))) { error in
            XCTAssertEqual(error as? CSVError, CSVError(line: 3, reason: .invalidUTF8))
        }
    }

    func testValidUTF8DataWithMultibyteCharacters() throws {
        let data = Data("\u{FEFF}name,town\nZoë,Wolverhampton – City\n".utf8)
        let csv = try CSVReader().table(from: data)
        XCTAssertEqual(csv.rows[0]["name"], "Zoë")
        XCTAssertEqual(csv.rows[0]["town"], "Wolverhampton – City")
    }

    func testRecordsMayBeRaggedBeforeTheyMeetAHeader() throws {
        let rows = try CSVReader().records(in: "a,b\n1\n2,3,4\n")
        XCTAssertEqual(rows, [CSVRow(line: 1, fields: ["a", "b"]), CSVRow(line: 2, fields: ["1"]), CSVRow(line: 3, fields: ["2", "3", "4"])])
    }

    func testReadsManyRecordsWithCorrectLines() throws {
        var text = "id,name,notes\n"
        for i in 1...50_000 {
            text += i % 1_000 == 0 ? "\(i),\"Name \(i)\",\"two\nlines\"\n" : "\(i),Name \(i),plain\n"
        }
        let csv = try table(text)
        XCTAssertEqual(csv.rows.count, 50_000)
        XCTAssertEqual(csv.rows.last?["id"], "50000")
        // 50,000 records, one header line, and 50 records that span two lines (the last of them is the final record).
        XCTAssertEqual(csv.rows.last?.line, 1 + 50_000 + 49)
    }
}
