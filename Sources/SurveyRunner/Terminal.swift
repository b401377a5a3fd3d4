import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A key press, decoded from the terminal's bytes.
package enum Key: Equatable, Sendable {
    case up, down, left, right, home, end
    case enter, space, backspace, delete, tab, escape
    /// Ctrl-C (raw mode turns it into a byte, not a signal).
    case interrupt
    /// Ctrl-D.
    case endOfText
    case character(Character)
    /// The window changed size (SIGWINCH).
    case resize
    /// Input closed.
    case closed
}

/// What the full-screen mode needs from a terminal; `Terminal` is the real one, tests script it.
package protocol TerminalIO: AnyObject {
    var colour: Bool { get }
    var size: (rows: Int, columns: Int) { get }
    /// Raw mode and the alternate screen; false when the terminal refuses.
    func enter() -> Bool
    /// Back to the settings found at `enter()`.
    func leave()
    func write(_ text: String)
    /// Blocks until a key (or a resize).
    func readKey() -> Key
}

/// The real terminal through termios: raw mode restored on exit, errors and termination signals.
package final class Terminal: TerminalIO {
    package let colour: Bool
    private var original = termios()
    private var active = false
    private var pending: [UInt8] = []
    nonisolated(unsafe) static var resized: sig_atomic_t = 0

    package static let leaveSequence = "\u{1B}[0m\u{1B}[?1049l"

    package init(colour: Bool) { self.colour = colour }

    package var size: (rows: Int, columns: Int) {
        var window = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &window) == 0, window.ws_row > 0, window.ws_col > 0 {
            return (Int(window.ws_row), Int(window.ws_col))
        }
        return (24, 80)
    }

    package func enter() -> Bool {
        guard tcgetattr(STDIN_FILENO, &original) == 0 else { return false }
        var raw = original
        raw.c_iflag &= ~tcflag_t(BRKINT | ICRNL | INPCK | ISTRIP | IXON)
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | IEXTEN | ISIG)
        raw.c_cflag |= tcflag_t(CS8)
        guard tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) == 0 else { return false }
        active = true
        SignalGuard.rememberTerminal(original, suffix: Self.leaveSequence)
        var action = sigaction()
        #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = { _ in Terminal.resized = 1 }
        #else
            action.__sigaction_u.__sa_handler = { _ in Terminal.resized = 1 }
        #endif
        sigemptyset(&action.sa_mask)
        sigaction(SIGWINCH, &action, nil)
        write("\u{1B}[?1049h\u{1B}[H\u{1B}[2J")
        return true
    }

    package func leave() {
        guard active else { return }
        active = false
        write(Self.leaveSequence)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &original)
        SignalGuard.forgetTerminal()
        signal(SIGWINCH, SIG_DFL)
    }

    deinit { leave() }

    package func write(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Foundation.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written < 0 { if errno == EINTR { continue }; return }
            bytes = bytes.dropFirst(written)
        }
    }

    /// A byte, waiting at most `timeout` ms (-1: forever); nil on timeout, -1 on end of input.
    private func readByte(timeout: Int32) -> Int? {
        if !pending.isEmpty { return Int(pending.removeFirst()) }
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        while true {
            if Terminal.resized != 0 { return nil }
            let ready = poll(&descriptor, 1, timeout < 0 ? 200 : timeout)
            if ready < 0 { if errno == EINTR { continue }; return -1 }
            if ready == 0 { if timeout < 0 { continue }; return nil }
            var buffer = [UInt8](repeating: 0, count: 64)
            let count = read(STDIN_FILENO, &buffer, 64)
            if count < 0 { if errno == EINTR || errno == EAGAIN { continue }; return -1 }
            if count == 0 { return -1 }
            pending.append(contentsOf: buffer[0..<count])
            return Int(pending.removeFirst())
        }
    }

    package func readKey() -> Key {
        while true {
            if Terminal.resized != 0 { Terminal.resized = 0; return .resize }
            guard let byte = readByte(timeout: -1) else { continue }
            if byte < 0 { return .closed }
            if let key = decode(UInt8(byte)) { return key }
        }
    }

    private func decode(_ byte: UInt8) -> Key? {
        switch byte {
        case 3: return .interrupt
        case 4: return .endOfText
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 32: return .space
        case 27: return escapeSequence()
        case 0..<32: return nil
        case 0x80...:
            // UTF-8: gather the continuation bytes of one scalar.
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            var bytes = [byte]
            while bytes.count < length, let next = readByte(timeout: 50), next >= 0 { bytes.append(UInt8(next)) }
            guard let text = String(bytes: bytes, encoding: .utf8), let character = text.first else { return nil }
            return .character(character)
        default:
            return .character(Character(Unicode.Scalar(byte)))
        }
    }

    private func escapeSequence() -> Key {
        guard let next = readByte(timeout: 30), next >= 0 else { return .escape }
        guard next == 0x5B || next == 0x4F else { return .escape }  // '[' or 'O'
        var parameters = ""
        while let byte = readByte(timeout: 30), byte >= 0 {
            let scalar = Character(Unicode.Scalar(UInt8(byte)))
            if (0x40...0x7E).contains(byte) {
                switch scalar {
                case "A": return .up
                case "B": return .down
                case "C": return .right
                case "D": return .left
                case "H": return .home
                case "F": return .end
                case "~":
                    switch parameters {
                    case "3": return .delete
                    case "1", "7": return .home
                    case "4", "8": return .end
                    default: return .escape
                    }
                default: return .escape
                }
            }
            parameters.append(scalar)
        }
        return .escape
    }
}
