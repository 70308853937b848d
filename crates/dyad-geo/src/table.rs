//! The compiled gazetteer file: a flat record table and a sorted name index
//! in one little-endian byte buffer, read with one `read` and used in place.
//!
//! Layout (all integers little-endian):
//! ```text
//! header   "DYADGAZ1", u32 n_records, u32 n_keys, u32 n_postings, u32 strings_len
//! records  n_records x 32 bytes: u32 geonameid, f32 lat, f32 lon, u32 population,
//!          u32 name_off, u16 name_len, u8 class, u8 code index, [u8;3] ISO3,
//!          u8 reserved, u32 admin1 record (u32::MAX: none)
//! keys     n_keys x 12 bytes, sorted by key bytes: u32 key_off, u16 key_len,
//!          u16 n_postings, u32 first posting
//! postings n_postings x u32 record indices; the high bit marks a demonym
//! strings  UTF-8 names and keys
//! ```
//! Every access is bounds-checked: a damaged file gives wrong answers or an
//! error, never a panic.

use std::cmp::Ordering;
use std::collections::BTreeMap;

/// File magic and version.
pub(crate) const MAGIC: &[u8; 8] = b"DYADGAZ1";
const HEADER: usize = 24;
const RECORD: usize = 32;
const KEY: usize = 12;
/// Marks a posting that links a demonym ("Russian") to its country.
pub(crate) const DEMONYM_BIT: u32 = 1 << 31;
const NO_ADMIN: u32 = u32::MAX;

/// Feature codes the compact table can store; others are kept as "PPL"/"ADM2".
pub(crate) const FEATURE_CODES: &[&str] = &[
    "PPL", "PPLC", "PPLA", "PPLA2", "PPLX", "PCLI", "PCLD", "PCLS", "PCLF", "TERR", "ADM1", "ADM2",
    "ADM3", "ADM4", "ADMD", "ISL", "AIRP", "MT", "STM", "LCTY", "AREA", "RGN", "CONT",
];

/// One gazetteer entry in the form the builder takes.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceRecord {
    /// GeoNames id.
    pub geonameid: u32,
    /// Canonical name.
    pub name: String,
    /// Feature class ('P', 'A', ...).
    pub feature_class: char,
    /// Feature code ("PPL", "ADM1", ...).
    pub feature_code: String,
    /// ISO 3166-1 alpha-3 country code.
    pub country: String,
    /// GeoNames id of the containing first-level division, if any.
    pub admin1: Option<u32>,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Population (0 when unknown).
    pub population: u64,
    /// Every name the place is written as (canonical included).
    pub names: Vec<String>,
    /// Demonyms that point at this place (countries: "Russian").
    pub demonyms: Vec<String>,
}

/// A decoded record of the table.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RawRecord<'a> {
    pub geonameid: u32,
    pub lat: f32,
    pub lon: f32,
    pub population: u32,
    pub name: &'a str,
    pub class: u8,
    pub code: &'static str,
    pub country: [u8; 3],
    pub admin1: Option<u32>,
}

