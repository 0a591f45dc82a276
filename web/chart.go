package web

import (
	"fmt"
	"math"
)

// barChart is a horizontal bar chart drawn on the server as SVG (templates/partials/chart.html):
// a title and a description for screen readers, one bar per item; the same numbers are
// always in a table beside it.
type barChart struct {
	ID, Title, Desc string
	Width, Height   int
	Bars            []chartBar
}

// chartBar is one bar: the full label (in the table), a short one (in the SVG), the value.
type chartBar struct {
	Label, Short, Value string
	Y, TextY, W, ValueX int
}

// Chart geometry (SVG user units).
const (
	chartWidth  = 720
	chartLabelW = 230
	chartBarMax = 340
	chartRow    = 26
)

// chartItem is what a chart shows: a label, an amount (for the length) and its text.
type chartItem struct {
	Label  string
	Amount int64
	Value  string
}

// newBarChart lays out items (already in display order) as bars proportional to the largest.
func newBarChart(id, title, unit string, items []chartItem) barChart {
	ch := barChart{ID: id, Title: title, Width: chartWidth, Height: chartRow*len(items) + 8}
	var top, total int64
	topLabel := ""
	for _, it := range items {
		total += it.Amount
		if it.Amount > top {
			top, topLabel = it.Amount, it.Label
		}
	}
	for i, it := range items {
		w := 0
		if top > 0 {
			w = int(math.Round(float64(it.Amount) / float64(top) * chartBarMax))
		}
		y := i*chartRow + 4
		ch.Bars = append(ch.Bars, chartBar{Label: it.Label, Short: truncate(it.Label, 32), Value: it.Value,
			Y: y, TextY: y + 14, W: max(w, 1), ValueX: chartLabelW + max(w, 1) + 6})
	}
	switch {
	case len(items) == 0:
		ch.Desc = "Brak danych."
	case total > 0:
		ch.Desc = fmt.Sprintf("Wykres słupkowy, %d pozycji (%s). Największa: %s — %s, %s całości. Te same dane są w tabeli obok.",
			len(items), unit, topLabel, items[indexOf(items, topLabel)].Value, percent(float64(top)/float64(total)))
	default:
		ch.Desc = "Wykres słupkowy; wszystkie wartości są zerowe."
	}
	return ch
}

func indexOf(items []chartItem, label string) int {
	for i, it := range items {
		if it.Label == label {
			return i
		}
	}
	return 0
}

// percent formats a share 0..1 the Polish way: "70,5%".
func percent(share float64) string {
	s := fmt.Sprintf("%.1f%%", share*100)
	for i := range s {
		if s[i] == '.' {
			return s[:i] + "," + s[i+1:]
		}
	}
	return s
}
