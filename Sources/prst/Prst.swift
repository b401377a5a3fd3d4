import ArgumentParser

@main
struct Prst: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prst",
        abstract: "Évaluer un Plan régional santé au travail : questionnaires, passation, rapports.",
        discussion: """
            Exemples :
              prst validate surveys
              prst preview surveys/pilotes.yaml > pilotes.md
              prst run surveys/pilotes.yaml --dry-run
              prst run surveys/pilotes.yaml --store prst.sqlite
              prst status --store prst.sqlite
              prst simulate surveys/campagne.yaml --seed 2020 --store essai.sqlite
              prst report surveys/campagne.yaml --store essai.sqlite
              prst invite surveys/pilotes.yaml --count 40 --out invitations-pilotes.csv
              prst backup --store prst.sqlite --out sauvegarde.sqlite
              prst export surveys/campagne.yaml --store prst.sqlite --out export --csv excel
              prst import surveys/pilotes.yaml saisie-papier.csv --store prst.sqlite
            """,
        subcommands: [
            ValidateCommand.self, PreviewCommand.self, RunCommand.self, StatusCommand.self,
            SimulateCommand.self, ReportCommand.self,
            InviteCommand.self, PurgeCommand.self, BackupCommand.self, MergeCommand.self,
            ExportCommand.self, ImportCommand.self,
        ]
    )
}
