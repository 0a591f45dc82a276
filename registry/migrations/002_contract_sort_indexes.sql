-- Listing contracts sorted by value or by publication date reads an index in order
-- instead of sorting every public contract (seconds at a million contracts).
CREATE INDEX contracts_public_value ON contracts(public, value_net);
CREATE INDEX entries_published ON entries(published_at);
