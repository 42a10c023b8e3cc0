import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether another process already listens on an address, asked before the server
/// starts so that a busy port gets one clear message instead of a framework error.
enum PortProbe {
    enum Result: Equatable {
        case free
        case inUse
        /// The host did not resolve or cannot be bound here; the server will say why.
        case unknown
    }

    /// Binds a throwaway socket the way the server will (`SO_REUSEADDR`), then closes it.
    static func check(host: String, port: Int) -> Result {
        guard port != 0 else { return .free }
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else { return .unknown }
        defer { freeaddrinfo(list) }
        let address = first.pointee
        let descriptor = socket(address.ai_family, address.ai_socktype, address.ai_protocol)
        guard descriptor >= 0 else { return .unknown }
        defer { close(descriptor) }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        if bind(descriptor, address.ai_addr, address.ai_addrlen) == 0 { return .free }
        return errno == EADDRINUSE ? .inUse : .unknown
    }
}
