import Foundation

/// The distinct points vacancies are at, bucketed in a latitude–longitude grid so a query visits only
/// the cells that can hold a point within a travel limit. Cells are stored row by row (latitude, then
/// longitude), so the cells of one row that a query needs hold one contiguous run of points.
struct LocationGrid: Sendable {
    static let earthRadiusKm = 6371.0088
    static let radians = Double.pi / 180
    /// Added to every search window (about 0.1 m), far more than the rounding in the bounds.
    static let marginDegrees = 1e-6

    /// Points in cell order.
    let latitudes: [Double]
    let longitudes: [Double]
    /// `cos(latitude × π/180)`, computed exactly as `GeoPoint.distanceKm` computes it.
    let cosLatitudes: [Double]
    /// Points `0 ..< placedCount` are in the grid; the rest have a non-finite coordinate.
    let placedCount: Int
    let cellDegrees: Double
    let minLatitude: Double
    let minLongitude: Double
    let rows: Int
    let columns: Int
    /// Points of cell `c` are `cellStart[c] ..< cellStart[c + 1]`.
    let cellStart: [Int32]

    /// Buckets `points`; `order[i]` is the index in `points` of grid point `i`.
    static func build(_ points: [GeoPoint], cellDegrees requested: Double = 0.05) -> (grid: LocationGrid, order: [Int]) {
        // Points without finite coordinates are kept after the grid and visited by every query.
        let finite = points.indices.filter { points[$0].latitude.isFinite && points[$0].longitude.isFinite }
        let unplaced = points.indices.filter { !(points[$0].latitude.isFinite && points[$0].longitude.isFinite) }
        let minLat = finite.map { points[$0].latitude }.min() ?? 0, maxLat = finite.map { points[$0].latitude }.max() ?? 0
        let minLon = finite.map { points[$0].longitude }.min() ?? 0, maxLon = finite.map { points[$0].longitude }.max() ?? 0
        var cell = requested
        // Keep the grid to about a million cells whatever the spread of the points.
        while ((maxLat - minLat) / cell + 1) * ((maxLon - minLon) / cell + 1) > 1_000_000 { cell *= 2 }
        let rows = Int((maxLat - minLat) / cell) + 1, columns = Int((maxLon - minLon) / cell) + 1
        func cellOf(_ p: GeoPoint) -> Int {
            let row = min(rows - 1, Int((p.latitude - minLat) / cell))
            let column = min(columns - 1, Int((p.longitude - minLon) / cell))
            return row * columns + column
        }
        var cells = [Int](repeating: 0, count: points.count)
        for i in finite { cells[i] = cellOf(points[i]) }
        let order = finite.sorted { (cells[$0], $0) < (cells[$1], $1) } + unplaced
        var start = [Int32](repeating: 0, count: rows * columns + 1)
        for i in finite { start[cells[i] + 1] += 1 }
        for c in 0..<(rows * columns) { start[c + 1] += start[c] }
        let grid = LocationGrid(
            latitudes: order.map { points[$0].latitude }, longitudes: order.map { points[$0].longitude },
            cosLatitudes: order.map { cos(points[$0].latitude * radians) }, placedCount: finite.count, cellDegrees: cell,
            minLatitude: minLat, minLongitude: minLon, rows: rows, columns: columns, cellStart: start)
        return (grid, order)
    }

    var pointCount: Int { latitudes.count }

    /// `GeoPoint.distanceKm` from `(latitude, longitude)` to point `i`, with the same operations in the
    /// same order, so the result is identical to the last bit.
    @inline(__always)
    func distanceKm(fromLatitude latitude: Double, longitude: Double, cosLatitude: Double, to i: Int) -> Double {
        let dLat = (latitudes[i] - latitude) * Self.radians
        let dLon = (longitudes[i] - longitude) * Self.radians
        let a = sin(dLat / 2) * sin(dLat / 2) + cosLatitude * cosLatitudes[i] * sin(dLon / 2) * sin(dLon / 2)
        return 2 * Self.earthRadiusKm * asin(min(1, sqrt(a)))
    }

    /// `GeoPoint.distanceKm` from point `i` to `(latitude, longitude)`: the same distance the other way
    /// round, again with the same operations in the same order.
    @inline(__always)
    func distanceKm(from i: Int, toLatitude latitude: Double, longitude: Double, cosLatitude: Double) -> Double {
        let dLat = (latitude - latitudes[i]) * Self.radians
        let dLon = (longitude - longitudes[i]) * Self.radians
        let a = sin(dLat / 2) * sin(dLat / 2) + cosLatitudes[i] * cosLatitude * sin(dLon / 2) * sin(dLon / 2)
        return 2 * Self.earthRadiusKm * asin(min(1, sqrt(a)))
    }

    /// Calls `body` with each run of points in cells that may lie within `radiusKm` of the point (every
    /// point when the radius is not finite). Conservative: haversine gives `hav(d/R) ≥ hav(Δφ)` and
    /// `hav(d/R) ≥ cos φ₁ cos φ₂ hav(Δλ)`, so the window holds every point within the radius.
    func forEachRun(near latitude: Double, _ longitude: Double, radiusKm: Double, _ body: (Range<Int>) -> Void) {
        guard pointCount > 0 else { return }
        if placedCount < pointCount { body(placedCount..<pointCount) }
        guard placedCount > 0 else { return }
        guard radiusKm.isFinite, latitude.isFinite, longitude.isFinite else { return body(0..<placedCount) }
        let angle = max(0, radiusKm) / Self.earthRadiusKm
        guard angle < Double.pi / 2 else { return body(0..<placedCount) }
        let latReach = angle / Self.radians + Self.marginDegrees
        let lowLat = latitude - latReach, highLat = latitude + latReach
        let worstLat = max(abs(lowLat), abs(highLat))
        let rowLow = max(0, Self.cell(lowLat, from: minLatitude, size: cellDegrees, count: rows))
        let rowHigh = min(rows - 1, Self.cell(highLat, from: minLatitude, size: cellDegrees, count: rows))
        guard rowLow <= rowHigh else { return }
        var columnLow = 0, columnHigh = columns - 1
        if worstLat < 89 {
            let ratio = sin(angle / 2) / cos(worstLat * Self.radians)
            if ratio < 1 {
                let lonReach = 2 * asin(ratio) / Self.radians + Self.marginDegrees
                // A window across the antimeridian falls back to every column.
                if longitude - lonReach > -180 && longitude + lonReach < 180 {
                    columnLow = max(0, Self.cell(longitude - lonReach, from: minLongitude, size: cellDegrees, count: columns))
                    columnHigh = min(columns - 1, Self.cell(longitude + lonReach, from: minLongitude, size: cellDegrees, count: columns))
                }
            }
        }
        guard columnLow <= columnHigh else { return }
        for row in rowLow...rowHigh {
            let first = Int(cellStart[row * columns + columnLow]), end = Int(cellStart[row * columns + columnHigh + 1])
            if first < end { body(first..<end) }
        }
    }

    /// The cell a coordinate falls in, clamped to -1...count so far-away coordinates cannot overflow.
    private static func cell(_ value: Double, from origin: Double, size: Double, count: Int) -> Int {
        Int(min(Double(count), max(-1, ((value - origin) / size).rounded(.down))))
    }
}
