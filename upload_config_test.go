package main

import "testing"

func TestMaxUploadBytes(t *testing.T) {
	for _, c := range []struct {
		env  string
		want int64
		ok   bool
	}{{"", 25 << 20, true}, {"40", 40 << 20, true}, {" 1 ", 1 << 20, true}, {"0", 0, false}, {"2048", 0, false}, {"25MB", 0, false}} {
		t.Setenv("JAWNOSC_MAX_UPLOAD_MB", c.env)
		got, err := maxUploadBytes()
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("JAWNOSC_MAX_UPLOAD_MB=%q: %d %v, want %d ok=%v", c.env, got, err, c.want, c.ok)
		}
	}
}
