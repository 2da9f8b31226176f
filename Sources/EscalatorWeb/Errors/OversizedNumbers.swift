import Foundation

/// JSON numbers too large for Swift (`1e400`, `99999999999999999999999`) make the whole body unreadable to
/// `JSONDecoder`, which then cannot say where. This finds the first such number's key, so the 400 can name it.
enum OversizedNumbers {
    static func field(in body: String) -> String? {
        let pattern = /"((?:[^"\\]|\\.)*)"\s*:\s*(-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)/
        for match in body.matches(of: pattern) {
            let number = String(match.output.2)
            let whole = !number.contains(where: { ".eE".contains($0) })
            if whole ? Int(number) == nil : !(Double(number)?.isFinite ?? false) { return String(match.output.1) }
        }
        return nil
    }
}
