import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 client over a plain socket: sends the request target exactly as
/// given (URLSession would normalize `..` away) and reads until the server closes.
struct RawHTTP {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    var port: Int

    func get(_ target: String, headers: [String: String] = [:]) throws -> Response {
        try send("GET", target, headers: headers)
    }

    func send(_ method: String, _ target: String, headers: [String: String] = [:], body: String = "") throws -> Response {
        let socket = try Connection(port: port, timeout: 5)
        var request = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        if !body.isEmpty || method == "POST" { request += "Content-Length: \(body.utf8.count)\r\n" }
        request += "\r\n" + body
        try socket.write(request)
        var data = Data()
        while let chunk = try socket.read() { data.append(chunk) }
        return try Self.parse(String(decoding: data, as: UTF8.self))
    }

    static func parse(_ text: String) throws -> Response {
        guard let split = text.range(of: "\r\n\r\n") else { throw TestFailure("no header end in \(text.debugDescription)") }
        let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
        guard let statusLine = lines.first, let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") else {
            throw TestFailure("bad status line in \(text.debugDescription)")
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: String(text[split.upperBound...]))
    }
}

/// The `/__briefing/events` stream, read event by event.
final class EventStream {
    struct Event: Equatable {
        var name: String
        var data: String
    }

    private let connection: Connection
    private var buffer = ""

    init(port: Int) throws {
        connection = try Connection(port: port, timeout: 0.2)
        try connection.write("GET /__briefing/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
    }

    /// The next event, or nil when none comes within `timeout` seconds.
    func next(timeout: TimeInterval) throws -> Event? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            // Each event is written as one chunk, so its text is contiguous in the stream.
            if let match = buffer.firstMatch(of: /event: ([a-z]+)\ndata: ([^\n]*)\n\n/) {
                let event = Event(name: String(match.1), data: String(match.2))
                buffer = String(buffer[match.range.upperBound...])
                return event
            }
            guard Date() < deadline else { return nil }
            switch try connection.readWithTimeout() {
            case .data(let data): buffer += String(decoding: data, as: UTF8.self)
            case .timeout: continue
            case .closed: return nil
            }
        }
    }
}

/// A TCP connection to 127.0.0.1.
final class Connection {
    enum ReadResult { case data(Data), timeout, closed }

    private let descriptor: Int32

    init(port: Int, timeout: TimeInterval) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw TestFailure("socket: \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(descriptor)
            throw TestFailure("connect to port \(port): errno \(errno)")
        }
        var value = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1_000_000))
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit {
        close(descriptor)
    }

    func write(_ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw TestFailure("send: errno \(errno)") }
            sent += count
        }
    }

    /// The next bytes; nil at the end of the stream. Throws on a timeout.
    func read() throws -> Data? {
        switch try readWithTimeout() {
        case .data(let data): return data
        case .closed: return nil
        case .timeout: throw TestFailure("read timed out")
        }
    }

    func readWithTimeout() throws -> ReadResult {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count > 0 { return .data(Data(buffer[0..<count])) }
        if count == 0 { return .closed }
        if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { return .timeout }
        throw TestFailure("recv: errno \(errno)")
    }
}
