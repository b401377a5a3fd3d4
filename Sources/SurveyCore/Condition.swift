import Foundation

/// A `when:` or `constraint:` expression, parsed once at load time.
package struct Condition: Sendable, Hashable, CustomStringConvertible {
    package var source: String
    package var expression: ConditionExpression
    /// Where the expression's text starts in the YAML file.
    package var location: SourceLocation

    package var description: String { source }

    package init(source: String, location: SourceLocation) throws(ConditionSyntaxError) {
        self.source = source
        self.location = location
        var parser = ConditionParser(source)
        self.expression = try parser.parse()
    }
}

package enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
}

package enum ConditionFunction: String, Sendable, Hashable, CaseIterable {
    case selected, count, answered
}

package indirect enum ConditionExpression: Sendable, Hashable {
    case string(String)
    case number(Double)
    /// A question id, with its offset in the source for diagnostics.
    case variable(String, offset: Int)
    /// `.` in a constraint: the answer being checked.
    case current
    case comparison(ComparisonOperator, ConditionExpression, ConditionExpression)
    case and(ConditionExpression, ConditionExpression)
    case or(ConditionExpression, ConditionExpression)
    case not(ConditionExpression)
    case inList(ConditionExpression, [ConditionExpression])
    case call(ConditionFunction, [ConditionExpression], offset: Int)

    /// Every question id the expression reads, with its offset.
    package var variables: [(id: String, offset: Int)] {
        switch self {
        case .string, .number, .current: return []
        case .variable(let id, let offset): return [(id, offset)]
        case .comparison(_, let lhs, let rhs), .and(let lhs, let rhs), .or(let lhs, let rhs):
            return lhs.variables + rhs.variables
        case .not(let inner): return inner.variables
        case .inList(let lhs, let list): return lhs.variables + list.flatMap(\.variables)
        case .call(_, let arguments, _): return arguments.flatMap(\.variables)
        }
    }
}

package struct ConditionSyntaxError: Error, Sendable, Hashable {
    package var problem: ConditionSyntaxProblem
    /// Character offset in the expression's source.
    package var offset: Int

    package init(_ problem: ConditionSyntaxProblem, offset: Int) {
        self.problem = problem
        self.offset = offset
    }

    /// In French, the default language.
    package var message: String { FrenchWording.text(of: problem) }
}

// MARK: - Values and evaluation

/// What a question's answer looks like to a condition.
package enum ConditionValue: Sendable, Hashable {
    /// Not asked, skipped or not yet answered: every comparison with it is false.
    case missing
    case string(String)
    case number(Double)
    case set([String])

    var asNumber: Double? {
        switch self {
        case .number(let value): return value
        case .string(let text): return Double(text)
        default: return nil
        }
    }
}

