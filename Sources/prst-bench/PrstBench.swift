import ArgumentParser
import Foundation
import SurveyCore
import SurveyStore

/// Measures the store (scripts/bench-store.sh, and the multi-process tests): a developer's
/// tool, kept out of the `prst` that users run.
@main
struct PrstBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prst-bench",
        abstract: "Mesure la latence d'enregistrement d'une réponse (réservé aux développeurs)."
    )

    @Option(help: "Nombre de réponses enregistrées une à une (par processus).")
    var saves = 2000

    @Option(help: "Nombre de processus écrivant en même temps dans un fichier qui n'existe pas encore (1 : un seul).")
    var writers = 1

    @Option(help: "Dossier de travail (par défaut : un dossier temporaire, supprimé à la fin).")
    var directory: String?

    @Option(help: "Lire toutes les sessions du questionnaire « bench » de ce fichier (forEachResponse) et mesurer temps et mémoire.")
    var stream: String?

    @Option(help: "Mesurer l'analyse et le rapport de suivi sur des réponses simulées en mémoire : « unités,périodes,indicateurs » (5000,5,50).")
    var monitoring: String?

    @Option(help: "Nombre de mesures de l'analyse de suivi.")
    var runs = 5

    @Option(help: "Interne : fichier de réponses d'un processus enfant.")
    var childStore: String?

    @Option(help: "Interne : questionnaire d'un processus enfant.")
    var childDefinition: String?

    static let questionnaire = """
        format: 1
        id: bench
        version: 1
        title: "Banc d'essai du stockage"
        population: bench
        lists:
          couleurs:
            - {code: rouge, label: "Rouge"}
            - {code: vert, label: "Vert"}
        sections:
          - id: s1
            title: "Partie unique"
            questions:
              - id: nombre
                type: number
                label: "Un nombre ?"
              - id: couleurs
                type: multiple
                choices: couleurs
                label: "Des couleurs ?"
              - id: texte
                type: text
                label: "Un texte ?"
        """

    func run() throws {
        if let monitoring {
            let sizes = monitoring.split(separator: ",").compactMap { Int($0) }
            guard sizes.count == 3, sizes.allSatisfy({ $0 > 0 }) else {
                throw ValidationError("--monitoring attend « unités,périodes,indicateurs », par exemple 5000,5,50.")
            }
            try MonitoringBench.run(units: sizes[0], periods: sizes[1], indicators: sizes[2], runs: runs)
            return
        }
        if let stream {
            try Self.measureStreaming(stream)
            return
        }
        if let childStore, let childDefinition {
            let latencies = try Self.measure(store: childStore, definition: childDefinition, saves: saves)
            write(latencies.map { String($0) }.joined(separator: "\n") + "\n")
            return
        }
        let work = directory ?? NSTemporaryDirectory() + "prst-bench-store-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { if directory == nil { try? FileManager.default.removeItem(atPath: work) } }
        let definition = work + "/bench.yaml"
        try Self.questionnaire.write(toFile: definition, atomically: true, encoding: .utf8)
        let store = work + "/bench-\(UUID().uuidString.prefix(8)).sqlite"

        let started = Date()
        var latencies: [Double]
        if writers <= 1 {
            latencies = try Self.measure(store: store, definition: definition, saves: saves)
        } else {
            latencies = try spawnWriters(store: store, definition: definition)
        }
        let elapsed = Date().timeIntervalSince(started)

        let opened = try ResponseStore.open(at: store)
        var answers = 0
        var sessions = 0
        try opened.forEachResponse(questionnaireID: "bench", version: 1) { record in
            sessions += 1
            answers += record.answers.count
        }
        let integrity = try opened.integrityCheck()
        latencies.sort()
        func percentile(_ p: Double) -> String {
            let index = min(latencies.count - 1, Int((p / 100 * Double(latencies.count)).rounded(.up)) - 1)
            return String(format: "%.2f", latencies[max(0, index)] / 1000)
        }
        let mean = latencies.reduce(0, +) / Double(max(1, latencies.count)) / 1000
        write(
            """
            écrivains : \(writers), réponses par écrivain : \(saves), total mesuré : \(latencies.count) en \(String(format: "%.1f", elapsed)) s
            latence d'un enregistrement (ms) : p50 \(percentile(50)), p90 \(percentile(90)), p99 \(percentile(99)), max \(percentile(100)), moyenne \(String(format: "%.2f", mean))
            contrôle : \(sessions) sessions, \(answers) réponses stockées (attendu \(writers * saves)), integrity_check \(integrity.joined(separator: " "))

            """)
        if answers != writers * saves || integrity != ["ok"] || sessions != writers {
            fail("Réponses perdues ou base endommagée.")
            throw ExitCode(1)
        }
    }

    /// Streams every session of "bench" version 1, then reports time and peak memory.
    static func measureStreaming(_ path: String) throws {
        let store = try ResponseStore.open(at: path)
        let before = peakMemoryKiB()
        let start = Date()
        var sessions = 0
        var answers = 0
        try store.forEachResponse(questionnaireID: "bench", version: 1) { record in
            sessions += 1
            answers += record.answers.count
        }
        let streaming = Date().timeIntervalSince(start)
        let statusStart = Date()
        let rows = try store.status()
        let status = Date().timeIntervalSince(statusStart)
        write(
            """
            lecture en flux : \(sessions) sessions, \(answers) réponses en \(String(format: "%.1f", streaming)) s \
            (\(Int(Double(sessions) / max(streaming, 0.001))) sessions/s)
            mémoire maximale (VmHWM) : \(before / 1024) Mio avant la lecture, \(peakMemoryKiB() / 1024) Mio après
            prst status : \(String(format: "%.2f", status)) s (\(rows.map { "\($0.started) démarrées, médiane \($0.medianCompletionSeconds.map(frenchDuration) ?? "—")" }.joined(separator: " ; ")))

            """)
    }

    /// The process's peak resident memory, from /proc (0 where there is none).
    static func peakMemoryKiB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    /// Opens the store, registers the definition, starts a session and times each save (µs).
    /// Keys cycle over 200 variables so that most saves after the first 200 are updates.
    static func measure(store path: String, definition: String, saves: Int) throws -> [Double] {
        let store = try ResponseStore.open(at: path)
        let loaded = QuestionnaireLoader.load(definition)
        let session = try store.startSession(definition: try store.register(loaded))
        var latencies: [Double] = []
        latencies.reserveCapacity(saves)
        for index in 0..<saves {
            let key = AnswerKey("nombre", repetition: "r\(index % 200)")
            let value: AnswerValue =
                index % 3 == 0 ? .choices(["rouge", "vert"]) : index % 3 == 1 ? .number(Double(index)) : .text("Réponse libre numéro \(index)")
            let start = DispatchTime.now().uptimeNanoseconds
            try store.save(value, for: index < 200 ? key : AnswerKey("nombre\(index)"), session: session.id)
            latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1000)
        }
        try store.complete(session: session.id)
        return latencies
    }

    /// Starts `writers` copies of this program at once on the same new file; gathers their timings.
    func spawnWriters(store: String, definition: String) throws -> [Double] {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var children: [(Process, Pipe)] = []
        for _ in 0..<writers {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["--saves", "\(saves)", "--child-store", store, "--child-definition", definition]
            let pipe = Pipe()
            process.standardOutput = pipe
            children.append((process, pipe))
        }
        for (process, _) in children { try process.run() }
        var latencies: [Double] = []
        var failed = 0
        for (process, pipe) in children {
            let output = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            if process.terminationStatus != 0 { failed += 1 }
            latencies += String(decoding: output, as: UTF8.self).split(separator: "\n").compactMap { Double($0) }
        }
        if failed > 0 {
            fail("\(failed) écrivain(s) sur \(writers) ont échoué.")
            throw ExitCode(1)
        }
        return latencies
    }
}

private func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

private func fail(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
