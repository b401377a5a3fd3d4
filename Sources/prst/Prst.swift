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
          prst run surveys/pilotes.yaml --essai
        """,
        subcommands: [ValidateCommand.self, PreviewCommand.self, RunCommand.self]
    )
}
