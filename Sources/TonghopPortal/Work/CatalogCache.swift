import Foundation
import Synchronization
import TonghopCatalog

/// The catalog of `templates/`, loaded once and again when a file in it changes (by name,
/// size and modification time): an officer editing a template need not restart the server,
/// and the server never writes workbooks from an older catalog than cron's run reads.
final class CatalogCache: Sendable {
    let templates: URL
    private let loaded: Mutex<(signature: String, catalog: Catalog)>

    init(templates: URL) throws {
        self.templates = templates
        let signature = Catalog.templatesSignature(templates)
        loaded = Mutex((signature, try Catalog.load(from: templates)))
    }

    /// The catalog as `templates/` now is.
    func current() throws -> Catalog {
        let signature = Catalog.templatesSignature(templates)
        if let catalog = loaded.withLock({ $0.signature == signature ? $0.catalog : nil }) { return catalog }
        let catalog = try Catalog.load(from: templates)
        loaded.withLock { $0 = (signature, catalog) }
        return catalog
    }
}
