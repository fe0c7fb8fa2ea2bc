import Clean
import EduwhCore
import Testing

/// News-page furniture seen on several unseen hosts in session 26: a bare time stamp under the
/// headline, an empty comment box's prompt, an empty tag label.
@Suite struct NewsFurnitureSession26Tests {
    static func clean(head: [String] = [], middle: [String] = [], tail: [String] = []) -> CleanedFile {
        CleanFixture.clean(head: head, middle: middle, tail: tail)
    }

    // MARK: - A bare date under the headline

    @Test(arguments: ["2024年03月01日", "2019年11月1日", "2012年11月06日"])
    func aBareDateUnderTheHeadlineIsThePagesTimeStamp(date: String) {
        let cleaned = Self.clean(head: [date])
        let line = CleanFixture.line(date, in: cleaned)
        #expect(line?.label == .metadata, "\(String(describing: line))")
        #expect(line?.rule == "page-date")
        #expect(CleanFixture.line(CleanFixture.title, in: cleaned)?.label == .title)
    }

    @Test func aBareDateAboveTheHeadlineLeavesTheHeadlineItsTitle() {
        let date = "2024年03月01日"
        let cleaned = Cleaner.standard.clean(CleanFixture.raw(date + "\n\n" + CleanFixture.text()))
        #expect(CleanFixture.line(date, in: cleaned)?.label == .metadata)
        #expect(CleanFixture.line(CleanFixture.title, in: cleaned)?.label == .title)
    }

    @Test func aLineUnderTheTimeStampIsNotTakenForATitle() {
        // news.gov.hk: 預留十億 推校舍小型內部改裝 / 2019年11月1日 / 主席︰
        let cleaned = Self.clean(head: ["2019年11月1日", "河南省人民政府副省长 徐济超"])
        #expect(CleanFixture.line("河南省人民政府副省长 徐济超", in: cleaned)?.label == .body)
    }

    @Test(arguments: ["(2012年8月29日)", "（2014年3月5日）", "2021年1月"])
    func aSpeechsBracketedDateOrAMonthStaysBody(date: String) {
        let line = CleanFixture.line(date, in: Self.clean(head: [date]))
        #expect(line?.label == .body, "\(String(describing: line))")
    }

    // MARK: - An empty comment box and an empty tag label

    @Test(arguments: ["暂无评论,发起评论可获得更多关注", "还没有评论,快来抢沙发吧!", "暫無評論，快來搶沙發！"])
    func anEmptyCommentBoxsPromptIsNoise(prompt: String) {
        let line = CleanFixture.line(prompt, in: Self.clean(tail: [prompt]))
        #expect(line?.label == .noise, "\(String(describing: line))")
    }

    @Test(arguments: ["關鍵詞:", "標籤: tags:", "标签："])
    func anEmptyTagLabelAmongTheParagraphsIsNoise(label: String) {
        let line = CleanFixture.middleLine(label)
        #expect(line?.label == .noise, "\(String(describing: line))")
    }

    @Test func aKeywordLineWithTheReportsOwnWordsIsNotTakenForAnEmptyTag() {
        // fi18: a report's section opens 關鍵詞:教育優先 暖心惠民
        let text = "關鍵詞:教育優先 暖心惠民"
        let line = CleanFixture.middleLine(text)
        #expect(line?.rule != "tag-line-empty")
    }
    // MARK: - A photo's caption credited with a slash

    @Test(arguments: [
        "圖說:楊文科縣長在教師表揚大會向教師們深深一鞠躬,感謝為教育貢獻心力。(記者羅吉訓/攝)",
        "新建成的学校教学楼。(记者王明/摄)",
    ])
    func aCaptionCreditedWithASlashIsNoise(caption: String) {
        let line = CleanFixture.middleLine(caption)
        #expect(line?.label == .noise, "\(String(describing: line))")
    }

    // MARK: - The headline again with a photo mark or a traditional-script collection mark

    @Test(arguments: ["(图1)", "(组图)", "(匯總)"])
    func theHeadlineAgainWithAMarkIsACopy(mark: String) {
        let copy = CleanFixture.title + mark
        let cleaned = Self.clean(head: ["发布时间：2022-12-01 来源：镇教育办", copy])
        let line = cleaned.lines.last { $0.text == copy }
        #expect(line?.label == .noise, "\(String(describing: line))")
        #expect(CleanFixture.line(CleanFixture.title, in: cleaned)?.label == .title)
    }

    @Test func aHeadingWithAWordInBracketsIsNoCopy() {
        // (图书馆) names a building, not a photo
        let heading = CleanFixture.title + "(图书馆)"
        let cleaned = Self.clean(head: ["发布时间：2022-12-01 来源：镇教育办", heading])
        #expect(cleaned.lines.last { $0.text == heading }?.rule != "title-repeat")
    }

    // MARK: - A list of other stories grows upward through its residue

    /// fi29 (exmoo.com): the headlines under a Macau story; 批准後可獲發3,300元 sits two lines above an
    /// item the list took, with residue around it.
    @Test func aHeadlineAboveAListItemAmongResidueIsTheLists() {
        let tail = [
            "明起接受申請 6月16日截止", "可於教青局網頁或致電查詢結果", "批准後可獲發3,300元", "續按家屬意願提供協助", "供5,060個單位 月租最低860元",
            "觀眾:好正!好震撼!好值得睇!", "發揮澳門作為中國與葡語國家「精準聯繫人」作用", "我不是天才 求自媒體放過", "創歷史新高", "致力提升治理能力和水平",
            "園方研延長展館開放時間",
        ]
        let cleaned = Self.clean(tail: tail)
        let line = CleanFixture.line("批准後可獲發3,300元", in: cleaned)
        #expect(line?.label == .noise, "\(String(describing: line))")
        for paragraph in CleanFixture.paragraphs {
            #expect(CleanFixture.line(paragraph, in: cleaned)?.label == .body)
        }
    }
}
