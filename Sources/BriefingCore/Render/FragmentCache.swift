import Foundation
import Mustache

/// Claim items rendered once per claim and page depth (except on their own article's
/// page, the only one that lists them so), then reused on every page that
/// lists the claim (its article, its source, listings, other claims' pages): a claim
/// appears on a dozen pages, and rendering its `claim-item` partial each time was most of
/// the render stage. The partial is the theme's, so an overridden `claim-item` is used.
final class FragmentCache: @unchecked Sendable {
    private var fragments: [String: String] = [:]
    private let lock = NSLock()
    private let templates: TemplateSet

    init(templates: TemplateSet) {
        self.templates = templates
    }

    /// The rendered `claim-item` for `item`, cached under `key`.
    func claimItem(_ key: String, _ item: () -> [String: Any], partial: String = "claim-item") -> String {
        lock.lock()
        if let html = fragments[key] {
            lock.unlock()
            return html
        }
        lock.unlock()
        let html = templates.render(partial, item())
        lock.lock()
        fragments[key] = html
        lock.unlock()
        return html
    }
}

extension FragmentCache {
    /// Any partial rendered once per `key` and reused (the analysis sections a whole claim
    /// cluster shares). Keys start with the partial's name, so they never meet claim items'.
    /// - Parameter context: built only when the key is not cached yet.
    func partial(_ name: String, key: String, _ context: () -> [String: Any]) -> String {
        claimItem(name + "#" + key, context, partial: name)
    }

    /// A partial rendered for one page only (not cached).
    func render(_ name: String, _ context: [String: Any]) -> String {
        templates.render(name, context)
    }
}

/// `{{{html}}}` in a claim list: rendered only if a template uses it, its fields built
/// only if it is not cached yet.
struct ClaimItemFragment: MustacheCustomRenderable {
    /// nil: an item shown once, rendered without being cached.
    let key: String?
    let cache: FragmentCache
    let fields: () -> [String: Any]

    var renderText: String { key.map { cache.claimItem($0, fields) } ?? cache.render("claim-item", fields()) }
    var isNull: Bool { false }
}

/// A claim as an element of a list (see `ViewModels.claimItem`). Used by one page render
/// on one thread, like every context.
final class ClaimListItem: MustacheParent, @unchecked Sendable {
    private let models: ViewModels
    private let claim: Claim
    private let page: String
    private let onOwnArticle: Bool
    private lazy var fields: [String: Any] = models.claim(claim, from: page, onOwnArticle: onOwnArticle)

    init(models: ViewModels, claim: Claim, page: String, onOwnArticle: Bool) {
        (self.models, self.claim, self.page, self.onOwnArticle) = (models, claim, page, onOwnArticle)
    }

    /// The item's `{{{html}}}`: its `claim-item`, cached; nil without a fragment cache.
    var html: ClaimItemFragment? {
        models.fragments.map { cache in
            ClaimItemFragment(key: ViewModels.itemKey(claim, page, onOwnArticle), cache: cache) { [self] in fields }
        }
    }

    func child(named name: String) -> Any? {
        if name == "html", let html { return html }
        return fields[name]
    }
}
