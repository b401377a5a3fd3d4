import Foundation

/// Statistics on ordinal answers and proportions, computed from count tables so that the
/// analysis can stream: an ordinal item is a handful of counts per level, whatever the N.
package enum Statistics {
    package static let z95 = 1.959963984540054

    /// Wilson score interval for `successes / n`, as proportions (0–1). Nil when n is 0.
    package static func wilson(_ successes: Int, _ n: Int, z: Double = z95) -> (low: Double, high: Double)? {
        guard n > 0 else { return nil }
        let nn = Double(n), p = Double(successes) / nn, z2 = z * z
        let denominator = 1 + z2 / nn
        let centre = (p + z2 / (2 * nn)) / denominator
        let half = z * (p * (1 - p) / nn + z2 / (4 * nn * nn)).squareRoot() / denominator
        return (max(0, centre - half), min(1, centre + half))
    }

    /// Newcombe's hybrid score interval (Newcombe 1998, method 10) for the difference of two
    /// independent proportions `x1 / n1 − x2 / n2`, from each proportion's Wilson interval. Unlike
    /// the Wald interval it stays inside [−1, 1] and keeps its coverage with small bases or shares
    /// near 0 or 1, which is what the waves of a regional survey give. Nil when a base is 0.
    package static func newcombe(_ x1: Int, _ n1: Int, _ x2: Int, _ n2: Int, z: Double = z95) -> (low: Double, high: Double)? {
        guard let first = wilson(x1, n1, z: z), let second = wilson(x2, n2, z: z) else { return nil }
        let p1 = Double(x1) / Double(n1), p2 = Double(x2) / Double(n2), difference = p1 - p2
        let below = ((p1 - first.low) * (p1 - first.low) + (second.high - p2) * (second.high - p2)).squareRoot()
        let above = ((first.high - p1) * (first.high - p1) + (p2 - second.low) * (p2 - second.low)).squareRoot()
        return (difference - below, difference + above)
    }

    /// Standard normal cumulative distribution function.
    package static func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

    /// Two-sided p-value of a standard normal statistic.
    package static func normalTwoSided(_ z: Double) -> Double { min(1, erfc(abs(z) / 2.0.squareRoot())) }

    /// Regularized upper incomplete gamma Q(a, x) (series for x < a + 1, continued fraction otherwise).
    package static func regularizedGammaQ(_ a: Double, _ x: Double) -> Double {
        guard x > 0 else { return 1 }
        guard a > 0 else { return 0 }
        let logPrefix = -x + a * log(x) - lgamma(a)
        if x < a + 1 {
            var sum = 1 / a, term = 1 / a, ap = a
            for _ in 0..<10_000 {
                ap += 1
                term *= x / ap
                sum += term
                if abs(term) < abs(sum) * 1e-16 { break }
            }
            return max(0, min(1, 1 - sum * exp(logPrefix)))
        }
        // Lentz's continued fraction.
        let tiny = 1e-300
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for i in 1..<10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return max(0, min(1, exp(logPrefix) * h))
    }

    /// P(X ≥ x) for a chi-square variable with `df` degrees of freedom.
    package static func chiSquareSurvival(_ x: Double, df: Int) -> Double {
        guard df > 0 else { return 1 }
        return regularizedGammaQ(Double(df) / 2, x / 2)
    }

    /// Median of an ordinal distribution given counts per ascending integer code: the middle
    /// value, or the midpoint of the two middle values when N is even.
    package static func median(_ counts: [(code: Int, count: Int)]) -> Double? {
        let sorted = counts.filter { $0.count > 0 }.sorted { $0.code < $1.code }
        let n = sorted.reduce(0) { $0 + $1.count }
        guard n > 0 else { return nil }
        func value(at position: Int) -> Int {  // 1-based
            var seen = 0
            for entry in sorted {
                seen += entry.count
                if seen >= position { return entry.code }
            }
            return sorted[sorted.count - 1].code  // n > 0, so the list is not empty
        }
        if n % 2 == 1 { return Double(value(at: (n + 1) / 2)) }
        return Double(value(at: n / 2) + value(at: n / 2 + 1)) / 2
    }

    package struct TestResult: Sendable, Hashable {
        package var test: String
        package var statistic: Double
        package var pValue: Double
        /// How large the observed difference is, whatever the p-value: the rank-biserial r
        /// (−1 to 1) for Mann–Whitney, epsilon² (0 to 1) for Kruskal–Wallis.
        package var effectSize: Double
        /// `rank_biserial` or `epsilon_squared`, as the CSV export names it.
        package var effectMeasure: String
    }

    /// Mid-ranks of each level given the pooled counts per level (levels in ascending order).
    static func midRanks(_ pooled: [Int]) -> [Double] {
        var ranks: [Double] = []
        var before = 0
        for t in pooled {
            ranks.append(Double(before) + (Double(t) + 1) / 2)
            before += t
        }
        return ranks
    }

    /// Mann–Whitney U for two groups given their counts per level (same ascending levels):
    /// normal approximation with tie correction and continuity correction (as R's
    /// `wilcox.test(exact = FALSE, correct = TRUE)`). Statistic: U of the first group. Effect size:
    /// the rank-biserial correlation r = 2U / (n1 n2) − 1, which with mid-ranks equals Cliff's delta
    /// P(a > b) − P(a < b); positive when the first group answers higher on the scale.
    package static func mannWhitney(_ a: [Int], _ b: [Int]) -> TestResult? {
        precondition(a.count == b.count)
        let n1 = Double(a.reduce(0, +)), n2 = Double(b.reduce(0, +))
        guard n1 > 0, n2 > 0 else { return nil }
        let pooled = zip(a, b).map { $0 + $1 }
        let ranks = midRanks(pooled)
        let r1 = zip(a, ranks).reduce(0.0) { $0 + Double($1.0) * $1.1 }
        let u1 = r1 - n1 * (n1 + 1) / 2
        let rankBiserial = 2 * u1 / (n1 * n2) - 1
        let n = n1 + n2
        let ties = pooled.reduce(0.0) {
            let t = Double($1); return $0 + t * t * t - t
        }
        let variance = n1 * n2 / 12 * ((n + 1) - ties / (n * (n - 1)))
        guard variance > 0 else { return TestResult(test: "mann-whitney", statistic: u1, pValue: 1, effectSize: rankBiserial, effectMeasure: "rank_biserial") }
        let diff = u1 - n1 * n2 / 2
        let corrected = diff == 0 ? 0 : (abs(diff) - 0.5) * (diff > 0 ? 1 : -1)
        let z = corrected / variance.squareRoot()
        return TestResult(test: "mann-whitney", statistic: u1, pValue: normalTwoSided(z), effectSize: rankBiserial, effectMeasure: "rank_biserial")
    }

    /// Kruskal–Wallis H with tie correction, chi-square approximation with k − 1 degrees of
    /// freedom. Groups are counts per level (same ascending levels); empty groups are ignored.
    /// Effect size: epsilon² = H / (n − 1) (Tomczak & Tomczak 2014), between 0 and 1.
    package static func kruskalWallis(_ groups: [[Int]]) -> TestResult? {
        let used = groups.filter { $0.reduce(0, +) > 0 }
        guard used.count >= 2 else { return nil }
        let levels = used[0].count
        var pooled = [Int](repeating: 0, count: levels)
        for group in used { for (i, c) in group.enumerated() { pooled[i] += c } }
        let n = Double(pooled.reduce(0, +))
        let ranks = midRanks(pooled)
        var sum = 0.0
        for group in used {
            let ni = Double(group.reduce(0, +))
            let ri = zip(group, ranks).reduce(0.0) { $0 + Double($1.0) * $1.1 }
            sum += ri * ri / ni
        }
        let h = 12 / (n * (n + 1)) * sum - 3 * (n + 1)
        let ties = pooled.reduce(0.0) {
            let t = Double($1); return $0 + t * t * t - t
        }
        let correction = 1 - ties / (n * n * n - n)
        guard correction > 0 else { return TestResult(test: "kruskal-wallis", statistic: 0, pValue: 1, effectSize: 0, effectMeasure: "epsilon_squared") }
        let corrected = max(0, h / correction)
        return TestResult(
            test: "kruskal-wallis", statistic: corrected, pValue: chiSquareSurvival(corrected, df: used.count - 1),
            effectSize: n > 1 ? corrected / (n - 1) : 0, effectMeasure: "epsilon_squared")
    }

    /// Holm step-down adjusted p-values, in the input order.
    package static func holm(_ pValues: [Double]) -> [Double] {
        let m = pValues.count
        let order = pValues.indices.sorted { (pValues[$0], $0) < (pValues[$1], $1) }
        var adjusted = [Double](repeating: 1, count: m)
        var running = 0.0
        for (rank, index) in order.enumerated() {
            running = max(running, min(1, Double(m - rank) * pValues[index]))
            adjusted[index] = running
        }
        return adjusted
    }
}
