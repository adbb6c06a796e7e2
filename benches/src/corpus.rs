//! Deterministic corpora: a small seeded PRNG and generators of UPI Enrollment Registration
//! requests and Alipay+ `ExternalBenefitDetail` objects, 90% valid and 10% with 1–3 violations.

/// splitmix64: a tiny, good-enough, seeded PRNG (no dependency, same sequence everywhere).
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let i = self.below(items.len() as u64) as usize;
        &items[i.min(items.len() - 1)]
    }

    /// `len` characters drawn from `alphabet`.
    pub fn string(&mut self, alphabet: &[u8], len: usize) -> String {
        (0..len).map(|_| *self.pick(alphabet) as char).collect()
    }

    /// `len` decimal digits.
    pub fn digits(&mut self, len: usize) -> String {
        self.string(DIGITS, len)
    }
}

const DIGITS: &[u8] = b"0123456789";
const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const ANS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -_.:/#";

/// A corpus: messages as bytes, with the verdict the generator intended for each.
#[derive(Clone, Debug)]
pub struct Corpus {
    /// A short name (`upi_enrollment`, `alipay_benefit`).
    pub name: &'static str,
    /// The JSON messages.
    pub messages: Vec<Vec<u8>>,
    /// `valid[i]` is whether message `i` breaks no rule (by construction).
    pub valid: Vec<bool>,
}

impl Corpus {
    /// Total size of the messages in bytes.
    pub fn bytes(&self) -> usize {
        self.messages.iter().map(Vec::len).sum()
    }
}

/// A JSON value under construction: objects keep their key order.
#[derive(Clone, Debug)]
enum Val {
    Str(String),
    Num(i64),
    Obj(Vec<(&'static str, Val)>),
}

impl Val {
    fn write(&self, out: &mut String) {
        match self {
            Val::Str(s) => out.push_str(&serde_json::to_string(s).unwrap_or_default()),
            Val::Num(n) => out.push_str(&n.to_string()),
            Val::Obj(fields) => {
                out.push('{');
                for (i, (k, v)) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push('"');
                    out.push_str(k);
                    out.push_str("\":");
                    v.write(out);
                }
                out.push('}');
            }
        }
    }

    fn obj_mut(&mut self, key: &str) -> &mut Vec<(&'static str, Val)> {
        let Val::Obj(fields) = self else {
            unreachable!("corpus bug: not an object")
        };
        if key.is_empty() {
            return fields;
        }
        match fields.iter_mut().find(|(k, _)| *k == key) {
            Some((_, Val::Obj(inner))) => inner,
            _ => unreachable!("corpus bug: no object {key}"),
        }
    }

    /// Sets (or adds) `key` in the object at `obj` (`""` = this object).
    fn set(&mut self, obj: &str, key: &'static str, v: Val) {
        let fields = self.obj_mut(obj);
        match fields.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = v,
            None => fields.push((key, v)),
        }
    }

    fn remove(&mut self, obj: &str, key: &str) {
        self.obj_mut(obj).retain(|(k, _)| *k != key);
    }

    fn to_bytes(&self) -> Vec<u8> {
        let mut s = String::with_capacity(400);
        self.write(&mut s);
        s.into_bytes()
    }
}

fn s(v: impl Into<String>) -> Val {
    Val::Str(v.into())
}

/// Number of messages in the benchmark corpora.
pub const CORPUS_LEN: usize = 200;

/// Seed of the UPI benchmark corpus.
pub const UPI_SEED: u64 = 0x0282_764b;

/// Seed of the `ExternalBenefitDetail` benchmark corpus.
pub const BENEFIT_SEED: u64 = 0x0808_aa61;

