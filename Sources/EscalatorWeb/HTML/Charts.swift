import Foundation

/// A horizontal bar chart as accessible SVG, always shown beside a table of the same figures.
public enum Charts {
    public struct Bar: Sendable {
        public var label: String
        /// Nil draws no bar, only `display` (a figure withheld, such as "<5", or "None due").
        public var value: Double?
        public var display: String

        public init(label: String, value: Double?, display: String) {
            self.label = label
            self.value = value
            self.display = display
        }
    }

    /// Bars for one or two series (e.g. demand against supply). Each series has one bar per label.
    /// `scaleMax` fixes the end of the axis (100 for percentages); by default it is the largest value.
    /// `description` is read out after the title; `itemHeader` heads the table's first column.
    public static func barChart(
        title: String, id: String, series: [(name: String, bars: [Bar])], scaleMax: Double? = nil,
        itemHeader: String = "Item", description: String? = nil
    ) -> Node {
        let labels = series.first?.bars.map(\.label) ?? []
        let maxValue = max(scaleMax ?? 0, series.flatMap { $0.bars.compactMap(\.value) }.max() ?? 0, 1)
        let rowHeight = 14 * series.count + 10
        let labelWidth = 230.0, plotWidth = 330.0
        let height = labels.count * rowHeight + 30
        let colours = ["#1d70b8", "#f47738", "#00703c"]
        let titleID = id + "-title", descID = id + "-desc"

        var shapes: [Node] = []
        for (row, label) in labels.enumerated() {
            let y = Double(row * rowHeight + 20)
            shapes.append(el("text", Attribute("x", "0"), Attribute("y", fmt(y + 10)), Attribute("font-size", "12")) { truncate(label) })
            for (s, entry) in series.enumerated() where row < entry.bars.count {
                let bar = entry.bars[row]
                let width = bar.value.map { plotWidth * $0 / maxValue } ?? 0
                let barY = y + Double(s * 14)
                if bar.value != nil {
                    shapes.append(el("rect", Attribute("x", fmt(labelWidth)), Attribute("y", fmt(barY)),
                                         Attribute("width", fmt(max(width, 0))), Attribute("height", "12"),
                                         Attribute("fill", colours[s % colours.count])))
                }
                shapes.append(el("text", Attribute("x", fmt(labelWidth + width + 4)), Attribute("y", fmt(barY + 10)),
                                 Attribute("font-size", "11")) { bar.display })
            }
        }
        let legend: [Node] = series.count < 2 ? [] : series.enumerated().map { index, entry in
            fragment {
                el("rect", Attribute("x", fmt(labelWidth + Double(index) * 130)), Attribute("y", "2"), Attribute("width", "10"),
                       Attribute("height", "10"), Attribute("fill", colours[index % colours.count]))
                el("text", Attribute("x", fmt(labelWidth + Double(index) * 130 + 14)), Attribute("y", "11"), Attribute("font-size", "12")) { entry.name }
            }
        }

        let svg = el("svg", Attribute("xmlns", "http://www.w3.org/2000/svg"), Attribute("viewBox", "0 0 640 \(height)"),
                     Attribute("role", "img"), .aria("labelledby", "\(titleID) \(descID)")) {
            el("title", .id(titleID)) { title }
            el("desc", .id(descID)) { (description.map { $0 + " " } ?? "") + "Bar chart. The same figures are in the table beside it." }
            legend
            shapes
        }
        let rows: [[Node]] = labels.indices.map { row in
            [Node.text(labels[row])] + series.map { .text(row < $0.bars.count ? $0.bars[row].display : "") }
        }
        return el("figure", .class("chart"), .id(id)) {
            svg
            table(caption: title, headers: [itemHeader] + series.map(\.name), rows: rows,
                  numericColumns: Set(1...max(1, series.count)))
        }
    }

    /// One series of percentages (0 to 100) on an axis that always runs to 100%.
    public static func percentChart(title: String, id: String, seriesName: String, bars: [Bar], itemHeader: String = "Item", description: String? = nil) -> Node {
        barChart(title: title, id: id, series: [(name: seriesName, bars: bars)], scaleMax: 100, itemHeader: itemHeader, description: description)
    }

    static func fmt(_ value: Double) -> String { String(format: "%.1f", value) }

    static func truncate(_ label: String) -> String {
        label.count <= 34 ? label : String(label.prefix(33)) + "…"
    }
}
