import Foundation
import Yams

/// The outcome of loading a definition: the value when it is usable, every diagnostic found,
/// and the texts it was built from (the snapshot a store keeps with the responses).
package struct LoadedQuestionnaire: Sendable {
    package var questionnaire: Questionnaire?
    package var diagnostics: [Diagnostic]
    /// Every file read (the questionnaire and its includes), keyed by path relative to the
    /// questionnaire's directory.
    package var sources: [String: String]
    /// The questionnaire file's key in `sources`.
    package var mainFile: String

    package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

package enum QuestionnaireLoader {
    static let questionnaireKeys = [
        "format", "id", "version", "title", "population", "language", "include", "intro", "outro",
        "anonymous", "access", "scales", "lists", "sections", "units", "reporting",
    ]
    static let libraryKeys = ["format", "include", "scales", "lists", "units"]
    static let sectionKeys = ["id", "title", "intro", "theme", "when", "foreach", "repeat", "questions"]
    static let questionKeys = [
        "id", "type", "label", "hint", "required", "when", "choices", "scale", "other", "min", "max",
        "decimal", "max_length", "long", "constraint", "message", "polarity", "diffusion", "items", "theme",
        "unit", "provider", "part_of",
    ]
    static let choiceKeys = ["code", "label", "exclusive", "type", "reach", "axe"]
    static let scaleKeys = ["levels", "favourable", "descriptive", "missing"]

    /// Keys that only make sense for some types, so that a misplaced key is reported.
    static let keysByType: [QuestionType: Set<String>] = [
        .single: ["choices", "other"],
        .multiple: ["choices", "other", "min", "max"],
        .scale: ["scale"],
        .matrix: ["scale", "items"],
        .number: ["min", "max", "decimal", "unit", "provider", "part_of"],
        .text: ["max_length", "long"],
        .yesno: [],
        .note: [],
    ]

    /// Loads a questionnaire and everything it includes, then checks it.
    /// - Parameter themes: the theme ids declared by the campaign, or nil when no campaign is known.
    package static func load(_ path: String, source: DefinitionSource = FileSystemSource(), themes: Set<String>? = nil) -> LoadedQuestionnaire {
        var context = LoadContext(source: source, baseDirectory: Paths.directory(of: path))
        let questionnaire = context.loadQuestionnaire(path)
        var diagnostics = context.diagnostics
        if var questionnaire {
            QuestionnaireValidator.validate(&questionnaire, themes: themes, into: &diagnostics)
            return LoadedQuestionnaire(
                questionnaire: diagnostics.hasErrors ? nil : questionnaire, diagnostics: diagnostics.sorted,
                sources: context.texts, mainFile: context.relative(path))
        }
        return LoadedQuestionnaire(questionnaire: nil, diagnostics: diagnostics.sorted, sources: context.texts, mainFile: context.relative(path))
    }

    /// Rebuilds a questionnaire from a stored snapshot of its files.
    package static func load(snapshot sources: [String: String], mainFile: String) -> LoadedQuestionnaire {
        load(mainFile, source: InMemorySource(texts: sources), themes: nil)
    }

    /// Parses YAML text into a node, reporting syntax errors where libyaml found them.
    static func parse(_ text: String, file: String, into diagnostics: inout DiagnosticCollector) -> Node? {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                diagnostics.error(SourceLocation(file: file, line: 1, column: 1), .noYAMLData)
                return nil
            }
            return node
        } catch let error as YamlError {
            diagnostics.append(yamlDiagnostic(error, file: file, text: text))
            return nil
        } catch {
            diagnostics.error(SourceLocation(file: file, line: 1, column: 1), .unreadableYAML(details: "\(error)"))
            return nil
        }
    }

    static func yamlDiagnostic(_ error: YamlError, file: String, text: String) -> Diagnostic {
        var mark: Mark?
        var problem = YAMLSyntaxError.parser("\(error)")
        switch error {
        case .scanner(let context, let message, let at, _), .parser(let context, let message, let at, _), .composer(let context, let message, let at, _):
            mark = at
            problem = .parser(message + (context.map { " (\($0.text))" } ?? ""))
        case .duplicatedKeysInMapping(let duplicates, let context):
            mark = context.mark
            problem = .duplicatedKeys(duplicates)
        case .reader(let message, _, _, _):
            problem = .parser(message)
        default:
            break
        }
        let line = mark?.line ?? 1
        let column = mark?.column ?? 1
        let lines = text.components(separatedBy: "\n")
        var advice = YAMLAdvice.indentationAndQuotes
        let nearby = (max(0, line - 3)..<min(lines.count, line)).map { lines[$0] }
        if nearby.contains(where: { $0.contains("{") && ($0.contains("when:") || $0.contains("constraint:")) }) {
            advice = .quoteConditionInBraces
        } else if nearby.contains(where: { $0.contains("\t") }) {
            advice = .noTabs
        }
        return .error(SourceLocation(file: file, line: line, column: column), .yamlSyntax(problem, advice: advice))
    }
}

