import EduwhCore

/// Evaluates line rules and split cues on one file's lines, running each pattern at most once
/// per line (the paragraph pass, the splitter and the labeller ask about the same lines).
///
/// ```swift
/// let evaluator = LineEvaluator(lines: lines, rules: .standard)
/// evaluator.cue(.closing, at: 12)?.id  // "closing-thanks"
/// ```
final class LineEvaluator {
    let lines: [ScannedLine]
    let rules: CleanRules
    private let ruleCount: Int
    /// Per line and rule: -1 not yet tried, 0 pattern misses, 1 pattern matches.
    private var patternHits: [Int8]
    /// Cue indexes by role, in table order.
    private let cuesByRole: [[Int]]
    /// Per line and role: -2 not yet tried, -1 no cue, else the index of the best cue.
    private var cueHits: [Int32]
    /// Per rule with a run condition: the length of the run each line is in (0: not known),
    /// so a long list is measured once, not once per line.
    private var runLengths: [Int: [Int32]] = [:]

    init(lines: [ScannedLine], rules: CleanRules) {
        self.lines = lines
        self.rules = rules
        ruleCount = rules.lineRules.count
        patternHits = Array(repeating: -1, count: lines.count * max(1, rules.lineRules.count))
        cuesByRole = SplitCue.Role.allCases.map { role in
            rules.splitCues.indices.filter { rules.splitCues[$0].role == role }
        }
        cueHits = Array(repeating: -2, count: lines.count * SplitCue.Role.allCases.count)
    }

    // MARK: - Line rules

    private func patternMatches(_ r: Int, at i: Int) -> Bool {
        let slot = i * ruleCount + r
        let known = patternHits[slot]
        if known >= 0 { return known == 1 }
        let hit = rules.lineRules[r].pattern.matches(lines[i])
        patternHits[slot] = hit ? 1 : 0
        return hit
    }

    /// Whether rule `r` holds for line `i` in `zone`, ignoring its run condition.
    func holdsIgnoringRun(_ r: Int, at i: Int, zone: LineZone?) -> Bool {
        rules.lineRules[r].conditionsHold(lines[i], zone: zone) && patternMatches(r, at: i)
    }

    /// The first rule that holds for line `i` in `zone` (nil zone: zone conditions met, run
    /// conditions unmet). `zoneOf` gives neighbours' zones for run conditions.
    func firstRule(at i: Int, zone: LineZone?, within segment: Range<Int>, zoneOf: (Int) -> LineZone) -> LineRule? {
        for r in 0..<ruleCount where holdsIgnoringRun(r, at: i, zone: zone) {
            let rule = rules.lineRules[r]
            if rule.runNeeded == 0 { return rule }
            guard zone != nil else { continue }
            if runLength(of: r, at: i, within: segment, zoneOf: zoneOf) >= rule.runNeeded { return rule }
        }
        return nil
    }

    /// How many neighbouring lines in a row (line `i` included, within `segment`) satisfy rule
    /// `r` apart from its run condition, each in its own zone.
    private func runLength(of r: Int, at i: Int, within segment: Range<Int>, zoneOf: (Int) -> LineZone) -> Int {
        if let known = runLengths[r]?[i], known > 0 { return Int(known) }
        var first = i
        while first - 1 >= segment.lowerBound, holdsIgnoringRun(r, at: first - 1, zone: zoneOf(first - 1)) {
            first -= 1
        }
        var last = i
        while last + 1 < segment.upperBound, holdsIgnoringRun(r, at: last + 1, zone: zoneOf(last + 1)) { last += 1 }
        let count = last - first + 1
        var lengths = runLengths[r] ?? Array(repeating: 0, count: lines.count)
        for k in first...last { lengths[k] = Int32(count) }
        runLengths[r] = lengths
        return count
    }

    // MARK: - Split cues

    /// The highest-weighted cue of `role` that matches line `i` (the first of equal weight).
    func cue(_ role: SplitCue.Role, at i: Int) -> SplitCue? {
        let roleIndex = SplitCue.Role.allCases.firstIndex(of: role)!
        let slot = i * SplitCue.Role.allCases.count + roleIndex
        var best = cueHits[slot]
        if best == -2 {
            best = -1
            for c in cuesByRole[roleIndex] {
                let cue = rules.splitCues[c]
                if best >= 0, cue.weight <= rules.splitCues[Int(best)].weight { continue }
                if cue.matches(lines[i]) { best = Int32(c) }
            }
            cueHits[slot] = best
        }
        return best >= 0 ? rules.splitCues[Int(best)] : nil
    }

    /// The weight of the best cue of `role` on line `i` (0 when none).
    func points(_ role: SplitCue.Role, at i: Int) -> Int { cue(role, at: i)?.weight ?? 0 }
}
