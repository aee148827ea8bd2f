//! QR codes for one job: a link, in byte mode, at error-correction level M, drawn as SVG.
//!
//! The app needs nothing more, and the general `qrcode` crate (every mode, level and
//! renderer) cost 14 KB of the 150 KB first load; this is the standard algorithm (ISO/IEC
//! 18004, as in Nayuki's reference encoder) cut down to that case. A test compares every
//! module, version and mask with the `qrcode` crate. Plain Rust: no browser, no I/O.

/// Error-correction codewords per block at level M, for versions 1 to 40.
const ECC_PER_BLOCK: [u8; 40] = [
    10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28,
    28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
];
/// Error-correction blocks at level M, for versions 1 to 40.
const BLOCKS: [u8; 40] = [
    1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25,
    26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
];
/// Light modules around the code, as the standard asks.
pub const QUIET: usize = 4;

/// A QR code: a square of dark and light modules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrCode {
    /// 1 to 40.
    pub version: u8,
    /// 0 to 7.
    pub mask: u8,
    /// Modules per side, without the quiet zone.
    pub size: usize,
    dark: Vec<bool>,
    function: Vec<bool>,
}

/// The smallest code at level M that holds `data`, with the mask the standard's penalty
/// rule prefers; `None` when even version 40 is too small.
pub fn encode(data: &[u8]) -> Option<QrCode> {
    let version = (1..=40u8).find(|v| fits(data.len(), *v))?;
    (0..8)
        .map(|m| encode_with(data, version, m))
        .min_by_key(QrCode::penalty)
}

/// `data` at this version and mask (for tests); the caller checks that it fits.
pub fn encode_with(data: &[u8], version: u8, mask: u8) -> QrCode {
    let mut qr = QrCode::blank(version);
    qr.draw_function_patterns();
    let codewords = codewords(data, version);
    qr.draw_codewords(&codewords);
    qr.apply_mask(mask);
    qr.mask = mask;
    qr.draw_format_bits(mask);
    qr
}

fn raw_data_modules(v: usize) -> usize {
    let mut n = (16 * v + 128) * v + 64;
    if v >= 2 {
        let align = v / 7 + 2;
        n -= (25 * align - 10) * align - 55;
        if v >= 7 {
            n -= 36;
        }
    }
    n
}

fn data_codewords(v: u8) -> usize {
    let i = usize::from(v - 1);
    raw_data_modules(usize::from(v)) / 8 - usize::from(ECC_PER_BLOCK[i]) * usize::from(BLOCKS[i])
}

fn count_bits(v: u8) -> usize {
    if v <= 9 {
        8
    } else {
        16
    }
}

fn fits(len: usize, v: u8) -> bool {
    len < 1 << count_bits(v) && 4 + count_bits(v) + 8 * len <= data_codewords(v) * 8
}

/// The data bits (byte mode), padded, split into blocks with their error correction and
/// interleaved.
fn codewords(data: &[u8], v: u8) -> Vec<u8> {
    let capacity = data_codewords(v);
    let mut bits: Vec<bool> = Vec::with_capacity(capacity * 8);
    let push = |value: usize, n: usize, bits: &mut Vec<bool>| {
        for i in (0..n).rev() {
            bits.push((value >> i) & 1 == 1);
        }
    };
    push(0b0100, 4, &mut bits);
    push(data.len(), count_bits(v), &mut bits);
    for b in data {
        push(usize::from(*b), 8, &mut bits);
    }
    let terminator = (capacity * 8 - bits.len()).min(4);
    push(0, terminator, &mut bits);
    push(0, (8 - bits.len() % 8) % 8, &mut bits);
    let mut bytes: Vec<u8> = bits
        .chunks(8)
        .map(|c| c.iter().fold(0u8, |a, b| a << 1 | u8::from(*b)))
        .collect();
    for pad in [0xEC, 0x11].into_iter().cycle() {
        if bytes.len() >= capacity {
            break;
        }
        bytes.push(pad);
    }

    let i = usize::from(v - 1);
    let blocks = usize::from(BLOCKS[i]);
    let ecc_len = usize::from(ECC_PER_BLOCK[i]);
    let raw = raw_data_modules(usize::from(v)) / 8;
    let short_blocks = blocks - raw % blocks;
    let short_len = raw / blocks;
    let divisor = rs_divisor(ecc_len);
    let mut split = Vec::with_capacity(blocks);
    let mut k = 0;
    for b in 0..blocks {
        let len = short_len - ecc_len + usize::from(b >= short_blocks);
        let mut block = bytes[k..k + len].to_vec();
        k += len;
        let ecc = rs_remainder(&block, &divisor);
        if b < short_blocks {
            block.push(0);
        }
        block.extend(ecc);
        split.push(block);
    }
    let mut out = Vec::with_capacity(raw);
    for i in 0..=short_len {
        for (b, block) in split.iter().enumerate() {
            if i != short_len - ecc_len || b >= short_blocks {
                out.push(block[i]);
            }
        }
    }
    out
}