package extension ConditionExpression {
    /// Evaluates to true or false; `lookup` gives the current value of a question id, `current`
    /// the answer being checked by a constraint.
    func isTrue(lookup: (String) -> ConditionValue, current: ConditionValue = .missing) -> Bool {
        switch evaluate(lookup: lookup, current: current) {
        case .number(let value): return value != 0
        case .string(let text): return !text.isEmpty
        case .set(let codes): return !codes.isEmpty
        case .missing: return false
        }
    }

    private func evaluate(lookup: (String) -> ConditionValue, current: ConditionValue) -> ConditionValue {
        func bool(_ value: Bool) -> ConditionValue { .number(value ? 1 : 0) }
        switch self {
        case .string(let text): return .string(text)
        case .number(let value): return .number(value)
        case .variable(let id, _): return lookup(id)
        case .current: return current
        case .not(let inner): return bool(!inner.isTrue(lookup: lookup, current: current))
        case .and(let lhs, let rhs):
            return bool(lhs.isTrue(lookup: lookup, current: current) && rhs.isTrue(lookup: lookup, current: current))
        case .or(let lhs, let rhs):
            return bool(lhs.isTrue(lookup: lookup, current: current) || rhs.isTrue(lookup: lookup, current: current))
        case .comparison(let op, let lhs, let rhs):
            return bool(Self.compare(op, lhs.evaluate(lookup: lookup, current: current), rhs.evaluate(lookup: lookup, current: current)))
        case .inList(let lhs, let list):
            let value = lhs.evaluate(lookup: lookup, current: current)
            return bool(list.contains { Self.compare(.equal, value, $0.evaluate(lookup: lookup, current: current)) })
        case .call(let function, let arguments, _):
            let values = arguments.map { $0.evaluate(lookup: lookup, current: current) }
            switch function {
            case .answered:
                guard let first = values.first else { return bool(false) }
                return bool(first != .missing)
            case .count:
                switch values.first {
                case .set(let codes): return .number(Double(codes.count))
                case .string, .number: return .number(1)
                default: return .number(0)
                }
            case .selected:
                guard values.count == 2, case .string(let code) = values[1] else {
                    if values.count == 2, let number = values[1].asNumber {
                        return bool(Self.contains(values[0], code: Self.format(number)))
                    }
                    return bool(false)
                }
                return bool(Self.contains(values[0], code: code))
            }
        }
    }

    private static func contains(_ value: ConditionValue, code: String) -> Bool {
        switch value {
        case .set(let codes): return codes.contains(code)
        case .string(let text): return text == code
        case .number(let number): return format(number) == code
        case .missing: return false
        }
    }

    private static func format(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }

    private static func compare(_ op: ComparisonOperator, _ lhs: ConditionValue, _ rhs: ConditionValue) -> Bool {
        if lhs == .missing || rhs == .missing { return false }
        if case .number = lhs, let l = lhs.asNumber, let r = rhs.asNumber { return compareOrdered(op, l, r) }
        if case .number = rhs, let l = lhs.asNumber, let r = rhs.asNumber { return compareOrdered(op, l, r) }
        switch (lhs, rhs) {
        case (.string(let l), .string(let r)):
            if let ln = Double(l), let rn = Double(r), op != .equal, op != .notEqual { return compareOrdered(op, ln, rn) }
            return compareOrdered(op, l, r)
        case (.set(let codes), .string(let code)), (.string(let code), .set(let codes)):
            switch op {
            case .equal: return codes == [code]
            case .notEqual: return codes != [code]
            default: return false
            }
        default:
            return false
        }
    }

    private static func compareOrdered<T: Comparable>(_ op: ComparisonOperator, _ l: T, _ r: T) -> Bool {
        switch op {
        case .equal: return l == r
        case .notEqual: return l != r
        case .less: return l < r
        case .lessOrEqual: return l <= r
        case .greater: return l > r
        case .greaterOrEqual: return l >= r
        }
    }
}

// MARK: - Parsing

private enum ConditionToken: Hashable {
    case identifier(String)
    case string(String)
    case number(Double)
    case op(ComparisonOperator)
    case leftParen, rightParen, leftBracket, rightBracket, comma, dot
    case keyword(String)  // and, or, not, in
    case end
}

/// A recursive-descent parser: or → and → not → comparison → primary.
private struct ConditionParser {
    private var tokens: [(token: ConditionToken, offset: Int)] = []
    private var position = 0
    private let source: String
    private var lexError: ConditionSyntaxError?

    init(_ source: String) {
        self.source = source
        do { tokens = try Self.tokenize(source) } catch { lexError = error }
    }

    mutating func parse() throws(ConditionSyntaxError) -> ConditionExpression {
        if let lexError { throw lexError }
        if tokens.count <= 1 { throw ConditionSyntaxError(.empty, offset: 0) }
        let expression = try parseOr()
        if current.token != .end {
            throw ConditionSyntaxError(.unexpectedElement(text(of: current.token)), offset: current.offset)
        }
        return expression
    }

    private var current: (token: ConditionToken, offset: Int) { tokens[min(position, tokens.count - 1)] }

    private mutating func advance() { position += 1 }

    private func text(of token: ConditionToken) -> String {
        switch token {
        case .identifier(let name), .keyword(let name): return name
        case .string(let text): return "\"\(text)\""
        case .number(let value): return String(value)
        case .op(let op): return op.rawValue
        case .leftParen: return "("
        case .rightParen: return ")"
        case .leftBracket: return "["
        case .rightBracket: return "]"
        case .comma: return ","
        case .dot: return "."
        case .end: return "fin de la condition"
        }
    }

    private mutating func parseOr() throws(ConditionSyntaxError) -> ConditionExpression {
        var lhs = try parseAnd()
        while current.token == .keyword("or") {
            advance()
            lhs = .or(lhs, try parseAnd())
        }
        return lhs
    }

    private mutating func parseAnd() throws(ConditionSyntaxError) -> ConditionExpression {
        var lhs = try parseNot()
        while current.token == .keyword("and") {
            advance()
            lhs = .and(lhs, try parseNot())
        }
        return lhs
    }

