import Foundation
import Testing

@testable import DocketCore

/// The one JSON writer, held to texts written by hand, to the reference tree (`JSONValue`) and to Foundation's
/// reader.
@Suite("JSON writer")
struct JSONWriterTests {
    /// What the writer writes for one document.
    static func written(_ layout: JSONWriter.Layout = .indented, _ body: (inout JSONWriter) -> Void) -> String {
        String(decoding: JSONWriter.write(layout, capacity: 16, body).bytes, as: UTF8.self)
    }

    /// One string as the writer quotes it.
    static func quoted(_ text: String) -> String { written { $0.string(text) } }

    /// Foundation's reading of a JSON string literal.
    static func read(_ literal: String) -> String? {
        try? JSONSerialization.jsonObject(with: Data(literal.utf8), options: .fragmentsAllowed) as? String
    }

    @Test("strings: quotes, backslashes, controls, HTML characters and JavaScript line ends escaped; the rest as it is")
    func escaping() {
        #expect(
            Self.quoted("a\"b\\c\n\r\t\u{01}<>&\u{2028}\u{2029}é€")
                == "\"a\\\"b\\\\c\\n\\r\\t\\u0001\\u003c\\u003e\\u0026\\u2028\\u2029é€\"")
        #expect(Self.quoted("") == "\"\"")
        #expect(Self.quoted("plain text") == "\"plain text\"")
        #expect(Self.quoted("\u{1F}x\u{7F}\"") == "\"\\u001fx\u{7F}\\\"\"")
        #expect(Self.quoted("\u{0}\u{8}\u{C}\u{1B}") == "\"\\u0000\\u0008\\u000c\\u001b\"")
        // Neighbours of U+2028 and U+2029 (the same first byte, 0xE2) stay as they are.
        #expect(Self.quoted("\u{2027}\u{202A}\u{20AC}\u{2000}") == "\"\u{2027}\u{202A}\u{20AC}\u{2000}\"")
        #expect(Self.quoted("'/?=;") == "\"'/?=;\"")
    }

    @Test(
        "every ASCII character and the awkward non-ASCII ones, alone and between letters, escaped as the reference escapes them and read back by Foundation"
    )
    func everyCharacter() {
        var scalars = (0...0x7F).map { Unicode.Scalar(UInt8($0)) }
        scalars += [
            "\u{80}", "\u{A0}", "\u{E2}", "é", "\u{7FF}", "\u{800}", "\u{2000}", "\u{2027}", "\u{2028}", "\u{2029}",
            "\u{202A}",
            "€", "\u{D7FF}", "\u{E000}", "\u{FEFF}", "\u{FFFD}", "\u{FFFF}", "\u{10000}", "😀", "\u{10FFFF}",
        ]
        for scalar in scalars {
            for text in [String(scalar), "a\(scalar)b", "\(scalar)\(scalar)"] {
                let quoted = Self.quoted(text)
                #expect(quoted == JSONValue.quote(text), "\(text.debugDescription)")
                // Foundation's reader drops a byte-order mark at the start of a document.
                if text.unicodeScalars.first != "\u{FEFF}" {
                    #expect(Self.read(quoted) == text, "\(text.debugDescription)")
                }
            }
        }
    }

    @Test(
        "2,000 random strings of controls, HTML characters, line ends and non-ASCII text: byte for byte the reference's escaping, and Foundation reads each back"
    )
    func randomStrings() {
        var random = SplitMix(seed: 14)
        let awkward: [Unicode.Scalar] = [
            "\"", "\\", "<", ">", "&", "\u{2028}", "\u{2029}", "\u{2027}", "\u{202A}", "\u{E2}",
            "é", "€", "😀", "\u{7F}", "\u{80}", "\u{FFFF}", "\u{10FFFF}",
        ]
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<Int(random.next() % 24) {
                let pick = random.next()
                switch pick % 4 {
                case 0: text.unicodeScalars.append(Unicode.Scalar(UInt8(random.next() % 0x20)))  // a control
                case 1: text.unicodeScalars.append(awkward[Int(random.next() % UInt64(awkward.count))])
                // Printable ASCII.
                case 2: text.unicodeScalars.append(Unicode.Scalar(UInt8(0x20 + random.next() % 0x60)))
                default:
                    // Any scalar of the Basic Multilingual Plane or beyond, surrogates skipped.
                    let value = UInt32(random.next() % 0x110000)
                    text.unicodeScalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
                }
            }
            let quoted = Self.quoted(text)
            #expect(quoted == JSONValue.quote(text), "\(text.debugDescription)")
            #expect(Self.read(quoted) == text, "\(text.debugDescription)")
        }
    }

    @Test("numbers, booleans and null: whole numbers digit by digit to both ends of Int, decimals as their text")
    func scalars() {
        let values = Self.written(.compact) { json in
            json.beginArray()
            for number in [0, -7, 1_000_000, Int.min, Int.max] { json.int(number) }
            json.decimal("2.50")
            json.bool(true)
            json.bool(false)
            json.null()
            json.endArray()
        }
        #expect(values == "[0,-7,1000000,-9223372036854775808,9223372036854775807,2.50,true,false,null]")
    }

    @Test("layout: two spaces per level and one item per line, or no whitespace; empty containers stay on one line")
    func layout() {
        func document(_ json: inout JSONWriter) {
            json.beginObject()
            json.key("a")
            json.beginArray()
            json.endArray()
            json.key("b")
            json.beginArray()
            json.int(-7)
            json.beginObject()
            json.endObject()
            json.null()
            json.beginArray()
            json.string("x")
            json.endArray()
            json.endArray()
            json.key("c")
            json.string("x\"<")
            json.key(NamedKey(stringValue: "longer_key"))
            json.int(12)
            json.key(text: "é \"quoted\"")
            json.bool(true)
            json.endObject()
        }
        #expect(
            Self.written(.indented, document) == """
                {
                  "a": [],
                  "b": [
                    -7,
                    {},
                    null,
                    [
                      "x"
                    ]
                  ],
                  "c": "x\\"\\u003c",
                  "longer_key": 12,
                  "é \\"quoted\\"": true
                }
                """)
        #expect(
            Self.written(.compact, document)
                == #"{"a":[],"b":[-7,{},null,["x"]],"c":"x\"\u003c","longer_key":12,"é \"quoted\"":true}"#)
        #expect(
            Self.written(.indented) {
                $0.beginObject()
                $0.endObject()
            } == "{}")
        #expect(Self.written(.indented) { $0.string("top") } == "\"top\"")
    }

    @Test("a one-character key (kept by Swift as a scalar, not as bytes) is written like any other")
    func oneCharacterKey() {
        let text = Self.written(.indented) { json in
            json.beginObject()
            json.key("a")
            json.int(1)
            json.key("bc")
            json.int(2)
            json.endObject()
        }
        #expect(text == "{\n  \"a\": 1,\n  \"bc\": 2\n}")
    }

    @Test("500 random documents: the writer's text is the reference tree's, in both layouts, and Foundation reads it")
    func randomTrees() throws {
        var random = SplitMix(seed: 2026)
        for _ in 0..<500 {
            let value = randomValue(&random, depth: 0)
            for layout in [JSONWriter.Layout.indented, .compact] {
                let text = value.writtenByWriter(layout)
                #expect(text == value.serialized(layout))
                _ = try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)
            }
        }
    }

    private func randomValue(_ random: inout SplitMix, depth: Int) -> JSONValue {
        let keys = ["a", "slug", "longer_key", "x1", "", "é", "with space", "q\"uote", "<tag>", "\u{2028}", "tab\t"]
        let pieces = [
            "a", "Acme", " ", "é", "😀", "\"", "\\", "<", ">", "&", "\n", "\u{0}", "\u{1F}", "\u{2028}", "\u{2029}", "€",
        ]
        func text() -> String {
            (0..<Int(random.next() % 6)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
        }
        switch random.next() % (depth < 4 ? 8 : 5) {
        case 0: return .int(Int(bitPattern: UInt(random.next())) >> Int(random.next() % 64))
        case 1: return .string(text())
        case 2: return .decimal(["0.5", "46.0", "12.25", "-3.1"][Int(random.next() % 4)])
        case 3: return .bool(random.next() % 2 == 0)
        case 4: return .null
        case 5, 6:
            return .object(
                (0..<Int(random.next() % 5)).map { _ in
                    (keys[Int(random.next() % UInt64(keys.count))], randomValue(&random, depth: depth + 1))
                })
        default:
            return .array((0..<Int(random.next() % 5)).map { _ in randomValue(&random, depth: depth + 1) })
        }
    }
}

/// A small seeded generator (SplitMix64), so random tests are the same on every run.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
