//! The model file: a small binary format holding the tagger, the lemma
//! exceptions and the parser.
//!
//! Layout: the magic `DYADSYN` + format version byte, then sections in a
//! fixed order, little-endian, strings as u32 length + UTF-8 bytes, and a
//! final FNV-1a checksum of everything before it, so a truncated or damaged
//! file is reported instead of giving wrong parses.

/// Magic bytes and format version. Version 5 (stop 32) always writes the
/// parser's beam width (a u32 right after the magic) and ends the sections
/// with the tag dictionary ([`crate::tagdict`]).
pub const MAGIC: &[u8; 8] = b"DYADSYN\x05";
/// Format version 4: beam models before the tag dictionary.
pub const MAGIC_V4: &[u8; 8] = b"DYADSYN\x04";
/// Format version 3: greedy models before the tag dictionary (no width).
pub const MAGIC_V3: &[u8; 8] = b"DYADSYN\x03";

/// Appends little-endian values to a byte buffer.
#[derive(Debug, Default)]
pub(crate) struct Writer(Vec<u8>);

impl Writer {
    pub fn u16(&mut self, v: u16) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn f32(&mut self, v: f32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn bytes(&mut self, v: &[u8]) {
        self.0.extend_from_slice(v);
    }
    pub fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
    }
    pub fn into_inner(self) -> Vec<u8> {
        self.0
    }
}

/// Reads little-endian values; every read checks the bounds.
#[derive(Debug)]
pub(crate) struct Reader<'a> {
    data: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(data: &'a [u8]) -> Reader<'a> {
        Reader { data, at: 0 }
    }
    pub fn remaining(&self) -> usize {
        self.data.len().saturating_sub(self.at)
    }
    pub fn bytes(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).ok_or("length overflow")?;
        let s = self
            .data
            .get(self.at..end)
            .ok_or_else(|| format!("truncated at byte {}", self.at))?;
        self.at = end;
        Ok(s)
    }
    fn arr<const N: usize>(&mut self) -> Result<[u8; N], String> {
        let b = self.bytes(N)?;
        let mut a = [0u8; N];
        a.copy_from_slice(b);
        Ok(a)
    }
    pub fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.arr()?))
    }
    pub fn f32(&mut self) -> Result<f32, String> {
        Ok(f32::from_le_bytes(self.arr()?))
    }
    pub fn str(&mut self) -> Result<String, String> {
        let n = self.u32()? as usize;
        let b = self.bytes(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| "string is not UTF-8".to_string())
    }
    /// A count then that many (Penn, Universal) tag pairs: the tag classes
    /// every model file of this crate starts its tables with.
    pub fn tag_classes(&mut self) -> Result<Vec<crate::tagger::TagClass>, String> {
        let n = self.u32()? as usize;
        if n > 256 {
            return Err("too many tag classes".into());
        }
        let mut classes = Vec::with_capacity(n);
        for _ in 0..n {
            let xpos = self.str()?;
            let upos = self.str()?;
            classes.push(crate::tagger::TagClass { xpos, upos });
        }
        Ok(classes)
    }
}

/// The file checksum: FNV-1a over 8-byte little-endian words (then the
/// remaining bytes), eight times faster to load than byte by byte.
pub fn checksum(data: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut words = data.chunks_exact(8);
    for w in &mut words {
        let mut a = [0u8; 8];
        a.copy_from_slice(w);
        h ^= u64::from_le_bytes(a);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    for b in words.remainder() {
        h ^= *b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}
