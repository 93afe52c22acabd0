import XCTest
@testable import TonghopBase
@testable import TonghopCatalog
@testable import TonghopIngest
@testable import TonghopValidate
@testable import TonghopStore
@testable import TonghopAggregate
@testable import TonghopRender
@testable import TonghopPipeline
import TonghopTestSupport

final class ValueChangeTests: XCTestCase {
    func testChangedAddedThenRemoved() {
        let old = [StoredValue("TT01", "", 3), StoredValue("NN01", "18_30", 2), StoredValue("MT09", "", 4)]
        let new = [StoredValue("NN01", "duoi_18", 1), StoredValue("TT01", "", 5), StoredValue("NN01", "18_30", 2)]
        XCTAssertEqual(ValueChange.between(old, new), [
            .added(indicator: "NN01", category: "duoi_18", value: 1),
            .changed(indicator: "TT01", category: "", from: 3, to: 5),
            .removed(indicator: "MT09", category: "", value: 4),
        ], "changes in the new version's order, removals last; an unchanged value is not a change")
    }

    func testSameValuesNoChange() {
        let values = [StoredValue("TT01", "", 3)]
        XCTAssertEqual(ValueChange.between(values, values), [])
    }
}
