import Foundation
import SurveyCore

/// Loading the definition a command was given, refused with its located problems when it has
/// errors: the one place where every command loads a campaign or a questionnaire.
package enum DefinitionFiles {
    /// A campaign without errors, with its questionnaires and codebook.
    package struct UsableCampaign: Sendable {
        package var campaign: Campaign
        package var loaded: LoadedCampaign
    }

    /// A questionnaire without errors, and what was loaded (its sources, for the store).
    package struct UsableQuestionnaire: Sendable {
        package var questionnaire: Questionnaire
        package var loaded: LoadedQuestionnaire
    }

    package static func campaign(_ path: String) throws(Refusal) -> UsableCampaign {
        let loaded = CampaignLoader.load(path)
        guard let campaign = loaded.campaign, !loaded.hasErrors else { throw Refusal(.invalidCampaign, diagnostics: loaded.diagnostics) }
        return UsableCampaign(campaign: campaign, loaded: loaded)
    }

    /// `refusal` says what was not done (for instance no invitation code created).
    package static func questionnaire(
        _ path: String, themes: Set<String>? = nil, refusal: CommandProblem? = nil
    ) throws(Refusal) -> UsableQuestionnaire {
        let loaded = QuestionnaireLoader.load(path, themes: themes)
        guard let questionnaire = loaded.questionnaire else {
            throw Refusal(refusal ?? .invalidQuestionnaire(path: path), diagnostics: loaded.diagnostics)
        }
        return UsableQuestionnaire(questionnaire: questionnaire, loaded: loaded)
    }
}
