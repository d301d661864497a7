import Crypto
import Foundation

/// The page an encrypted portal serves: the ciphertext, a passphrase form (or nothing to type, for a
/// `#k=` link) and one inline script, allowed by its hash in the Content-Security-Policy, that decrypts the
/// page with the Web Crypto API and keeps the key for the tab's session. The script takes a `#k=` key out of
/// the address before anything else, ignores one on a passphrase page, treats a malformed key as a wrong
/// one, and "Lock" forgets the key and reloads the page without it (marked locked, so it says so).
enum LockedPage {
    /// The decrypting script. Its SHA-256 hash is in every locked page's Content-Security-Policy.
    static let script = """
        (function () {
          "use strict";
          var payload = JSON.parse(document.getElementById("docket-payload").textContent);
          var storageKey = "docket-key:" + payload.portal;
          var lockedKey = "docket-locked:" + payload.portal;
          var here = location.pathname + location.search;
          function bytes(text) {
            var s = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
            var out = new Uint8Array(s.length);
            for (var i = 0; i < s.length; i++) { out[i] = s.charCodeAt(i); }
            return out;
          }
          function base64url(buffer) {
            var b = new Uint8Array(buffer), s = "";
            for (var i = 0; i < b.length; i++) { s += String.fromCharCode(b[i]); }
            return btoa(s).replace(/\\+/g, "-").replace(/\\//g, "_").replace(/=+$/, "");
          }
          function isKey(text) { return /^[A-Za-z0-9_-]{43}$/.test(text); }
          function read(name) { try { return sessionStorage.getItem(name); } catch (e) { return null; } }
          function store(name, value) { try { sessionStorage.setItem(name, value); } catch (e) {} }
          function remove(name) { try { sessionStorage.removeItem(name); } catch (e) {} }
          function forget() { remove(storageKey); }
          function say(id, message) {
            var element = document.getElementById(id);
            if (element) { element.textContent = message || ""; element.hidden = !message; }
          }
          function lock() {
            forget();
            store(lockedKey, "1");
            location.replace(here);
          }
          function addLock() {
            var button = document.createElement("button");
            button.type = "button";
            button.className = "forget";
            button.textContent = "Lock this portal on this device";
            button.addEventListener("click", lock);
            (document.querySelector("footer") || document.body).appendChild(button);
          }
          function remember(raw) { store(storageKey, base64url(raw)); }
          function open(raw) {
            return crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["decrypt"]).then(function (key) {
              return crypto.subtle.decrypt({ name: "AES-GCM", iv: bytes(payload.nonce),
                additionalData: new TextEncoder().encode(payload.aad) }, key, bytes(payload.ciphertext));
            }).then(function (plain) {
              var text = new Uint8Array(plain);
              if (payload.padding) {
                var end = text.lastIndexOf(128);
                if (end < 0) { throw new Error("no padding"); }
                text = text.subarray(0, end);
              }
              remember(raw);
              var page = new DOMParser().parseFromString(new TextDecoder().decode(text), "text/html");
              document.replaceChild(document.adoptNode(page.documentElement), document.documentElement);
              addLock();
              window.addEventListener("pageshow", function (event) {
                if (event.persisted && !read(storageKey)) { location.replace(here); }
              });
            });
          }
          function derive(passphrase) {
            return crypto.subtle.importKey("raw", new TextEncoder().encode(passphrase), "PBKDF2", false, ["deriveBits"])
              .then(function (base) {
                return crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: bytes(payload.kdf.salt),
                  iterations: payload.kdf.iterations }, base, 256);
              }).then(function (bits) { return new Uint8Array(bits); });
          }
          function ready(error, note) {
            say("docket-error", error);
            say("docket-status", note);
            var form = document.getElementById("docket-unlock");
            if (!form || payload.mode !== "passphrase") { return; }
            form.hidden = false;
            var input = document.getElementById("docket-passphrase");
            input.focus();
            form.addEventListener("submit", function (event) {
              event.preventDefault();
              say("docket-error", "");
              say("docket-status", "Opening…");
              derive(input.value).then(open).catch(function () {
                say("docket-status", "");
                say("docket-error", "That passphrase does not open this portal. Check it and try again.");
                input.select();
              });
            });
          }
          function attempt(text, error) {
            say("docket-status", "Opening…");
            Promise.resolve().then(function () {
              if (!isKey(text)) { throw new Error("malformed key"); }
              return open(bytes(text));
            }).catch(function () {
              forget();
              ready(error, "");
            });
          }
          var fragment = /(?:^#|&)k=([^&]*)/.exec(location.hash);
          if (fragment) {
            try { history.replaceState(history.state, "", here); } catch (e) {}
          }
          var locked = read(lockedKey) !== null;
          remove(lockedKey);
          if (!window.crypto || !crypto.subtle) {
            say("docket-error", "This page can only be opened over a secure (https) connection.");
            return;
          }
          var missing = "This link is missing its key. Open the whole link you were sent: it ends with #k= and a code.";
          var given = fragment && payload.mode === "link" ? fragment[1] : null;
          var stored = read(storageKey);
          if (given !== null) {
            attempt(given, "This link's key does not open this page. Please ask for a new link.");
          } else if (stored) {
            attempt(stored, payload.mode === "link" ? missing : "");
          } else if (locked) {
            ready("", payload.mode === "link" ? "This portal is locked. Open the whole link you were sent to open it again." :
              "This portal is locked. Enter the passphrase to open it again.");
          } else {
            ready(payload.mode === "link" ? missing : "", "");
          }
        })();
        """

    /// The script's hash as a CSP source: `'sha256-…'`.
    static let scriptHash: String = {
        "'sha256-\(Data(SHA256.hash(data: Data(script.utf8))).base64EncodedString())'"
    }()

    /// The Content-Security-Policy of a locked page.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src \(scriptHash); style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'"

    /// A locked page holding an encrypted envelope (its JSON text, as `PortalEncryption.envelope` writes it).
    static func html(envelope: String, mode: PortalEncryptionMode, business: String, root: String) -> String {
        let intro =
            mode == .passphrase
            ? "This portal is encrypted. Enter the passphrase you were given to open it."
            : "This portal is encrypted and opens with the key in your link."
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta http-equiv="Content-Security-Policy" content="\(HTML.escape(contentSecurityPolicy))">
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex,nofollow">
            <meta name="referrer" content="no-referrer">
            <title>Private portal · \(HTML.escape(business))</title>
            <link rel="stylesheet" href="\(root)assets/portal.css">
            <script type="application/json" id="docket-payload">\(envelope)</script>
            </head>
            <body class="page locked-page">
            <header class="masthead"><div class="wrap"><p class="brand">\(HTML.escape(business))</p></div></header>
            <main class="wrap">
            <section class="card locked">
            <h1>Private portal</h1>
            <p>\(intro)</p>
            <form id="docket-unlock" hidden>
            <label for="docket-passphrase">Passphrase</label>
            <input id="docket-passphrase" name="passphrase" type="password" autocomplete="current-password" required>
            <button type="submit">Open</button>
            </form>
            <p id="docket-status" class="muted" role="status" hidden></p>
            <p id="docket-error" class="status over" role="alert" hidden></p>
            <noscript><p>Opening this page needs JavaScript.</p></noscript>
            </section>
            </main>
            <script>\(script)</script>
            </body>
            </html>

            """
    }
}