    private mutating func parseNot() throws(ConditionSyntaxError) -> ConditionExpression {
        if current.token == .keyword("not") {
            advance()
            return .not(try parseNot())
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(ConditionSyntaxError) -> ConditionExpression {
        let lhs = try parsePrimary()
        if case .op(let op) = current.token {
            advance()
            return .comparison(op, lhs, try parsePrimary())
        }
        if current.token == .keyword("in") {
            advance()
            guard current.token == .leftBracket else {
                throw ConditionSyntaxError(.inNeedsList, offset: current.offset)
            }
            advance()
            var list: [ConditionExpression] = []
            while current.token != .rightBracket {
                list.append(try parsePrimary())
                if current.token == .comma {
                    advance()
                } else if current.token != .rightBracket {
                    throw ConditionSyntaxError(.listSeparatorExpected, offset: current.offset)
                }
            }
            advance()
            return .inList(lhs, list)
        }
        return lhs
    }

    private mutating func parsePrimary() throws(ConditionSyntaxError) -> ConditionExpression {
        let (token, offset) = current
        switch token {
        case .string(let text):
            advance()
            return .string(text)
        case .number(let value):
            advance()
            return .number(value)
        case .dot:
            advance()
            return .current
        case .leftParen:
            advance()
            let inner = try parseOr()
            guard current.token == .rightParen else {
                throw ConditionSyntaxError(.closingParenthesisExpected, offset: current.offset)
            }
            advance()
            return inner
        case .identifier(let name):
            advance()
            guard current.token == .leftParen else { return .variable(name, offset: offset) }
            guard let function = ConditionFunction(rawValue: name) else {
                throw ConditionSyntaxError(.unknownFunction(name), offset: offset)
            }
            advance()
            var arguments: [ConditionExpression] = []
            while current.token != .rightParen {
                arguments.append(try parseOr())
                if current.token == .comma {
                    advance()
                } else if current.token != .rightParen {
                    throw ConditionSyntaxError(.argumentSeparatorExpected(function: name), offset: current.offset)
                }
            }
            advance()
            let expected = function == .selected ? 2 : 1
            guard arguments.count == expected else {
                throw ConditionSyntaxError(.wrongArgumentCount(function: name, expected: expected), offset: offset)
            }
            switch arguments[0] {
            case .variable, .current: break
            default:
                throw ConditionSyntaxError(.firstArgumentNotQuestion(function: name), offset: offset)
            }
            return .call(function, arguments, offset: offset)
        default:
            throw ConditionSyntaxError(token == .end ? .incomplete : .unexpectedElement(text(of: token)), offset: offset)
        }
    }

    private static func tokenize(_ source: String) throws(ConditionSyntaxError) -> [(token: ConditionToken, offset: Int)] {
        let characters = Array(source)
        var result: [(ConditionToken, Int)] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let start = index
            if character.isWhitespace { index += 1; continue }
            if character == "\"" || character == "'" {
                index += 1
                var text = ""
                while index < characters.count, characters[index] != character {
                    text.append(characters[index])
                    index += 1
                }
                guard index < characters.count else {
                    throw ConditionSyntaxError(.unclosedQuote, offset: start)
                }
                index += 1
                result.append((.string(text), start))
                continue
            }
            if character.isNumber || (character == "-" && index + 1 < characters.count && characters[index + 1].isNumber) {
                index += 1
                while index < characters.count, characters[index].isNumber || characters[index] == "." { index += 1 }
                let text = String(characters[start..<index])
                guard let value = Double(text) else {
                    throw ConditionSyntaxError(.invalidNumber(text), offset: start)
                }
                result.append((.number(value), start))
                continue
            }
            if character.isLetter || character == "_" {
                while index < characters.count, characters[index].isLetter || characters[index].isNumber || characters[index] == "_" { index += 1 }
                let word = String(characters[start..<index])
                if ["and", "or", "not", "in"].contains(word) {
                    result.append((.keyword(word), start))
                } else {
                    result.append((.identifier(word), start))
                }
                continue
            }
            let two = index + 1 < characters.count ? String(characters[index...index + 1]) : ""
            if let op = ComparisonOperator(rawValue: two), two.count == 2 {
                result.append((.op(op), start))
                index += 2
                continue
            }
            switch character {
            case "<": result.append((.op(.less), start))
            case ">": result.append((.op(.greater), start))
            case "(": result.append((.leftParen, start))
            case ")": result.append((.rightParen, start))
            case "[": result.append((.leftBracket, start))
            case "]": result.append((.rightBracket, start))
            case ",": result.append((.comma, start))
            case ".": result.append((.dot, start))
            case "=":
                throw ConditionSyntaxError(.singleEquals, offset: start)
            case "&", "|", "!":
                throw ConditionSyntaxError(.unsupportedOperator(String(character)), offset: start)
            default:
                throw ConditionSyntaxError(.unexpectedCharacter(String(character)), offset: start)
            }
            index += 1
        }
        result.append((.end, characters.count))
        return result
    }
}
