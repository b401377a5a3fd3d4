import Foundation
import Yams

/// What kind of definition a YAML file holds, judged from its top-level keys.
package enum DefinitionKind: Sendable, Equatable {
    case campaign, questionnaire, library, codebook, unknown
}

/// `prst validate`: checks files and directories of definitions the way a compiler checks code.
package enum DefinitionValidator {
    package static func kind(of path: String, source: DefinitionSource = FileSystemSource()) -> DefinitionKind {
        var ignored = DiagnosticCollector()
        guard let text = readDefinitionText(path, from: source, into: &ignored),
            let node = try? Yams.compose(yaml: text), case .mapping(let mapping) = node
        else { return .unknown }
        let keys = Set(mapping.keys.compactMap { $0.scalar?.string })
        if keys.contains("questionnaires") { return .campaign }
        if keys.contains("sections") || keys.contains("population") { return .questionnaire }
        if keys.contains("themes") { return .codebook }
        if keys.contains("scales") || keys.contains("lists") || keys.contains("units") { return .library }
        return .unknown
    }

    /// Every `.yaml`/`.yml` file under the given paths, sorted.
    package static func expand(_ paths: [String]) throws(DefinitionError) -> [String] {
        var files: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw DefinitionError([.error(SourceLocation(file: path), .pathNotFound)])
            }
            if isDirectory.boolValue {
                let entries = (try? manager.contentsOfDirectory(atPath: path)) ?? []
                files += entries.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
                    .map { Paths.normalize(path + "/" + $0) }
            } else {
                files.append(Paths.normalize(path))
            }
        }
        return files
    }

    /// The campaign in the questionnaire's directory that lists it, if any.
    package static func campaign(listing questionnairePath: String, source: DefinitionSource = FileSystemSource()) -> String? {
        let directory = Paths.directory(of: questionnairePath)
        guard let files = try? expand([directory]) else { return nil }
        let target = Paths.normalize(questionnairePath)
        for file in files where kind(of: file, source: source) == .campaign {
            var ignored = DiagnosticCollector()
            if let campaign = CampaignLoader.decodeCampaign(file, source: source, into: &ignored),
                campaign.populations.contains(where: { Paths.normalize(campaign.path(of: $0)) == target })
            {
                return file
            }
        }
        return nil
    }

    /// Validates every definition named, each file once, and returns every diagnostic sorted.
    package static func validate(_ paths: [String], source: DefinitionSource = FileSystemSource()) -> [Diagnostic] {
        var diagnostics = DiagnosticCollector()
        let files: [String]
        do { files = try expand(paths) } catch { return error.diagnostics }
        if files.isEmpty {
            return paths.map { .error(SourceLocation(file: $0), DefinitionProblem.noDefinitionFiles) }
        }
        var covered: Set<String> = []
        // Campaigns first: they validate their questionnaires with the declared themes.
        let kinds = Dictionary(uniqueKeysWithValues: files.map { ($0, kind(of: $0, source: source)) })
        for file in files where kinds[file] == .campaign {
            let loaded = CampaignLoader.load(file, source: source)
            diagnostics.append(contentsOf: loaded.diagnostics)
            covered.insert(file)
            if let campaign = loaded.campaign {
                for entry in campaign.populations { covered.insert(Paths.normalize(campaign.path(of: entry))) }
                if let codebook = campaign.codebookPath { covered.insert(Paths.normalize(codebook)) }
                // The simulation's phrase bank is data for `prst simulate`, not a definition.
                if let phrases = campaign.simulation?["phrases"]?.string { covered.insert(Paths.join(campaign.directory, phrases)) }
            }
            for questionnaire in loaded.questionnaires {
                for relative in questionnaire.sources.keys {
                    covered.insert(Paths.join(Paths.directory(of: file), relative))
                }
            }
        }
        for file in files where !covered.contains(file) {
            switch kinds[file] ?? .unknown {
            case .campaign:
                break
            case .questionnaire, .unknown:
                diagnostics.append(contentsOf: validateQuestionnaire(file, source: source))
            case .library:
                var context = LoadContext(source: source, baseDirectory: Paths.directory(of: file))
                context.loadLibraryFile(file, citedAt: SourceLocation(file: file))
                diagnostics.append(contentsOf: context.diagnostics.diagnostics)
            case .codebook:
                diagnostics.warning(SourceLocation(file: file), .codebookNotCited)
            }
        }
        return diagnostics.sorted
    }

    /// A questionnaire on its own: its themes are checked against the campaign that lists it.
    package static func validateQuestionnaire(_ file: String, source: DefinitionSource = FileSystemSource()) -> [Diagnostic] {
        var diagnostics = DiagnosticCollector()
        var themes: Set<String>?
        if let campaignPath = campaign(listing: file, source: source) {
            var ignored = DiagnosticCollector()
            themes = CampaignLoader.decodeCampaign(campaignPath, source: source, into: &ignored)?.themeIDs
        }
        let loaded = QuestionnaireLoader.load(file, source: source, themes: themes)
        diagnostics.append(contentsOf: loaded.diagnostics)
        if themes == nil, !loaded.diagnostics.contains(where: \.isUnreadableYAML) {
            diagnostics.warning(SourceLocation(file: file), .questionnaireNotCited)
        }
        return diagnostics.sorted
    }

    /// How respondents get in: by invitation when the questionnaire, or the campaign of its
    /// directory that lists it, says `access: token`.
    package static func access(of questionnaire: Questionnaire, at path: String, source: DefinitionSource = FileSystemSource()) -> AccessMode {
        if questionnaire.access == .token { return .token }
        guard let campaignPath = campaign(listing: path, source: source) else { return .open }
        var ignored = DiagnosticCollector()
        return CampaignLoader.decodeCampaign(campaignPath, source: source, into: &ignored)?.access ?? .open
    }
}