/// A card number of `len` digits with a valid Luhn check digit.
fn luhn_card(rng: &mut Rng, prefix: &str, len: usize) -> String {
    let mut body: Vec<u8> = prefix.bytes().map(|b| b - b'0').collect();
    while body.len() < len - 1 {
        body.push(rng.below(10) as u8);
    }
    let mut sum = 0u32;
    for (i, d) in body.iter().rev().enumerate() {
        let mut d = u32::from(*d);
        if i % 2 == 0 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    body.push(((10 - sum % 10) % 10) as u8);
    body.iter().map(|d| (b'0' + d) as char).collect()
}

fn local_time(rng: &mut Rng) -> String {
    let year = rng.range(2020, 2027);
    let month = rng.range(1, 12);
    let day = rng.range(1, 28);
    format!(
        "{year:04}{month:02}{day:02}{:02}{:02}{:02}",
        rng.below(24),
        rng.below(60),
        rng.below(60)
    )
}

fn upi_valid(rng: &mut Rng) -> Val {
    let zone = *rng.pick(&[
        "GMT+08:00",
        "GMT+00:00",
        "GMT-05:00",
        "GMT+05:30",
        "GMT+09:00",
        "GMT-12:00",
        "GMT+14:00",
    ]);
    let mut header = vec![
        ("procType", s("41")),
        ("signCertId", s(rng.string(ALNUM, 3))),
        ("encCertId", s(rng.digits(3))),
        ("insCode", s(rng.digits(8))),
        ("pid", s(rng.digits(10))),
        ("refNum", s(rng.digits(15))),
        ("localTime", s(local_time(rng))),
        ("localTimeZone", s(zone)),
    ];
    if rng.chance(25) {
        let len = rng.range(1, 40) as usize;
        header.push(("resvFld", s(rng.string(ANS, len))));
    }
    let token_len = rng.range(16, 50) as usize;
    let card_len = *rng.pick(&[16usize, 16, 16, 19]);
    let mut data = vec![
        ("userToken", s(rng.string(ALNUM, token_len))),
        ("cardNo", s(luhn_card(rng, "62", card_len))),
    ];
    if rng.chance(60) {
        let (cc, n) = *rng.pick(&[("86", 11usize), ("1", 10), ("65", 8), ("852", 8)]);
        data.push(("mobile", s(format!("+{cc}-{}", rng.digits(n)))));
    }
    Val::Obj(vec![("header", Val::Obj(header)), ("data", Val::Obj(data))])
}

/// The ways an Enrollment Registration request is made invalid (each breaks at least one rule).
const UPI_BREAKS: usize = 16;

fn upi_break(rng: &mut Rng, msg: &mut Val, kind: usize) {
    match kind {
        0 => msg.set("header", "procType", s("42")),     // const
        1 => msg.set("header", "signCertId", s("0012")), // length
        2 => msg.set("header", "insCode", s("3999\t157")), // charset (control character)
        3 => msg.set("header", "pid", s("20190618a1")),  // charset
        4 => msg.set("header", "refNum", s(rng.digits(16))), // length
        5 => msg.set("header", "localTime", s("20230229120000")), // format: no such day
        6 => msg.set("header", "localTime", s("2024112215300")), // format: 13 digits
        7 => msg.set("header", "localTimeZone", s("GMT+8:00")), // format
        8 => msg.set("header", "localTimeZone", s("GMT+15:00")), // format: out of range
        9 => msg.set("data", "userToken", s("")),        // required: empty
        10 => msg.set("data", "cardNo", s(rng.digits(20))), // length
        11 => msg.set("data", "mobile", s("13800138000")), // format: no +cc-
        12 => msg.remove("header", "pid"),               // required: absent
        13 => msg.set("header", "refNum", Val::Num(20241122)), // type
        14 => msg.set("header", "resvFld", s("r\u{e9}serv\u{e9}")), // charset: non-ASCII
        _ => msg.set("data", "userToken", s("user-token")), // charset: '-' is not AN
    }
}

/// The UPI Enrollment Registration request corpus: `n` messages, every tenth invalid.
pub fn upi_enrollment(n: usize, seed: u64) -> Corpus {
    build("upi_enrollment", n, seed, upi_valid, upi_break, UPI_BREAKS)
}

fn timestamp(rng: &mut Rng) -> String {
    let zone = *rng.pick(&["Z", "+08:00", "+05:30", "-03:00", "+00:00"]);
    let frac = if rng.chance(20) {
        format!(".{}", rng.digits(3))
    } else {
        String::new()
    };
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{frac}{zone}",
        rng.range(2019, 2027),
        rng.range(1, 12),
        rng.range(1, 28),
        rng.below(24),
        rng.below(60),
        rng.below(60)
    )
}

