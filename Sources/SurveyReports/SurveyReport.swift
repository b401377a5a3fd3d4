import Foundation
import SurveyAnalysis
import SurveyCore

/// The committee's report: `synthese.md`, CSV exports and SVG charts, as file name → bytes.
/// Deterministic: the same analysis gives the same bytes.
package struct SurveyReport {
    package var result: AnalysisResult
    package var csv: CSVStyle

    package init(_ result: AnalysisResult, csv: CSVStyle = .rfc4180) {
        self.result = result
        self.csv = csv
    }

    var campaign: Campaign { result.campaign }
    func pop(_ id: String) -> String { campaign.label(ofPopulation: id) }
    func themeTitle(_ id: String?) -> String { id.flatMap { campaign.theme($0)?.title } ?? "Sans thème" }

    /// "x / n" under 30, otherwise a percentage with a decimal comma.
    func share(_ count: Int, _ base: Int) -> String {
        guard base > 0 else { return "–" }
        if base < 30 { return "\(count) / \(base)" }
        return Numbers.comma(100 * Double(count) / Double(base)) + " %"
    }

    func shareWithInterval(_ count: Int, _ base: Int) -> String {
        guard base >= 30, let ci = Statistics.wilson(count, base) else { return share(count, base) }
        return share(count, base) + " [\(Numbers.comma(100 * ci.low))–\(Numbers.comma(100 * ci.high))]"
    }

    package func files() -> [String: String] {
        var files: [String: String] = [:]
        for theme in campaign.themes {
            // Diverging bars need a favourable side: descriptive scales are given as distributions.
            let rows = result.items.filter { $0.theme == theme.id && $0.shown && !$0.descriptive }
            if !rows.isEmpty { files["likert-\(theme.id).svg"] = Charts.likert(title: theme.title, rows: rows, populationLabel: pop) }
        }
        let deliverableFunnels = result.funnels.filter { $0.scope == .deliverable } + result.funnels.filter { $0.scope == .overall }
        if !deliverableFunnels.isEmpty {
            files["diffusion.svg"] = Charts.funnel(title: "Jusqu'où les productions ont-elles circulé ?", funnels: deliverableFunnels)
        }
        files["synthese.md"] = markdown(charts: Set(files.keys))
        files["likert.csv"] = likertCSV()
        files["likert-niveaux.csv"] = levelsCSV()
        files["comparaisons.csv"] = comparisonsCSV()
        files["forces-difficultes.csv"] = mentionsCSV()
        files["diffusion.csv"] = diffusionCSV()
        files["canaux.csv"] = channelsCSV()
        files["verbatims.csv"] = verbatimsCSV()
        files["participation.csv"] = participationCSV()
        files["tri-a-plat.csv"] = flatCSV()
        if let waves = result.waves { files["evolution-vagues.csv"] = evolutionCSV(waves) }
        if let monitoring = result.monitoring { files.merge(MonitoringReport(monitoring, campaign: campaign, csv: csv).files()) { own, _ in own } }
        return files
    }

    /// Writes every file into `directory` (created if needed); `except` names files written elsewhere.
    package func write(to directory: String, except: Set<String> = []) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (name, content) in files().sorted(by: { $0.key < $1.key }) where !except.contains(name) {
            // Per-unit files go in `unites/`.
            if name.contains("/") {
                try FileManager.default.createDirectory(
                    atPath: directory + "/" + (name as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            }
            try Data(content.utf8).write(to: URL(fileURLWithPath: directory + "/" + name))
        }
    }

    // MARK: CSV

    func pct(_ count: Int, _ base: Int) -> String { base > 0 ? csv.number(100 * Double(count) / Double(base)) : "" }

    func likertCSV() -> String {
        let rows: [[String]] = result.items.filter(\.shown).map { item in
            let ci = item.interval
            let classification = item.classification(force: campaign.forceThreshold, difficulty: campaign.difficultyThreshold)
            return [
                item.population, item.theme ?? "", item.item, item.label, "\(item.nValid)", "\(item.nNonSubstantive)", "\(item.nNotAsked)",
                item.descriptive ? "" : "\(item.favourable)", item.descriptive ? "" : pct(item.favourable, item.nValid),
                csv.number(ci.map { 100 * $0.low }), csv.number(ci.map { 100 * $0.high }), csv.compact(item.median), csv.number(item.netScore),
                classification?.rawValue ?? "",
            ]
        }
        return csv.table(
            [
                "population", "theme", "item", "label", "n_valid", "n_non_substantive", "n_not_asked", "favourable", "favourable_pct",
                "ci_low", "ci_high", "median", "net_score", "classification",
            ], rows)
    }

    func levelsCSV() -> String {
        var rows: [[String]] = []
        for item in result.items where item.shown {
            for level in item.levels { rows.append([item.population, item.item, level.code, level.label, "\(level.count)", pct(level.count, item.nValid)]) }
            for level in item.nonSubstantive { rows.append([item.population, item.item, level.code, level.label, "\(level.count)", ""]) }
        }
        return csv.table(["population", "item", "level_code", "level_label", "count", "pct"], rows)
    }

    func comparisonsCSV() -> String {
        csv.table(
            ["item", "populations", "test", "statistic", "p_value", "p_adjusted", "effect_size", "effect_measure"],
            result.comparisons.map {
                [
                    $0.item, $0.populations.joined(separator: "|"), $0.test, csv.number($0.statistic, decimals: 3), csv.number($0.pValue, decimals: 4),
                    csv.number($0.pAdjusted, decimals: 4), csv.number($0.effectSize, decimals: 3), $0.effectMeasure,
                ]
            })
    }

    func mentionsCSV() -> String {
        csv.table(
            ["theme", "population", "polarity", "respondents", "base", "pct"],
            result.mentions.filter(\.shown).map {
                [$0.theme, $0.population, $0.polarity?.rawValue ?? "proposition", "\($0.respondents)", "\($0.base)", pct($0.respondents, $0.base)]
            })
    }

    func diffusionCSV() -> String {
        var rows: [[String]] = []
        // Every scope: one row per production, per type (`type:`) and for all of them (`ensemble`).
        for funnel in result.funnels {
            let name: String
            switch funnel.scope {
            case .deliverable: name = funnel.key
            case .type: name = "type:" + funnel.key
            case .overall: name = "ensemble"
            }
            for step in funnel.steps where step.shown {
                let ci = step.interval
                rows.append([
                    name, funnel.type, step.kind.rawValue, "\(step.count)", "\(step.baseAll)", pct(step.count, step.baseAll), "\(step.basePrevious)",
                    pct(step.count, step.basePrevious), csv.number(ci.map { 100 * $0.low }), csv.number(ci.map { 100 * $0.high }),
                ])
                // Usefulness after use: favourable answers among the users who rated it (« Ne sait pas » out).
                if step.kind == .used, let useful = funnel.usefulness, useful.shown, let base = funnel.step(.aware)?.baseAll {
                    let interval = Statistics.wilson(useful.favourable, base)
                    rows.append([
                        name, funnel.type, "useful", "\(useful.favourable)", "\(base)", pct(useful.favourable, base), "\(useful.nValid)",
                        pct(useful.favourable, useful.nValid), csv.number(interval.map { 100 * $0.low }), csv.number(interval.map { 100 * $0.high }),
                    ])
                }
            }
        }
        return csv.table(["deliverable", "type", "step", "count", "base_all", "pct_all", "base_previous", "pct_previous", "ci_low", "ci_high"], rows)
    }

    func channelsCSV() -> String {
        csv.table(
            ["deliverable", "channel", "label", "count", "base", "pct"],
            result.channels.filter(\.shown).map {
                [$0.deliverable, $0.channel, $0.channelLabel, "\($0.count)", "\($0.base)", pct($0.count, $0.base)]
            })
    }

    /// No session id: it would link every answer of one person together (and it is the
    /// respondent's receipt). Manual coding refers to answers by the session ids of the export.
    static let verbatimHeader = ["population", "question", "repetition", "polarity", "themes", "manual", "text"]
    static func verbatimFields(_ v: Verbatim) -> [String] {
        [v.population, v.question, v.repetition ?? "", v.polarity?.rawValue ?? "", v.themes.joined(separator: "|"), v.manual ? "1" : "0", v.text]
    }

    func verbatimsCSV() -> String {
        csv.table(Self.verbatimHeader, result.verbatims.map(Self.verbatimFields))
    }

    /// verbatims.csv written while the analysis streams: `add` rows (kept in one spool file per
    /// population and question), then `finish` with the questions whose answers are published.
    /// Within a question rows are sorted by `Verbatim.publicationOrder`, as in `verbatimsCSV`,
    /// with bounded memory: a part larger than `bucketBytes` is first split by ranges of the sort
    /// key into buckets of about that size, each sorted on its own.
    package final class VerbatimSpool {
        let directory: String
        let style: CSVStyle
        let bucketBytes: Int
        var handles: [TextKey: FileHandle] = [:]
        var buffers: [TextKey: Data] = [:]
        var parts: [TextKey: String] = [:]

        package init(directory: String, style: CSVStyle, bucketBytes: Int = 4 << 20) throws {
            self.directory = directory
            self.style = style
            self.bucketBytes = max(1, bucketBytes)
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }

        package func add(_ verbatim: Verbatim) {
            let key = TextKey(population: verbatim.population, question: verbatim.question)
            if handles[key] == nil {
                let path = directory + "/.verbatims-\(parts.count).part"
                FileManager.default.createFile(atPath: path, contents: nil)
                handles[key] = FileHandle(forWritingAtPath: path)
                parts[key] = path
            }
            Self.append(order: verbatim.publicationOrder, row: Data(style.row(SurveyReport.verbatimFields(verbatim)).utf8), to: &buffers[key, default: Data()])
            if (buffers[key]?.count ?? 0) > 1 << 18 { flush(key) }  // one buffer per open question: kept small
        }

        func flush(_ key: TextKey) {
            if let data = buffers[key], !data.isEmpty { handles[key]?.write(data) }
            buffers[key] = Data()
        }

        /// A spooled record: the sort key and the row's length (8 and 4 bytes, little-endian), then the row.
        static func append(order: UInt64, row: Data, to data: inout Data) {
            withUnsafeBytes(of: order.littleEndian) { data.append(contentsOf: $0) }
            withUnsafeBytes(of: UInt32(row.count).littleEndian) { data.append(contentsOf: $0) }
            data.append(row)
        }

        /// Reads the records of a spool file in 1 MiB slices.
        static func forEachRecord(in path: String, _ body: (UInt64, Data) -> Void) {
            guard let handle = FileHandle(forReadingAtPath: path) else { return }
            defer { try? handle.close() }
            var pending = Data()
            while let slice = try? handle.read(upToCount: 1 << 20), !slice.isEmpty {
                pending.append(slice)
                var offset = pending.startIndex
                while pending.endIndex - offset >= 12 {
                    var order: UInt64 = 0, length: UInt32 = 0
                    withUnsafeMutableBytes(of: &order) { $0.copyBytes(from: pending[offset..<offset + 8]) }
                    withUnsafeMutableBytes(of: &length) { $0.copyBytes(from: pending[offset + 8..<offset + 12]) }
                    let end = offset + 12 + Int(UInt32(littleEndian: length))
                    guard end <= pending.endIndex else { break }
                    body(UInt64(littleEndian: order), pending[offset + 12..<end])
                    offset = end
                }
                pending = Data(pending[offset...])
            }
        }

        /// Writes the rows of one spool file sorted by their key (the file fits in memory).
        static func writeSorted(_ path: String, to out: FileHandle?) {
            var records: [(UInt64, Data)] = []
            forEachRecord(in: path) { records.append(($0, Data($1))) }  // a copy: a slice would keep its whole read buffer
            records.sort { $0.0 < $1.0 }
            var chunk = Data()
            for (_, row) in records {
                chunk.append(row)
                if chunk.count > 1 << 20 { out?.write(chunk); chunk = Data() }
            }
            if !chunk.isEmpty { out?.write(chunk) }
        }

        /// Writes verbatims.csv with the answers of `published` (`AnalysisResult.publishedTexts`),
        /// in that order: the answers of questions under the threshold are dropped.
        package func finish(published: [TextKey]) throws {
            for key in handles.keys { flush(key); try? handles[key]?.close() }
            let target = directory + "/verbatims.csv"
            FileManager.default.createFile(atPath: target, contents: Data(style.table(SurveyReport.verbatimHeader, []).utf8))
            let out = FileHandle(forWritingAtPath: target)
            out?.seekToEndOfFile()
            for key in published {
                guard let path = parts[key] else { continue }
                let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
                let buckets = max(1, (size + bucketBytes - 1) / bucketBytes)
                if buckets == 1 {
                    Self.writeSorted(path, to: out)
                    continue
                }
                // Bucket b holds the keys of the b-th of `buckets` equal ranges: buckets in
                // order, each sorted, give the part sorted.
                let bucketPaths = (0..<buckets).map { path + ".\($0)" }
                var bucketData = Array(repeating: Data(), count: buckets)
                for bucketPath in bucketPaths { FileManager.default.createFile(atPath: bucketPath, contents: nil) }
                let bucketHandles = bucketPaths.map { FileHandle(forWritingAtPath: $0) }
                Self.forEachRecord(in: path) { order, row in
                    let bucket = Int(order.multipliedFullWidth(by: UInt64(buckets)).high)
                    Self.append(order: order, row: row, to: &bucketData[bucket])
                    if bucketData[bucket].count > 1 << 16 {
                        bucketHandles[bucket]?.write(bucketData[bucket])
                        bucketData[bucket] = Data()
                    }
                }
                for bucket in 0..<buckets {
                    if !bucketData[bucket].isEmpty { bucketHandles[bucket]?.write(bucketData[bucket]) }
                    try? bucketHandles[bucket]?.close()
                }
                for bucketPath in bucketPaths {
                    Self.writeSorted(bucketPath, to: out)
                    try? FileManager.default.removeItem(atPath: bucketPath)
                }
            }
            try? out?.close()
            for path in parts.values { try? FileManager.default.removeItem(atPath: path) }
        }
    }

    func participationCSV() -> String {
        csv.table(
            ["population", "label", "target", "started", "completed", "response_rate_pct"],
            result.participation.map {
                [$0.population, $0.label, $0.target.map(String.init) ?? "", "\($0.started)", "\($0.completed)", csv.number($0.responseRate.map { 100 * $0 })]
            })
    }

    func flatCSV() -> String {
        var rows: [[String]] = []
        for f in result.frequencies where f.shown {
            // The theme tables' base: « Ne sait pas » counted, out of the percentages.
            let base = f.base
            if f.rows.isEmpty {
                if let s = f.numberSummary {
                    rows.append([f.population, f.variable, f.number, f.label, "n", "", "\(s.n)", ""])
                    rows.append([f.population, f.variable, f.number, f.label, "min", "", csv.compact(s.min), ""])
                    rows.append([f.population, f.variable, f.number, f.label, "median", "", csv.compact(s.median), ""])
                    rows.append([f.population, f.variable, f.number, f.label, "mean", "", csv.number(s.mean), ""])
                    rows.append([f.population, f.variable, f.number, f.label, "max", "", csv.compact(s.max), ""])
                } else {
                    rows.append([f.population, f.variable, f.number, f.label, "answered", "", "\(f.given)", ""])
                }
            }
            for row in f.rows {
                let share = f.outOfBase.contains(row.code) ? "" : pct(row.count, base)
                rows.append([f.population, f.variable, f.number, f.label, row.code, row.label, "\(row.count)", share])
            }
            rows.append([f.population, f.variable, f.number, f.label, "skipped", "", "\(f.skipped)", ""])
            rows.append([f.population, f.variable, f.number, f.label, "not_asked", "", "\(f.notAsked)", ""])
        }
        return csv.table(["population", "variable", "number", "label", "code", "code_label", "count", "pct"], rows)
    }
}
