import XCTest
@testable import EscalatorCore
final class SmokeTests: XCTestCase { func testRQF() { XCTAssertTrue(RQFLevel.level6.isDegree) } }
