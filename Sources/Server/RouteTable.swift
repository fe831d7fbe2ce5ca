import Hummingbird
import Ledger

/// The console's routes, kept as a table so that a path asked for with a method it
/// does not take answers 405 with `Allow` (SPEC section 10) rather than 404.
struct RouteTable {
    typealias Handler = @Sendable (Request, ConsoleContext) async throws -> Response

    private var routes: [(method: HTTPRequest.Method, path: String, handler: Handler)] = []

    mutating func add(_ method: HTTPRequest.Method, _ path: String, _ handler: @escaping Handler) {
        routes.append((method, path, handler))
    }

    /// Registers every route, and 405 for the usual methods each path does not take.
    func register(on router: Router<ConsoleContext>) {
        var allowed: [String: [HTTPRequest.Method]] = [:]
        var paths: [String] = []
        for route in routes {
            if allowed[route.path] == nil { paths.append(route.path) }
            allowed[route.path, default: []].append(route.method)
            router.on(RouterPath(route.path), method: route.method) { request, context in
                try await route.handler(request, context)
            }
        }
        for path in paths {
            let methods = allowed[path] ?? []
            let taken = methods + (methods.contains(.get) ? [.head] : [])
            for method in [HTTPRequest.Method.get, .post, .put, .patch, .delete, .options, .trace] where !taken.contains(method) {
                router.on(RouterPath(path), method: method) { request, _ -> Response in
                    throw ConsoleError.methodNotAllowed(request.method, allowed: methods)
                }
            }
        }
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