fn alipay_valid(rng: &mut Rng) -> Val {
    let id_len = rng.range(8, 64) as usize;
    let mut fields = vec![
        ("benefitInstanceId", s(rng.string(ALNUM, id_len))),
        ("benefitTemplateId", s(rng.digits(27))),
    ];
    if rng.chance(70) {
        let currency = *rng.pick(&["USD", "CNY", "SGD", "JPY", "EUR", "HKD", "KWD"]);
        let digits = rng.range(1, 9) as usize;
        let value = format!("{}{}", rng.range(1, 9), rng.digits(digits - 1));
        fields.push((
            "amount",
            Val::Obj(vec![("currency", s(currency)), ("value", s(value))]),
        ));
    }
    let status = *rng.pick(&["ACTIVATED", "REVERSED", "USED", "EXPIRED"]);
    fields.push(("status", s(status)));
    fields.push(("activateTime", s(timestamp(rng))));
    fields.push(("expireTime", s(timestamp(rng))));
    if rng.chance(50) {
        fields.push(("benefitCode", s(rng.string(ALNUM, 12))));
    }
    if rng.chance(30) {
        fields.push(("benefitPin", s(rng.digits(6))));
    }
    if rng.chance(40) {
        let path = rng.string(ALNUM, 10);
        fields.push((
            "benefitUrl",
            s(format!("https://benefits.example.com/b/{path}")),
        ));
    }
    if rng.chance(40) {
        let v = rng.string(ALNUM, 6);
        fields.push(("extendInfo", s(format!("{{\"k1\":\"{v}\",\"k2\":\"v2\"}}"))));
    }
    Val::Obj(fields)
}

const ALIPAY_BREAKS: usize = 12;

fn alipay_break(rng: &mut Rng, msg: &mut Val, kind: usize) {
    let ensure_amount = |msg: &mut Val| {
        msg.set(
            "",
            "amount",
            Val::Obj(vec![("currency", s("USD")), ("value", s("100"))]),
        )
    };
    match kind {
        0 => msg.set("", "status", s("ACTIVE")), // enum
        1 => msg.set("", "activateTime", s("2019-11-27T12:01:01")), // format: no offset
        2 => msg.set("", "expireTime", s("2019-02-30T00:00:00Z")), // format: no such day
        3 => {
            ensure_amount(msg);
            msg.set("amount", "currency", s("usd")) // format: lowercase
        }
        4 => {
            ensure_amount(msg);
            msg.set("amount", "value", s("12.5")) // format: not an integer
        }
        5 => {
            ensure_amount(msg);
            msg.set("amount", "value", s(format!("1{}", rng.digits(16)))) // length (17)
        }
        6 => msg.set("", "benefitInstanceId", s(rng.string(ALNUM, 65))), // length
        7 => msg.set("", "benefitTemplateId", s("")),                    // required: empty
        8 => msg.set("", "extendInfo", s("{k1:v1}")),                    // format: not JSON
        9 => msg.set("", "benefitUrl", s("ftp://files.example.com/x")),  // format: not http(s)
        10 => msg.remove("", "status"),                                  // required: absent
        _ => msg.set("", "benefitCode", Val::Num(1234)),                 // type
    }
}

/// The Alipay+ `ExternalBenefitDetail` corpus: `n` objects, every tenth invalid.
pub fn alipay_benefit(n: usize, seed: u64) -> Corpus {
    build(
        "alipay_benefit",
        n,
        seed,
        alipay_valid,
        alipay_break,
        ALIPAY_BREAKS,
    )
}

fn build(
    name: &'static str,
    n: usize,
    seed: u64,
    valid: fn(&mut Rng) -> Val,
    brk: fn(&mut Rng, &mut Val, usize),
    kinds: usize,
) -> Corpus {
    let mut rng = Rng::new(seed);
    let mut messages = Vec::with_capacity(n);
    let mut verdicts = Vec::with_capacity(n);
    for i in 0..n {
        let mut msg = valid(&mut rng);
        let ok = i % 10 != 9;
        if !ok {
            let count = rng.range(1, 3) as usize;
            let mut chosen: Vec<usize> = Vec::new();
            while chosen.len() < count {
                let k = rng.below(kinds as u64) as usize;
                if !chosen.contains(&k) {
                    chosen.push(k);
                }
            }
            for k in chosen {
                brk(&mut rng, &mut msg, k);
            }
        }
        messages.push(msg.to_bytes());
        verdicts.push(ok);
    }
    Corpus {
        name,
        messages,
        valid: verdicts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corpora_are_deterministic_and_90_percent_valid() {
        let a = upi_enrollment(100, 7);
        let b = upi_enrollment(100, 7);
        assert_eq!(a.messages, b.messages);
        assert_eq!(a.valid.iter().filter(|v| **v).count(), 90);
        let c = alipay_benefit(100, 7);
        assert_eq!(c.valid.iter().filter(|v| **v).count(), 90);
        for m in a.messages.iter().chain(&c.messages) {
            assert!(serde_json::from_slice::<serde_json::Value>(m).is_ok());
        }
    }
}
