package registry

// ForgetCounts empties the store's cache of listing totals (benchmarks of a first visit).
func ForgetCounts(s *Store) {
	s.counts.mu.Lock()
	defer s.counts.mu.Unlock()
	s.counts.byKey = nil
}

// DummyHash is the hash an unknown login is checked against.
func DummyHash(s *Store) string { return s.dummyHash() }
