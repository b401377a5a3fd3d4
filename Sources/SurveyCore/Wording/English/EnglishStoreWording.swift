import Foundation

extension EnglishWording {
    static func wording(for problem: StoreProblem) -> Wording {
        switch problem {
        case .notAStore(let path):
            Wording(
                "\(path.map { "“\($0)”" } ?? "This file") is not a prst response file: name the right file with --store (or PRST_STORE), or a new file name to create one."
            )
        case .cannotOpen(let path):
            Wording("Cannot open \(store(path)): check that the folder exists and that you may write in it.")
        case .readOnly(let path):
            Wording("\(capitalized(store(path))) is read-only: check the rights of the file and its folder, or name another file with --store.")
        case .diskFull(let path):
            Wording("The disk is full: the answer could not be saved in \(store(path)). Free some space and try again.")
        case .busy(let path):
            Wording("\(capitalized(store(path))) has been held by another program for too long: try again in a moment.")
        case .corrupt(let path):
            Wording("\(capitalized(store(path))) is damaged: restore the latest backup and contact the prst team.")
        case .ioError(let path):
            Wording("Input/output error on \(store(path)) (removable disk taken out, network share cut?): check the medium and try again.")
        case .unexpected(let path, let sqliteCode, let details):
            Wording("SQLite error \(sqliteCode) on \(store(path)): try again; if it persists, report it to the prst team.", hint: details)
        case .unexpectedFailure(let path):
            Wording("Unexpected error while accessing \(store(path)): try again; if it persists, report it to the prst team.")
        case .incompatibleChange(let change):
            Wording(change, hint: "responses already exist for this version: raise “version:” (or change the “id”) for a structural change")
        case .untyped(let message):
            Wording(message)
        }
    }

    private static func store(_ path: String?) -> String {
        path.map { "“\($0)”" } ?? "the response store"
    }

    private static func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}