/// State of one load: files read, include stack for cycle detection, definitions gathered.
struct LoadContext {
    let source: DefinitionSource
    let baseDirectory: String
    var diagnostics = DiagnosticCollector()
    var texts: [String: String] = [:]
    var scales: [String: (Scale, SourceLocation)] = [:]
    var lists: [String: (ChoiceList, SourceLocation)] = [:]
    var units: [String: (UnitReferential, SourceLocation)] = [:]
    var includeStack: [String] = []
    var included: Set<String> = []

    init(source: DefinitionSource, baseDirectory: String) {
        self.source = source
        self.baseDirectory = baseDirectory
    }

    /// Paths in a snapshot are relative to the questionnaire's directory, so that it rebuilds
    /// anywhere and its hash does not depend on the machine.
    func relative(_ path: String) -> String {
        Paths.relative(path, from: baseDirectory)
    }

    mutating func readNode(_ path: String, citedAt: SourceLocation?) -> (Node, YAMLReader)? {
        guard let text = readDefinitionText(path, from: source, reportAt: citedAt, into: &diagnostics) else { return nil }
        texts[relative(path)] = text
        guard let node = QuestionnaireLoader.parse(text, file: path, into: &diagnostics) else { return nil }
        return (node, YAMLReader(file: path))
    }

    mutating func checkFormat(_ entries: [String: (key: Node, value: Node)], node: Node, reader: inout YAMLReader) -> Bool {
        guard let format = entries["format"] else {
            reader.diagnostics.error(reader.location(node), .missingFormat)
            return false
        }
        guard let version = reader.int(format.value, "format") else { return false }
        if version != 1 {
            reader.diagnostics.error(reader.location(format.value), .unsupportedFormat(version))
            return false
        }
        return true
    }

