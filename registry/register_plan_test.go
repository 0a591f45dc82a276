package registry_test

import (
	"testing"

	"jawnosc/registry"
)

// TestColumnPlan lists, for the media transparency header and mapping, the column each of
// the file's columns fills and the ones ignored, as ParseTable reads them.
func TestColumnPlan(t *testing.T) {
	s := MustOpenStore(t)
	header := []string{"MEDIUM_MEDIENINHABER", "medium", "RECHTSTRÄGER", "LEERMELDUNG", "QUARTAL", "bekanntgabe_description", "year", "BEKANNTGABE", "id", "EURO"}
	got := s.Ads().ColumnPlan(header, mtgMapping(t))
	want := []registry.ColumnUse{{"MEDIUM_MEDIENINHABER", "outlet_publisher", "outlet.publisher"}, {"medium", "outlet_name", "outlet.name"},
		{"RECHTSTRÄGER", "description", "description"}, {"LEERMELDUNG", "", ""}, {"QUARTAL", "period_quarter", "period_start,period_end"},
		{"bekanntgabe_description", "campaign", "campaign"}, {"year", "", ""}, {"BEKANNTGABE", "", ""}, {"id", "", ""}, {"EURO", "amount_gross", "amount_gross"}}
	if len(got) != len(want) {
		t.Fatalf("plan %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("column %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	// Without a mapping our own names are used and the export's meta columns are ignored.
	plain := s.Expenses().ColumnPlan([]string{"id", "spent_on", "Amount_Gross", "other"}, registry.Mapping{})
	if plain[0].Column != "" || plain[1].Column != "spent_on" || plain[2].Column != "amount_gross" || plain[3].Column != "" {
		t.Errorf("plain plan %+v", plain)
	}
	if f := s.Ads().ColumnField("currency"); f != "currency" {
		t.Errorf("currency fills %q", f)
	}
	if f := s.Ads().ColumnField("nope"); f != "" {
		t.Errorf("an unknown column fills %q", f)
	}
}
