package web

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"sync"
	"time"
)

// Uploads waiting between the import preview and its confirmation are kept here, on the
// server: the confirmation names one by a random id and the server parses the very bytes it
// previewed again, so no client-side copy of parsed rows is ever trusted.
const (
	pendingImportTTL      = 30 * time.Minute
	pendingImportMaxBytes = 96 << 20 // all pending uploads together; the oldest go first
	pendingImportsPerUser = 3
)

// pendingImport is an upload that passed its preview.
type pendingImport struct {
	userID    int64
	session   string // SHA-256 of the session's CSRF token: the upload is bound to the session
	companyID int64
	register  string // the register it is for: "umowy", "wydatki", "reklamy", "rekrutacje"
	columns   string // the column mapping (their=ours) the preview applied; registers only
	set       string // the fixed values (ours=value) the preview applied; registers only
	name      string
	data      []byte
	expires   time.Time
}

// pendingImports holds the uploads waiting for confirmation, in memory.
type pendingImports struct {
	mu    sync.Mutex
	m     map[string]*pendingImport
	order []string // ids, oldest first
	bytes int
}

func newPendingImports() *pendingImports { return &pendingImports{m: map[string]*pendingImport{}} }

// sessionKey binds an upload to the session whose CSRF token is csrf.
func sessionKey(csrf string) string {
	sum := sha256.Sum256([]byte(csrf))
	return hex.EncodeToString(sum[:])
}

// put keeps p and returns its id, dropping expired uploads, the user's oldest beyond
// pendingImportsPerUser, and the oldest of all beyond pendingImportMaxBytes.
func (ps *pendingImports) put(p *pendingImport, now time.Time) string {
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported systems
	}
	id := base64.RawURLEncoding.EncodeToString(b)
	ps.mu.Lock()
	defer ps.mu.Unlock()
	mine := 0
	for i := len(ps.order) - 1; i >= 0; i-- {
		old := ps.m[ps.order[i]]
		if old.userID == p.userID {
			mine++
			if mine >= pendingImportsPerUser {
				ps.dropLocked(ps.order[i])
			}
		}
	}
	for _, oid := range append([]string(nil), ps.order...) {
		if old := ps.m[oid]; !now.Before(old.expires) || ps.bytes+len(p.data) > pendingImportMaxBytes {
			ps.dropLocked(oid)
		}
	}
	ps.m[id] = p
	ps.order = append(ps.order, id)
	ps.bytes += len(p.data)
	return id
}

// take removes and returns the upload id when it belongs to the user's session and to the
// register, and has not expired; otherwise nil (and another session's or register's upload
// stays).
func (ps *pendingImports) take(id, register string, userID int64, session string, now time.Time) *pendingImport {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	p, ok := ps.m[id]
	if !ok || p.userID != userID || p.session != session || p.register != register {
		return nil
	}
	ps.dropLocked(id)
	if !now.Before(p.expires) {
		return nil
	}
	return p
}

func (ps *pendingImports) dropLocked(id string) {
	p, ok := ps.m[id]
	if !ok {
		return
	}
	delete(ps.m, id)
	ps.bytes -= len(p.data)
	for i, o := range ps.order {
		if o == id {
			ps.order = append(ps.order[:i], ps.order[i+1:]...)
			break
		}
	}
}