    mutating func loadQuestionnaire(_ path: String) -> Questionnaire? {
        guard let (node, reader0) = readNode(path, citedAt: nil) else { return nil }
        var reader = reader0
        defer { diagnostics.append(contentsOf: reader.diagnostics.diagnostics) }
        // Decode `format` first: a future format's keys would only produce noise.
        guard case .mapping = node else {
            reader.diagnostics.error(reader.location(node), .questionnaireNotMapping)
            return nil
        }
        let peek = reader.mapping(node, what: .questionnaire, allowed: [], reportUnknown: false) ?? [:]
        guard checkFormat(peek, node: node, reader: &reader) else { return nil }
        guard
            let entries = reader.mapping(
                node, what: .questionnaire, allowed: QuestionnaireLoader.questionnaireKeys,
                required: ["id", "title", "population", "sections"])
        else { return nil }
        includeStack = [Paths.normalize(path)]
        included = [Paths.normalize(path)]
        loadIncludes(entries["include"]?.value, from: path, reader: &reader)
        loadLibrary(entries, reader: &reader)

        let id = reader.identifier(entries["id"]?.value, "id") ?? ""
        let version = entries["version"].flatMap { reader.int($0.value, "version") } ?? 1
        if version < 1, let node = entries["version"]?.value {
            reader.diagnostics.error(reader.location(node), .versionNotPositive)
        }
        let language = entries["language"].flatMap { reader.word($0.value, "language", as: Language.self, words: Language.allCases.map(\.rawValue)) } ?? .fr
        var questionnaire = Questionnaire(
            id: id, version: version,
            title: reader.text(entries["title"]?.value, "title") ?? "",
            population: reader.identifier(entries["population"]?.value, "population") ?? "",
            language: language,
            intro: reader.string(entries["intro"]?.value, "intro"),
            outro: reader.string(entries["outro"]?.value, "outro"),
            anonymous: entries["anonymous"].flatMap { reader.bool($0.value, "anonymous") } ?? true,
            access: entries["access"].flatMap { reader.word($0.value, "access", as: AccessMode.self, words: ["open", "token"]) } ?? .open,
            sections: [],
            scales: scales.mapValues(\.0),
            lists: lists.mapValues(\.0),
            path: path)
        questionnaire.units = units.mapValues(\.0)
        questionnaire.reporting = decodeReporting(entries["reporting"]?.value, reader: &reader)
        if let sectionNodes = reader.sequence(entries["sections"]?.value, "sections") {
            if sectionNodes.isEmpty, let node = entries["sections"]?.value {
                reader.diagnostics.error(reader.location(node), .noSections)
            }
            for sectionNode in sectionNodes {
                if let section = decodeSection(sectionNode, reader: &reader, language: language) {
                    questionnaire.sections.append(section)
                }
            }
        }
        return questionnaire
    }

    mutating func loadIncludes(_ node: Node?, from path: String, reader: inout YAMLReader) {
        guard let node else { return }
        let items: [Node]
        if case .scalar = node { items = [node] } else { items = reader.sequence(node, "include") ?? [] }
        for item in items {
            guard let relativePath = reader.text(item, "include") else { continue }
            let includePath = Paths.join(Paths.directory(of: path), relativePath)
            let normalized = Paths.normalize(includePath)
            if includeStack.contains(normalized) {
                reader.diagnostics.error(reader.location(item), .circularInclude(cycle: (includeStack + [normalized]).map(Paths.fileName)))
                continue
            }
            if included.contains(normalized) { continue }
            included.insert(normalized)
            loadLibraryFile(includePath, citedAt: reader.location(item))
        }
    }

    mutating func loadLibraryFile(_ path: String, citedAt: SourceLocation) {
        guard let (node, reader0) = readNode(path, citedAt: citedAt) else { return }
        var reader = reader0
        defer { diagnostics.append(contentsOf: reader.diagnostics.diagnostics) }
        let peek = reader.mapping(node, what: .includedFile, allowed: [], reportUnknown: false) ?? [:]
        guard checkFormat(peek, node: node, reader: &reader) else { return }
        guard let entries = reader.mapping(node, what: .library, allowed: QuestionnaireLoader.libraryKeys) else { return }
        includeStack.append(Paths.normalize(path))
        loadIncludes(entries["include"]?.value, from: path, reader: &reader)
        includeStack.removeLast()
        loadLibrary(entries, reader: &reader)
    }

    /// Scales and lists of one file, merged into the questionnaire's.
    mutating func loadLibrary(_ entries: [String: (key: Node, value: Node)], reader: inout YAMLReader) {
        if let scalesNode = entries["scales"]?.value, case .mapping(let mapping) = scalesNode {
            for (key, value) in mapping {
                guard let id = reader.identifier(key, .scaleIdentifier) else { continue }
                if let previous = scales[id] {
                    reader.diagnostics.error(reader.location(key), .duplicateScale(id, previous: previous.1))
                    continue
                }
                if let scale = decodeScale(id, value, reader: &reader) { scales[id] = (scale, reader.location(key)) }
            }
        } else if let node = entries["scales"]?.value {
            reader.diagnostics.error(reader.location(node), .scalesNotMapping)
        }
        if let listsNode = entries["lists"]?.value, case .mapping(let mapping) = listsNode {
            for (key, value) in mapping {
                guard let id = reader.identifier(key, .listIdentifier) else { continue }
                if let previous = lists[id] {
                    reader.diagnostics.error(reader.location(key), .duplicateList(id, previous: previous.1))
                    continue
                }
                guard let items = reader.sequence(value, .named("lists.\(id)")) else { continue }
                if items.isEmpty { reader.diagnostics.error(reader.location(value), .emptyList(id)) }
                let choices = decodeChoices(items, reader: &reader, integerCodes: false)
                lists[id] = (ChoiceList(id: id, choices: choices), reader.location(key))
            }
        } else if let node = entries["lists"]?.value {
            reader.diagnostics.error(reader.location(node), .listsNotMapping)
        }
        loadUnits(entries, reader: &reader)
    }

