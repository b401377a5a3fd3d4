import Foundation
import SurveyCore
import SurveyReports

/// `prst preview`: the questionnaire as the Markdown paper version, with the campaign's theme
/// titles when a campaign in the same folder lists it.
package enum PreviewWorkflow {
    package static func markdown(questionnaire path: String) throws(Refusal) -> String {
        var themeTitles: [String: String] = [:]
        var themes: Set<String>?
        if let campaignPath = DefinitionValidator.campaign(listing: path), let campaign = CampaignLoader.load(campaignPath).campaign {
            themes = campaign.themeIDs
            themeTitles = Dictionary(uniqueKeysWithValues: campaign.themes.map { ($0.id, $0.title) })
        }
        let definition = try DefinitionFiles.questionnaire(path, themes: themes).questionnaire
        return QuestionnairePreview(definition, themeTitles: themeTitles).render()
    }

    /// Writes the preview to `destination`, or to the output when there is none.
    package static func run(questionnaire path: String, destination: String?, output: WorkflowOutput) throws(Refusal) {
        let markdown = try markdown(questionnaire: path)
        guard let destination else { return output.out(markdown) }
        do {
            try markdown.write(toFile: destination, atomically: true, encoding: .utf8)
        } catch {
            throw Refusal(.cannotWritePreview(path: destination))
        }
    }
}
