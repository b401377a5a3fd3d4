/// French plurals of the words a definition supplies (a units referential's `kind`): one rule
/// for `prst status` and the monitoring synthesis.
package enum FrenchPlural {
    /// « fiche-action » → « fiches-actions », « service de santé » → « services de santé »,
    /// « bureau » → « bureaux »; acronyms (« SPSTI ») and words ending in s, x, z do not change.
    package static func of(_ word: String) -> String {
        if word.contains("-") { return word.split(separator: "-").map { of(String($0)) }.joined(separator: "-") }
        if word.contains(" ") {
            // The first word carries the plural.
            let parts = word.split(separator: " ", maxSplits: 1).map(String.init)
            return of(parts[0]) + " " + parts[1]
        }
        if word.isEmpty || word == word.uppercased() { return word }
        if let last = word.last, "sxz".contains(last) { return word }
        if word.hasSuffix("au") || word.hasSuffix("eu") { return word + "x" }
        return word + "s"
    }

    /// The word as it goes with `count`: singular up to 1.
    package static func of(_ word: String, count: Int) -> String { count > 1 ? of(word) : word }
}
