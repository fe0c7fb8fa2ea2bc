import Foundation
import TestSupport

/// Real-looking Chinese texts the Ingest tests encode at test time.
enum IngestFixtures {
    /// The five seed files as UTF-8 text, by file name.
    static let seeds: [(name: String, text: String)] = {
        let folder = PackagePaths.imports
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted())
            ?? []
        return names.map { name in
            (name, (try? String(contentsOf: folder.appending(path: name), encoding: .utf8)) ?? "")
        }
    }()

    static var seedNames: [String] { seeds.map(\.name) }

    static func seed(_ name: String) -> String { seeds.first { $0.name == name }?.text ?? "" }

    /// A work report in traditional script (every character exists in BIG5).
    static let traditional = """
        教育局年度工作報告

        一、基本情況
        本區共有各級各類學校128所，在校學生9.6萬人，專任教師7342名。全年教育經費投入3.48億元，比上年增長12.5%。
        二、主要工作
        （一）加快學校建設。新建、擴建中小學校舍4.2萬平方米，完成12所學校的改造工程。
        （二）加強教師隊伍建設。招聘新教師356名，組織全員培訓1200餘人次。
        （三）推進義務教育均衡發展，縮小城鄉差距，讓每個孩子都能享有公平而有質量的教育。

        """

    /// A short simplified report paragraph.
    static let simplified = """
        区政府关于基础教育工作的汇报
        今年以来，我区加大财政投入力度，新建校舍4.2万平方米，招聘教师356名，教育经费投入3.48亿元。
        二、工作开展情况
        （一）领导重视，基础教育发展环境更加优越。

        """
}
