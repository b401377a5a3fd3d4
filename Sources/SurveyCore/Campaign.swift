import Foundation
import Yams

package struct Theme: Sendable, Hashable {
    package var id: String
    package var title: String
}

/// One population of a campaign and the questionnaire it answers.
package struct PopulationEntry: Sendable, Hashable {
    package var population: String
    package var label: String
    package var file: String
    /// The size of the population surveyed, for response rates.
    package var target: Int?
}

/// The evaluation as a whole: which questionnaire each population answers, the themes the
/// report is organised by, and the report's rules.
package struct Campaign: Sendable, Hashable {
    package var id: String
    package var title: String
    package var language: Language
    package var populations: [PopulationEntry]
    package var themes: [Theme]
    /// No figure about fewer respondents than this leaves the analysis.
    package var minGroup: Int
    package var codebookFile: String?
    /// Favourable share (in %) at or above which a scale item counts as a strength.
    package var forceThreshold: Double
    /// Favourable share (in %) below which a scale item counts as a difficulty.
    package var difficultyThreshold: Double
    /// Names masked as « [nom] » in quotes.
    package var names: [String]
    /// `token`: every questionnaire of the campaign is answered by invitation only.
    package var access: AccessMode = .open
    package var path: String
    /// The `simulation:` block (answer tendencies for `prst simulate`), kept as data.
    package var simulation: SettingsValue? = nil

    package var directory: String { Paths.directory(of: path) }
    package func path(of entry: PopulationEntry) -> String { Paths.join(directory, entry.file) }
    package var codebookPath: String? { codebookFile.map { Paths.join(directory, $0) } }
    package var themeIDs: Set<String> { Set(themes.map(\.id)) }
    package func theme(_ id: String) -> Theme? { themes.first { $0.id == id } }
    package func label(ofPopulation population: String) -> String {
        populations.first { $0.population == population }?.label ?? population
    }
}

package struct CodebookTheme: Sendable, Hashable {
    package var id: String
    package var definition: String
    package var patterns: [String]
}

/// Themes with the French patterns that code open answers automatically.
package struct Codebook: Sendable, Hashable {
    package var themes: [CodebookTheme]
    package init(themes: [CodebookTheme]) { self.themes = themes }
}

