import ArgumentParser
import SurveyCore
import SurveyStore

/// `--store`, shared by every command that reads or writes the responses.
struct StoreOptions: ParsableArguments {
    @Option(help: "Le fichier de réponses (par défaut : $PRST_STORE, sinon prst.sqlite).")
    var store: String?

    /// `--store`, then `$PRST_STORE`, then `prst.sqlite` in the current directory.
    var path: String { StoreLocation.resolve(store) }
}

/// `--csv`, shared by report and export. Read as text and checked in `validate()`, so that a
/// wrong value is told in French and stays a usage error (exit 64): ArgumentParser words its
/// own refusal of an enum value, or of a transform's error, in English.
struct CSVOptions: ParsableArguments {
    @Option(help: "Format des CSV : rfc4180 (R, Python) ou excel (Excel français : « ; », virgule décimale).")
    var csv = "rfc4180"

    func validate() throws {
        guard Self.style(csv) != nil else {
            throw ValidationError("--csv : « \(csv) » inconnu ; valeurs possibles : rfc4180, excel.")
        }
    }

    /// Checked by `validate()` before any command runs.
    var style: CSVStyle { Self.style(csv) ?? .rfc4180 }

    private static func style(_ text: String) -> CSVStyle? {
        switch text.lowercased() {
        case "rfc4180": .rfc4180
        case "excel": .excel
        default: nil
        }
    }
}
