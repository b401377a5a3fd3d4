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
          prst simulate surveys/campagne.yaml --seed 2020 --out reponses.tsv
          prst report surveys/campagne.yaml --store reponses.tsv --csv excel
        """,
        subcommands: [ValidateCommand.self, PreviewCommand.self, SimulateCommand.self, ReportCommand.self]
    )
}