    mutating func decodeScale(_ id: String, _ node: Node, reader: inout YAMLReader) -> Scale? {
        guard let entries = reader.mapping(node, what: .scale(id), allowed: QuestionnaireLoader.scaleKeys, required: ["levels"]) else { return nil }
        let levelNodes = reader.sequence(entries["levels"]?.value, "levels") ?? []
        let levels = decodeChoices(levelNodes, reader: &reader, integerCodes: true)
        if let node = entries["levels"]?.value, levelNodes.count < 2, case .sequence = node {
            reader.diagnostics.error(reader.location(node), .tooFewLevels(scale: id))
        }
        let missing = decodeChoices(reader.sequence(entries["missing"]?.value, "missing") ?? [], reader: &reader, integerCodes: false)
        var favourable: [String] = []
        if let node = entries["favourable"]?.value {
            for codeNode in reader.sequence(node, "favourable") ?? [] {
                guard let code = reader.code(codeNode, "favourable") else { continue }
                if !levels.contains(where: { $0.code == code }) {
                    reader.diagnostics.error(reader.location(codeNode), .unknownFavourableLevel(code, scale: id, levels: levels.map(\.code)))
                }
                favourable.append(code)
            }
        }
        for choice in missing where levels.contains(where: { $0.code == choice.code }) {
            reader.diagnostics.error(reader.location(entries["missing"]?.value), .codeIsLevelAndMissing(choice.code))
        }
        // A descriptive scale (how often, how many) has no favourable side: the report gives its
        // distribution and never classifies it as a strength or a difficulty.
        var descriptive = entries["descriptive"].flatMap { reader.bool($0.value, "descriptive") } ?? false
        if descriptive, let node = entries["favourable"]?.value {
            reader.diagnostics.error(reader.location(node), .descriptiveScaleWithFavourable(scale: id))
        } else if !descriptive, favourable.isEmpty, !levels.isEmpty {
            reader.diagnostics.warning(reader.location(entries["levels"]?.key), .scaleWithoutFavourableIsDescriptive(scale: id))
            descriptive = true
        }
        return Scale(id: id, levels: levels, favourable: descriptive ? [] : favourable, missing: missing, descriptive: descriptive)
    }

    mutating func decodeChoices(_ nodes: [Node], reader: inout YAMLReader, integerCodes: Bool) -> [Choice] {
        var choices: [Choice] = []
        var seen: [String: SourceLocation] = [:]
        for node in nodes {
            guard let entries = reader.mapping(node, what: .choice, allowed: QuestionnaireLoader.choiceKeys, required: ["code", "label"]) else { continue }
            guard let codeNode = entries["code"]?.value, let code = reader.code(codeNode, "code") else { continue }
            if integerCodes {
                if Int(code) == nil {
                    reader.diagnostics.error(reader.location(codeNode), .levelCodeNotInteger(code))
                }
            } else if !Identifier.isValid(code) && Int(code) == nil {
                reader.diagnostics.error(reader.location(codeNode), .invalidChoiceCode(code))
            }
            if let previous = seen[code.lowercased()] {
                reader.diagnostics.error(reader.location(codeNode), .duplicateCode(code, previousLine: previous.line))
            }
            seen[code.lowercased()] = reader.location(codeNode)
            var attributes: [String: String] = [:]
            for key in ["type", "axe"] {
                if let value = entries[key].flatMap({ reader.string($0.value, .named(key)) }) { attributes[key] = value }
            }
            if let reachNode = entries["reach"]?.value,
                let reach = reader.word(reachNode, "reach", as: Reach.self, words: Reach.allCases.map(\.rawValue))
            {
                attributes["reach"] = reach.rawValue
            }
            choices.append(
                Choice(
                    code: code, label: reader.text(entries["label"]?.value, "label") ?? code,
                    exclusive: entries["exclusive"].flatMap { reader.bool($0.value, "exclusive") } ?? false,
                    attributes: attributes))
        }
        return choices
    }