fn gf_mul(x: u8, y: u8) -> u8 {
    let mut z: u16 = 0;
    for i in (0..8).rev() {
        z = (z << 1) ^ ((z >> 7) * 0x11D);
        z ^= u16::from((y >> i) & 1) * u16::from(x);
    }
    z as u8
}

fn rs_divisor(degree: usize) -> Vec<u8> {
    let mut d = vec![0u8; degree];
    d[degree - 1] = 1;
    let mut root = 1u8;
    for _ in 0..degree {
        for j in 0..degree {
            d[j] = gf_mul(d[j], root);
            if j + 1 < degree {
                d[j] ^= d[j + 1];
            }
        }
        root = gf_mul(root, 2);
    }
    d
}

fn rs_remainder(data: &[u8], divisor: &[u8]) -> Vec<u8> {
    let mut r = vec![0u8; divisor.len()];
    for b in data {
        let factor = b ^ r[0];
        r.remove(0);
        r.push(0);
        for (x, y) in r.iter_mut().zip(divisor) {
            *x ^= gf_mul(*y, factor);
        }
    }
    r
}

impl QrCode {
    fn blank(version: u8) -> QrCode {
        let size = usize::from(version) * 4 + 17;
        QrCode {
            version,
            mask: 0,
            size,
            dark: vec![false; size * size],
            function: vec![false; size * size],
        }
    }

    /// Whether the module at column `x`, row `y` is dark.
    pub fn get(&self, x: usize, y: usize) -> bool {
        self.dark[y * self.size + x]
    }

    fn set_function(&mut self, x: usize, y: usize, dark: bool) {
        let i = y * self.size + x;
        self.dark[i] = dark;
        self.function[i] = true;
    }

    fn draw_function_patterns(&mut self) {
        let size = self.size;
        for i in 0..size {
            self.set_function(6, i, i % 2 == 0);
            self.set_function(i, 6, i % 2 == 0);
        }
        for (cx, cy) in [(3, 3), (size - 4, 3), (3, size - 4)] {
            for dy in -4i32..=4 {
                for dx in -4i32..=4 {
                    let (x, y) = (cx as i32 + dx, cy as i32 + dy);
                    if (0..size as i32).contains(&x) && (0..size as i32).contains(&y) {
                        let dist = dx.abs().max(dy.abs());
                        self.set_function(x as usize, y as usize, dist != 2 && dist != 4);
                    }
                }
            }
        }
        let pos = self.alignment_positions();
        let n = pos.len();
        for i in 0..n {
            for j in 0..n {
                if (i == 0 && (j == 0 || j == n - 1)) || (i == n - 1 && j == 0) {
                    continue;
                }
                for dy in -2i32..=2 {
                    for dx in -2i32..=2 {
                        let x = (pos[i] as i32 + dx) as usize;
                        let y = (pos[j] as i32 + dy) as usize;
                        self.set_function(x, y, dx.abs().max(dy.abs()) != 1);
                    }
                }
            }
        }
        self.draw_format_bits(0);
        if self.version >= 7 {
            let v = u32::from(self.version);
            let mut rem = v;
            for _ in 0..12 {
                rem = (rem << 1) ^ ((rem >> 11) * 0x1F25);
            }
            let bits = v << 12 | rem;
            for i in 0..18 {
                let dark = (bits >> i) & 1 == 1;
                let a = size - 11 + i % 3;
                let b = i / 3;
                self.set_function(a, b, dark);
                self.set_function(b, a, dark);
            }
        }
    }

    fn alignment_positions(&self) -> Vec<usize> {
        let v = usize::from(self.version);
        if v == 1 {
            return Vec::new();
        }
        let n = v / 7 + 2;
        let step = (v * 8 + n * 3 + 5) / (n * 4 - 4) * 2;
        let mut pos: Vec<usize> = (0..n - 1).map(|i| self.size - 7 - i * step).collect();
        pos.push(6);
        pos.reverse();
        pos
    }

    fn draw_format_bits(&mut self, mask: u8) {
        // Level M is 00 in the format bits.
        let data = u32::from(mask);
        let mut rem = data;
        for _ in 0..10 {
            rem = (rem << 1) ^ ((rem >> 9) * 0x537);
        }
        let bits = (data << 10 | rem) ^ 0x5412;
        let bit = |i: usize| (bits >> i) & 1 == 1;
        let size = self.size;
        for i in 0..=5 {
            self.set_function(8, i, bit(i));
        }
        self.set_function(8, 7, bit(6));
        self.set_function(8, 8, bit(7));
        self.set_function(7, 8, bit(8));
        for i in 9..15 {
            self.set_function(14 - i, 8, bit(i));
        }
        for i in 0..8 {
            self.set_function(size - 1 - i, 8, bit(i));
        }
        for i in 8..15 {
            self.set_function(8, size - 15 + i, bit(i));
        }
        self.set_function(8, size - 8, true);
    }

