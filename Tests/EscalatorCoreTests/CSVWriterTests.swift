import Foundation
import XCTest
@testable import EscalatorCore

final class CSVWriterTests: XCTestCase {
    func testPlainFieldsAreNotQuotedAndRecordsEndWithCRLF() {
        let text = CSVWriter.string(header: ["name", "ward"], rows: [["Ada Khan", "E08000025-W01"], ["", "x"]])
        XCTAssertEqual(text, "name,ward\r\nAda Khan,E08000025-W01\r\n,x\r\n")
    }

    func testQuotesOnlyWhenNeeded() {
        XCTAssertEqual(CSVWriter.encode("a,b"), "\"a,b\"")
        XCTAssertEqual(CSVWriter.encode("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(CSVWriter.encode("two\nlines"), "\"two\nlines\"")
        XCTAssertEqual(CSVWriter.encode("cr\rhere"), "\"cr\rhere\"")
        XCTAssertEqual(CSVWriter.encode("a;b"), "a;b")
        XCTAssertEqual(CSVWriter.encode("Zoë – café"), "Zoë – café")
    }

    func testCellsThatCouldBeFormulasArePrefixedWithAQuote() {
        XCTAssertEqual(CSVWriter.encode("=SUM(A1:A9)"), "'=SUM(A1:A9)")
        XCTAssertEqual(CSVWriter.encode("+44 121"), "'+44 121")
        XCTAssertEqual(CSVWriter.encode("@cmd"), "'@cmd")
        XCTAssertEqual(CSVWriter.encode("\tindent"), "'\tindent")
        XCTAssertEqual(CSVWriter.encode("-3"), "'-3", "negative numbers are treated like any other cell")
        XCTAssertEqual(CSVWriter.encode("=HYPERLINK(\"x\",\"y\")"), "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"")
        XCTAssertEqual(CSVWriter.encode("\r=1+1"), "\"'\r=1+1\"", "a leading carriage return is prefixed and, being a line break, quoted")
    }

    func testOnlyTheFirstCharacterMatters() {
        XCTAssertEqual(CSVWriter.encode("a=b"), "a=b")
        XCTAssertEqual(CSVWriter.encode("3-1"), "3-1")
        XCTAssertEqual(CSVWriter.encode(""), "")
    }

    func testFormulaProtectionCanBeTurnedOff() {
        XCTAssertEqual(CSVWriter.encode("=1+1", neutralisesFormulas: false), "=1+1")
        XCTAssertEqual(CSVWriter.encode("-3", neutralisesFormulas: false), "-3")
    }

    func testAppendsRecordByRecordWithAnotherDelimiter() {
        var writer = CSVWriter(header: ["a", "b"], delimiter: ";")
        writer.append(["1;2", "3,4"])
        XCTAssertEqual(writer.text, "a;b\r\n\"1;2\";3,4\r\n")
        XCTAssertEqual(writer.data, Data(writer.text.utf8))
    }

    func testRoundTripsThroughTheReader() throws {
        let rows = [
            ["plain", "with, comma", "with \"quotes\"", "multi\nline\r\nvalue"],
            ["", " leading space", "trailing space ", "ünïcödé – ✓"],
            ["=not a formula here", "-3", "@x", "+1"],
        ]
        let text = CSVWriter.string(header: ["w", "x", "y", "z"], rows: rows, neutralisesFormulas: false)
        let table = try CSVTable(parsing: text)
        XCTAssertEqual(table.header, ["w", "x", "y", "z"])
        XCTAssertEqual(table.rows.map(\.fields), rows)
        XCTAssertEqual(table.rows.map(\.line), [2, 5, 6], "the first record spans lines 2 to 4")
    }

    func testProtectedCellsReadBackWithTheirQuote() throws {
        let text = CSVWriter.string(header: ["value"], rows: [["=1+1"], ["-3"], ["ok"]])
        let table = try CSVTable(parsing: text)
        XCTAssertEqual(table.rows.map { $0["value"]! }, ["'=1+1", "'-3", "ok"])
    }
}