    mutating func decodeCondition(_ node: Node?, key: DefinitionKey, reader: inout YAMLReader) -> Condition? {
        guard let node else { return nil }
        guard let text = reader.string(node, key) else { return nil }
        let location = reader.contentLocation(node)
        do {
            return try Condition(source: text, location: location)
        } catch {
            reader.diagnostics.error(location.offset(by: error.offset), .invalidCondition(error.problem))
            return nil
        }
    }

    mutating func decodeSection(_ node: Node, reader: inout YAMLReader, language: Language) -> Section? {
        guard let entries = reader.mapping(node, what: .section, allowed: QuestionnaireLoader.sectionKeys, required: ["id", "title", "questions"]) else {
            return nil
        }
        var section = Section(
            id: reader.identifier(entries["id"]?.value, "id") ?? "",
            title: reader.text(entries["title"]?.value, "title") ?? "",
            intro: reader.string(entries["intro"]?.value, "intro"),
            theme: entries["theme"].flatMap { reader.identifier($0.value, "theme") },
            when: decodeCondition(entries["when"]?.value, key: "when", reader: &reader),
            foreach: entries["foreach"].flatMap { reader.identifier($0.value, "foreach") },
            questions: [],
            location: reader.location(entries["id"]?.value ?? node))
        section.openRepeat = decodeRepeat(entries, reader: &reader)
        let questionNodes = reader.sequence(entries["questions"]?.value, "questions") ?? []
        if questionNodes.isEmpty, let node = entries["questions"]?.value, case .sequence = node {
            reader.diagnostics.error(reader.location(node), .emptySection(section.id))
        }
        for questionNode in questionNodes {
            guard var question = decodeQuestion(questionNode, reader: &reader) else { continue }
            if question.theme == nil { question.theme = section.theme }
            section.questions.append(question)
            if question.other {
                var followUp = Question(
                    id: question.id + Questionnaire.otherSuffix, type: .text,
                    label: language == .fr ? "Précisez :" : "Please specify:", location: question.location)
                followUp.when = try? Condition(source: "selected(\(question.id), \"\(Questionnaire.otherCode)\")", location: question.location)
                followUp.otherOf = question.id
                followUp.theme = question.theme
                followUp.maxLength = 200
                section.questions.append(followUp)
            }
        }
        return section
    }

