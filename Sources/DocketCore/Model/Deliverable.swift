/// A deliverable from `tasks.md`: what is due when, what the VA asked the client for, and when it was
/// delivered.
struct Deliverable: Sendable, Equatable {
    /// What is to be delivered.
    var title: String
    /// The due date.
    var due: CalendarDate
    /// Everything the VA asked the client for, in the order written.
    var asks: [Ask]
    /// When it was delivered, or nil while open.
    var delivered: CalendarDate?
    /// The line of the item in tasks.md.
    var line: Int
    /// The due date moved by agreement, in the order written: the last one is the date agreed.
    var extensions: [Extension] = []

    /// Whether it is still open.
    var isOpen: Bool { delivered == nil }

    /// The date it is due as agreed: the last extension's, else `due`. Lateness is measured against it.
    var agreedDue: CalendarDate { extensions.last?.date ?? due }
}

/// A due date moved by agreement (`extended: 2026-11-27 brief arrived late, agreed with Sam`).
struct Extension: Sendable, Equatable {
    /// The new due date.
    var date: CalendarDate
    /// Why, and who agreed, as written.
    var reason: String
}

/// Something the VA needed from the client.
struct Ask: Sendable, Equatable {
    /// When the VA asked.
    var date: CalendarDate
    /// What was asked for.
    var what: String
    /// When it arrived, or nil while still awaited.
    var received: CalendarDate?
}

/// The plain facts of a deliverable as of a date. No blame words: dates and days.
struct DeliverableFacts: Sendable, Equatable {
    /// `Delivered on time`, `Delivered 3 days late`, `4 days to go`, `Due today`, `5 days overdue`.
    var status: String
    /// Days late (delivered after due, or open past due); 0 otherwise.
    var daysLate: Int
    /// Whether it was or is late.
    var isLate: Bool
    /// The timeline, oldest first: `(date, text)`.
    var timeline: [(date: CalendarDate, text: String)]
    /// Each wait on the client, for people: `Waited 8 days for brand guidelines`.
    var waits: [String]
    /// Total days waited on the client (overlapping waits counted once).
    var daysWaited: Int

    /// Compares facts.
    static func == (lhs: DeliverableFacts, rhs: DeliverableFacts) -> Bool {
        lhs.status == rhs.status && lhs.daysLate == rhs.daysLate && lhs.waits == rhs.waits
            && lhs.daysWaited == rhs.daysWaited && lhs.timeline.map(\.date) == rhs.timeline.map(\.date)
            && lhs.timeline.map(\.text) == rhs.timeline.map(\.text)
    }
}

extension Deliverable {
    /// The facts as of `today`.
    func facts(today: CalendarDate) -> DeliverableFacts {
        var timeline: [(date: CalendarDate, order: Int, text: String)] = []
        var waits: [String] = []
        var waitedDays = Set<Int>()
        for ask in asks {
            timeline.append((ask.date, 0, "Asked for \(ask.what)"))
            let end = ask.received ?? today
            let days = max(0, ask.date.days(until: end))
            for day in 0..<days { waitedDays.insert(ask.date.dayNumber + day) }
            if let received = ask.received {
                var text = "Received \(ask.what) (\(plural(days, "day")) after asking)"
                if received > due {
                    let which = extensions.isEmpty ? "the due date" : "the original due date"
                    text += ", \(plural(due.days(until: received), "day")) after \(which)"
                }
                timeline.append((received, 1, text))
                waits.append("Waited \(plural(days, "day")) for \(ask.what)")
            } else {
                waits.append("Waiting for \(ask.what): \(plural(days, "day")) so far")
            }
        }
        timeline.append((due, 2, extensions.isEmpty ? "Due" : "Originally due"))
        for (index, moved) in extensions.enumerated() {
            let isAgreed = index == extensions.count - 1
            let text =
                isAgreed
                ? "Due, as extended: \(moved.reason)" : "Extended to this date: \(moved.reason); moved again later"
            timeline.append((moved.date, 2, text))
        }
        let agreed = agreedDue
        let byExtension = agreed != due
        let status: String
        var late = 0
        if let delivered {
            late = max(0, agreed.days(until: delivered))
            let early = max(0, delivered.days(until: agreed))
            timeline.append((delivered, 3, "Delivered"))
            let onTime = byExtension ? "Delivered on time for the extended date" : "Delivered on time"
            status =
                late > 0
                ? "Delivered \(plural(late, "day")) late"
                : early > 0 ? "\(onTime) (\(plural(early, "day")) early)" : onTime
        } else {
            let left = today.days(until: agreed)
            late = max(0, -left)
            status =
                left > 0 ? "\(plural(left, "day")) to go" : left == 0 ? "Due today" : "\(plural(-left, "day")) overdue"
        }
        timeline.sort { ($0.date, $0.order) < ($1.date, $1.order) }
        return DeliverableFacts(
            status: status, daysLate: late, isLate: late > 0,
            timeline: timeline.map { ($0.date, $0.text) }, waits: waits,
            daysWaited: waitedDays.count)
    }
}

/// `1 day`, `3 days`.
func plural(_ count: Int, _ word: String) -> String {
    "\(count) \(word)\(count == 1 ? "" : "s")"
}
