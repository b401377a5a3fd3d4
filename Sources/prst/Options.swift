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

extension CSVStyle: ExpressibleByArgument {
    package static var allValueStrings: [String] { ["rfc4180", "excel"] }
}
