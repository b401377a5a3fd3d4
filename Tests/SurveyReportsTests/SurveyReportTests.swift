import Foundation
import Testing
@testable import SurveyAnalysis
import SurveyCore
@testable import SurveyReports

/// Rows of a CSV written by `CSVStyle.rfc4180`, quoted fields and line breaks inside them read back.
func csvRows(_ text: String) -> [[String]] {
    var rows: [[String]] = [], row: [String] = [], field = "", quoted = false, previousQuote = false
    for character in text {
        if quoted {
            if character == "\"" { quoted = false; previousQuote = true } else { field.append(character) }
            continue
        }
        switch character {
        case "\"": if previousQuote { field.append("\"") }; quoted = true
        case ",": row.append(field); field = ""
        case "\n": row.append(field); rows.append(row); row = []; field = ""
        default: field.append(character)
        }
        previousQuote = false
    }
    return rows
}

/// The example report read as a recomputation would read it.
@Suite(.serialized) struct SurveyReportTests {
    static let files = Result { try Example.files() }

    func file(_ name: String) throws -> String { try #require(try Self.files.get()[name]) }

    func table(_ name: String) throws -> [[String: String]] {
        let rows = csvRows(try file(name))
        let header = try #require(rows.first)
        return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test func verbatimsCarryNoSessionID() throws {
        let verbatims = try file("verbatims.csv")
        #expect(!verbatims.hasPrefix("session,"))
        #expect(!verbatims.contains("sim-"))
    }

    @Test func verbatimsOnlyForQuestionsWhoseResultIsPublished() throws {
        let flat = try table("tri-a-plat.csv")
        let published = Set(flat.map { "\($0["population"] ?? "")|\($0["variable"] ?? "")" })
        let verbatims = try table("verbatims.csv")
        #expect(!verbatims.isEmpty)
        for row in verbatims {
            let key = "\(row["population"] ?? "")|\(row["question"] ?? "")"
            #expect(published.contains(key), "\(key) is in verbatims.csv but withheld from the tri à plat")
        }
    }

    @Test func flatCountsUseTheBaseOfTheThemeTables() throws {
        let levels = try table("likert-niveaux.csv")
        let flat = try table("tri-a-plat.csv")
        var flatPct: [String: String] = [:]
        for row in flat { flatPct["\(row["population"] ?? "")|\(row["variable"] ?? "")|\(row["code"] ?? "")"] = row["pct"] ?? "" }
        #expect(!levels.isEmpty)
        for row in levels {
            let key = "\(row["population"] ?? "")|\(row["item"] ?? "")|\(row["level_code"] ?? "")"
            #expect(flatPct[key] == row["pct"], "\(key): tri à plat \(flatPct[key] ?? "absent"), likert \(row["pct"] ?? "")")
        }
    }

    @Test func noRawPlaceholderInLabels() throws {
        #expect(!(try file("tri-a-plat.csv")).contains("{label}"))
        #expect(!(try file("synthese.md")).contains("{label}"))
    }

    @Test func annexOnWithheldResultsTellsTheTruth() throws {
        let md = try file("synthese.md")
        if md.contains("résultat non publié") { #expect(!md.contains("Aucun résultat n'a été retenu")) }
    }

    @Test func usefulnessPerDeliverableIsPublished() throws {
        let diffusion = try table("diffusion.csv")
        let useful = diffusion.filter { $0["step"] == "useful" }
        #expect(!useful.isEmpty)
        #expect(useful.allSatisfy { !($0["deliverable"] ?? "").hasPrefix("type:") && $0["deliverable"] != "ensemble" })
        #expect(try file("synthese.md").contains("| Production | Connue | Utilisée | Jugée utile |"))
    }

    @Test func everyLikertBarNamesItsPopulationAndBase() throws {
        let likert = try table("likert.csv")
        let loaded = CampaignLoader.load(Example.root + "/surveys/campagne.yaml")
        let campaign = try #require(loaded.campaign)
        for theme in campaign.themes {
            let rows = likert.filter { $0["theme"] == theme.id }
            guard !rows.isEmpty else { continue }
            let svg = try file("likert-\(theme.id).svg")
            for row in rows {
                let population = campaign.label(ofPopulation: row["population"] ?? "")
                let needle = XML.escape("\(population), N\u{00A0}=\u{00A0}\(row["n_valid"] ?? "")")
                #expect(svg.contains(needle), "likert-\(theme.id).svg: \(row["item"] ?? "") has no « \(needle) »")
            }
        }
    }
}

@Suite struct LikertChartTests {
    func item(valid counts: [Int]) -> ItemStats {
        let levels = counts.enumerated().map { LevelCount(code: "\($0.offset + 1)", label: "Niveau \($0.offset + 1)", count: $0.element) }
        let total = counts.reduce(0, +)
        return ItemStats(
            item: "x", label: "Un item", number: "1", theme: "t", population: "p", scaleID: "accord", levels: levels, nonSubstantive: [],
            favourableCodes: ["3", "4"], nValid: total, nNonSubstantive: 0, nNotAsked: 0, nSkipped: 0,
            favourable: counts[2] + counts[3], unfavourable: counts[0] + counts[1], shown: true)
    }

    func barLabels(_ svg: String) -> [String] {
        svg.components(separatedBy: "\n").filter { $0.hasPrefix("<text") && ($0.contains("fill=\"#000000\"") || $0.contains("fill=\"#ffffff\"")) }
            .compactMap { line in line.split(separator: ">").dropFirst().first.map { String($0.prefix { $0 != "<" }) } }
    }

    @Test func underThirtyBarsShowCountsNotPercentages() {
        let small = Charts.likert(title: "T", rows: [item(valid: [2, 4, 6, 4])], populationLabel: { _ in "Pilotes" })
        let labels = barLabels(small)
        #expect(labels == ["2", "4", "6", "4"], "\(labels)")
        let large = Charts.likert(title: "T", rows: [item(valid: [30, 40, 60, 70])], populationLabel: { _ in "Pilotes" })
        #expect(barLabels(large) == ["15 %", "20 %", "30 %", "35 %"])
    }

    @Test func funnelChartGivesCountsUnderThirty() {
        func funnel(base: Int) -> Funnel {
            let steps = FunnelStepKind.allCases.map { FunnelStep(kind: $0, count: $0 == .aware ? 12 : 3, baseAll: base, basePrevious: base, shown: true) }
            return Funnel(scope: .overall, key: "ensemble", label: "Ensemble", type: "", population: "d", steps: steps)
        }
        #expect(Charts.funnel(title: "T", funnels: [funnel(base: 20)]).contains(">12 / 20 → 3 / 20</text>"))
        #expect(Charts.funnel(title: "T", funnels: [funnel(base: 200)]).contains(">6,0 % → 1,5 %</text>"))
    }

    @Test func aLongLabelKeepsPopulationAndBase() {
        var long = item(valid: [2, 4, 6, 4])
        long.label = String(repeating: "Un libellé vraiment très long ", count: 8)
        let svg = Charts.likert(title: "T", rows: [long], populationLabel: { _ in "Contributeurs" })
        #expect(svg.contains("Contributeurs, N\u{00A0}=\u{00A0}16"))
    }
}

@Suite struct VerbatimSpoolTests {
    /// The spool (used by `prst report`) writes the bytes of the in-memory file, whether a
    /// question's answers fit in one sorting bucket or need several.
    @Test(arguments: [1 << 22, 4096, 64])
    func spoolEqualsTheInMemoryFile(bucketBytes: Int) throws {
        let result = try Example.result()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("prst-spool-\(bucketBytes)-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let spool = try SurveyReport.VerbatimSpool(directory: directory, style: .rfc4180, bucketBytes: bucketBytes)
        for population in result.populations {
            for verbatim in result.verbatims where verbatim.population == population { spool.add(verbatim) }
        }
        // Answers of withheld questions reach the spool too: it must drop them.
        spool.add(
            Verbatim(
                session: "x", population: "pilotes", question: "fiches_autre", repetition: nil, polarity: nil, themes: [], manual: false,
                text: "Une réponse d'une seule personne"))
        try spool.finish(published: result.publishedTexts)
        let written = try String(contentsOfFile: directory + "/verbatims.csv", encoding: .utf8)
        #expect(written == SurveyReport(result).verbatimsCSV())
        let left = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0 != "verbatims.csv" }
        #expect(left.isEmpty, "\(left)")
    }
}

/// Secondary suppression on the example campaign, for every threshold from 1 to 60: no
/// published total has exactly one withheld part, and no published step has a withheld base.
@Suite struct DisclosureOnTheExampleTests {
    @Test func noWithheldFigureComesBackBySubtraction() throws {
        let thresholds = Array(stride(from: 1, through: 60, by: 1))
        for (minGroup, result) in zip(thresholds, try Example.results(minGroups: thresholds)) {
            let funnels = result.funnels.filter { $0.population == "destinataires" }
            func unknown(_ step: FunnelStep?) -> Bool { step.map { !$0.shown && $0.basePrevious > 0 } ?? false }
            func flatShown(_ variable: String) -> Bool {
                result.frequencies.first { $0.population == "destinataires" && $0.variable == variable }?.shown ?? false
            }
            let deliverables = funnels.filter { $0.scope == .deliverable }, types = funnels.filter { $0.scope == .type }
            for kind in FunnelStepKind.allCases {
                for type in types {
                    let count = deliverables.filter { $0.type == type.key && unknown($0.step(kind)) }.count + (unknown(type.step(kind)) ? 1 : 0)
                    #expect(count != 1, "min_group \(minGroup), \(kind), type \(type.key)")
                }
                if let overall = funnels.first(where: { $0.scope == .overall }) {
                    let count = types.filter { unknown($0.step(kind)) }.count + (unknown(overall.step(kind)) ? 1 : 0)
                    #expect(count != 1, "min_group \(minGroup), \(kind), ensemble")
                }
                let total = kind == .aware ? "livrables_connus" : kind == .used ? "utilise" : "relais"
                if flatShown(total) { #expect(deliverables.filter { unknown($0.step(kind)) }.count != 1, "min_group \(minGroup), \(kind), \(total)") }
                for funnel in funnels {
                    guard let step = funnel.step(kind), step.shown, let previous = kind.previous else { continue }
                    #expect(funnel.step(previous)?.shown == true, "min_group \(minGroup), \(funnel.key) \(kind)")
                }
            }
            if flatShown("utilite") {
                #expect(deliverables.filter { ($0.usefulness.map { !$0.shown && $0.nValid > 0 }) ?? false }.count != 1, "min_group \(minGroup), utilite")
            }
            if flatShown("canal") {
                let withheld = Set(result.channels.filter { !$0.shown && $0.base > 0 }.map(\.deliverable))
                #expect(withheld.count != 1, "min_group \(minGroup), canal")
            }
        }
    }
}
