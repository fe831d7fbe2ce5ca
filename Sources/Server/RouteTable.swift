import Hummingbird
import Ledger

/// The console's routes, kept as a table so that a path asked for with a method it
/// does not take answers 405 with `Allow` (SPEC section 10) rather than 404, whatever
/// the method (`QUERY` included).
struct RouteTable: Sendable {
    typealias Handler = @Sendable (Request, ConsoleContext) async throws -> Response

    private var routes: [(method: HTTPRequest.Method, path: String, handler: Handler)] = []

    mutating func add(_ method: HTTPRequest.Method, _ path: String, _ handler: @escaping Handler) {
        routes.append((method, path, handler))
    }

    func register(on router: Router<ConsoleContext>) {
        for route in routes {
            router.on(RouterPath(route.path), method: route.method) { request, context in
                try await route.handler(request, context)
            }
        }
    }

    /// The methods a path takes (`{name}` in a route matches any one segment); empty when no route has the path.
    func methods(for path: String) -> [HTTPRequest.Method] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        return routes.filter { route in
            let pattern = route.path.split(separator: "/", omittingEmptySubsequences: true)
            return pattern.count == segments.count && zip(pattern, segments).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }.map(\.method)
    }
}

/// JSON answers: Ledger's ordered `JSONValue`, so the API writes the same JSON as the command line.
enum JSONBody {
    static func response(_ value: JSONValue, status: HTTPResponse.Status = .ok) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: value.rendered() + "\n")))
    }
}
