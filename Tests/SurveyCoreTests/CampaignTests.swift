import SurveyCore
import SurveyTestSupport
import Testing

private func campaignFiles(pilotesScale: String = "accord4", theme: String = "dynamique") -> [String: String] {
    let campaign = """
        format: 1
        id: essai
        title: "Campagne d'essai"
        questionnaires:
          - {population: pilotes, file: pilotes.yaml, target: 17}
          - {population: contributeurs, file: contributeurs.yaml}
        themes:
          - {id: dynamique, title: "Dynamique des groupes"}
        codebook: codebook.yaml
        """
    func questionnaire(_ population: String, scale: String, marked: Bool) -> String {
        """
        format: 1
        id: \(population)
        title: "Enquête \(population)"
        population: \(population)
        include: [lib.yaml]
        scales:
          accord2:
            levels: [{code: 2, label: "Oui"}, {code: 1, label: "Non"}]
        sections:
          - id: groupe
            title: Groupe
            theme: \(theme)
            questions:
              - id: grille
                type: matrix
                scale: \(scale)
                label: "D'accord ?"
                items:
                  - {id: \(marked ? "⟦" : "")objectifs_clairs, label: "Objectifs clairs"}
        """
    }
    return [
        "c/campagne.yaml": campaign,
        "c/lib.yaml": libraryText,
        "c/pilotes.yaml": questionnaire("pilotes", scale: "accord4", marked: false),
        "c/contributeurs.yaml": questionnaire("contributeurs", scale: pilotesScale, marked: pilotesScale != "accord4"),
        "c/codebook.yaml": "format: 1\nthemes:\n  - {id: dynamique, definition: \"x\", patterns: [\"groupe\"]}\n",
    ]
}

@Suite("Campaigns")
struct CampaignTests {
    @Test func validCampaignLoadsEverything() throws {
        let files = campaignFiles().mapValues { MarkedFixture($0).text }
        let loaded = CampaignLoader.load("c/campagne.yaml", source: InMemorySource(texts: files))
        #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
        let campaign = try #require(loaded.campaign)
        #expect(campaign.populations.map(\.population) == ["pilotes", "contributeurs"])
        #expect(campaign.populations.first?.target == 17)
        #expect(campaign.minGroup == 5)
        #expect(loaded.questionnaires.compactMap(\.questionnaire).count == 2)
        #expect(loaded.codebook?.themes.first?.patterns == ["groupe"])
    }

    @Test func sharedItemOnAnotherScaleIsReportedAtTheItem() throws {
        let marked = campaignFiles(pilotesScale: "accord2")
        let fixture = MarkedFixture(marked["c/contributeurs.yaml"]!)
        var files = marked.mapValues { MarkedFixture($0).text }
        files["c/contributeurs.yaml"] = fixture.text
        let loaded = CampaignLoader.load("c/campagne.yaml", source: InMemorySource(texts: files))
        let mark = try #require(fixture.expected.first)
        #expect(
            loaded.diagnostics.contains {
                $0.location == SourceLocation(file: "c/contributeurs.yaml", line: mark.line, column: mark.column)
                    && $0.message.contains("l'item « objectifs_clairs » utilise l'échelle « accord2 »")
            }, "\(loaded.diagnostics)")
    }

    @Test func undeclaredThemeIsAnError() {
        let files = campaignFiles(theme: "dynamiqe").mapValues { MarkedFixture($0).text }
        let loaded = CampaignLoader.load("c/campagne.yaml", source: InMemorySource(texts: files))
        #expect(loaded.diagnostics.contains { $0.message.contains("thème « dynamiqe » non déclaré") && $0.hint == "vouliez-vous dire « dynamique » ?" })
    }

    @Test func questionnaireAloneFindsItsCampaign() throws {
        let directory = try TemporaryDirectory()
        for (name, text) in campaignFiles(theme: "inconnu") {
            try directory.write(Paths.fileName(name), MarkedFixture(text).text)
        }
        let diagnostics = DefinitionValidator.validate([directory.path + "/pilotes.yaml"])
        #expect(diagnostics.contains { $0.message.contains("thème « inconnu » non déclaré") })
        try directory.write("seul.yaml", MarkedFixture(campaignFiles()["c/pilotes.yaml"]!).text.replacingOccurrences(of: "id: pilotes", with: "id: seul"))
        let alone = DefinitionValidator.validate([directory.path + "/seul.yaml"])
        #expect(alone.contains { $0.severity == .warning && $0.message.contains("thèmes ne sont pas vérifiés") })
    }
}
