import Foundation
import TestSupport
import Testing

/// The dependency graph is one fact kept in three places: what each target's files import, what
/// Package.swift declares, and the graph docs/architecture.md draws. These tests fail when any
/// two of them differ (issue 23: the CLI declared Facts and never imported it).
@Suite struct DependencyGraphTests {
    static let root = PackagePaths.root
    /// Modules of the toolchain and the system: imported without being declared.
    static let systemModules: Set<String> = [
        "Foundation", "FoundationEssentials", "Glibc", "Darwin", "Dispatch", "Testing", "XCTest", "PackagePlugin",
        "Synchronization", "os",
    ]

    struct Target: CustomStringConvertible {
        var kind: String
        var name: String
        var path: String
        var dependencies: Set<String>
        var description: String { name }
    }

    /// The targets of Package.swift with their declared dependencies (names of targets and of
    /// products), read from the manifest's text.
    static func declaredTargets() throws -> [Target] {
        let manifest = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let text = Array(manifest.unicodeScalars)
        var targets: [Target] = []
        for kind in ["target", "executableTarget", "testTarget", "plugin", "systemLibrary"] {
            var from = 0
            while let start = find(Array(".\(kind)(".unicodeScalars), in: text, from: from) {
                let open = start + kind.unicodeScalars.count + 1
                let close = closing(text, from: open)
                let body = Array(text[open + 1..<close])
                from = close
                let bodyText = string(body)
                let name = try #require(firstMatch(#"name: "([^"]+)""#, in: bodyText))
                var dependencies = Set<String>()
                let key = Array("dependencies: [".unicodeScalars)
                if let listStart = find(key, in: body, from: 0) {
                    let listOpen = listStart + key.count - 1
                    var list = string(Array(body[listOpen + 1..<closing(body, from: listOpen)]))
                    list = list.replacingOccurrences(of: #"package: "[^"]*""#, with: "", options: .regularExpression)
                    dependencies = Set(allMatches(#""([A-Za-z0-9_]+)""#, in: list))
                }
                let defaultFolder =
                    kind == "testTarget" ? "Tests/\(name)" : kind == "plugin" ? "Plugins/\(name)" : "Sources/\(name)"
                let path = firstMatch(#"path: "([^"]+)""#, in: bodyText) ?? defaultFolder
                targets.append(Target(kind: kind, name: name, path: path, dependencies: dependencies))
            }
        }
        return targets
    }

    static func find(_ needle: [Unicode.Scalar], in text: [Unicode.Scalar], from: Int) -> Int? {
        guard needle.count <= text.count else { return nil }
        var index = from
        while index + needle.count <= text.count {
            if text[index] == needle[0], Array(text[index..<index + needle.count]) == needle { return index }
            index += 1
        }
        return nil
    }

    static func string(_ scalars: [Unicode.Scalar]) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// The index of the bracket closing the one at `open` (`(` or `[`); string literals skipped.
    static func closing(_ text: [Unicode.Scalar], from open: Int) -> Int {
        var depth = 0
        var inString = false
        var index = open
        while index < text.count {
            let scalar = text[index]
            if scalar == "\"" { inString.toggle() }
            if !inString {
                if scalar == "(" || scalar == "[" { depth += 1 }
                if scalar == ")" || scalar == "]" {
                    depth -= 1
                    if depth == 0 { return index }
                }
            }
            index += 1
        }
        return text.count
    }

    static func firstMatch(_ pattern: String, in text: String) -> String? {
        allMatches(pattern, in: text).first
    }

    static func allMatches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    /// The modules the Swift files under `folder` import, system modules left out.
    static func imports(under folder: String) -> Set<String> {
        let url = root.appendingPathComponent(folder)
        guard let files = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil) else { return [] }
        var modules = Set<String>()
        let pattern =
            #"^[ \t]*(?:@[A-Za-z_]+[ \t]+)*import[ \t]+(?:(?:struct|class|enum|protocol|func|var|let|typealias)[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)"#
        for case let file as URL in files where file.pathExtension == "swift" {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            // Lines inside multi-line string literals (SQL, Python run by tests) are not Swift.
            var inLiteral = false
            for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
                let quotes = line.components(separatedBy: "\"\"\"").count - 1
                if !inLiteral, line.contains("import"), let module = firstMatch(pattern, in: String(line)) {
                    modules.insert(module)
                }
                if quotes % 2 == 1 { inLiteral.toggle() }
            }
        }
        return modules.subtracting(systemModules)
    }

    @Test func packageSwiftDeclaresExactlyWhatEachTargetImports() throws {
        let targets = try Self.declaredTargets()
        // The manifest was read: the stages, the CLI and the test targets are all there.
        for name in [
            "EduwhCore", "Ingest", "Clean", "Normalize", "Facts", "Warehouse", "Pipeline", "Publish", "eduwh",
            "eduwhTests",
        ] {
            #expect(targets.contains { $0.name == name }, "\(name) not found in Package.swift")
        }
        #expect(targets.first { $0.name == "Warehouse" }?.dependencies.contains("GRDB") == true)
        for target in targets where target.kind != "plugin" && target.kind != "systemLibrary" {
            let imported = Self.imports(under: target.path)
            let declared = target.dependencies
            #expect(
                imported.subtracting(declared).isEmpty,
                "\(target.name) imports \(imported.subtracting(declared).sorted()) without declaring them in Package.swift"
            )
            #expect(
                declared.subtracting(imported).isEmpty,
                "\(target.name) declares \(declared.subtracting(imported).sorted()) in Package.swift but never imports them"
            )
        }
    }

    /// docs/architecture.md's graph: the fenced block under "## Dependency graph", one line per
    /// target, `Target: Dependency, Dependency` (the C shims and products included).
    static func documentedGraph() throws -> [String: Set<String>] {
        let text = try String(contentsOf: root.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        let section = try #require(text.range(of: "## Dependency graph"))
        let rest = text[section.upperBound...]
        let open = try #require(rest.range(of: "```text\n"))
        let close = try #require(rest[open.upperBound...].range(of: "```"))
        var graph: [String: Set<String>] = [:]
        for line in rest[open.upperBound..<close.lowerBound].split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let name = parts[0].trimmingCharacters(in: .whitespaces)
            let dependencies = parts[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty && $0 != "-"
            }
            graph[name] = Set(dependencies)
        }
        return graph
    }

    @Test func architectureDocumentDrawsTheGraphPackageSwiftDeclares() throws {
        let documented = try Self.documentedGraph()
        let declared = try Self.declaredTargets().filter {
            ["target", "executableTarget"].contains($0.kind) && $0.path.hasPrefix("Sources/")
        }
        #expect(declared.count >= 10)
        for target in declared {
            #expect(
                documented[target.name] == target.dependencies,
                "docs/architecture.md draws \(target.name) → \(documented[target.name]?.sorted() ?? []), Package.swift declares \(target.dependencies.sorted())"
            )
        }
        #expect(
            Set(documented.keys) == Set(declared.map(\.name)),
            "targets drawn in docs/architecture.md but not in Package.swift, or the reverse")
    }
}
