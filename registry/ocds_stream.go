package registry

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
)

// WriteOCDSReleasePackage writes head as a release package whose releases are every
// published version of every public contract, streamed: the register never sits in
// memory. cos maps company slugs to companies. Errors come from the store or w.
func (s *Store) WriteOCDSReleasePackage(ctx context.Context, cfg OCDSConfig, cos map[string]*Company, head OCDSReleasePackage, w *bufio.Writer) error {
	head.Releases = []*OCDSRelease{}
	b, err := json.Marshal(head)
	if err != nil {
		return err
	}
	// The package ends with `"releases":[]}`: write all but the closing "]}", then the releases.
	const tail = `]}`
	if _, err := w.Write(b[:len(b)-len(tail)]); err != nil {
		return err
	}
	first := true
	err = s.ScanContractHistories(ctx, func(ct *Contract, versions []*ContractVersion) error {
		co := cos[ct.Company]
		if co == nil {
			return fmt.Errorf("ocds: contract %d of unknown company %q", ct.ID, ct.Company)
		}
		for _, r := range ContractReleases(cfg, co, ct, versions) {
			rb, err := json.Marshal(r)
			if err != nil {
				return err
			}
			if !first {
				w.WriteByte(',')
			}
			first = false
			w.WriteByte('\n')
			if _, err := w.Write(rb); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	_, err = w.WriteString("\n" + tail + "\n")
	return err
}

// CompaniesBySlug returns every company by its slug.
func (s *Store) CompaniesBySlug(ctx context.Context) (map[string]*Company, error) {
	cs, err := s.FindCompanies(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[string]*Company, len(cs))
	for _, co := range cs {
		out[co.Slug] = co
	}
	return out, nil
}

// OCDSPackageHead is the metadata of a release package of the whole register published at
// publishedDate (RFC 3339).
// Without cfg.BaseURL (a dump written with no public address configured) the links that
// must be absolute are left out.
func OCDSPackageHead(cfg OCDSConfig, uri, publishedDate string) OCDSReleasePackage {
	p := OCDSReleasePackage{URI: uri, Version: OCDSVersion, PublishedDate: publishedDate,
		Publisher: OCDSPublisher{Name: cfg.PublisherName, URI: cfg.BaseURL}, License: cfg.License}
	if cfg.BaseURL != "" {
		p.PublicationPolicy = cfg.BaseURL + "/otwarte-dane"
	}
	return p
}
