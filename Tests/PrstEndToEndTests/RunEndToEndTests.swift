import Foundation
import Testing
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `prst run` as respondents use it: the built binary (`.build/debug/prst`, built before the
/// tests run), stdin piped (plain mode) or a real pseudo-terminal (full-screen mode).
@Suite struct RunEndToEndTests {
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()
    static let binary = packageRoot.appendingPathComponent(".build/debug/prst").path

    /// `swift test` recompiles the modules but does not relink the `prst` executable: refuse to
    /// test a binary older than the objects it is made of.
    static let binaryProblem: String? = {
        let manager = FileManager.default
        guard let built = (try? manager.attributesOfItem(atPath: binary))?[.modificationDate] as? Date else {
            return "\(binary) is missing: run `swift build` before `swift test`"
        }
        let modules = [
            "prst", "SurveyWorkflows", "SurveyRunner", "SurveyCore", "SurveyStore", "SurveyAnalysis", "SurveyReports", "SurveyExchange", "SurveySimulation",
        ]
        for module in modules {
            let directory = packageRoot.appendingPathComponent(".build/debug/\(module).build")
            for name in (try? manager.contentsOfDirectory(atPath: directory.path)) ?? [] where name.hasSuffix(".o") {
                let object = directory.appendingPathComponent(name).path
                if let modified = (try? manager.attributesOfItem(atPath: object))?[.modificationDate] as? Date, modified > built {
                    return "\(binary) is older than \(module)/\(name): run `swift build` before `swift test`"
                }
            }
        }
        return nil
    }()

    static func requireFreshBinary() throws {
        if let problem = binaryProblem {
            Issue.record(Comment(rawValue: problem))
            throw CancellationError()
        }
    }

    static let fixture = """
        format: 1
        id: essai_e2e
        version: 1
        title: "Questionnaire de bout en bout"
        population: pilotes
        language: fr
        intro: "Vos réponses sont anonymes."
        outro: "Merci beaucoup."
        scales:
          accord:
            levels:
              - {code: 2, label: "D'accord"}
              - {code: 1, label: "Pas d'accord"}
            favourable: [2]
            missing:
              - {code: nsp, label: "Ne sait pas"}
        lists:
          livrables:
            - {code: guide, label: "Guide"}
            - {code: plaquette, label: "Plaquette"}
            - {code: aucun, label: "Aucun", exclusive: true}
        sections:
          - id: debut
            title: "Début"
            questions:
              - {id: participe, type: yesno, label: "Avez-vous participé ?"}
              - id: avis
                type: matrix
                scale: accord
                when: 'participe == "oui"'
                label: "Êtes-vous d'accord ?"
                items:
                  - {id: a1, label: "Premier item"}
                  - {id: a2, label: "Second item"}
              - {id: nb, type: number, min: 0, max: 10, decimal: true, label: "Combien ?"}
              - {id: connus, type: multiple, choices: livrables, label: "Quels livrables ?"}
              - {id: remarques, type: text, required: false, label: "Remarques ?"}
        """

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// A fresh directory with the fixture questionnaire.
    static func workspace() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("prst-run-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try fixture.write(to: directory.appendingPathComponent("essai.yaml"), atomically: true, encoding: .utf8)
        return directory
    }

    static func run(_ arguments: [String], stdin: String, environment: [String: String] = [:]) throws -> Result {
        try requireFreshBinary()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["run"] + arguments
        var env = ProcessInfo.processInfo.environment
        env["PRST_STORE"] = nil
        env.merge(environment) { _, new in new }
        process.environment = env
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    static func resumeCode(in text: String) -> String? {
        guard let range = text.range(of: #"Code de reprise : [A-Z0-9]{4}-[A-Z0-9]{4}"#, options: .regularExpression) else { return nil }
        return String(text[range].suffix(9))
    }

    @Test func plainSessionCompletesWithExitZero() throws {
        let directory = try Self.workspace()
        let store = directory.appendingPathComponent("reponses.store").path
        let result = try Self.run(
            [directory.appendingPathComponent("essai.yaml").path, "--store", store],
            stdin: "o\n1\n3\n3,5\n1 2\nTrès bien é\no\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Vos réponses sont anonymes."))
        #expect(Self.resumeCode(in: result.stdout) != nil)
        #expect(result.stdout.contains("Affirmation 2 / 2"))
        #expect(result.stdout.contains("3. Combien ? : 3,5"))
        #expect(result.stdout.contains("Merci, vos réponses sont enregistrées."))
    }

    @Test func endOfInputExitsThreeThenResumeContinues() throws {
        let directory = try Self.workspace()
        let questionnaire = directory.appendingPathComponent("essai.yaml").path
        let store = directory.appendingPathComponent("reponses.store").path
        let first = try Self.run([questionnaire, "--store", store], stdin: "n\n4\n")
        #expect(first.status == 3)
        #expect(
            first.stdout.hasSuffix(
                "Questionnaire interrompu. Toutes vos réponses validées sont enregistrées.\nCode de reprise : \(Self.resumeCode(in: first.stdout) ?? "?")\n"))
        let code = try #require(Self.resumeCode(in: first.stdout))

        let second = try Self.run([questionnaire, "--store", store, "--resume", code], stdin: "1\n\no\n")
        #expect(second.status == 0, "\(second.stdout)\n\(second.stderr)")
        #expect(second.stdout.contains("Reprise de votre questionnaire"))
        #expect(!second.stdout.contains("1. Avez-vous participé ?\n"), "answered questions are not asked again")
        #expect(second.stdout.contains("3. Combien ? : 4"))
        #expect(second.stdout.contains("4. Quels livrables ? : Guide"))

        let third = try Self.run([questionnaire, "--store", store, "--resume", code], stdin: "")
        #expect(third.status == 1)
        #expect(third.stderr.contains("déjà été terminé et envoyé"))
    }

    @Test func unknownResumeCodeAndInvalidQuestionnaireAreRefused() throws {
        let directory = try Self.workspace()
        let questionnaire = directory.appendingPathComponent("essai.yaml").path
        let unknown = try Self.run([questionnaire, "--store", directory.appendingPathComponent("s").path, "--resume", "ZZZZ-ZZZZ"], stdin: "")
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("Code de reprise inconnu : « ZZZZ-ZZZZ »"))

        let broken = directory.appendingPathComponent("casse.yaml")
        try Self.fixture.replacingOccurrences(of: "type: yesno", with: "type: ouinon").write(to: broken, atomically: true, encoding: .utf8)
        let invalid = try Self.run([broken.path, "--dry-run"], stdin: "")
        #expect(invalid.status == 1)
        #expect(invalid.stderr.contains("casse.yaml:"))
        #expect(invalid.stderr.contains("Le questionnaire n'est pas valide"))
    }

    @Test func realPilotesQuestionnaireInRehearsal() throws {
        let pilotes = Self.packageRoot.appendingPathComponent("surveys/pilotes.yaml").path
        // institution, fiches, désignation, participation (non), réunions, 5 items, forces,
        // difficultés, copilote (non), 3 items, 3 items, heures, 2 items, instances, 3 items,
        // avancement, 5 items, 2 items, poursuite, appuis, propositions, then confirm.
        var lines = ["1", "1", "1", "n", "12"] + Array(repeating: "1", count: 5) + ["Bonne entente", "", "n"]
        lines += Array(repeating: "2", count: 6) + ["10"] + ["1", "1", "n"] + Array(repeating: "1", count: 3)
        lines += ["1"] + Array(repeating: "1", count: 5) + ["1", "1"] + ["1", "1,2", "", "o"]
        let result = try Self.run([pilotes, "--dry-run"], stdin: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stdout.suffix(800))")
        #expect(result.stdout.contains("MODE ESSAI"))
        #expect(result.stdout.contains("Fin de l'essai : rien n'a été enregistré."))
        #expect(Self.resumeCode(in: result.stdout) == nil)
    }

    /// `--dry-run` is the rehearsal flag; `--essai`, its first name, still works but is no longer
    /// shown; a rehearsal with --resume is a usage error (exit status 64, as the README says).
    @Test func rehearsalFlagOldNameAndUsageError() throws {
        let directory = try Self.workspace()
        let questionnaire = directory.appendingPathComponent("essai.yaml").path
        let store = directory.appendingPathComponent("jamais.sqlite").path
        for flag in ["--dry-run", "--essai"] {
            let rehearsal = try Self.run([questionnaire, flag, "--store", store], stdin: "o\n1\n3\n3,5\n1 2\nTrès bien é\no\n")
            #expect(rehearsal.status == 0, "\(flag): \(rehearsal.stderr)")
            #expect(rehearsal.stdout.contains("Fin de l'essai : rien n'a été enregistré."), "\(flag)")
            let both = try Self.run([questionnaire, flag, "--resume", "K7F3-9QXM", "--store", store], stdin: "")
            #expect(both.status == 64, "\(flag)")
            #expect(both.stderr.contains("\(flag) et --resume ne peuvent pas être utilisés ensemble"), "\(both.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: store))
        let help = try Self.run(["--help"], stdin: "")
        #expect(help.stdout.contains("--dry-run") && !help.stdout.contains("--essai"))
    }

    // MARK: Full-screen mode through a pseudo-terminal

    final class Screen: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        func append(_ chunk: Data) { lock.lock(); data.append(chunk); lock.unlock() }
        var text: String { lock.lock(); defer { lock.unlock() }; return String(decoding: data, as: UTF8.self) }
        func clear() { lock.lock(); data.removeAll(); lock.unlock() }

        /// Waits until the output contains `needle`.
        func wait(for needle: String, timeout: TimeInterval = 10) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if text.contains(needle) { return true }
                usleep(20_000)
            }
            return false
        }
    }

    struct Pty {
        var master: Int32
        var slave: Int32
        var process: Process
        var screen: Screen

        func send(_ keys: String) {
            let bytes = Array(keys.utf8)
            _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            usleep(60_000)
        }
    }

    static func launchInPty(_ arguments: [String], environment: [String: String]) throws -> Pty {
        try requireFreshBinary()
        // posix_openpt and friends are not imported from Glibc: looked up at run time.
        let libc = dlopen(nil, RTLD_NOW)
        typealias OpenPT = @convention(c) (Int32) -> Int32
        typealias PTName = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
        let openpt = unsafeBitCast(dlsym(libc, "posix_openpt"), to: OpenPT.self)
        let grantpt = unsafeBitCast(dlsym(libc, "grantpt"), to: OpenPT.self)
        let unlockpt = unsafeBitCast(dlsym(libc, "unlockpt"), to: OpenPT.self)
        let ptsname = unsafeBitCast(dlsym(libc, "ptsname"), to: PTName.self)
        let master = openpt(O_RDWR | O_NOCTTY)
        #expect(master >= 0)
        #expect(grantpt(master) == 0 && unlockpt(master) == 0)
        let name = String(cString: try #require(ptsname(master)))
        let slave = open(name, O_RDWR | O_NOCTTY)
        var size = winsize(ws_row: 30, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(slave, UInt(TIOCSWINSZ), &size)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["run"] + arguments
        var env = ProcessInfo.processInfo.environment
        env["PRST_STORE"] = nil
        env["NO_COLOR"] = nil
        env.merge(environment) { _, new in new }
        process.environment = env
        let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let screen = Screen()
        Thread.detachNewThread {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(master, &buffer, buffer.count)
                if count <= 0 { break }
                screen.append(Data(buffer[0..<count]))
            }
            // Only this thread closes the master (once the slave is closed everywhere), so that
            // its descriptor number cannot be reused by another test while it still reads.
            close(master)
        }
        return Pty(master: master, slave: slave, process: process, screen: screen)
    }

    /// Waits for the process; kills it after the timeout so that a hang fails instead of trapping.
    static func waitForExit(_ process: Process, timeout: TimeInterval = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return false
        }
        return true
    }

    @Test func fullScreenWithRealKeysThenCtrlCRestoresTheTerminal() throws {
        let directory = try Self.workspace()
        let store = directory.appendingPathComponent("reponses.store").path
        let pty = try Self.launchInPty(
            [directory.appendingPathComponent("essai.yaml").path, "--store", store],
            environment: ["TERM": "xterm-256color"])
        defer { close(pty.slave) }
        #expect(pty.screen.wait(for: "Appuyez sur Entrée pour commencer."))
        #expect(pty.screen.text.contains("\u{1B}[?1049h"), "alternate screen")
        let code = Self.resumeCode(in: pty.screen.text)
        #expect(code != nil)
        pty.send("\r")
        #expect(pty.screen.wait(for: "Question 1 / 4"))
        pty.send("\u{1B}[B")  // ↓ to « Non »
        pty.send("\r")
        #expect(pty.screen.wait(for: "3. Combien ?"))
        pty.send("12")
        pty.send("\r")  // above the maximum
        #expect(pty.screen.wait(for: "Le nombre doit être au plus 10."))
        pty.send("\u{7F}\u{7F}3,5\r")
        #expect(pty.screen.wait(for: "4. Quels livrables ?"))
        pty.send(" ")  // Space checks « Guide »
        pty.send("\u{1B}[B ")  // ↓ Space checks « Plaquette »
        #expect(pty.screen.wait(for: "[x] 2. Plaquette"))
        pty.send("3")  // the exclusive « Aucun » unchecks the others
        #expect(pty.screen.wait(for: "[x] 3. Aucun"))
        pty.send("1\r")  // « Guide » again, « Aucun » unchecked
        #expect(pty.screen.wait(for: "5. Remarques ?"))
        pty.send("Très bien é")
        #expect(pty.screen.wait(for: "11 caractères"))
        pty.send("\u{1B}[D\u{7F}")  // ← then Backspace removes the space before « é »
        #expect(pty.screen.wait(for: "> Très biené"))
        #expect(pty.screen.wait(for: "10 caractères"))
        pty.send("\u{03}")  // Ctrl-C
        #expect(Self.waitForExit(pty.process))
        #expect(pty.process.terminationStatus == 3)
        #expect(pty.screen.wait(for: "Code de reprise : \(code ?? "?")"))
        #expect(pty.screen.text.contains("\u{1B}[?1049l"), "alternate screen left")
        var settings = termios()
        #expect(tcgetattr(pty.slave, &settings) == 0)
        #expect(settings.c_lflag & tcflag_t(ICANON) != 0, "canonical mode restored")
        #expect(settings.c_lflag & tcflag_t(ECHO) != 0, "echo restored")

        // Resume in the full screen: the saved answers are kept, it continues at 5.
        let resumed = try Self.launchInPty(
            [directory.appendingPathComponent("essai.yaml").path, "--store", store, "--resume", code ?? ""],
            environment: ["TERM": "xterm-256color"])
        defer { close(resumed.slave) }
        #expect(resumed.screen.wait(for: "Reprise de votre questionnaire"))
        resumed.send("\r")
        #expect(resumed.screen.wait(for: "5. Remarques ?"))
        resumed.send("\u{04}")  // Ctrl-D validates (optional, empty)
        #expect(resumed.screen.wait(for: "Récapitulatif de vos réponses"))
        #expect(resumed.screen.wait(for: "→ 3,5"))
        #expect(resumed.screen.wait(for: "→ Guide"))
        resumed.send("\r")  // on « Envoyer mes réponses »
        #expect(resumed.screen.wait(for: "Confirmer l'envoi ?"))
        resumed.send("o")
        #expect(Self.waitForExit(resumed.process))
        #expect(resumed.process.terminationStatus == 0)
        #expect(resumed.screen.wait(for: "Merci, vos réponses sont enregistrées."))
    }

    @Test func sigtermInFullScreenSavesRestoresAndExitsThree() throws {
        let directory = try Self.workspace()
        let pty = try Self.launchInPty(
            [directory.appendingPathComponent("essai.yaml").path, "--store", directory.appendingPathComponent("s").path],
            environment: ["TERM": "xterm", "NO_COLOR": "1"])
        defer { close(pty.slave) }
        #expect(pty.screen.wait(for: "Appuyez sur Entrée pour commencer."))
        pty.send("\r")
        #expect(pty.screen.wait(for: "Question 1 / 4"))
        #expect(!pty.screen.text.contains("\u{1B}[7m"), "NO_COLOR: no inverse video")
        #expect(pty.screen.text.contains("> 1. Oui"), "the highlighted choice is marked without colour")
        pty.process.terminate()
        guard Self.waitForExit(pty.process) else {
            Issue.record("SIGTERM did not stop prst run")
            kill(pty.process.processIdentifier, SIGKILL)
            pty.process.waitUntilExit()
            return
        }
        #expect(pty.process.terminationStatus == 3)
        #expect(pty.screen.wait(for: "Code de reprise : "))
        var settings = termios()
        #expect(tcgetattr(pty.slave, &settings) == 0)
        #expect(settings.c_lflag & tcflag_t(ICANON) != 0)
    }

    @Test func dumbTerminalFallsBackToPlainMode() throws {
        let directory = try Self.workspace()
        let pty = try Self.launchInPty([directory.appendingPathComponent("essai.yaml").path, "--dry-run"], environment: ["TERM": "dumb"])
        defer { close(pty.slave) }
        #expect(pty.screen.wait(for: "(o = oui, n = non)"))
        #expect(!pty.screen.text.contains("\u{1B}[?1049h"))
        pty.send("\u{04}")  // Ctrl-D at the start of a line: end of input
        #expect(Self.waitForExit(pty.process))
        #expect(pty.process.terminationStatus == 3)
    }

    @Test func sigintInPlainModeKeepsTheValidatedAnswer() throws {
        let directory = try Self.workspace()
        let questionnaire = directory.appendingPathComponent("essai.yaml").path
        let store = directory.appendingPathComponent("s").path
        let pty = try Self.launchInPty([questionnaire, "--store", store, "--plain"], environment: ["TERM": "xterm"])
        defer { close(pty.slave) }
        #expect(pty.screen.wait(for: "(o = oui, n = non)"))
        pty.send("n\r")
        #expect(pty.screen.wait(for: "3. Combien ?"))
        kill(pty.process.processIdentifier, SIGINT)
        #expect(Self.waitForExit(pty.process))
        #expect(pty.process.terminationStatus == 3)
        #expect(pty.screen.wait(for: "Questionnaire interrompu."))
        let code = try #require(Self.resumeCode(in: pty.screen.text))
        let resumed = try Self.run([questionnaire, "--store", store, "--resume", code], stdin: "")
        #expect(resumed.status == 3)
        #expect(resumed.stdout.contains("[Question 2 / 4]\n3. Combien ?"), "resumes after the saved answer")
    }
}
