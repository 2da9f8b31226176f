extension CostScalingSolver {
    /// Moves `amount` units along arc a (from v to w): a's residual capacity falls, its reverse's rises,
    /// and the lists of open arcs follow.
    @inline(__always)
    func move(_ amount: Int, along a: Int, from v: Int, to w: Int) {
        let left = residual[a] - Int32(amount)
        residual[a] = left
        if left == 0 && openCount[v] >= 0 { close(a, of: v) }
        let b = Int(arcs[a].opposite)
        let before = residual[b]
        residual[b] = before + Int32(amount)
        if before == 0 && openCount[w] >= 0 { open(b, of: w) }
    }

    @inline(__always)
    func open(_ a: Int, of v: Int) {
        let position = Int(first[v]) + Int(openCount[v])
        openArcs[position] = Int32(a)
        openPosition[a] = Int32(position)
        openCount[v] += 1
    }

    /// Takes a out of v's list. The list keeps v's current arc as a boundary: arcs before it are known
    /// not to be admissible, so a hole before the boundary is filled from just before it, and the
    /// boundary moves back by one.
    @inline(__always)
    func close(_ a: Int, of v: Int) {
        var position = Int(openPosition[a])
        let boundary = Int(current[v])
        if position < boundary {
            swapOpen(position, boundary - 1)
            position = boundary - 1
            current[v] = Int32(boundary - 1)
        }
        swapOpen(position, Int(first[v]) + Int(openCount[v]) - 1)
        openCount[v] -= 1
    }

    @inline(__always)
    private func swapOpen(_ i: Int, _ j: Int) {
        let x = openArcs[i], y = openArcs[j]
        openArcs[i] = y
        openArcs[j] = x
        openPosition[Int(y)] = Int32(i)
        openPosition[Int(x)] = Int32(j)
    }

    /// `discharge` for a node that lists its open arcs (short for a slot: the reverses of its assigned
    /// clients and its arc to the sink).
    func dischargeListed(_ v: Int) -> Bool {
        var remaining = excess[v]
        let base = Int(first[v])
        while true {
            let pv = price[v]
            var i = Int(current[v])
            while i < base + Int(openCount[v]) {
                let a = Int(openArcs[i])
                let w = Int(arcs[a].head)
                guard arcs[a].cost + pv - price[w] < 0 else { i += 1; continue }
                if excess[w] >= 0 && !hasAdmissibleArc(w) {
                    guard relabel(w) else { return false }
                    if arcs[a].cost + pv - price[w] >= 0 { i += 1; continue }
                }
                current[v] = Int32(i)
                let delta = min(remaining, Int(residual[a]))
                move(delta, along: a, from: v, to: w)
                let before = excess[w]
                excess[w] = before + delta
                if before <= 0 && before + delta > 0 { push(w) }
                remaining -= delta
                if remaining == 0 {
                    excess[v] = 0
                    return true
                }
                // A saturated arc left the list and another took its place: look at i again.
                if residual[a] > 0 { i += 1 }
            }
            guard relabel(v) else { return false }
            if relabelsSinceUpdate >= updateEvery { return yieldForPriceUpdate(v, remaining) }
        }
    }
}
