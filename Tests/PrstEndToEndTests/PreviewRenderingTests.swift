import Foundation
import SurveyTestSupport
import Testing

/// The committee reads the preview rendered: check it with GitHub's own Markdown renderer.
@Suite("Preview rendered as GitHub-flavoured Markdown")
struct PreviewRenderingTests {
    @Test(arguments: ["pilotes", "contributeurs", "destinataires", "bilan"])
    func previewRendersWithTablesAndHeadings(_ name: String) throws {
        let preview = try PrstBinary.run(["preview", "surveys/\(name).yaml"])
        #expect(preview.status == 0, "\(preview.stderr)")
        let directory = try TemporaryDirectory()
        let markdown = try directory.write("preview.md", preview.stdout)
        let rendered = try Renderers.run("cmark-gfm", ["-e", "table", markdown])
        #expect(rendered.status == 0)
        let html = rendered.stdout
        let sections = preview.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("## ") }.count
        #expect(html.components(separatedBy: "<h2>").count - 1 == sections)
        #expect(sections >= 4)
        if preview.stdout.contains("| --- |") { #expect(html.contains("<table>")) }
        // Nothing the author wrote turns into markup by accident.
        #expect(!html.contains("<em>label</em>"))
    }
}
