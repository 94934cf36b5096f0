package store

import "github.com/sahelatlas/sahelatlas/data"

// The names in this file are the ones imports had before they were renamed
// from "layer" (a word that also names the map's drawing layers). Only
// data/exchange's benchmarks still use them, and the file goes once they
// move to the new names: use Import, PutImport, Imports and ImportEvents.

// Layer is the former name of Import.
type Layer = Import

// PutLayer is the former name of PutImport.
func (s *Store) PutLayer(l Import, records []data.Record) (ImportChange, error) {
	return s.PutImport(l, records)
}

// Layers is the former name of Imports.
func (s *Store) Layers() ([]Import, error) { return s.Imports() }

// LayerEvents is the former name of ImportEvents.
func (s *Store) LayerEvents(id string) ([]data.Record, error) { return s.ImportEvents(id) }
