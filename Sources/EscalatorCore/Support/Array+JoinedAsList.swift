extension Array where Element == String {
    /// "a", "a and b", "a, b and c".
    func joinedAsList() -> String {
        guard count > 1 else { return first ?? "" }
        return dropLast().joined(separator: ", ") + " and " + last!
    }
}
