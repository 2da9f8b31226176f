import EscalatorCore
import XCTest

final class PostcodeTests: XCTestCase {
    func testEveryUKShapeIsNormalisedToUpperCaseWithOneSpace() {
        XCTAssertEqual(Postcode.normalised("b11aa"), "B1 1AA")          // A9 9AA
        XCTAssertEqual(Postcode.normalised(" B15  2TT "), "B15 2TT")    // A99 9AA
        XCTAssertEqual(Postcode.normalised("WS10 8AB"), "WS10 8AB")     // AA99 9AA
        XCTAssertEqual(Postcode.normalised("dy4 7aa"), "DY4 7AA")       // AA9 9AA
        XCTAssertEqual(Postcode.normalised("W1A 0AX"), "W1A 0AX")       // A9A 9AA
        XCTAssertEqual(Postcode.normalised("EC1V 9HX"), "EC1V 9HX")     // AA9A 9AA
    }

    func testShapesThatAreNotPostcodesAreRejected() {
        for text in ["", "B1", "B1 1A", "1B 1AA", "ABC1 1AA", "B1 AAA", "B1 11A", "B123 1AA", "B1 1AA1", "B-1 1AA", "B1 1ÄA", "BB 1AA"] {
            XCTAssertNil(Postcode.normalised(text), text)
        }
    }
}
