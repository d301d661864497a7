import Foundation
import Testing

@testable import DocketTemplates

/// A view model written the way Docket's are: one `field` line per value.
private struct Row: TemplateRepresentable {
    var label: String
    var count: Int
    var note: String?

    func slot(in arena: TemplateArena) -> TemplateSlot {
        var object = arena.object(Self.self)
        object.field("label", label)
        object.field("count", count)
        object.field("note", note)
        return object.end()
    }
}

/// A conversion written wrongly: a field only when it has a value.
private struct Skipping: TemplateRepresentable {
    var note: String?

    func slot(in arena: TemplateArena) -> TemplateSlot {
        var object = arena.object(Self.self)
        if let note { object.field("note", note) }
        object.field("end", true)
        return object.end()
    }
}

private struct Page: TemplateRepresentable {
    var title: String
    var rows: [Row]
    var flag: Bool

    func slot(in arena: TemplateArena) -> TemplateSlot {
        var object = arena.object(Self.self)
        object.field("title", title)
        object.field("rows", rows)
        object.field("flag", flag)
        return object.end()
    }
}

/// The arena pages are written into, the shapes of their objects, and rendering from many threads.
@Suite struct ArenaTests {
    @Test("an object that writes other fields than the first of its type stops a debug build (where tests run)")
    func fieldsOfOneShape() async {
        await #expect(processExitsWith: .failure) {
            let arena = TemplateArena(names: TemplateNames(["note", "end"]), slots: 16, textBytes: 16)
            _ = [Skipping(note: "a"), Skipping(note: nil)].slot(in: arena)
        }
    }

    @Test("values written into an arena read back the same")
    func roundTrip() {
        let value = TemplateValue.object(
            TemplateObject([
                ("a", .text("é<\"")), ("b", .number(-3)), ("c", .flag(false)), ("d", nil),
                ("e", .list([.text("x"), .object(["f": .flag(true)]), .list([])])),
            ]))
        let arena = TemplateArena(names: TemplateNames([]), slots: 1, textBytes: 1)  // grows as it fills
        let slot = value.slot(in: arena)
        #expect(arena.value(slot) == value)
        // Five fields, three list items and one field of the listed object; the empty list takes none.
        #expect(arena.slots.count == 9)
    }

    @Test("a view model's fields are its `field` lines, names and values together, nested objects included")
    func fieldLines() {
        let page = Page(
            title: "T", rows: [Row(label: "a", count: 1, note: nil), Row(label: "b", count: 2, note: "n")], flag: true)
        let expected = TemplateValue.object(
            TemplateObject([
                ("title", .text("T")),
                (
                    "rows",
                    .list([
                        .object(TemplateObject([("label", .text("a")), ("count", .number(1)), ("note", nil)])),
                        .object(TemplateObject([("label", .text("b")), ("count", .number(2)), ("note", .text("n"))])),
                    ])
                ),
                ("flag", .flag(true)),
            ]))
        #expect(page.templateValue == expected)
    }

    @Test("objects of one type share one shape; equal name lists share one shape; each page keeps its own numbers")
    func shapes() {
        let names = TemplateNames(["count", "label", "missing"])
        let arena = TemplateArena(names: names)
        let first = Row(label: "a", count: 1, note: nil).slot(in: arena)
        let second = Row(label: "b", count: 2, note: nil).slot(in: arena)
        guard case .object(_, let shapeA) = first, case .object(_, let shapeB) = second else {
            Issue.record("a row is not an object")
            return
        }
        #expect(shapeA == shapeB && arena.shapes.count == 1)
        #expect(arena.shapes[0].names == ["label", "count", "note"])
        // Where each name the templates use is among the fields; -1 for one the object does not have.
        #expect(Array(arena.shapes[0].positions) == [1, 0, -1])
        #expect(names.shape(names: ["p", "q"], forType: nil) === names.shape(names: ["p", "q"], forType: nil))
        #expect(names.shape(names: ["p", "q"], forType: nil) !== names.shape(names: ["q", "p"], forType: nil))
        // A second page (another arena) finds the shape the first recorded.
        let other = TemplateArena(names: names)
        _ = Row(label: "c", count: 3, note: nil).slot(in: other)
        #expect(other.shapes.first === arena.shapes.first)
    }

    @Test("pages render the same from many threads at once, the first objects of each type included")
    func concurrentRendering() async throws {
        let library = TemplateLibrary([
            "main": try MustacheTemplate(
                "<h1>{{title}}</h1>{{#rows}}<p>{{label}}={{count}}{{#note}}({{.}}){{/note}}</p>{{/rows}}{{#flag}}!{{/flag}}"
            )
        ])
        let rows = (0..<50).map { Row(label: "r\($0)", count: $0, note: $0 % 2 == 0 ? "even" : nil) }
        var expected = "<h1>Hi &amp; bye</h1>"
        for index in 0..<50 { expected += "<p>r\(index)=\(index)\(index % 2 == 0 ? "(even)" : "")</p>" }
        expected += "!"
        let outputs = await withTaskGroup(of: String.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    String(
                        decoding: library.render("main", Page(title: "Hi & bye", rows: rows, flag: true)), as: UTF8.self
                    )
                }
            }
            var all: [String] = []
            for await output in group { all.append(output) }
            return all
        }
        #expect(outputs.count == 16)
        #expect(outputs.allSatisfy { $0 == expected })
    }

    @Test("pages rendered one after another reuse the library's arenas: each page shows only its own values")
    func pagesInARow() throws {
        let library = TemplateLibrary([
            "page": try MustacheTemplate("{{title}}:{{#rows}}{{label}}{{count}}{{/rows}}"),
            "row": try MustacheTemplate("{{label}}/{{count}}/{{note}}/{{title}}"),
        ])
        func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }
        let long = Page(title: "long", rows: (0..<300).map { Row(label: "x", count: $0, note: nil) }, flag: false)
        #expect(text(library.render("page", long)) == "long:" + (0..<300).map { "x\($0)" }.joined())
        #expect(text(library.render("row", Row(label: "a", count: 1, note: "n"))) == "a/1/n/")
        #expect(text(library.render("page", Page(title: "short", rows: [], flag: true))) == "short:")
        #expect(text(library.render("missing", Row(label: "a", count: 1, note: nil))).isEmpty)
    }

    @Test("a byte buffer grows as it fills, and hands its bytes over whole")
    func byteBuffer() {
        let buffer = ByteBuffer(capacity: 1)
        for byte in "héllo".utf8 { buffer.append(byte) }
        Array(" wörld".utf8).withUnsafeBufferPointer { buffer.append($0) }
        buffer.append(UInt8(ascii: "!"), count: 3)
        buffer.append(String(repeating: "x", count: 100))
        #expect(buffer.count == 6 + 7 + 3 + 100)
        #expect(
            String(decoding: buffer.takeData(), as: UTF8.self) == "héllo wörld!!!" + String(repeating: "x", count: 100))
        #expect(buffer.count == 0 && buffer.takeData().isEmpty)
    }

    @Test("decimal digits, with leading zeros up to a width")
    func decimalDigits() {
        func digits(_ value: UInt, width: Int = 1) -> String {
            var bytes: [UInt8] = []
            forEachDecimalDigit(of: value, width: width) { bytes.append($0) }
            return String(decoding: bytes, as: UTF8.self)
        }
        #expect(digits(0) == "0")
        #expect(digits(7, width: 2) == "07")
        #expect(digits(1_000) == "1000")
        #expect(digits(42, width: 5) == "00042")
        #expect(digits(UInt.max) == "18446744073709551615")
    }
}
