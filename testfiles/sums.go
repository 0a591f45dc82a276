package testfiles

import (
	"encoding/csv"
	"os"
	"strconv"
	"strings"
	"testing"
)

// SumCents reads a comma-separated UTF-8 file with encoding/csv alone (none of the
// project's parsing) and sums the amounts of column amountCol, given with a decimal
// point ("40542.94"), in hundredths per value of column keyCol (white space collapsed).
// It returns the sums and the number of data rows.
func SumCents(tb testing.TB, path, keyCol, amountCol string) (map[string]int64, int) {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		tb.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	k, okK := col[keyCol]
	a, okA := col[amountCol]
	if !okK || !okA {
		tb.Fatalf("%s: no column %q or %q", path, keyCol, amountCol)
	}
	sums := map[string]int64{}
	for _, r := range rows[1:] {
		whole, frac, _ := strings.Cut(r[a], ".")
		frac = (frac + "00")[:2]
		cents, err := strconv.ParseInt(whole+frac, 10, 64)
		if err != nil {
			tb.Fatalf("%s: amount %q: %v", path, r[a], err)
		}
		sums[strings.Join(strings.Fields(r[k]), " ")] += cents
	}
	return sums, len(rows) - 1
}
