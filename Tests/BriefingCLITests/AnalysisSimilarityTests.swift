@testable import BriefingCore
import Foundation
import Testing

/// The measures under the analysis: content words, the Jaccard clustering, cue force and
/// the word diff.
@Suite("Analysis: similarity, cues, word diff")
struct AnalysisSimilarityTests {
    @Test func contentWordsIgnoreFormAndKeepNegation() {
        #expect(ContentWords.set("The gates were opened on schedule.") == ContentWords.set("gates OPENS on Schedule"))
        #expect(ContentWords.set("Venezuela’s army has 5,000 Igla-S") == ["5000", "army", "igla", "venezuela"])
        #expect(ContentWords.set("Nicolás didn't sign").contains("not"))
        #expect(ContentWords.set("Nicolás didn't sign").contains("nicola"), "accents folded, then stemmed")
    }

    @Test func clustersNearIdenticalClaimsOnly() {
        let texts = [
            "the spillway gates jammed shortly after 2 a.m.",          // 0
            "The spillway gates jammed shortly after 2 a.m",           // 1: same words
            "the spillway gates had jammed shortly after 2 a.m.",      // 2: one function word more
            "the agreement would be delayed until next year",          // 3
            "the contract would be delayed until next year",           // 4: another subject: not the same claim
            "the spillway gates did not jam",                          // 5
            "the gates jammed",                                        // 6: too different in size
            "x",                                                       // 7: too short
        ]
        #expect(ClaimClusterer().clusters(texts) == [[0, 1, 2]])
    }

    @Test func headsAreTheWordsAfterAnArticle() {
        #expect(ContentWords.heads("We will not accept the ceasefire in its present form. The people deserve better") == ["ceasefir", "peopl"])
        #expect(ContentWords.heads("the nation’s borders, a flood of this size") == ["flood", "nation"])
        #expect(ContentWords.heads("gates jammed shortly after 2 a.m. on schedule").isEmpty, "“a.m.” is no article")
    }

    @Test func aChainOfNearIdenticalClaimsIsNotOneCluster() {
        let texts = [
            "spillway gates jammed shortly after midnight during storm",    // 0: A
            "spillway gates jammed shortly after midnight during storm, flooding Corran",  // 1: B ≈ A, B ≈ C
            "gates jammed shortly after midnight, flooding Corran",          // 2: C, not ≈ A
        ]
        // B is near-identical to the most claims: it founds the cluster; C comes before A
        // alphabetically and joins it; A is not near-identical to C, so stays alone.
        #expect(ClaimClusterer().clusters(texts) == [[1, 2]])
    }

    @Test func aReplacedSubjectOrANegationMakesAnotherClaim() {
        let texts = [
            "the contract would be delayed until next year",                              // 0
            "the contract would be delayed until next year, talks would continue",        // 1: ≈ 0, a clause more
            "the budget would be delayed until next year, talks would continue",          // 2: another subject
            "the budget would be delayed until next year",                                // 3
            "We will not accept the contract in its present form. The people deserve better", // 4
            "We will not accept the ceasefire in its present form. The people deserve better", // 5: another object
            "The gates were opened on schedule and every safety protocol was followed",   // 6
            "The gates were opened on time and every safety protocol was followed",       // 7: reworded: one claim
            "the spillway gates jammed shortly after 2 a.m.",                             // 8
            "the spillway gates had been jammed on purpose shortly after 2 a.m.",         // 9: a detail more
            "the spillway gates never jammed shortly after 2 a.m.",                       // 10: contradicts 8
        ]
        #expect(ClaimClusterer().clusters(texts) == [[0, 1], [2, 3], [6, 7], [8, 9]])
    }

    @Test func clustersDoNotDependOnTheOrderOfClaims() {
        var texts: [String] = []
        for subject in ["contract", "budget", "ceasefire", "audit"] {
            texts.append("the \(subject) would reach 1.2 billion by March")
            texts.append("The \(subject) would reach 1.2 billion by March, talks would continue")
            texts.append("who requested anonymity, the \(subject) would reach 1.2 billion by March")
            texts.append("spillway gates of the \(subject) jammed shortly after midnight during storm")
            texts.append("spillway gates of the \(subject) jammed shortly after midnight during storm, flooding Corran")
            texts.append("gates of the \(subject) jammed shortly after midnight, flooding Corran")
        }
        func partition(_ order: [Int]) -> Set<Set<Int>> {
            Set(ClaimClusterer().clusters(order.map { texts[$0] }).map { Set($0.map { order[$0] }) })
        }
        let forward = partition(Array(texts.indices))
        #expect(!forward.isEmpty)
        #expect(partition(texts.indices.reversed()) == forward)
        #expect(partition(texts.indices.sorted { ($0 * 7) % texts.count < ($1 * 7) % texts.count }) == forward)
    }

    @Test func clusteringIsNearLinearOnManyRepeatedAndDistinctClaims() {
        // 20,000 claims: 100 texts repeated, and 10,000 distinct ones.
        var texts: [String] = []
        for i in 0..<10_000 { texts.append("the minister said alpha\(i) beta\(i) gamma\(i) of the budget were late") }
        for i in 0..<10_000 { texts.append("port\(i % 100) strike\(i % 100) talks\(i % 100) would be delayed until next year") }
        let start = Date()
        let clusters = ClaimClusterer().clusters(texts)
        #expect(Date().timeIntervalSince(start) < 10, "no pairwise comparison of 20,000 claims")
        #expect(clusters.count == 100)
        #expect(clusters.allSatisfy { $0.count == 100 })
    }

    @Test func cueForceOrdersHedgedNeutralFirm() {
        #expect(CueShift.between("said", "admitted") == .hardened)
        #expect(CueShift.between("claimed", "said") == .hardened)
        #expect(CueShift.between("confirmed", "suggested") == .softened)
        #expect(CueShift.between("said", "denied") == .reversed)
        #expect(CueShift.between("said", "stated") == .reworded)
        #expect(CueShift.between("said", "Said") == nil)
        #expect(CueReading("flatly denied").isDenial)
        #expect(CueReading("according to").force == .neutral)
    }

    @Test func wordDiffShowsTheChangedWords() throws {
        let diff = try #require(WordDiff.diff("We will never surrender, never.", "We will not surrender"))
        #expect(diff.map { "\($0.kind.rawValue):\($0.text)" } == ["same:We will", "removed:never", "added:not", "same:surrender", "removed:never."])
        #expect(WordDiff.sameWording("“On schedule,” she said", "on schedule she said"))
        #expect(WordDiff.diff(String(repeating: "word ", count: 200), "word") == nil, "long texts are not diffed")
    }
}
