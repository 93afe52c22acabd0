import Foundation
import TonghopBase
import TonghopCatalog

/// A `templates/dhis2.csv` mapping tonghop's codes to DHIS2 UIDs, shared by the tests of the
/// mapping, of the DHIS2 readers and of the writers.
package enum DHIS2Fixtures {
    package static let uids = """
        loai,ma_tonghop,ma_dhis2,ghi_chu
        ,,,"ghi chú: dòng này không được đọc"
        chi_tieu,NN01,fbfJHSPpUQD,
        phan_to,duoi_18,Gmbgme7z9BF,
        phan_to,NN01.tren_30,rQLFnNXXIL0,chỉ của NN01
        phan_to,,HllvX50cXC0,số tổng
        don_vi,35,ImspTQPwCqd,
        bo_du_lieu,TONGHOP,BfMAe6Itzgt,
        ten_phan_to,NN01,NHOM_TUOI,
        """

    /// The project's catalog with this `dhis2.csv`.
    package static func catalog(mapping text: String) throws -> Catalog {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tonghop-dhis2-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(text.utf8).write(to: folder.appendingPathComponent(DHIS2Mapping.fileName))
        var catalog = Fixtures.catalog
        catalog.dhis2 = try DHIS2Mapping.load(from: folder, catalog: catalog)
        return catalog
    }

}
