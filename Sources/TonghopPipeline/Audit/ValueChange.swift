import TonghopBase
import TonghopCatalog
import TonghopIngest
import TonghopValidate
import TonghopStore
import TonghopAggregate
import TonghopRender

/// One difference between two versions of a report: a value changed, added or removed.
public enum ValueChange: Sendable, Equatable {
    case changed(indicator: String, category: String, from: Double, to: Double)
    case added(indicator: String, category: String, value: Double)
    case removed(indicator: String, category: String, value: Double)

    /// What changed from `old` to `new`: changed and added values in the new version's order,
    /// then the removed ones in the old version's order.
    public static func between(_ old: [StoredValue], _ new: [StoredValue]) -> [ValueChange] {
        func key(_ v: StoredValue) -> String { v.indicator + "\t" + v.category }
        var before: [String: Double] = [:]
        for v in old where before[key(v)] == nil { before[key(v)] = v.value }
        let after = Set(new.map(key))
        var changes: [ValueChange] = []
        for v in new {
            if let was = before[key(v)] {
                if was != v.value { changes.append(.changed(indicator: v.indicator, category: v.category, from: was, to: v.value)) }
            } else {
                changes.append(.added(indicator: v.indicator, category: v.category, value: v.value))
            }
        }
        for v in old where !after.contains(key(v)) {
            changes.append(.removed(indicator: v.indicator, category: v.category, value: v.value))
        }
        return changes
    }
}
