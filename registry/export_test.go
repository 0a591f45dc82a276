package registry

// ForgetCounts empties the store's cache of listing totals (benchmarks of a first visit).
func ForgetCounts(s *Store) {
	s.counts.mu.Lock()
	defer s.counts.mu.Unlock()
	s.counts.byKey = nil
}
