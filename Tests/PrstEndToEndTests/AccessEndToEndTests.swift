import Foundation
import SurveyTestSupport
import Testing

/// prst invite, purge, backup and merge, run as a person would: exit codes and French messages.
@Suite("Invitations, effacement, sauvegardes, fusion, end to end")
struct AccessEndToEndTests {
    /// The pilots' questionnaire switched to `access: token`, with its include.
    static func tokenQuestionnaire(in directory: TemporaryDirectory) throws -> String {
        let root = packageRoot() + "/surveys/"
        let main = try String(contentsOfFile: root + "pilotes.yaml", encoding: .utf8).replacingOccurrences(of: "access: open", with: "access: token")
        try directory.write("referentiels.yaml", try String(contentsOfFile: root + "referentiels.yaml", encoding: .utf8))
        return try directory.write("pilotes.yaml", main)
    }

    static func simulatedStore(_ path: String, seed: Int = 2020) throws {
        let result = try PrstBinary.run(["simulate", "surveys/campagne.yaml", "--seed", "\(seed)", "--store", path])
        #expect(result.status == 0, "\(result.stderr)")
    }

    static func permissions(_ path: String) -> Int? {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? NSNumber)?.intValue
    }

    // MARK: - invite

    @Test func inviteWritesAPrivateCSVAndListsWithoutFullTokens() throws {
        let directory = try TemporaryDirectory()
        let questionnaire = try Self.tokenQuestionnaire(in: directory)
        let store = directory.path + "/prst.sqlite"
        let csv = directory.path + "/invitations.csv"
        let created = try PrstBinary.run(["invite", questionnaire, "--count", "5", "--store", store, "--out", csv])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("5 codes d'invitation pour « pilotes » version 1"))
        #expect(Self.permissions(csv) == 0o600)
        let lines = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.first == "token,questionnaire,version")
        #expect(lines.count == 6)
        let tokens = lines.dropFirst().map { String($0.split(separator: ",")[0]) }
        for line in lines.dropFirst() {
            #expect(line.wholeMatch(of: /[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4},pilotes,1/) != nil, "\(line)")
        }

        let list = try PrstBinary.run(["invite", "--list", "--store", store])
        #expect(list.status == 0)
        #expect(list.stdout.contains("5 non utilisés"))
        for token in tokens {
            #expect(list.stdout.contains(String(token.prefix(4)) + "-…"))
            #expect(!list.stdout.contains(token))
        }

        // Revoking, typed in lowercase with spaces.
        let typed = tokens[0].lowercased().replacingOccurrences(of: "-", with: " ")
        let revoke = try PrstBinary.run(["invite", "--revoke", typed, "--store", store])
        #expect(revoke.status == 0, "\(revoke.stderr)")
        #expect(revoke.stdout.contains("Code annulé"))
        let again = try PrstBinary.run(["invite", "--list", "--store", store])
        #expect(again.stdout.contains("4 non utilisés, 1 révoqué"))

        // Never over an existing CSV: the earlier codes stay, nothing is created.
        let twice = try PrstBinary.run(["invite", questionnaire, "--count", "5", "--store", store, "--out", csv])
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("existe déjà"))
        #expect(try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").count == 6)
        #expect(try PrstBinary.run(["invite", "--list", "--store", store]).stdout.contains("Total : 5 codes"))
    }

    @Test func inviteBadInputIsToldAndChangesNothing() throws {
        let directory = try TemporaryDirectory()
        let questionnaire = try Self.tokenQuestionnaire(in: directory)
        let store = directory.path + "/prst.sqlite"
        _ = try PrstBinary.run(["invite", questionnaire, "--count", "2", "--store", store, "--out", directory.path + "/a.csv"])

        let open = try PrstBinary.run(["invite", "surveys/pilotes.yaml", "--count", "2", "--store", store, "--out", directory.path + "/b.csv"])
        #expect(open.status == 1)
        #expect(open.stderr.contains("accès libre"))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/b.csv"))

        // Usage errors (checked before anything is read): exit status 64.
        let noCount = try PrstBinary.run(["invite", questionnaire, "--store", store])
        #expect(noCount.status == 64)
        #expect(noCount.stderr.contains("--count"))
        let zero = try PrstBinary.run(["invite", questionnaire, "--count", "0", "--store", store])
        #expect(zero.status == 64)
        #expect(zero.stderr.contains("entre 1 et"))

        let unknown = try PrstBinary.run(["invite", "--revoke", "2345-6789-ABCD-EFGH", "--store", store])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("inconnu"))
        let lookAlike = try PrstBinary.run(["invite", "--revoke", "O000-1111-ABCD-EFGH", "--store", store])
        #expect(lookAlike.status == 1)
        #expect(lookAlike.stderr.contains("ni 0, ni O"))
        let nothing = try PrstBinary.run(["invite", "--store", store])
        #expect(nothing.status == 64)
        #expect(nothing.stderr.contains("Indiquez quoi faire"))
        let both = try PrstBinary.run(["invite", "--list", "--revoke", "2345-6789-ABCD-EFGH", "--store", store])
        #expect(both.status == 64)
        #expect(both.stderr.contains("Une seule action"))
        let missing = try PrstBinary.run(["invite", "--list", "--store", directory.path + "/absent.sqlite"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("n'existe pas"))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/absent.sqlite"))

        #expect(try PrstBinary.run(["invite", "--list", "--store", store]).stdout.contains("Total : 2 codes (2 non utilisés)"))
    }

    @Test func aStoreReadableByOthersIsWarnedAbout() throws {
        let directory = try TemporaryDirectory()
        let store = directory.path + "/prst.sqlite"
        try Self.simulatedStore(store)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: store)
        let result = try PrstBinary.run(["invite", "--list", "--store", store])
        #expect(result.status == 0)
        #expect(result.stderr.contains("par d'autres utilisateurs que vous"))
        #expect(result.stderr.contains("chmod 600"))
    }

    // MARK: - purge

    @Test func purgeShowsThenNeedsYes() throws {
        let directory = try TemporaryDirectory()
        let store = directory.path + "/prst.sqlite"
        try Self.simulatedStore(store)
        let before = try PrstBinary.run(["status", "--store", store]).stdout

        let dry = try PrstBinary.run(["purge", "--session", "sim-pilotes-00001", "--store", store])
        #expect(dry.status == 1)
        #expect(dry.stdout.contains("À effacer : 1 session (1 terminée)"))
        #expect(dry.stdout.contains("sim-pilotes-00001"))
        #expect(dry.stderr.contains("ajoutant --yes"))
        #expect(try PrstBinary.run(["status", "--store", store]).stdout == before)

        let done = try PrstBinary.run(["purge", "--session", "sim-pilotes-00001", "--store", store, "--yes"])
        #expect(done.status == 0, "\(done.stderr)")
        #expect(done.stdout.contains("Effacé : 1 session"))
        #expect(try PrstBinary.run(["status", "--store", store]).stdout != before)

        let gone = try PrstBinary.run(["purge", "--session", "sim-pilotes-00001", "--store", store, "--yes"])
        #expect(gone.status == 1)
        #expect(gone.stderr.contains("Aucune session « sim-pilotes-00001 »"))
    }

    @Test func purgeOfUnfinishedSessions() throws {
        let directory = try TemporaryDirectory()
        let store = directory.path + "/prst.sqlite"
        try Self.simulatedStore(store)
        let dry = try PrstBinary.run(["purge", "--incomplete", "--older-than", "1h", "--store", store])
        #expect(dry.status == 1)
        #expect(dry.stdout.contains("non terminées"))
        let done = try PrstBinary.run(["purge", "--incomplete", "--older-than", "1h", "--store", store, "--yes"])
        #expect(done.status == 0, "\(done.stderr)")
        let status = try PrstBinary.run(["status", "--store", store]).stdout
        // No session in progress left: every "En cours" cell is 0.
        for line in status.split(separator: "\n").dropFirst(2) {
            let cells = line.split(separator: " ", omittingEmptySubsequences: true)
            #expect(cells.count >= 6 && cells[4] == "0", "\(line)")
        }
        let none = try PrstBinary.run(["purge", "--incomplete", "--older-than", "2w", "--store", store, "--yes"])
        #expect(none.status == 0)
        #expect(none.stdout.contains("rien à effacer"))
    }

    @Test func purgeBadInput() throws {
        let directory = try TemporaryDirectory()
        let store = directory.path + "/prst.sqlite"
        try Self.simulatedStore(store)
        for (arguments, message, status) in [
            (["purge", "--store", store], "Indiquez quoi effacer", 64),
            (["purge", "--incomplete", "--store", store], "--older-than", 64),
            (["purge", "--incomplete", "--older-than", "30 jours", "--store", store], "non comprise", 64),
            (["purge", "--incomplete", "--older-than", "30d", "--session", "X", "--store", store], "pas les deux", 64),
            (["purge", "--session", "X", "--older-than", "30d", "--store", store], "ne s'emploie qu'avec --incomplete", 64),
            (["purge", "--session", "ZZZZ2222", "--store", store, "--yes"], "Rien n'a été supprimé", 1),
            (["purge", "--session", "ZZZZ2222", "--store", directory.path + "/absent.sqlite"], "n'existe pas", 1),
        ] as [([String], String, Int32)] {
            let result = try PrstBinary.run(arguments)
            #expect(result.status == status, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }

    // MARK: - backup

    @Test func backupWhileAnotherProcessWrites() throws {
        let directory = try TemporaryDirectory()
        let store = directory.path + "/prst.sqlite"
        try Self.simulatedStore(store)
        // Another process keeps saving answers one by one while copies are taken.
        let bench = try directory.write(
            "bench.yaml",
            """
            format: 1
            id: bench
            version: 1
            title: "Banc d'essai"
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
            """)
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: PrstBinary.benchPath)
        writer.arguments = ["--saves", "1500", "--child-store", store, "--child-definition", bench]
        writer.currentDirectoryURL = URL(fileURLWithPath: packageRoot())
        writer.standardOutput = FileHandle.nullDevice
        writer.standardError = FileHandle.nullDevice
        try writer.run()
        var copies: [String] = []
        for index in 0..<3 {
            let copy = directory.path + "/copie\(index).sqlite"
            let result = try PrstBinary.run(["backup", "--store", store, "--out", copy])
            #expect(result.status == 0, "\(result.stderr)")
            copies.append(copy)
        }
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0)
        for copy in copies {
            #expect(Self.permissions(copy) == 0o600)
            let status = try PrstBinary.run(["status", "--store", copy])
            #expect(status.status == 0, "\(status.stderr)")
            #expect(status.stdout.contains("pilotes"))
        }
    }

    @Test func backupBadInput() throws {
        let directory = try TemporaryDirectory()
        let store = directory.path + "/prst.sqlite"
        try Self.simulatedStore(store)
        let existing = try directory.write("existant.sqlite", "ne pas écraser")
        let refused = try PrstBinary.run(["backup", "--store", store, "--out", existing])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("--force"))
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "ne pas écraser")
        let forced = try PrstBinary.run(["backup", "--store", store, "--out", existing, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")

        let text = try directory.write("notes.txt", "Réunion du comité\n")
        let notAStore = try PrstBinary.run(["backup", "--store", text, "--out", directory.path + "/copie.sqlite"])
        #expect(notAStore.status == 1)
        #expect(notAStore.stderr.contains("n'est pas un fichier de réponses prst"))
        #expect(try String(contentsOfFile: text, encoding: .utf8) == "Réunion du comité\n")
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/copie.sqlite"))
        let noOut = try PrstBinary.run(["backup", "--store", store])
        #expect(noOut.status == 64)
        #expect(noOut.stderr.contains("--out"))
    }

    // MARK: - merge

    @Test func mergingTwiceAddsNothing() throws {
        let directory = try TemporaryDirectory()
        let first = directory.path + "/poste1.sqlite"
        let second = directory.path + "/poste2.sqlite"
        try Self.simulatedStore(first, seed: 1)
        try Self.simulatedStore(second, seed: 2)
        let target = directory.path + "/campagne.sqlite"
        let merged = try PrstBinary.run(["merge", "--into", target, first])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout.contains("sessions ajoutées"))
        let status = try PrstBinary.run(["status", "--store", target]).stdout
        let again = try PrstBinary.run(["merge", "--into", target, first])
        #expect(again.status == 0)
        #expect(again.stdout.contains("0 session ajoutée"))
        #expect(again.stdout.contains("déjà présentes (ignorées)"))
        #expect(try PrstBinary.run(["status", "--store", target]).stdout == status)

        // Simulated ids restart at 00001 for every seed: same ids, other answers: refused as a whole.
        let conflict = try PrstBinary.run(["merge", "--into", target, second])
        #expect(conflict.status == 1)
        #expect(conflict.stderr.contains("contenu différent"))
        #expect(conflict.stderr.contains("Rien n'a été fusionné"))
        #expect(try PrstBinary.run(["status", "--store", target]).stdout == status)
    }

    @Test func mergeBadInput() throws {
        let directory = try TemporaryDirectory()
        let source = directory.path + "/poste1.sqlite"
        try Self.simulatedStore(source)
        let target = directory.path + "/campagne.sqlite"
        let text = try directory.write("notes.txt", "Réunion du comité\n")
        let notAStore = try PrstBinary.run(["merge", "--into", target, source, text])
        #expect(notAStore.status == 1)
        #expect(notAStore.stderr.contains("n'est pas un fichier de réponses prst"))
        #expect(!FileManager.default.fileExists(atPath: target))
        let missing = try PrstBinary.run(["merge", "--into", target, directory.path + "/absent.sqlite"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("n'existe pas"))
        let noInto = try PrstBinary.run(["merge", source])
        #expect(noInto.status == 64)
        #expect(noInto.stderr.contains("--into"))
        let itself = try PrstBinary.run(["merge", "--into", source, source])
        #expect(itself.status == 1)
        #expect(itself.stderr.contains("destination lui-même"))
    }
}