package struct LoadedCampaign: Sendable {
    package var campaign: Campaign?
    package var questionnaires: [LoadedQuestionnaire]
    package var codebook: Codebook?
    package var diagnostics: [Diagnostic]
    package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

package enum CampaignLoader {
    static let campaignKeys = [
        "format", "id", "title", "language", "questionnaires", "themes", "min_group", "codebook", "thresholds", "names", "simulation", "access",
    ]

    /// Loads the campaign, each population's questionnaire and the codebook, and checks them
    /// together (an item shared by several questionnaires must use the same scale).
    package static func load(_ path: String, source: DefinitionSource = FileSystemSource()) -> LoadedCampaign {
        var diagnostics = DiagnosticCollector()
        guard let campaign = decodeCampaign(path, source: source, into: &diagnostics) else {
            return LoadedCampaign(campaign: nil, questionnaires: [], codebook: nil, diagnostics: diagnostics.sorted)
        }
        var questionnaires: [LoadedQuestionnaire] = []
        for entry in campaign.populations {
            let loaded = QuestionnaireLoader.load(campaign.path(of: entry), source: source, themes: campaign.themeIDs)
            diagnostics.append(contentsOf: loaded.diagnostics)
            if let questionnaire = loaded.questionnaire, questionnaire.population != entry.population {
                diagnostics.error(SourceLocation(file: questionnaire.path), .populationMismatch(declared: questionnaire.population, assigned: entry.population))
            }
            questionnaires.append(loaded)
        }
        checkSharedItems(questionnaires.compactMap(\.questionnaire), into: &diagnostics)
        var codebook: Codebook?
        if let codebookPath = campaign.codebookPath {
            codebook = decodeCodebook(codebookPath, themes: campaign.themeIDs, source: source, into: &diagnostics)
        }
        return LoadedCampaign(
            campaign: campaign, questionnaires: questionnaires, codebook: codebook, diagnostics: diagnostics.sorted)
    }

    /// Items with the same id in several questionnaires are one item compared across
    /// populations, so they must share a scale.
    static func checkSharedItems(_ questionnaires: [Questionnaire], into diagnostics: inout DiagnosticCollector) {
        var firstSeen: [String: (scale: String?, type: QuestionType, where: String)] = [:]
        var ids: [String: String] = [:]
        for questionnaire in questionnaires {
            if let other = ids[questionnaire.id] {
                diagnostics.error(SourceLocation(file: questionnaire.path), .duplicateQuestionnaireID(questionnaire.id, usedBy: other))
            }
            ids[questionnaire.id] = questionnaire.path
            for variable in questionnaire.variables where variable.valueType == .scale {
                let scale = variable.question.scaleID
                let location = variable.item?.location ?? variable.question.location
                if let first = firstSeen[variable.id] {
                    if first.scale != scale {
                        diagnostics.error(location, .sharedItemScaleDiffers(variable.id, scale: scale, firstScale: first.scale, firstSeen: first.where))
                    }
                } else {
                    firstSeen[variable.id] = (scale, variable.valueType, "\(location)")
                }
            }
        }
    }

    static func decodeCampaign(_ path: String, source: DefinitionSource, into diagnostics: inout DiagnosticCollector) -> Campaign? {
        guard let text = readDefinitionText(path, from: source, into: &diagnostics),
            let node = QuestionnaireLoader.parse(text, file: path, into: &diagnostics)
        else { return nil }
        var reader = YAMLReader(file: path)
        defer { diagnostics.append(contentsOf: reader.diagnostics.diagnostics) }
        guard let entries = reader.mapping(node, what: .campaign, allowed: campaignKeys, required: ["format", "id", "title", "questionnaires", "themes"]) else {
            return nil
        }
        if let format = entries["format"]?.value, let version = reader.int(format, "format"), version != 1 {
            reader.diagnostics.error(reader.location(format), .unsupportedCampaignFormat(version))
            return nil
        }
        var campaign = Campaign(
            id: reader.identifier(entries["id"]?.value, "id") ?? "",
            title: reader.text(entries["title"]?.value, "title") ?? "",
            language: entries["language"].flatMap { reader.word($0.value, "language", as: Language.self, words: ["fr", "en"]) } ?? .fr,
            populations: [], themes: [],
            minGroup: entries["min_group"].flatMap { reader.int($0.value, "min_group") } ?? 5,
            codebookFile: entries["codebook"].flatMap { reader.text($0.value, "codebook") },
            forceThreshold: 70, difficultyThreshold: 50, names: [], path: path)
        if campaign.minGroup < 1, let node = entries["min_group"]?.value {
            reader.diagnostics.error(reader.location(node), .minGroupBelowOne)
        }
        var populations: Set<String> = []
        for item in reader.sequence(entries["questionnaires"]?.value, "questionnaires") ?? [] {
            guard
                let fields = reader.mapping(
                    item, what: .populationEntry, allowed: ["population", "label", "file", "target"], required: ["population", "file"])
            else { continue }
            guard let population = reader.identifier(fields["population"]?.value, "population"),
                let file = reader.text(fields["file"]?.value, "file")
            else { continue }
            if !populations.insert(population).inserted {
                reader.diagnostics.error(reader.location(fields["population"]?.value), .duplicatePopulation(population))
            }
            let target = fields["target"].flatMap { reader.int($0.value, "target") }
            if let target, target < 1, let node = fields["target"]?.value {
                reader.diagnostics.error(reader.location(node), .targetNotPositive)
            }
            if (try? source.read(Paths.join(Paths.directory(of: path), file))) == nil, let node = fields["file"]?.value {
                reader.diagnostics.error(reader.location(node), .questionnaireFileNotFound(file))
                continue
            }
            campaign.populations.append(
                PopulationEntry(
                    population: population, label: fields["label"].flatMap { reader.text($0.value, "label") } ?? population.capitalized,
                    file: file, target: target))
        }
        var themeIDs: [String: Int] = [:]
        for item in reader.sequence(entries["themes"]?.value, "themes") ?? [] {
            guard let fields = reader.mapping(item, what: .theme, allowed: ["id", "title"], required: ["id", "title"]),
                let id = reader.identifier(fields["id"]?.value, "id")
            else { continue }
            if let line = themeIDs[id] {
                reader.diagnostics.error(reader.location(fields["id"]?.value), .duplicateTheme(id, previousLine: line))
            }
            themeIDs[id] = reader.location(fields["id"]?.value).line
            campaign.themes.append(Theme(id: id, title: reader.text(fields["title"]?.value, "title") ?? id))
        }
        if let thresholds = reader.mapping(entries["thresholds"]?.value, what: .thresholds, allowed: ["force", "difficulte"]) {
            if let value = thresholds["force"].flatMap({ reader.number($0.value, "force") }) { campaign.forceThreshold = value }
            if let value = thresholds["difficulte"].flatMap({ reader.number($0.value, "difficulte") }) { campaign.difficultyThreshold = value }
            if campaign.difficultyThreshold > campaign.forceThreshold, let node = entries["thresholds"]?.value {
                reader.diagnostics.error(reader.location(node), .difficultyAboveForce(difficulty: campaign.difficultyThreshold, force: campaign.forceThreshold))
            }
            for (key, entry) in thresholds {
                if let value = reader.number(entry.value, .named(key)), !(0...100).contains(value) {
                    reader.diagnostics.error(reader.location(entry.value), .thresholdOutOfRange)
                }
            }
        }
        if let simulationNode = entries["simulation"]?.value {
            campaign.simulation = SettingsValue(node: simulationNode)
        }
        if let accessNode = entries["access"]?.value,
            let access = reader.word(accessNode, "access", as: AccessMode.self, words: ["open", "token"])
        {
            campaign.access = access
        }
        if let namesNode = entries["names"]?.value {
            campaign.names = (reader.sequence(namesNode, "names") ?? []).compactMap { reader.text($0, "names") }
        }
        return campaign
    }

    static func decodeCodebook(_ path: String, themes: Set<String>, source: DefinitionSource, into diagnostics: inout DiagnosticCollector) -> Codebook? {
        guard let text = readDefinitionText(path, from: source, into: &diagnostics),
            let node = QuestionnaireLoader.parse(text, file: path, into: &diagnostics)
        else { return nil }
        var reader = YAMLReader(file: path)
        defer { diagnostics.append(contentsOf: reader.diagnostics.diagnostics) }
        guard let entries = reader.mapping(node, what: .codebook, allowed: ["format", "themes"], required: ["format", "themes"]) else { return nil }
        var result: [CodebookTheme] = []
        for item in reader.sequence(entries["themes"]?.value, "themes") ?? [] {
            guard let fields = reader.mapping(item, what: .codebookTheme, allowed: ["id", "definition", "patterns"], required: ["id", "patterns"]),
                let id = reader.identifier(fields["id"]?.value, "id")
            else { continue }
            if !themes.contains(id) {
                reader.diagnostics.error(reader.location(fields["id"]?.value), .undeclaredTheme(id, suggestion: QuestionnaireValidator.suggestion(id, themes)))
            }
            let patterns = (reader.sequence(fields["patterns"]?.value, "patterns") ?? []).compactMap { reader.text($0, "patterns") }
            if patterns.isEmpty, let node = fields["patterns"]?.value {
                reader.diagnostics.error(reader.location(node), .themeWithoutPatterns(id))
            }
            result.append(CodebookTheme(id: id, definition: fields["definition"].flatMap { reader.string($0.value, "definition") } ?? "", patterns: patterns))
        }
        return Codebook(themes: result)
    }
}
