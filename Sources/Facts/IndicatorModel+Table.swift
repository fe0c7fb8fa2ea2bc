import EduwhCore

extension IndicatorModel {
    /// Reads the table: rows `feature indicator weight`; rows whose feature is `@fill`,
    /// `@override` or `@doubt` set the policy (indicator `-`), and `@keep` rows name a cue kind
    /// the policy keeps in their indicator cell. The table has some 60,000 rows,
    /// read once per process: its bytes are read in place (no string per cell but the weight's).
    public init(table text: String) throws(RuleTableError) {
        var text = text
        let read = text.withUTF8 { Self.read($0) }
        switch read {
        case .success(let table):
            self.init(classes: table.classes, named: [:], hashed: table.hashed, policy: table.policy)
        case .failure(let error): throw error
        }
    }

    private struct Table {
        var classes: [String] = []
        var hashed: [(UInt64, [(Int, Float)])] = []
        var policy = Policy.off
    }

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Table, RuleTableError> {
        var table = Table()
        // Classes by the FNV hash of their code's bytes (each checked against its bytes).
        var classIndex: [UInt64: [Int]] = [:]
        var classBytes: [[UInt8]] = []
        var last: Range<Int>?
        var sawHeader = false
        var number = 0
        var lineStart = 0
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            number += 1
            if lineEnd == lineStart || bytes[lineStart] == UInt8(ascii: "#") { continue }
            var cells: [Range<Int>] = []
            var cellStart = lineStart
            for index in lineStart...lineEnd where index == lineEnd || bytes[index] == UInt8(ascii: "\t") {
                cells.append(cellStart..<index)
                cellStart = index + 1
            }
            guard cells.count == 3 else {
                return .failure(
                    RuleTableError(file: path, line: number, reason: "expected 3 cells: feature indicator weight"))
            }
            if !sawHeader {
                sawHeader = true
                continue
            }
            guard let weight = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[cells[2]]), as: UTF8.self))
            else {
                return .failure(RuleTableError(file: path, line: number, reason: "weight is no number"))
            }
            let feature = bytes[cells[0]]
            if feature.elementsEqual("@fill".utf8) {
                table.policy.fill = weight
            } else if feature.elementsEqual("@override".utf8) {
                table.policy.override = weight
            } else if feature.elementsEqual("@doubt".utf8) {
                table.policy.doubt = weight
            } else if feature.elementsEqual("@keep".utf8) {
                let kind = UnsafeBufferPointer(rebasing: bytes[cells[1]])
                table.policy.keep.insert(String(decoding: kind, as: UTF8.self))
            } else {
                let code = bytes[cells[1]]
                let codeHash = IndicatorFeatures.hash(code.lazy.map { Unicode.Scalar($0) })
                var index = classIndex[codeHash]?.first { classBytes[$0].elementsEqual(code) }
                if index == nil {
                    index = table.classes.count
                    table.classes.append(String(decoding: UnsafeBufferPointer(rebasing: code), as: UTF8.self))
                    classBytes.append(Array(code))
                    classIndex[codeHash, default: []].append(index!)
                }
                // A feature's rows stand together (the table is written sorted by feature).
                if last.map({ !bytes[$0].elementsEqual(feature) }) ?? true {
                    table.hashed.append((scalarHash(feature), []))
                    last = cells[0]
                }
                table.hashed[table.hashed.count - 1].1.append((index!, Float(weight)))
            }
        }
        return .success(table)
    }

    /// `IndicatorFeatures.hash` of the scalars UTF-8 `bytes` spell.
    private static func scalarHash(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            var value = UInt32(length == 1 ? lead : length == 2 ? lead & 0x1F : length == 3 ? lead & 0x0F : lead & 0x07)
            for offset in 1..<length where index + offset < bytes.endIndex {
                value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
            }
            hash = (hash ^ UInt64(value)) &* 0x100_0000_01b3
            index += length
        }
        return hash
    }
}
