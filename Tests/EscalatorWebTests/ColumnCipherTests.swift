import EscalatorCore
import EscalatorPersistence
import Foundation
import XCTest

/// The sealed-column format on its own: AES-GCM under the data key's "sealed-columns" subkey, bound to
/// table, column and row.
final class ColumnCipherTests: XCTestCase {
    let cipher = ColumnCipher(DataKey.generate())
    let here = SealedLocation(table: "assessments", column: "sealed_notes", rowID: UUID())

    func testSealsToVersionedTextThatOpensOnlyWhereItWasSealed() throws {
        let sealed = try cipher.seal(text: "Sees a probation officer on Tuesdays", at: here)
        XCTAssertTrue(sealed.hasPrefix("v1:"))
        XCTAssertFalse(sealed.contains("probation"))
        let bytes = try XCTUnwrap(Data(base64Encoded: String(sealed.dropFirst(3))))
        XCTAssertEqual(bytes.count, 12 + "Sees a probation officer on Tuesdays".utf8.count + 16, "nonce, ciphertext and tag")
        XCTAssertEqual(try cipher.openText(sealed, at: here), "Sees a probation officer on Tuesdays")

        let otherRow = SealedLocation(table: here.table, column: here.column, rowID: UUID())
        let otherColumn = SealedLocation(table: here.table, column: "sealed_barriers", rowID: here.rowID)
        let otherTable = SealedLocation(table: "clients", column: here.column, rowID: here.rowID)
        for location in [otherRow, otherColumn, otherTable] {
            XCTAssertThrowsError(try cipher.openText(sealed, at: location)) { error in
                XCTAssertEqual(error as? SealedColumnError, .cannotOpen(location.table, location.column))
            }
        }
    }

    func testTheSameValueSealsDifferentlyEachTime() throws {
        let first = try cipher.seal(text: "same", at: here)
        let second = try cipher.seal(text: "same", at: here)
        XCTAssertNotEqual(first, second, "a fresh nonce every time")
        XCTAssertEqual(try cipher.openText(second, at: here), "same")
    }

    func testAWrongKeyFailsClearly() throws {
        let sealed = try cipher.seal(json: [Barrier(kind: .convictions, severity: .high)], at: here)
        let other = ColumnCipher(DataKey.generate())
        XCTAssertThrowsError(try other.open([Barrier].self, from: sealed, at: here)) { error in
            XCTAssertEqual(error as? SealedColumnError, .cannotOpen("assessments", "sealed_notes"))
            let message = String(describing: error)
            XCTAssertTrue(message.contains("assessments.sealed_notes"), message)
            XCTAssertTrue(message.contains("ESCALATOR_DATA_KEY"), message)
            XCTAssertFalse(message.contains("convictions"), "the message never holds the value")
        }
    }

    func testTheSameDataKeyOpensWhatItSealedAcrossInstances() throws {
        let key = DataKey.generate()
        let sealed = try ColumnCipher(key).seal(text: "kept", at: here)
        let reloaded = try XCTUnwrap(DataKey(base64: key.base64))
        XCTAssertEqual(try ColumnCipher(reloaded).openText(sealed, at: here), "kept")
    }

    func testAlteredMalformedAndUnknownVersionValuesAreRefused() throws {
        let sealed = try cipher.seal(text: "original", at: here)
        var bytes = try XCTUnwrap(Data(base64Encoded: String(sealed.dropFirst(3))))
        bytes[14] ^= 0x01
        XCTAssertThrowsError(try cipher.openText("v1:" + bytes.base64EncodedString(), at: here)) { error in
            XCTAssertEqual(error as? SealedColumnError, .cannotOpen("assessments", "sealed_notes"))
        }
        for malformed in ["original", "v1:", "v1:not base64!", "v1:" + Data(count: 10).base64EncodedString()] {
            XCTAssertThrowsError(try cipher.openText(malformed, at: here), malformed) { error in
                XCTAssertEqual(error as? SealedColumnError, .malformed("assessments", "sealed_notes"), malformed)
            }
        }
        XCTAssertThrowsError(try cipher.openText("v2:" + sealed.dropFirst(3), at: here)) { error in
            XCTAssertEqual(error as? SealedColumnError, .unknownVersion("v2", "assessments", "sealed_notes"))
        }
    }
}
