package model

import (
	"errors"
	"slices"
	"sync"

	"github.com/pocketbase/pocketbase/core"
)

// lookupCache holds records of some collections read by id within one
// write (Write).
type lookupCache struct {
	mu          sync.Mutex
	collections []string
	records     map[lookupKey]*core.Record
}

type lookupKey struct{ collection, id string }

// CacheLookups makes Find keep the records of the named collections that it
// reads in the write txApp carries (RunAs), so that a batch of writes (an
// import) that checks the same plan, units and owners for every row reads
// each of them once. The records stay only as long as the write's
// transaction: the cache is dropped when the transaction ends, or earlier
// by the returned function. A record written in the transaction is dropped
// at once (ForgetLookup, which the hooks call for every create, update and
// delete), so a rule never reads anything but what the transaction itself
// would read from the database.
//
// It must be called inside a write's transaction; a second call for the
// same write keeps the first cache and returns a function that does
// nothing.
func CacheLookups(txApp core.App, collections ...string) (drop func(), err error) {
	w := writeOf(txApp)
	info := txApp.TxInfo()
	if w == nil || info == nil || !txApp.IsTransactional() {
		return func() {}, errors.New("CacheLookups must run inside a write's transaction (RunAs)")
	}
	if w.cache != nil {
		return func() {}, nil
	}
	c := &lookupCache{collections: slices.Clone(collections), records: map[lookupKey]*core.Record{}}
	w.cache = c
	drop = func() {
		if w.cache == c {
			w.cache = nil
		}
	}
	info.OnComplete(func(error) error { drop(); return nil })
	return drop, nil
}

// cacheOf is the lookup cache of the write app carries, or nil.
func cacheOf(app core.App) *lookupCache {
	if w := writeOf(app); w != nil {
		return w.cache
	}
	return nil
}

// Find loads a record by its collection's name and id, from the
// transaction's lookup cache when CacheLookups keeps that collection. Each
// call returns a record of its own, which the caller may change.
func Find(app core.App, collection, id string) (*core.Record, error) {
	c := cacheOf(app)
	if c == nil || !slices.Contains(c.collections, collection) {
		return app.FindRecordById(collection, id)
	}
	key := lookupKey{collection, id}
	c.mu.Lock()
	kept := c.records[key]
	c.mu.Unlock()
	if kept != nil {
		return kept.Fresh(), nil
	}
	r, err := app.FindRecordById(collection, id)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.records[key] = r.Fresh()
	c.mu.Unlock()
	return r, nil
}

// RememberLookups puts records the transaction has just read (a batch's
// plan, units, owners) into its lookup cache, so that Find need not read
// them again. Records of collections the cache does not keep are left out;
// without a cache it does nothing.
func RememberLookups(app core.App, records ...*core.Record) {
	c := cacheOf(app)
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, r := range records {
		if r == nil || r.IsNew() || !slices.Contains(c.collections, r.Collection().Name) {
			continue
		}
		c.records[lookupKey{r.Collection().Name, r.Id}] = r.Fresh()
	}
}

// ForgetLookup drops a record from the lookup cache of the write app
// carries: the hooks call it after every write of a record.
func ForgetLookup(app core.App, collection, id string) {
	c := cacheOf(app)
	if c == nil {
		return
	}
	c.mu.Lock()
	delete(c.records, lookupKey{collection, id})
	c.mu.Unlock()
}
