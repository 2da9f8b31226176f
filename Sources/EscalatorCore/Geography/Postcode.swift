/// UK postcodes.
public enum Postcode {
    /// The postcode upper-cased with one space before the inward code (`b11aa` → `B1 1AA`), or nil
    /// when it does not have a UK postcode's shape: an outward code of one or two letters, a digit and
    /// an optional letter or digit, then an inward code of a digit and two letters.
    public static func normalised(_ text: String) -> String? {
        let compact = Array(text.uppercased().filter { !$0.isWhitespace })
        guard (5...7).contains(compact.count) else { return nil }
        let outward = compact.dropLast(3)
        let inward = compact.suffix(3)
        guard isDigit(inward[inward.startIndex]), inward.dropFirst().allSatisfy(isLetter) else { return nil }
        let letters = outward.prefix(while: isLetter).count
        guard (1...2).contains(letters) else { return nil }
        let rest = outward.dropFirst(letters)
        guard let first = rest.first, isDigit(first), rest.count <= 2,
              rest.dropFirst().allSatisfy({ isLetter($0) || isDigit($0) }) else { return nil }
        return String(outward) + " " + String(inward)
    }

    private static func isLetter(_ c: Character) -> Bool { c.isASCII && c >= "A" && c <= "Z" }
    private static func isDigit(_ c: Character) -> Bool { c.isASCII && c >= "0" && c <= "9" }
}