/// Compiles records into the table bytes.
pub fn build_table(records: &[SourceRecord]) -> Vec<u8> {
    let by_id: BTreeMap<u32, u32> = records
        .iter()
        .enumerate()
        .map(|(i, r)| (r.geonameid, i as u32))
        .collect();
    let mut strings = String::new();
    let push = |s: &str, strings: &mut String| -> (u32, u16) {
        let s = truncate(s, u16::MAX as usize);
        let off = strings.len() as u32;
        strings.push_str(s);
        (off, s.len() as u16)
    };
    let mut rec_bytes = Vec::with_capacity(records.len() * RECORD);
    let mut index: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (i, r) in records.iter().enumerate() {
        let (name_off, name_len) = push(&r.name, &mut strings);
        let code = FEATURE_CODES
            .iter()
            .position(|c| *c == r.feature_code)
            .unwrap_or(if r.feature_class == 'A' { 11 } else { 0 });
        let mut iso = [b' '; 3];
        for (slot, b) in iso.iter_mut().zip(r.country.bytes()) {
            *slot = b;
        }
        let admin = r
            .admin1
            .and_then(|id| by_id.get(&id).copied())
            .unwrap_or(NO_ADMIN);
        rec_bytes.extend_from_slice(&r.geonameid.to_le_bytes());
        rec_bytes.extend_from_slice(&(r.lat as f32).to_le_bytes());
        rec_bytes.extend_from_slice(&(r.lon as f32).to_le_bytes());
        rec_bytes.extend_from_slice(&(r.population.min(u32::MAX as u64) as u32).to_le_bytes());
        rec_bytes.extend_from_slice(&name_off.to_le_bytes());
        rec_bytes.extend_from_slice(&name_len.to_le_bytes());
        rec_bytes.push(if r.feature_class.is_ascii() {
            r.feature_class as u8
        } else {
            b'?'
        });
        rec_bytes.push(code as u8);
        rec_bytes.extend_from_slice(&iso);
        rec_bytes.push(0);
        rec_bytes.extend_from_slice(&admin.to_le_bytes());
        for name in r.names.iter().chain(std::iter::once(&r.name)) {
            let key = crate::normalize::name_key(name);
            if !key.is_empty() {
                let postings = index.entry(key).or_default();
                if !postings.contains(&(i as u32)) {
                    postings.push(i as u32);
                }
            }
        }
        for demonym in &r.demonyms {
            let key = crate::normalize::name_key(demonym);
            if !key.is_empty() {
                index.entry(key).or_default().push(i as u32 | DEMONYM_BIT);
            }
        }
    }
    let mut key_bytes = Vec::with_capacity(index.len() * KEY);
    let mut postings: Vec<u32> = Vec::new();
    for (key, list) in &index {
        let (off, len) = push(key, &mut strings);
        let list = &list[..list.len().min(u16::MAX as usize)];
        key_bytes.extend_from_slice(&off.to_le_bytes());
        key_bytes.extend_from_slice(&len.to_le_bytes());
        key_bytes.extend_from_slice(&(list.len() as u16).to_le_bytes());
        key_bytes.extend_from_slice(&(postings.len() as u32).to_le_bytes());
        postings.extend_from_slice(list);
    }
    let mut out = Vec::with_capacity(
        HEADER + rec_bytes.len() + key_bytes.len() + postings.len() * 4 + strings.len(),
    );
    out.extend_from_slice(MAGIC);
    for n in [records.len(), index.len(), postings.len(), strings.len()] {
        out.extend_from_slice(&(n as u32).to_le_bytes());
    }
    out.extend_from_slice(&rec_bytes);
    out.extend_from_slice(&key_bytes);
    for p in postings {
        out.extend_from_slice(&p.to_le_bytes());
    }
    out.extend_from_slice(strings.as_bytes());
    out
}

fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or("")
}

/// The table bytes with their section offsets, validated.
#[derive(Debug)]
pub(crate) struct Table {
    bytes: Vec<u8>,
    n_records: usize,
    n_keys: usize,
    keys_at: usize,
    postings_at: usize,
    strings_at: usize,
    /// The string section as text, validated once at load, so reading a
    /// name is a bounds and char-boundary check, not a UTF-8 scan.
    strings: String,
    /// `buckets[b]`: first key whose first two bytes are ≥ `b` (built at
    /// load), so a search starts in a narrow range: fewer cache misses.
    buckets: Vec<u32>,
    /// The first eight bytes of every key as a big-endian number (zero
    /// padded; keys hold no zero byte), so a search compares numbers in one
    /// array and reads whole keys only among keys sharing those bytes.
    heads: Vec<u64>,
}

/// The first eight bytes of a key as a number ordered like the keys.
fn head_of(key: &[u8]) -> u64 {
    if let Some(first) = key.first_chunk::<8>() {
        return u64::from_be_bytes(*first);
    }
    let mut bytes = [0u8; 8];
    for (slot, b) in bytes.iter_mut().zip(key) {
        *slot = *b;
    }
    u64::from_be_bytes(bytes)
}

/// The first two bytes of a key as a bucket number.
fn bucket_of(key: &[u8]) -> usize {
    let hi = key.first().copied().unwrap_or(0) as usize;
    let lo = key.get(1).copied().unwrap_or(0) as usize;
    (hi << 8) | lo
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at + 4)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    let b = bytes.get(at..at + 2)?;
    Some(u16::from_le_bytes([b[0], b[1]]))
}

