import Foundation

/// The six local authorities of Birmingham and the Black Country with Solihull, and the figures the
/// synthetic wards are calibrated to.
enum SyntheticGeography {
    struct AuthoritySpec {
        var authority: LocalAuthority
        var workingAgePopulation: Int
        var wardCount: Int
        var targetWardCount: Int
        /// Starting points before calibration; the calibration keeps their order between authorities.
        var employmentRate: Double
        var level2Share: Double
        var degreeShare: Double
        var postcodeDistricts: [String]
    }

    /// The region's figures from the policy brief.
    static let regionEmploymentRate = 0.65
    static let regionLevel2Share = 0.53  // 47% without five good GCSEs
    static let regionDegreeShare = 0.28
    static let regionLookingForWork = 61_000
    /// Target wards' employment rates are drawn from this range.
    static let targetWardEmploymentRates = 0.52...0.58

    static let authorities: [AuthoritySpec] = [
        AuthoritySpec(
            authority: LocalAuthority(id: "E08000025", name: "Birmingham", centre: GeoPoint(latitude: 52.4862, longitude: -1.8904)),
            workingAgePopulation: 810_000, wardCount: 20, targetWardCount: 6,
            employmentRate: 0.63, level2Share: 0.52, degreeShare: 0.30,
            postcodeDistricts: ["B6", "B7", "B8", "B9", "B10", "B11", "B12", "B13", "B14", "B16", "B17", "B18", "B19", "B20",
                                "B21", "B23", "B24", "B26", "B27", "B29", "B30", "B31", "B33", "B34", "B44"]),
        AuthoritySpec(
            authority: LocalAuthority(id: "E08000029", name: "Solihull", centre: GeoPoint(latitude: 52.4118, longitude: -1.7776)),
            workingAgePopulation: 140_000, wardCount: 10, targetWardCount: 1,
            employmentRate: 0.71, level2Share: 0.62, degreeShare: 0.36,
            postcodeDistricts: ["B36", "B37", "B90", "B91", "B92", "B93", "B94", "CV7"]),
        AuthoritySpec(
            authority: LocalAuthority(id: "E08000027", name: "Dudley", centre: GeoPoint(latitude: 52.5087, longitude: -2.0877)),
            workingAgePopulation: 210_000, wardCount: 12, targetWardCount: 1,
            employmentRate: 0.68, level2Share: 0.55, degreeShare: 0.24,
            postcodeDistricts: ["DY1", "DY2", "DY3", "DY5", "DY6", "DY8", "DY9", "B62", "B63"]),
        AuthoritySpec(
            authority: LocalAuthority(id: "E08000028", name: "Sandwell", centre: GeoPoint(latitude: 52.5080, longitude: -2.0100)),
            workingAgePopulation: 225_000, wardCount: 12, targetWardCount: 3,
            employmentRate: 0.63, level2Share: 0.47, degreeShare: 0.20,
            postcodeDistricts: ["B64", "B65", "B66", "B67", "B68", "B69", "B70", "B71", "DY4", "WS10"]),
        AuthoritySpec(
            authority: LocalAuthority(id: "E08000030", name: "Walsall", centre: GeoPoint(latitude: 52.5862, longitude: -1.9829)),
            workingAgePopulation: 185_000, wardCount: 11, targetWardCount: 2,
            employmentRate: 0.65, level2Share: 0.50, degreeShare: 0.22,
            postcodeDistricts: ["WS1", "WS2", "WS3", "WS4", "WS5", "WS8", "WS9", "WV12", "WV13"]),
        AuthoritySpec(
            authority: LocalAuthority(id: "E08000031", name: "Wolverhampton", centre: GeoPoint(latitude: 52.5862, longitude: -2.1288)),
            workingAgePopulation: 180_000, wardCount: 11, targetWardCount: 2,
            employmentRate: 0.63, level2Share: 0.51, degreeShare: 0.26,
            postcodeDistricts: ["WV1", "WV2", "WV3", "WV4", "WV6", "WV10", "WV11", "WV14"]),
    ]
}

