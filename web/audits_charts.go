package web

import (
	"fmt"
)

// barChart is a horizontal bar chart drawn as SVG on the server (no script): a title and a
// description for assistive technology (role="img", aria-labelledby) and the same figures
// as a data table beside it.
type barChart struct {
	ID      string
	Title   string
	Desc    string
	Caption string // the data table's caption
	Head    [3]string
	Bars    []chartBar
	Width   int
	Height  int
}

// chartBar is one bar with its geometry in the SVG's coordinates.
type chartBar struct {
	Label  string
	Value  string // formatted value, shown at the bar's end and in the table
	Count  string // second table column (e.g. number of contracts)
	Y      int
	W      int // bar width
	TextY  int
	ValueX int
}

// Geometry of the charts (SVG units; the SVG scales to its container).
const (
	chartWidth  = 760
	chartLabelW = 250
	chartValueW = 150
	chartRowH   = 30
	chartBarH   = 20
)

// newBarChart lays out bars for values (same order as labels), the longest bar for the largest value.
func newBarChart(id, title, desc, caption string, head [3]string, labels, values, counts []string, amounts []int64) barChart {
	ch := barChart{ID: id, Title: title, Desc: desc, Caption: caption, Head: head, Width: chartWidth}
	var maxV int64
	for _, a := range amounts {
		maxV = max(maxV, a)
	}
	span := chartWidth - chartLabelW - chartValueW
	for i, l := range labels {
		w := 0
		if maxV > 0 {
			w = int(amounts[i] * int64(span) / maxV)
		}
		if amounts[i] > 0 && w < 2 {
			w = 2 // a non-zero value stays visible
		}
		y := 10 + i*chartRowH
		ch.Bars = append(ch.Bars, chartBar{Label: l, Value: values[i], Count: counts[i], Y: y, W: w,
			TextY: y + chartBarH/2 + 5, ValueX: chartLabelW + w + 8})
	}
	ch.Height = 20 + len(labels)*chartRowH
	return ch
}

// describeMax returns a sentence naming the largest item, for the chart's description.
func describeMax(labels, values []string, amounts []int64) string {
	best := -1
	for i, a := range amounts {
		if best < 0 || a > amounts[best] {
			best = i
		}
	}
	if best < 0 {
		return "Brak danych."
	}
	return fmt.Sprintf("Najwięcej: %s — %s.", labels[best], values[best])
}