impl Table {
    /// Checks the header and section sizes; `Err` carries what is wrong.
    pub(crate) fn parse(bytes: Vec<u8>) -> Result<Table, String> {
        if bytes.get(..8) != Some(MAGIC.as_slice()) {
            return Err("bad magic (not a dyad gazetteer, or an older format)".into());
        }
        let field = |i: usize| u32_at(&bytes, 8 + 4 * i).map(|v| v as usize);
        let (Some(n_records), Some(n_keys), Some(n_postings), Some(strings_len)) =
            (field(0), field(1), field(2), field(3))
        else {
            return Err("truncated header".into());
        };
        let keys_at = HEADER + n_records * RECORD;
        let postings_at = keys_at + n_keys * KEY;
        let strings_at = postings_at + n_postings * 4;
        if strings_at + strings_len != bytes.len() {
            return Err(format!(
                "size mismatch: header says {} bytes, file has {}",
                strings_at + strings_len,
                bytes.len()
            ));
        }
        let strings = match std::str::from_utf8(bytes.get(strings_at..).unwrap_or_default()) {
            Ok(text) => text.to_string(),
            Err(_) => return Err("string section is not UTF-8".into()),
        };
        let mut table = Table {
            bytes,
            n_records,
            n_keys,
            keys_at,
            postings_at,
            strings_at,
            strings,
            buckets: Vec::new(),
            heads: Vec::new(),
        };
        table.heads = table.build_heads();
        table.buckets = table.build_buckets();
        Ok(table)
    }

    /// The heads of all keys, read straight from the key section.
    fn build_heads(&self) -> Vec<u64> {
        let strings = self.bytes.get(self.strings_at..).unwrap_or_default();
        let keys = self
            .bytes
            .get(self.keys_at..self.postings_at)
            .unwrap_or_default();
        keys.chunks_exact(KEY)
            .map(|k| {
                let off = u32::from_le_bytes([k[0], k[1], k[2], k[3]]) as usize;
                let len = u16::from_le_bytes([k[4], k[5]]) as usize;
                head_of(strings.get(off..off + len).unwrap_or_default())
            })
            .collect()
    }

    /// Bucket starts, from the heads (a key's bucket is its head's top
    /// sixteen bits).
    fn build_buckets(&self) -> Vec<u32> {
        let mut buckets = vec![self.n_keys as u32; (1 << 16) + 1];
        let mut next = 0usize;
        for (k, head) in self.heads.iter().enumerate() {
            let b = (head >> 48) as usize;
            while next <= b {
                if let Some(slot) = buckets.get_mut(next) {
                    *slot = k as u32;
                }
                next += 1;
            }
        }
        buckets
    }

    /// The key range that can hold keys starting with `prefix`.
    fn range(&self, prefix: &[u8]) -> (usize, usize) {
        let at = |b: usize| self.buckets.get(b).map_or(self.n_keys, |&v| v as usize);
        match prefix.len() {
            0 => (0, self.n_keys),
            1 => {
                let b = bucket_of(prefix);
                (at(b), at(b + 256))
            }
            _ => {
                let b = bucket_of(prefix);
                (at(b), at(b + 1))
            }
        }
    }

    /// A table with no entry.
    pub(crate) fn empty() -> Table {
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&[0u8; HEADER - 8]);
        Table {
            bytes,
            n_records: 0,
            n_keys: 0,
            keys_at: HEADER,
            postings_at: HEADER,
            strings_at: HEADER,
            strings: String::new(),
            buckets: Vec::new(),
            heads: Vec::new(),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.n_records
    }

    fn str_at(&self, off: u32, len: u16) -> &str {
        let start = off as usize;
        self.strings.get(start..start + len as usize).unwrap_or("")
    }

