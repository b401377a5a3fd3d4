import Foundation
import Testing

@testable import SurveyExchange

@Suite("CSV reading as spreadsheets write it")
struct CSVReaderTests {
    func records(_ text: String) throws -> [[String]] {
        var reader = try CSVReader(data: Data(text.utf8))
        var rows: [[String]] = []
        while let record = try reader.next() { rows.append(record.fields) }
        return rows
    }

    @Test func detectsTheSeparatorFromTheHeader() throws {
        #expect(try CSVReader(data: Data("a,b,c\n1,2,3\n".utf8)).separatorName == ",")
        #expect(try CSVReader(data: Data("a;b;c\r\n1;2,5;3\r\n".utf8)).separatorName == ";")
        #expect(try CSVReader(data: Data("a\tb\n".utf8)).separatorName == "tab")
        // A comma inside a quoted header name does not count.
        #expect(try CSVReader(data: Data("\"a,b\";c;d\n".utf8)).separatorName == ";")
        #expect(try records("a;b;c\r\n1;2,5;3\r\n") == [["a", "b", "c"], ["1", "2,5", "3"]])
    }

    @Test func quotedFieldsKeepSeparatorsQuotesAndLineBreaks() throws {
        let rows = try records("id,texte\n1,\"un, deux\"\n2,\"il a dit \"\"oui\"\"\"\n3,\"ligne 1\r\nligne 2\"\n4,\n")
        #expect(rows == [["id", "texte"], ["1", "un, deux"], ["2", "il a dit \"oui\""], ["3", "ligne 1\r\nligne 2"], ["4", ""]])
    }

    @Test func rowsAreNumberedAsASpreadsheetShowsThem() throws {
        var reader = try CSVReader(data: Data("a,b\n1,\"x\ny\"\n\n2,z".utf8))
        var seen: [(Int, Int)] = []
        while let record = try reader.next() { seen.append((record.row, record.line)) }
        #expect(seen.map(\.0) == [1, 2, 3])
        #expect(seen.map(\.1) == [1, 2, 5])
    }

    @Test func byteOrderMarkIsDropped() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(contentsOf: Array("é;b\n".utf8))
        var reader = try CSVReader(data: data)
        #expect(reader.hadByteOrderMark)
        #expect(try reader.next()?.fields == ["é", "b"])
    }

    @Test func problemsAreLocated() throws {
        #expect(throws: CSVProblem.empty) { try CSVReader(data: Data("\n\n".utf8)) }
        #expect(throws: CSVProblem.notUTF8(line: 2, byte: 0xE9)) { try CSVReader(data: Data([0x61, 0x0A, 0x63, 0x61, 0x66, 0xE9])) }
        #expect(throws: CSVProblem.notUTF8(line: 1, byte: 0xC0)) { try CSVReader(data: Data([0xC0, 0xAF])) }  // overlong
        #expect(throws: CSVProblem.unclosedQuote(row: 2, line: 2)) { try records("a,b\n1,\"jamais fermé\n3,4\n") }
        #expect(throws: CSVProblem.strayQuote(row: 2, line: 2, column: 2)) { try records("a,b\n1,ab\"c\n") }
        #expect(throws: CSVProblem.strayQuote(row: 2, line: 2, column: 2)) { try records("a,b\n1,\"ab\"c\n") }
    }
}
