import Foundation
import TonghopBase
import TonghopCatalog
import TonghopIngest
import TonghopValidate
import TonghopStore
import TonghopAggregate
import TonghopRender

/// A file under `outputs/` that could not be written: which one, and why.
///
/// The store is never the cause nor the victim: reports are written after the data is stored,
/// from the store, so a failed write loses nothing and the next `tonghop run` redoes it.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public enum Stage: Sendable {
        /// The probe before anything is read: nothing was stored.
        case probe
        /// Writing a report after the data was stored.
        case report
        /// Writing the run's summary or log.
        case summary
    }

    public let stage: Stage
    public let path: String
    /// The system's error number when known (ENOSPC, EACCES, ENOTDIR...), for a plain wording.
    public let errorNumber: Int32?
    /// What the system or libxlsxwriter said.
    public let detail: String

    public init(stage: Stage, path: String, errorNumber: Int32?, detail: String) {
        self.stage = stage
        self.path = path
        self.errorNumber = errorNumber
        self.detail = detail
    }

    public var description: String { "\(path): \(detail)" }

    /// Foundation's codes for the failures worth a plain wording, as system error numbers.
    private static func errorNumber(of code: CocoaError.Code) -> Int32? {
        switch code {
        case .fileWriteFileExists: return EEXIST
        case .fileWriteNoPermission: return EACCES
        case .fileWriteOutOfSpace: return ENOSPC
        case .fileWriteVolumeReadOnly: return EROFS
        default: return nil
        }
    }

    /// Runs `body`, naming `url` in whatever error it throws.
    package static func writing(_ url: URL, stage: Stage = .report, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as OutputError {
            throw error
        } catch let error as CocoaError {
            let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError
            let posix = underlying.flatMap { $0.domain == NSPOSIXErrorDomain ? Int32($0.code) : nil } ?? errorNumber(of: error.code)
            throw OutputError(stage: stage, path: url.path, errorNumber: posix,
                              detail: posix.map { String(cString: strerror($0)) } ?? error.localizedDescription)
        } catch {
            throw OutputError(stage: stage, path: url.path, errorNumber: nil, detail: "\(error)")
        }
    }
}