    pub(crate) fn record(&self, i: u32) -> Option<RawRecord<'_>> {
        if i as usize >= self.n_records {
            return None;
        }
        let at = HEADER + i as usize * RECORD;
        let b = self.bytes.get(at..at + RECORD)?;
        let f32_at = |o: usize| u32_at(b, o).map(f32::from_bits);
        let admin = u32_at(b, 28)?;
        Some(RawRecord {
            geonameid: u32_at(b, 0)?,
            lat: f32_at(4)?,
            lon: f32_at(8)?,
            population: u32_at(b, 12)?,
            name: self.str_at(u32_at(b, 16)?, u16_at(b, 20)?),
            class: *b.get(22)?,
            code: FEATURE_CODES
                .get(*b.get(23)? as usize)
                .copied()
                .unwrap_or("PPL"),
            country: [*b.get(24)?, *b.get(25)?, *b.get(26)?],
            admin1: (admin != NO_ADMIN).then_some(admin),
        })
    }

    /// Key bytes (compared as bytes: no UTF-8 check on the search path),
    /// first posting and posting count of key `k`.
    fn key(&self, k: usize) -> Option<(&[u8], usize, usize)> {
        let at = self.keys_at + k * KEY;
        let start = self.strings_at + u32_at(&self.bytes, at)? as usize;
        let key = self
            .bytes
            .get(start..start + u16_at(&self.bytes, at + 4)? as usize)?;
        let n = u16_at(&self.bytes, at + 6)? as usize;
        let first = u32_at(&self.bytes, at + 8)? as usize;
        Some((key, first, n))
    }

    /// Postings (record indices, possibly with [`DEMONYM_BIT`]) of a key.
    pub(crate) fn posting_iter(&self, key: &str) -> impl Iterator<Item = u32> + '_ {
        let (first, n) = self.find(key).unwrap_or((0, 0));
        (first..first + n).filter_map(move |p| u32_at(&self.bytes, self.postings_at + p * 4))
    }

    /// (first posting, count) of a key.
    fn find(&self, key: &str) -> Option<(usize, usize)> {
        let p = key.as_bytes();
        match self.key(self.lower_bound(p)?)? {
            (k, first, n) if k == p => Some((first, n)),
            _ => None,
        }
    }

    /// The first key ≥ `p` (`n_keys` when none); `None` when a key cannot
    /// be read (a damaged file).
    fn lower_bound(&self, p: &[u8]) -> Option<usize> {
        let (start, end) = self.range(p);
        let heads = self.heads.get(start..end).unwrap_or_default();
        let head = head_of(p);
        let mut lo = start + heads.partition_point(|&h| h < head);
        if p.len() > 8 {
            // Among the keys with the same first eight bytes, compare bytes.
            let mut hi = start + heads.partition_point(|&h| h <= head);
            while lo < hi {
                let mid = lo + (hi - lo) / 2;
                let (k, _, _) = self.key(mid)?;
                match k.cmp(p) {
                    Ordering::Less => lo = mid + 1,
                    _ => hi = mid,
                }
            }
        }
        Some(lo)
    }

    /// (some key starts with `key` or equals it, the postings of `key`
    /// itself): one search answers both.
    pub(crate) fn prefix_status(&self, key: &str) -> (bool, impl Iterator<Item = u32> + '_) {
        let p = key.as_bytes();
        let at = self
            .lower_bound(p)
            .filter(|&lo| lo < self.n_keys)
            .and_then(|lo| self.key(lo));
        let prefix = at.is_some_and(|(k, _, _)| k.starts_with(p));
        let (first, n) = match at {
            Some((k, first, n)) if k == p => (first, n),
            _ => (0, 0),
        };
        let postings =
            (first..first + n).filter_map(move |p| u32_at(&self.bytes, self.postings_at + p * 4));
        (prefix, postings)
    }

    /// (key, first demonym posting) of every key with a demonym posting.
    /// Demonym postings are few: they are found in the posting section, then
    /// their keys (postings lie in key order) by binary search.
    pub(crate) fn demonyms(&self) -> Vec<(String, u32)> {
        let postings = self
            .bytes
            .get(self.postings_at..self.strings_at)
            .unwrap_or_default();
        let mut out: Vec<(String, u32)> = Vec::new();
        let mut last_key = None;
        for (at, b) in postings.chunks_exact(4).enumerate() {
            let posting = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
            if posting & DEMONYM_BIT == 0 {
                continue;
            }
            // The last key whose postings start at or before `at`.
            let k = self.partition_keys(|first| first <= at).checked_sub(1);
            let Some((k, (key, first, n))) = k.and_then(|k| Some((k, self.key(k)?))) else {
                continue;
            };
            if last_key == Some(k) || !(first..first + n).contains(&at) {
                continue;
            }
            last_key = Some(k);
            out.push((String::from_utf8_lossy(key).into_owned(), posting));
        }
        out
    }

    /// The number of leading keys whose first posting satisfies `pred`
    /// (monotone: true, then false).
    fn partition_keys(&self, pred: impl Fn(usize) -> bool) -> usize {
        let (mut lo, mut hi) = (0, self.n_keys);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.key(mid) {
                Some((_, first, _)) if pred(first) => lo = mid + 1,
                _ => hi = mid,
            }
        }
        lo
    }

    /// Record indices of all records (for country tables built at load).
    pub(crate) fn iter(&self) -> impl Iterator<Item = (u32, RawRecord<'_>)> {
        (0..self.n_records as u32).filter_map(|i| self.record(i).map(|r| (i, r)))
    }
}