extension SyntheticBuilder {
    /// Local authorities and their wards, with statistics calibrated to the region's figures.
    mutating func buildGeography() {
        var rng = generator("geography")
        let specs = SyntheticGeography.authorities
        localAuthorities = specs.map(\.authority)

        var names = SyntheticNames.wardNames(count: specs.reduce(0) { $0 + $1.wardCount }, using: &rng)
        var drafts: [WardDraft] = []
        for (authorityIndex, spec) in specs.enumerated() {
            // Which wards are target wards, and how the authority's population splits between wards.
            var isTarget = Array(repeating: true, count: spec.targetWardCount)
                + Array(repeating: false, count: spec.wardCount - spec.targetWardCount)
            rng.shuffle(&isTarget)
            let shares = (0..<spec.wardCount).map { _ in rng.uniform(0.7...1.3) }
            let populations = Self.apportion(spec.workingAgePopulation, weights: shares)
            let radius = spec.wardCount >= 20 ? 8.5 : 5.5
            for w in 0..<spec.wardCount {
                let target = isTarget[w]
                let centre = Self.jitter(spec.authority.centre, withinKm: 0.6...radius, using: &rng)
                drafts.append(WardDraft(
                    authorityIndex: authorityIndex,
                    id: "\(spec.authority.id)-W\(String(format: "%02d", w + 1))",
                    name: names.removeFirst(),
                    centre: centre, isTarget: target, population: populations[w],
                    employmentRate: target
                        ? rng.uniform(SyntheticGeography.targetWardEmploymentRates)
                        : spec.employmentRate + rng.normal(standardDeviation: 0.02),
                    level2Share: target ? rng.uniform(0.36...0.44) : spec.level2Share + rng.normal(standardDeviation: 0.03),
                    degreeShare: target ? rng.uniform(0.11...0.17) : spec.degreeShare + rng.normal(standardDeviation: 0.03),
                    district: spec.postcodeDistricts[w % spec.postcodeDistricts.count]
                ))
            }
        }

        // Calibrate: move every non-target ward by the same amount so the region hits its figure,
        // leaving target wards where they were drawn.
        Self.calibrate(&drafts, \.employmentRate, to: SyntheticGeography.regionEmploymentRate, within: 0.55...0.82)
        Self.calibrate(&drafts, \.level2Share, to: SyntheticGeography.regionLevel2Share, within: 0.40...0.75)
        Self.calibrate(&drafts, \.degreeShare, to: SyntheticGeography.regionDegreeShare, within: 0.15...0.50)

        // Looking for work: in proportion to those not in work, weighted towards target wards.
        let lookingWeights = drafts.map { Double($0.population) * (1 - $0.employmentRate) * ($0.isTarget ? 1.3 : 1) }
        let looking = Self.apportion(SyntheticGeography.regionLookingForWork, weights: lookingWeights)

        places = drafts.enumerated().map { index, draft in
            let population = draft.population
            let employed = Int((Double(population) * draft.employmentRate).rounded())
            let level2 = Int((Double(population) * draft.level2Share).rounded())
            let degree = min(Int((Double(population) * draft.degreeShare).rounded()), level2)
            let statistics = AreaStatistics(
                workingAgePopulation: population, employed: employed, lookingForWork: looking[index],
                withLevel2: level2, withDegree: degree
            )
            return SyntheticPlace(
                ward: Ward(id: draft.id, name: draft.name, localAuthorityID: specs[draft.authorityIndex].authority.id,
                           centre: draft.centre, isTargetWard: draft.isTarget, statistics: statistics),
                authorityIndex: draft.authorityIndex, postcodeDistrict: draft.district
            )
        }
        placeTable = WeightedTable(Array(places.indices), weights: places.map { Double($0.ward.statistics.workingAgePopulation) })
        clientPlaceTable = WeightedTable(Array(places.indices), weights: places.map { Double($0.ward.statistics.lookingForWork) })
    }

    /// A postcode in the place's district, such as `B10 9QX` (inward letters as Royal Mail uses them).
    func postcode(in place: Int, using rng: inout SeededGenerator) -> String {
        let letters = Array("ABDEFGHJLNPQRSTUWXYZ")
        return "\(places[place].postcodeDistrict) \(rng.int(in: 1...9))\(rng.element(of: letters))\(rng.element(of: letters))"
    }

    /// Splits `total` into whole parts proportional to `weights` (largest remainder), summing exactly to `total`.
    static func apportion(_ total: Int, weights: [Double]) -> [Int] {
        let sum = weights.reduce(0, +)
        let exact = weights.map { Double(total) * $0 / sum }
        var parts = exact.map { Int($0.rounded(.down)) }
        let remainders = exact.enumerated().map { ($0.offset, $0.element - Double(parts[$0.offset])) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        for (index, _) in remainders.prefix(total - parts.reduce(0, +)) { parts[index] += 1 }
        return parts
    }

    private static func calibrate(_ drafts: inout [WardDraft], _ share: WritableKeyPath<WardDraft, Double>, to target: Double, within bounds: ClosedRange<Double>) {
        // Two passes, because clamping to `bounds` can undo part of the first shift.
        for _ in 0..<2 {
            let total = drafts.reduce(0.0) { $0 + Double($1.population) * $1[keyPath: share] }
            let free = drafts.filter { !$0.isTarget }.reduce(0.0) { $0 + Double($1.population) }
            let shift = (target * Double(drafts.reduce(0) { $0 + $1.population }) - total) / free
            for index in drafts.indices where !drafts[index].isTarget {
                drafts[index][keyPath: share] = min(bounds.upperBound, max(bounds.lowerBound, drafts[index][keyPath: share] + shift))
            }
        }
    }

    private static func jitter(_ centre: GeoPoint, withinKm distance: ClosedRange<Double>, using rng: inout SeededGenerator) -> GeoPoint {
        let km = rng.uniform(distance)
        let bearing = rng.uniform(0...(2 * Double.pi))
        let latitude = centre.latitude + km * cos(bearing) / 111.32
        let longitude = centre.longitude + km * sin(bearing) / (111.32 * cos(centre.latitude * Double.pi / 180))
        return GeoPoint(latitude: (latitude * 1e5).rounded() / 1e5, longitude: (longitude * 1e5).rounded() / 1e5)
    }
}

private struct WardDraft {
    var authorityIndex: Int
    var id: String
    var name: String
    var centre: GeoPoint
    var isTarget: Bool
    var population: Int
    var employmentRate: Double
    var level2Share: Double
    var degreeShare: Double
    var district: String
}
