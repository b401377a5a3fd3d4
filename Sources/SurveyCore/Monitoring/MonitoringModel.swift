import Foundation

// Plan monitoring (docs/monitoring.md): questionnaires answered once per unit (a fiche-action,
// an SPSTI, a commission) and per period, sections repeated as often as the respondent needs,
// and number indicators with a unit, a provider and "dont" sub-counts.

/// One unit a questionnaire reports on. Units are named, not people: they may appear in reports.
package struct ReportingUnit: Sendable, Hashable {
    package var code: String
    package var label: String
    /// An optional grouping shown in reports: the plan's axis, a département.
    package var group: String?
    package var location: SourceLocation

    package init(code: String, label: String, group: String? = nil, location: SourceLocation) {
        self.code = code
        self.label = label
        self.group = group
        self.location = location
    }
}

/// A units referential (`units:` in a référentiel): the flat list of units expected to report.
package struct UnitReferential: Sendable, Hashable {
    package var id: String
    /// The word messages use for one unit: « fiche-action », « SPSTI », « commission ».
    package var kind: String
    package var label: String?
    package var units: [ReportingUnit]
    package var location: SourceLocation

    package init(id: String, kind: String, label: String? = nil, units: [ReportingUnit], location: SourceLocation) {
        self.id = id
        self.kind = kind
        self.label = label
        self.units = units
        self.location = location
    }

    package func unit(_ code: String) -> ReportingUnit? { units.first { $0.code == code } }
}

/// A reporting period: a year (`2019`) or a named wave (`PRST3`).
package struct ReportingPeriod: Sendable, Hashable {
    /// What the store, the command line and the reports use: `2019`, `PRST3`.
    package var code: String
    /// Set for a yearly period.
    package var year: Int?

    package init(code: String, year: Int? = nil) {
        self.code = code
        self.year = year
    }

    package static func year(_ year: Int) -> ReportingPeriod { ReportingPeriod(code: String(year), year: year) }
}

/// A questionnaire's `reporting:` block: it is filled once per unit of `unitsID` and per period.
package struct Reporting: Sendable, Hashable {
    package var unitsID: String
    package var periods: [ReportingPeriod]
    package var location: SourceLocation

    package init(unitsID: String, periods: [ReportingPeriod], location: SourceLocation) {
        self.unitsID = unitsID
        self.periods = periods
        self.location = location
    }
}

/// A section's `repeat:` block: the respondent fills the section once, then says whether to add
/// another, up to `max`; the first `min` repetitions are not optional.
package struct OpenRepeat: Sendable, Hashable {
    package var min: Int
    package var max: Int
    /// The word for one repetition, in lowercase: « livrable ».
    package var item: String
    /// The question asked after each repetition: « Ajouter un livrable ? ».
    package var add: String

    package init(min: Int, max: Int, item: String, add: String) {
        self.min = min
        self.max = max
        self.item = item
        self.add = add
    }
}

package extension Section {
    /// Asked several times: once per selected choice (`foreach`) or as often as needed (`repeat`).
    var isRepeated: Bool { foreach != nil || openRepeat != nil }
}

package extension Questionnaire {
    /// The units referential the questionnaire reports on, when it has a `reporting:` block.
    var reportingUnits: UnitReferential? { reporting.flatMap { units[$0.unitsID] } }

    /// The number questions declared `part_of` the given one, in order.
    func parts(of totalID: String) -> [Question] {
        questionsWithSections.map(\.question).filter { $0.partOf == totalID }
    }
}
