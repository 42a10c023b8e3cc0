import Mustache

// A section on a text or a number (`{{#date}}<time datetime="{{dateISO}}">{{date}}</time>{{/date}}`)
// pushes that value on the context stack, so every name inside it is looked up in the
// value first. swift-mustache looks into a value that is not a `MustacheParent` with
// `Mirror`, which for a `String` or an `Int` finds nothing after building a mirror: a
// quarter of the cost of such a section. Said to be parents without children, they are
// skipped at once; the names resolve exactly as before.

extension String: @retroactive MustacheParent {
    public func child(named name: String) -> Any? { nil }
}

extension Int: @retroactive MustacheParent {
    public func child(named name: String) -> Any? { nil }
}
