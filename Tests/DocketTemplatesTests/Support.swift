import Foundation
import Testing

@testable import DocketTemplates

/// Renders `template` (named `main`) with `value`, the partials and parents given by name.
func render(_ template: String, _ value: TemplateValue = .object([:]), partials: [String: String] = [:]) throws
    -> String
{
    var templates = ["main": try MustacheTemplate(template)]
    for (name, text) in partials { templates[name] = try MustacheTemplate(text) }
    return String(decoding: TemplateLibrary(templates).render("main", value), as: UTF8.self)
}

/// The error a template's text gives, or nil when it parses.
func syntaxError(_ template: String) -> MustacheSyntaxError? {
    do {
        _ = try MustacheTemplate(template)
        return nil
    } catch {
        return error
    }
}

/// The HTML escape written out character by character (the rule the renderer's word-at-a-time escaper
/// must follow).
func escapedByHand(_ text: String) -> String {
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

/// A small seeded random number generator (SplitMix64), so random tests repeat.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