    mutating func decodeQuestion(_ node: Node, reader: inout YAMLReader) -> Question? {
        guard let entries = reader.mapping(node, what: .question, allowed: QuestionnaireLoader.questionKeys, required: ["id", "type", "label"]) else {
            return nil
        }
        guard let type = reader.word(entries["type"]?.value, "type", as: QuestionType.self, words: QuestionType.allCases.map(\.rawValue)) else { return nil }
        let idNode = entries["id"]?.value
        var question = Question(
            id: reader.identifier(idNode, "id") ?? "", type: type,
            label: reader.text(entries["label"]?.value, "label") ?? "", location: reader.location(idNode ?? node))
        let specific = Set(QuestionnaireLoader.keysByType.values.flatMap { $0 })
        let allowedHere = QuestionnaireLoader.keysByType[type] ?? []
        for (name, entry) in entries where specific.contains(name) && !allowedHere.contains(name) {
            let owners = QuestionnaireLoader.keysByType.filter { $0.value.contains(name) }.map(\.key).sorted { $0.rawValue < $1.rawValue }
            reader.diagnostics.error(reader.location(entry.key), .keyNotForType(name, type: type, usedWith: owners))
        }
        if type == .note {
            for name in ["required", "when", "constraint", "polarity", "diffusion"] where name != "when" {
                if let entry = entries[name] { reader.diagnostics.error(reader.location(entry.key), .keyOnNote(name)) }
            }
        }
        for (name, entry) in entries { question.keyLocations[name] = reader.location(entry.value) }
        question.hint = reader.string(entries["hint"]?.value, "hint")
        if let node = entries["required"]?.value {
            if node.scalar?.string == "soft" {
                question.requirement = .soft
            } else if let value = reader.bool(node, "required") {
                question.requirement = value ? .required : .optional
            }
        }
        if type == .note { question.requirement = .optional }
        question.when = decodeCondition(entries["when"]?.value, key: "when", reader: &reader)
        question.choicesID = entries["choices"].flatMap { reader.identifier($0.value, "choices") }
        question.scaleID = entries["scale"].flatMap { reader.identifier($0.value, "scale") }
        question.other = entries["other"].flatMap { reader.bool($0.value, "other") } ?? false
        question.min = entries["min"].flatMap { reader.number($0.value, "min") }
        question.max = entries["max"].flatMap { reader.number($0.value, "max") }
        question.decimal = entries["decimal"].flatMap { reader.bool($0.value, "decimal") } ?? false
        question.maxLength = entries["max_length"].flatMap { reader.int($0.value, "max_length") }
        question.long = entries["long"].flatMap { reader.bool($0.value, "long") } ?? false
        question.constraint = decodeCondition(entries["constraint"]?.value, key: "constraint", reader: &reader)
        question.constraintMessage = reader.string(entries["message"]?.value, "message")
        question.polarity = entries["polarity"].flatMap { reader.word($0.value, "polarity", as: Polarity.self, words: Polarity.allCases.map(\.rawValue)) }
        question.diffusion = entries["diffusion"].flatMap {
            reader.word($0.value, "diffusion", as: DiffusionRole.self, words: DiffusionRole.allCases.map(\.rawValue))
        }
        question.theme = entries["theme"].flatMap { reader.identifier($0.value, "theme") }
        decodeIndicator(entries, into: &question, reader: &reader)
        if let min = question.min, let max = question.max, min > max, let node = entries["min"]?.value {
            reader.diagnostics.error(reader.location(node), .minAboveMax(min: min, max: max))
        }
        if let maxLength = question.maxLength, maxLength < 1, let node = entries["max_length"]?.value {
            reader.diagnostics.error(reader.location(node), .maxLengthBelowOne)
        }
        if entries["message"] != nil, entries["constraint"] == nil, let key = entries["message"]?.key {
            reader.diagnostics.error(reader.location(key), .messageWithoutConstraint)
        }
        if type == .matrix {
            let itemNodes = reader.sequence(entries["items"]?.value, "items") ?? []
            if itemNodes.isEmpty { reader.diagnostics.error(reader.location(entries["items"]?.key ?? node), .matrixWithoutItems) }
            for itemNode in itemNodes {
                guard let item = reader.mapping(itemNode, what: .matrixItem, allowed: ["id", "label"], required: ["id", "label"]) else { continue }
                question.items.append(
                    MatrixItem(
                        id: reader.identifier(item["id"]?.value, "id") ?? "", label: reader.text(item["label"]?.value, "label") ?? "",
                        number: "", location: reader.location(item["id"]?.value ?? itemNode)))
            }
        }
        if [.single, .multiple].contains(type), entries["choices"] == nil {
            reader.diagnostics.error(reader.location(node), .missingChoices(type))
        }
        if [.scale, .matrix].contains(type), entries["scale"] == nil {
            reader.diagnostics.error(reader.location(node), .missingScale(type))
        }
        return question
    }
}

func format(_ number: Double) -> String {
    number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
}
