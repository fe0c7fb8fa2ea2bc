import Clean
import EduwhCore
import Testing

/// Glued reports are split where a new one starts; a single report is not split.
@Suite struct DocumentSplitTests {
    static let speechA = [
        "尊敬的各位领导、各位老师：",
        "一年来，我在校长室的领导下，分管学校德育工作，认真履行职责，努力开拓创新，现将工作情况报告如下。",
        "我们以养成教育为抓手，开展主题班会、国旗下讲话等活动48次，学生文明素养明显提高，违纪率下降了三成。",
        "今后，我将继续加强学习，改进工作方法，为学校发展作出更大的贡献。",
        "谢谢大家！",
    ]
    static let reportB = [
        "三年来，我认真贯彻党的教育方针，团结带领班子成员，狠抓教育教学质量，学校面貌焕然一新。",
        "学校先后投入资金560万元，新建塑胶运动场一个、功能教室12间，办学条件全面改善，群众满意度不断上升。",
        "下一步，我们将继续深化课堂教学改革，推动学校内涵发展，努力办好人民满意的学校。",
    ]
    static let reportC = [
        "本人于2019年8月起担任镇中心学校校长，任现职以来，始终坚持依法治校、以德立校，各项工作稳步推进。",
        "在教师队伍建设上，我们实施青蓝工程，组织师徒结对32对，青年教师在县级以上比赛中获奖19人次。",
        "在学校安全工作上，我们落实一岗双责，开展应急演练每学期两次，全年未发生一起安全责任事故。",
    ]

    static func cleaned(_ lines: [String]) -> CleanedFile {
        Cleaner.standard.clean(CleanFixture.raw(lines.joined(separator: "\n\n") + "\n"))
    }

    @Test func pieceMarkersSplit() {
        let file = Self.cleaned(
            ["德育工作述职报告（精选3篇）", "【篇一】"] + Self.speechA + ["【篇二】", "校长述职报告"] + Self.reportB + ["篇三："] + Self.reportC)
        #expect(file.documents.count == 3)
        // The collection's title (（精选3篇）) is the site's, not the first report's: that report has none of its own.
        #expect(CleanFixture.line("德育工作述职报告（精选3篇）", in: file)?.rule == "collection-title")
        #expect(file.documents[0].title == nil)
        #expect(file.documents[1].title == "校长述职报告")
        #expect(CleanFixture.line("【篇二】", in: file)?.document == 2)
        #expect(CleanFixture.line("【篇二】", in: file)?.rule == "piece-marker")
    }

    /// 范文一： is a piece marker like 【篇一】, not a form label: the piece's title line.
    @Test func modelEssayMarkersSplitAndAreTitles() {
        let file = Self.cleaned(["教师个人述职报告范文两篇", "范文一："] + Self.speechA + ["范文二："] + Self.reportB)
        #expect(file.documents.count == 2)
        for (marker, document) in [("范文一：", 1), ("范文二：", 2)] {
            let line = CleanFixture.line(marker, in: file)
            #expect(line?.document == document && line?.label == .title && line?.rule == "piece-marker", "\(marker)")
        }
        // A short label that is no piece marker stays a form label.
        let other = Self.cleaned(["温馨提示："] + Self.speechA)
        #expect(CleanFixture.line("温馨提示：", in: other)?.rule == "form-label")
    }

    @Test func gluedReportsShareThePagesMetadata() {
        let file = Self.cleaned(
            ["当前位置：学习资料站 > 述职报告 > 正文", "德育工作述职报告", "时间：2021-03-05 作者：小王"] + Self.speechA + Self.reportB)
        #expect(file.documents.count == 2)
        #expect(file.documents[0].metadata.author == "小王")
        #expect(file.documents[1].metadata.publishedAt == "2021-03-05")
        #expect(file.documents[1].metadata.sourceSite == "学习资料站")
        #expect(file.documents[1].metadata.author == nil)
    }

    @Test func newReportAfterClosingLineSplits() {
        let file = Self.cleaned(Self.speechA + Self.reportB)
        #expect(file.documents.count == 2)
        #expect(CleanFixture.line("谢谢大家！", in: file)?.document == 1)
        #expect(CleanFixture.line(Self.reportB[0], in: file)?.document == 2)
    }

    @Test func salutationAfterAReportSplits() {
        let file = Self.cleaned(Self.reportB + Self.speechA)
        #expect(file.documents.count == 2)
        #expect(CleanFixture.line(Self.speechA[0], in: file)?.document == 2)
        #expect(CleanFixture.line(Self.speechA[0], in: file)?.label == .body)
    }

    @Test func openingParagraphAfterConcludingOneSplits() {
        let file = Self.cleaned(Self.reportB + Self.reportC)
        #expect(file.documents.count == 2)
        #expect(CleanFixture.line(Self.reportC[0], in: file)?.document == 2)
    }

    @Test func oneReportIsNotSplit() {
        let file = Self.cleaned(
            ["学校德育工作汇报"] + Self.reportC + ["同志们，让我们携手并进，为办好人民满意的教育而努力奋斗！"] + Self.reportB.dropFirst())
        #expect(file.documents.count == 1)
    }

    @Test func noiseAfterTheLastReportJoinsIt() {
        let file = Self.cleaned(Self.speechA + Self.reportB + ["相关推荐", "班主任工作总结", "教学工作计划"])
        #expect(file.documents.count == 2)
        #expect(CleanFixture.line("教学工作计划", in: file)?.document == 2)
        #expect(CleanFixture.line("教学工作计划", in: file)?.label == .noise)
    }
}
