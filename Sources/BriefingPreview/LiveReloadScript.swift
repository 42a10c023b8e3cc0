import Foundation

/// The script that served pages load: it listens to `/__briefing/events`, reloads the
/// page after a rebuild and shows build errors over it. It exists only in responses;
/// nothing is written into the output folder.
public enum LiveReloadScript {
    /// Where the server answers with the event stream.
    public static let eventsPath = "/__briefing/events"
    /// Where the server answers with `source`.
    public static let scriptPath = "/__briefing/live.js"

    /// The `<script>` tag for a page of build `build`.
    public static func tag(build: String) -> String {
        "<script src=\"\(scriptPath)\" data-build=\"\(HTMLText.escape(build))\" defer></script>"
    }

    /// `html` with the tag before its last `</body>` (or at the end when there is none).
    public static func inject(into html: String, build: String) -> String {
        let tag = tag(build: build)
        guard let range = html.range(of: "</body>", options: [.caseInsensitive, .backwards]) else { return html + tag }
        return html.replacingCharacters(in: range.lowerBound..<range.lowerBound, with: tag + "\n")
    }

    /// The client. Errors are shown with `textContent`, never parsed as HTML.
    public static let source = #"""
        (function () {
          "use strict";
          var me = document.currentScript;
          var build = me ? me.getAttribute("data-build") : "";
          var overlay = null;
          // For the curious and for scripts/browser_walk.py: what this page knows.
          var live = window.briefingLive = { build: build, state: "connecting" };

          function show(lines) {
            if (!overlay) {
              overlay = document.createElement("div");
              overlay.id = "briefing-error-overlay";
              overlay.setAttribute("role", "alert");
              overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;display:flex;" +
                "align-items:flex-start;justify-content:center;padding:3rem 1rem;box-sizing:border-box;" +
                "background:rgba(9,9,11,.55);";
              var panel = document.createElement("div");
              panel.style.cssText = "position:relative;box-sizing:border-box;width:100%;max-width:60rem;" +
                "padding:1.25rem 1.5rem;border-radius:8px;border-left:6px solid #ef4444;background:#18181b;" +
                "color:#fafafa;box-shadow:0 20px 50px rgba(0,0,0,.45);text-align:left;";
              var title = document.createElement("h2");
              title.textContent = "Build failed: still showing the last good site";
              title.style.cssText = "margin:0 6rem .75rem 0;font:600 18px/1.3 system-ui,sans-serif;color:#fca5a5;";
              var text = document.createElement("pre");
              text.style.cssText = "margin:0;white-space:pre-wrap;overflow-wrap:anywhere;" +
                "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:#fafafa;background:none;";
              var hint = document.createElement("p");
              hint.textContent = "Fix the file and save: this page reloads by itself.";
              hint.style.cssText = "margin:.75rem 0 0;font:14px/1.4 system-ui,sans-serif;color:#a1a1aa;";
              var close = document.createElement("button");
              close.type = "button";
              close.textContent = "Dismiss";
              close.style.cssText = "position:absolute;top:1rem;right:1rem;font:13px system-ui,sans-serif;" +
                "padding:.25rem .75rem;border:1px solid #52525b;border-radius:4px;background:#27272a;color:#fafafa;cursor:pointer;";
              close.onclick = function () { overlay.style.display = "none"; };
              panel.append(close, title, text, hint);
              overlay.appendChild(panel);
              document.body.appendChild(overlay);
            }
            overlay.querySelector("pre").textContent = lines.join("\n");
            overlay.style.display = "flex";
          }

          function hide() {
            if (overlay) { overlay.remove(); overlay = null; }
          }

          var events = new EventSource("\#(eventsPath)");
          events.addEventListener("hello", function (event) {
            var data = JSON.parse(event.data);
            if (data.build !== build) { live.state = "stale"; location.reload(); return; }
            live.state = data.diagnostics ? "failed" : "ready";
            if (data.diagnostics) { show(data.diagnostics); } else { hide(); }
          });
          events.addEventListener("reload", function () { live.state = "stale"; location.reload(); });
          events.addEventListener("failed", function (event) {
            live.state = "failed";
            show(JSON.parse(event.data).diagnostics);
          });
        })();

        """#
}

/// Minimal HTML escaping for text the server writes into pages itself.
enum HTMLText {
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
