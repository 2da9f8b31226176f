/// A share of every slot's places kept for residents of target wards.
public struct PlaceReservation: Sendable, Hashable {
    /// The share in basis points (hundredths of a percent), 0 ... 10,000, so the rounding is exact.
    public var basisPoints: Int
    public var wards: Set<String>
    /// When true, places reserved but not taken are offered to everyone in a second allocation of the
    /// clients still unallocated; when false they stay empty.
    public var releaseUnused: Bool

    /// `share` in 0 ... 1 is rounded to the nearest basis point (0.3 → 3,000).
    public init(share: Double, wards: Set<String>, releaseUnused: Bool = false) {
        precondition((0...1).contains(share), "the reserved share must be between 0 and 1")
        self.init(basisPoints: Int((share * 10_000).rounded()), wards: wards, releaseUnused: releaseUnused)
    }

    public init(basisPoints: Int, wards: Set<String>, releaseUnused: Bool = false) {
        precondition((0...10_000).contains(basisPoints), "basis points must be between 0 and 10,000")
        self.basisPoints = basisPoints
        self.wards = wards
        self.releaseUnused = releaseUnused
    }

    /// ⌈share × places⌉, in integers: a slot with any places and a positive share keeps at least one.
    public func reservedPlaces(of places: Int) -> Int {
        places <= 0 ? 0 : (places * basisPoints + 9_999) / 10_000
    }
}
