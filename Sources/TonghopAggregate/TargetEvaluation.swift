import Foundation
import TonghopBase
import TonghopCatalog

/// Whether a plan's target is met (DOMAIN §8).
public enum TargetStatus: String, Sendable {
    case met = "đạt"
    case notMet = "không đạt"
    case insufficientData = "chưa đủ số liệu"
}

/// The outcome of one target in one report.
public struct TargetResult: Sendable {
    public let target: Target
    public let status: TargetStatus
    /// The actual figure (for a unit target), or the number of units meeting it.
    public let actual: Double?
    /// The actual as people read it: "12", "+6,2% (35 so với 33)", "20/26 huyện đạt".
    public let actualText: String
    /// Units that miss an "each district / each commune" target.
    public let failing: [Unit]
    /// Units without the figures to judge.
    public let withoutData: [Unit]
    /// Whether the figures behind it cover only part of the period.
    public let partial: Bool
}

/// Evaluates the plans' targets that apply to a report.
public struct TargetEvaluation {
    public let rollup: Rollup
    public let previousYear: PreviousYear?

    public init(rollup: Rollup, previousYear: PreviousYear?) {
        self.rollup = rollup
        self.previousYear = previousYear
    }

    /// Targets of the report's period whose unit is the scope or lies under it.
    public func applicable(scope: String) -> [Target] {
        rollup.catalog.targets.filter { t in
            t.periods.contains(rollup.period) && rollup.registry.unit(t.unitCode) != nil
                && (rollup.registry.isWithin(t.unitCode, scope) || rollup.registry.province(of: t.unitCode)?.code == scope
                    || rollup.registry.unit(scope)?.level == .nation)
        }
    }

    public func evaluate(scope: String) -> [TargetResult] { applicable(scope: scope).map(evaluate) }

    public func evaluate(_ target: Target) -> TargetResult {
        let registry = rollup.registry
        switch target.application {
        case .unit:
            let (actual, text) = measure(target, on: target.unitCode)
            let status: TargetStatus = actual.map { target.comparator.holds($0, target.value) ? .met : .notMet } ?? .insufficientData
            return TargetResult(target: target, status: status, actual: actual, actualText: text, failing: [], withoutData: [],
                                partial: !rollup.total(target.unitCode).partialUnits.isEmpty)
        case .eachDistrict, .eachCommune:
            let level: UnitLevel = target.application == .eachDistrict ? .district : .commune
            let units = registry.descendants(of: target.unitCode).filter { $0.level == level }
            var failing: [Unit] = [], withoutData: [Unit] = []
            var partial = false
            for u in units {
                partial = partial || !rollup.total(u.code).partialUnits.isEmpty
                guard let v = measure(target, on: u.code).0 else {
                    withoutData.append(u)
                    continue
                }
                if !target.comparator.holds(v, target.value) { failing.append(u) }
            }
            let met = units.count - failing.count - withoutData.count
            let status: TargetStatus = units.isEmpty ? .insufficientData
                : !failing.isEmpty ? .notMet : !withoutData.isEmpty ? .insufficientData : .met
            let word = level == .district ? "huyện" : "xã"
            return TargetResult(target: target, status: status, actual: Double(met), actualText: "\(met)/\(units.count) \(word) đạt",
                                failing: failing, withoutData: withoutData, partial: partial)
        }
    }

    /// The target's figure on one unit, and how to print it.
    package func measure(_ target: Target, on code: String) -> (Double?, String) {
        let derived = rollup.catalog.derivedByCode
        let current = target.formula.evaluate(EvaluationContext(rollup: rollup, unitCode: code, derived: derived))
        switch target.measure {
        case .value:
            return (current, current.map(Self.format) ?? "chưa có số liệu")
        case .changeOnPreviousYear:
            guard let current else { return (nil, "chưa có số liệu") }
            guard let previousYear, let earlier = previousYear.figures(of: code),
                  let before = target.formula.evaluate(EvaluationContext(rollup: rollup, unitCode: code, figures: earlier.figures, derived: derived)),
                  before != 0 else {
                return (nil, "\(Self.format(current)); chưa có số liệu cùng kỳ năm trước")
            }
            let change = (current - before) / before * 100
            let sign = change >= 0 ? "+" : ""
            return (change, "\(sign)\(Self.format(change))% (\(Self.format(current)) so với \(Self.format(before)))" + (earlier.approximate ? ", gần đúng" : ""))
        }
    }

    /// 12 → "12", 6.25 → "6,25" (Vietnamese decimal comma).
    package static func format(_ v: Double) -> String {
        if v.rounded() == v { return String(Int64(v)) }
        return String(format: "%.2f", v).replacingOccurrences(of: ".", with: ",")
    }
}