    fn draw_codewords(&mut self, data: &[u8]) {
        let size = self.size;
        let mut i = 0;
        let mut right = size as i32 - 1;
        while right >= 1 {
            if right == 6 {
                right = 5;
            }
            for vert in 0..size {
                for j in 0..2 {
                    let x = (right - j) as usize;
                    let upward = (right + 1) & 2 == 0;
                    let y = if upward { size - 1 - vert } else { vert };
                    if !self.function[y * size + x] && i < data.len() * 8 {
                        self.dark[y * size + x] = (data[i >> 3] >> (7 - (i & 7))) & 1 == 1;
                        i += 1;
                    }
                }
            }
            right -= 2;
        }
    }

    fn apply_mask(&mut self, mask: u8) {
        let size = self.size;
        for y in 0..size {
            for x in 0..size {
                let flip = match mask {
                    0 => (x + y) % 2 == 0,
                    1 => y % 2 == 0,
                    2 => x % 3 == 0,
                    3 => (x + y) % 3 == 0,
                    4 => (x / 3 + y / 2) % 2 == 0,
                    5 => x * y % 2 + x * y % 3 == 0,
                    6 => (x * y % 2 + x * y % 3) % 2 == 0,
                    _ => ((x + y) % 2 + x * y % 3) % 2 == 0,
                };
                let i = y * size + x;
                if flip && !self.function[i] {
                    self.dark[i] = !self.dark[i];
                }
            }
        }
    }

    /// The standard's penalty for look-alikes of finder patterns, runs, blocks and
    /// imbalance: the mask with the lowest reads best.
    fn penalty(&self) -> usize {
        let size = self.size;
        let mut score = 0;
        for transpose in [false, true] {
            for a in 0..size {
                let at = |b: usize| {
                    if transpose {
                        self.get(a, b)
                    } else {
                        self.get(b, a)
                    }
                };
                let mut color = false;
                let mut run = 0;
                let mut history = [0usize; 7];
                for b in 0..size {
                    if at(b) == color {
                        run += 1;
                        if run == 5 {
                            score += 3;
                        } else if run > 5 {
                            score += 1;
                        }
                    } else {
                        add_history(run, &mut history, size);
                        if !color {
                            score += finder_like(&history) * 40;
                        }
                        color = at(b);
                        run = 1;
                    }
                }
                if color {
                    add_history(run, &mut history, size);
                    run = 0;
                }
                add_history(run + size, &mut history, size);
                score += finder_like(&history) * 40;
            }
        }
        for y in 0..size - 1 {
            for x in 0..size - 1 {
                let c = self.get(x, y);
                if c == self.get(x + 1, y) && c == self.get(x, y + 1) && c == self.get(x + 1, y + 1)
                {
                    score += 3;
                }
            }
        }
        let dark = self.dark.iter().filter(|d| **d).count();
        let total = size * size;
        let k = (dark * 20).abs_diff(total * 10).div_ceil(total) - 1;
        score + k * 10
    }

    /// An SVG of the code with its quiet zone, `scale` pixels per module: whole pixels, so
    /// that a screen draws every module crisply and a camera reads it.
    pub fn svg(&self, scale: usize) -> String {
        let n = self.size + 2 * QUIET;
        let px = n * scale;
        let mut path = String::new();
        for y in 0..self.size {
            let mut x = 0;
            while x < self.size {
                if self.get(x, y) {
                    let start = x;
                    while x < self.size && self.get(x, y) {
                        x += 1;
                    }
                    path.push_str(&format!(
                        "M{} {}h{}v1h-{}z",
                        start + QUIET,
                        y + QUIET,
                        x - start,
                        x - start
                    ));
                } else {
                    x += 1;
                }
            }
        }
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {n} {n}\" width=\"{px}\" height=\"{px}\" shape-rendering=\"crispEdges\"><rect width=\"{n}\" height=\"{n}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>"
        )
    }
}

fn add_history(mut run: usize, history: &mut [usize; 7], size: usize) {
    if history[0] == 0 {
        // The light border before the first run.
        run += size;
    }
    history.copy_within(0..6, 1);
    history[0] = run;
}

fn finder_like(h: &[usize; 7]) -> usize {
    let n = h[1];
    let core = n > 0 && h[2] == n && h[3] == n * 3 && h[4] == n && h[5] == n;
    usize::from(core && h[0] >= n * 4 && h[6] >= n)
        + usize::from(core && h[6] >= n * 4 && h[0] >= n)
}
