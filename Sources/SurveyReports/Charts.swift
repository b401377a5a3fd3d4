import Foundation
import SurveyAnalysis
import SurveyCore

/// SVG charts: explicit size, sans-serif text, escaped XML, colour-blind-safe palettes.
package enum Charts {
    /// ColorBrewer RdBu, from the unfavourable to the favourable end.
    static func palette(_ count: Int) -> [String] {
        switch count {
        case 2: return ["#ef8a62", "#67a9cf"]
        case 3: return ["#ef8a62", "#f7f7f7", "#67a9cf"]
        case 4: return ["#ca0020", "#f4a582", "#92c5de", "#0571b0"]
        case 5: return ["#ca0020", "#f4a582", "#f7f7f7", "#92c5de", "#0571b0"]
        case 6: return ["#b2182b", "#ef8a62", "#fddbc7", "#d1e5f0", "#67a9cf", "#2166ac"]
        case 7: return ["#b2182b", "#ef8a62", "#fddbc7", "#f7f7f7", "#d1e5f0", "#67a9cf", "#2166ac"]
        default:
            // A longer scale (0 to 10) takes the seven-colour ramp's nearest colour for each level,
            // so that every level has one.
            let ramp = palette(7)
            return (0..<max(1, count)).map { ramp[count > 1 ? Int((6 * Double($0) / Double(count - 1)).rounded()) : 3] }
        }
    }
    static func darkText(_ colour: String) -> Bool { !["#ca0020", "#0571b0", "#b2182b", "#2166ac"].contains(colour) }

    static func wrap(_ text: String, width: Int, lines: Int) -> [String] {
        var result: [String] = [], current = ""
        for word in text.split(separator: " ") {
            if current.count + word.count + 1 > width, !current.isEmpty {
                result.append(current)
                current = ""
                if result.count == lines { break }
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if result.count < lines, !current.isEmpty {
            result.append(current)
        } else if result.count == lines, !current.isEmpty || text.count > result.joined(separator: " ").count {
            result[lines - 1] = String(result[lines - 1].prefix(width - 1)) + "…"
        }
        return result
    }

    /// Diverging stacked bars centred on the scale's middle; one row per item and population.
    package static func likert(title: String, rows: [ItemStats], populationLabel: (String) -> String) -> String {
        let labelWidth = 360.0, chartWidth = 440.0, nspWidth = 90.0, rowHeight = 50.0, top = 84.0
        let width = labelWidth + chartWidth + nspWidth + 20
        let height = top + Double(rows.count) * rowHeight + 50
        let centre = labelWidth + chartWidth / 2, perPercent = chartWidth / 200
        var svg = opening(title: title, width: width, height: height)
        // Legend from the first row's scale.
        if let first = rows.first {
            let colours = palette(first.levels.count)
            var x = 10.0
            for (index, level) in first.levels.enumerated() {
                svg.append("<rect x=\"\(fmt(x))\" y=\"36\" width=\"12\" height=\"12\" fill=\"\(colours[index])\" stroke=\"#666666\" stroke-width=\"0.5\"/>")
                svg.append("<text x=\"\(fmt(x + 16))\" y=\"46\">\(XML.escape(level.label))</text>")
                x += 28 + Double(level.label.count) * 7.0
            }
            svg.append("<text x=\"\(fmt(x))\" y=\"46\" fill=\"#555555\">Ne sait pas : colonne de droite</text>")
        }
        svg.append("<text x=\"\(fmt(centre))\" y=\"72\" text-anchor=\"middle\" fill=\"#555555\">0</text>")
        svg.append("<text x=\"\(fmt(labelWidth))\" y=\"72\" fill=\"#555555\">100 % défavorable</text>")
        svg.append("<text x=\"\(fmt(labelWidth + chartWidth))\" y=\"72\" text-anchor=\"end\" fill=\"#555555\">100 % favorable</text>")
        svg.append("<text x=\"\(fmt(labelWidth + chartWidth + nspWidth / 2 + 10))\" y=\"72\" text-anchor=\"middle\" fill=\"#555555\">Ne sait pas</text>")
        for (rowIndex, row) in rows.enumerated() {
            let y = top + Double(rowIndex) * rowHeight
            // The item's label may be cut, never the population and N: the line after it says
            // which group the bar is (the same item is drawn once per population).
            var lines = wrap(row.label, width: 58, lines: 2)
            lines.append("\(populationLabel(row.population)), N\u{00A0}=\u{00A0}\(row.nValid)")
            for (lineIndex, line) in lines.enumerated() {
                let weight = lineIndex == lines.count - 1 ? " font-weight=\"bold\"" : ""
                svg.append("<text x=\"10\" y=\"\(fmt(y + 13 + Double(lineIndex) * 13))\"\(weight)>\(XML.escape(line))</text>")
            }
            let n = Double(max(row.nValid, 1))
            let colours = palette(row.levels.count)
            let levels = row.levels.map { 100 * Double($0.count) / n }
            let favourableHigh = row.favourableCodes.compactMap(Int.init).min() ?? 0 > (row.levels.compactMap { Int($0.code) }.min() ?? 0)
            let ordered = favourableHigh ? levels : levels.reversed()
            let k = ordered.count
            let neutralIndex = k % 2 == 1 ? k / 2 : nil
            let leftCount = k / 2
            var leftTotal = ordered.prefix(leftCount).reduce(0, +)
            if let neutralIndex { leftTotal += ordered[neutralIndex] / 2 }
            // Under 30 valid answers the text gives counts, not percentages: so do the bars.
            let counts = favourableHigh ? row.levels.map(\.count) : row.levels.map(\.count).reversed()
            var x = centre - leftTotal * perPercent
            for (index, pct) in ordered.enumerated() {
                let w = pct * perPercent
                guard w > 0 else { continue }
                let colour = favourableHigh ? colours[index] : colours[k - 1 - index]
                svg.append("<rect x=\"\(fmt(x))\" y=\"\(fmt(y + 8))\" width=\"\(fmt(w))\" height=\"24\" fill=\"\(colour)\"/>")
                // A label only where it fits inside its segment (about 7 px a character).
                let text = row.nValid < 30 ? "\(counts[index])" : "\(Int(pct.rounded())) %"
                if w >= Double(text.count) * 7 + 4 {
                    svg.append(
                        "<text x=\"\(fmt(x + w / 2))\" y=\"\(fmt(y + 24))\" text-anchor=\"middle\" fill=\"\(darkText(colour) ? "#000000" : "#ffffff")\">\(text)</text>"
                    )
                }
                x += w
                _ = neutralIndex
            }
            let nsp = row.nNonSubstantive
            svg.append("<text x=\"\(fmt(labelWidth + chartWidth + nspWidth / 2 + 10))\" y=\"\(fmt(y + 24))\" text-anchor=\"middle\">\(nsp)</text>")
        }
        svg.append(
            "<line x1=\"\(fmt(centre))\" y1=\"\(fmt(top))\" x2=\"\(fmt(centre))\" y2=\"\(fmt(top + Double(rows.count) * rowHeight))\" stroke=\"#333333\" stroke-width=\"1\"/>"
        )
        svg.append(
            "<text x=\"10\" y=\"\(fmt(height - 26))\" fill=\"#555555\">Pourcentages sur les réponses valides (hors « Ne sait pas ») ; pas d'étiquette dans les segments trop étroits.</text>"
        )
        if rows.contains(where: { $0.nValid < 30 }) {
            svg.append(
                "<text x=\"10\" y=\"\(fmt(height - 12))\" fill=\"#555555\">Moins de 30 réponses valides : effectifs dans les barres, au lieu de pourcentages.</text>"
            )
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n") + "\n"
    }

    /// Nested bars per deliverable: known, used, relayed, relayed to companies or employees,
    /// in % of all recipients, so that the drop after the specialised relays shows at a glance.
    package static func funnel(title: String, funnels: [Funnel]) -> String {
        let steps: [(FunnelStepKind, String, String)] = [
            (.aware, "Connue", "#c6dbef"), (.used, "Utilisée", "#9ecae1"), (.relayed, "Transmise", "#4292c6"),
            (.relayedFinal, "Transmise aux entreprises ou salariés", "#08306b"),
        ]
        let labelWidth = 380.0, chartWidth = 420.0, rowHeight = 44.0, top = 70.0
        let width = labelWidth + chartWidth + 100
        let height = top + Double(funnels.count) * rowHeight + 40
        var svg = opening(title: title, width: width, height: height)
        var lx = 10.0
        for (_, label, colour) in steps {
            svg.append("<rect x=\"\(fmt(lx))\" y=\"36\" width=\"12\" height=\"12\" fill=\"\(colour)\" stroke=\"#666666\" stroke-width=\"0.5\"/>")
            svg.append("<text x=\"\(fmt(lx + 16))\" y=\"46\">\(XML.escape(label))</text>")
            lx += 34 + Double(label.count) * 7.2
        }
        for (rowIndex, funnel) in funnels.enumerated() {
            let y = top + Double(rowIndex) * rowHeight
            for (lineIndex, line) in wrap(funnel.label, width: 52, lines: 2).enumerated() {
                svg.append("<text x=\"10\" y=\"\(fmt(y + 14 + Double(lineIndex) * 14))\">\(XML.escape(line))</text>")
            }
            svg.append(
                "<rect x=\"\(fmt(labelWidth))\" y=\"\(fmt(y + 4))\" width=\"\(fmt(chartWidth))\" height=\"26\" fill=\"#fbfbfb\" stroke=\"#dddddd\" stroke-width=\"0.5\"/>"
            )
            for (index, (kind, _, colour)) in steps.enumerated() {
                guard let step = funnel.step(kind), step.shown || kind == .aware, let pct = step.pctAll else { continue }
                let inset = Double(index) * 3
                svg.append(
                    "<rect x=\"\(fmt(labelWidth))\" y=\"\(fmt(y + 4 + inset))\" width=\"\(fmt(pct / 100 * chartWidth))\" height=\"\(fmt(26 - 2 * inset))\" fill=\"\(colour)\"/>"
                )
            }
            // Under 30 recipients, counts as in the text of the report.
            func figure(_ step: FunnelStep) -> String {
                step.baseAll < 30 ? "\(step.count) / \(step.baseAll)" : Numbers.comma(step.pctAll ?? 0) + " %"
            }
            let aware = funnel.step(.aware).map(figure) ?? "–"
            let final = funnel.step(.relayedFinal).map { $0.shown ? figure($0) : "secret" } ?? "–"
            let text = "\(aware) → \(final)"
            svg.append("<text x=\"\(fmt(labelWidth + chartWidth + 6))\" y=\"\(fmt(y + 21))\">\(XML.escape(text))</text>")
        }
        let base = funnels.first?.step(.aware)?.baseAll ?? 0
        svg.append(
            "<text x=\"10\" y=\"\(fmt(height - 12))\" fill=\"#555555\">En % de l'ensemble des destinataires (N = \(base)) ; à droite : connue → transmise aux entreprises ou salariés.</text>"
        )
        svg.append("</svg>")
        return svg.joined(separator: "\n") + "\n"
    }

    /// The lines every chart opens with: the SVG element at its size, the title for screen
    /// readers, a white background and the title drawn at the top left.
    static func opening(title: String, width: Double, height: Double) -> [String] {
        [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" font-family=\"sans-serif\" font-size=\"12\">",
            "<title>\(XML.escape(title))</title>",
            "<rect x=\"0\" y=\"0\" width=\"\(Int(width))\" height=\"\(Int(height))\" fill=\"#ffffff\"/>",
            "<text x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\">\(XML.escape(title))</text>",
        ]
    }

    static func fmt(_ value: Double) -> String { Numbers.compact((value * 10).rounded() / 10, comma: false) }
}
