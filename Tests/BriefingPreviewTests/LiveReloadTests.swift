@testable import BriefingPreview
import Foundation
import Testing

@Suite struct LiveReloadTests {
    @Test func theTagGoesBeforeTheLastBodyEnd() {
        let html = "<html><body><p>&lt;/body&gt;</p>\n</BODY>\n</html>\n"
        let injected = LiveReloadScript.inject(into: html, build: "b-1")
        #expect(injected == "<html><body><p>&lt;/body&gt;</p>\n<script src=\"/__briefing/live.js\" data-build=\"b-1\" defer></script>\n</BODY>\n</html>\n")
        #expect(LiveReloadScript.inject(into: "<p>x</p>", build: "b\"2") == "<p>x</p><script src=\"/__briefing/live.js\" data-build=\"b&quot;2\" defer></script>")
    }

    @Test func eventsAreOneLineOfJSON() {
        #expect(PreviewEvent.reload(build: "s-2").serverSentEvent == "event: reload\ndata: {\"build\":\"s-2\"}\n\n")
        #expect(PreviewEvent.hello(build: "s-1", diagnostics: nil).serverSentEvent == "event: hello\ndata: {\"build\":\"s-1\"}\n\n")
        let failed = PreviewEvent.failed(diagnostics: ["seeds/a.md:2:3: error: bad\nthing </script>"]).serverSentEvent
        #expect(failed == "event: failed\ndata: {\"diagnostics\":[\"seeds/a.md:2:3: error: bad\\nthing </script>\"]}\n\n")
    }

    @Test func theHubGreetsWithTheStateAndBroadcasts() async {
        let hub = PreviewEventHub()
        await hub.buildSucceeded()
        let build = await hub.build
        var first = await hub.subscribe().makeAsyncIterator()
        #expect(await first.next() == .hello(build: build, diagnostics: nil))
        await hub.buildFailed(["x:1:1: error: y"])
        #expect(await first.next() == .failed(diagnostics: ["x:1:1: error: y"]))
        var second = await hub.subscribe().makeAsyncIterator()
        #expect(await second.next() == .hello(build: build, diagnostics: ["x:1:1: error: y"]))
        await hub.buildSucceeded()
        let next = await hub.build
        #expect(next != build)
        #expect(await first.next() == .reload(build: next))
        #expect(await second.next() == .reload(build: next))
        await hub.close()
        #expect(await first.next() == nil)
    }

    @Test func httpDates() {
        #expect(HTTPDate.format(Date(timeIntervalSince1970: 784_111_777)) == "Sun, 06 Nov 1994 08:49:37 GMT")
    }
}
