//! fieldtab's ISO 4217 table: List One ("current currency & funds code list") as it stands on
//! **2026-12-01**, one row per alphabetic code, sorted by code.
//!
//! Why a table of our own: the `iso_currency` crate (0.7.1, the newest release) still lists
//! codes that ISO has withdrawn, so a validator built on it accepted money no one can pay in.
//! This table started from that crate's `isodata.tsv` (codes, numeric codes, minor units,
//! English names) and was brought up to date:
//!
//! - removed `HRK` 191 (Croatia adopted the euro on 2023-01-01), `CUC` 931 (withdrawn 2021-06,
//!   ISO 4217 Amendment 178), `ZWL` 932 (replaced by `ZWG` 924, Amendment 177, 2024-06-25;
//!   Mastercard stopped `ZWL` on 2024-09-01), `SLL` 694 (replaced by `SLE` 925), `BGN` 975
//!   (Bulgaria adopted the euro on 2026-01-01; Mastercard removed `BGN`/975 from 2026-01-03);
//!   `ANG` 532 was already absent (replaced by `XCG` on 2025-03-31, Amendment 176), as are
//!   `LVL`, `LTL`, `EEK` and the older withdrawn codes;
//! - kept `XCG` 532 (Caribbean guilder, 2 minor units; the crate spelt it "Caribean"), `ZWG`
//!   924, `VED` 926 *and* `VES` 928 (both are in List One; the crate's "superseded" flag on
//!   `VES` is not ISO's), `SLE` 925 and `XAD` 396 (Arab Accounting Dinar, Amendment 179,
//!   2025-05-12, 2 minor units).
//!
//! Sources checked: the alcohol/iso4217 4.5.0 release notes (added `XCG`, `VED`; removed `ANG`,
//! `BGN`, `CUC`, `HRK`, `LVL`, `SLL`), <https://github.com/alcohol/iso4217/releases/tag/4.5.0>;
//! Mastercard's currency-code page and its change log (`XCG` 532 from 2025-03-31, `ANG`
//! removed, `ZWG`/924 from 2024-08-01, `ZWL` stopped 2024-09-01, `HRK` removed, `BGN`/975
//! removed from 2026-01-03),
//! <https://developer.mastercard.com/mastercard-send/documentation/implementation/currency-codes/>;
//! the jbanking 4.3.0 release notes quoting Amendments 177–179 (`ZWG`, `CUC`, `ZWL`, `XAD`);
//! FINOS CDM 7.0.0-dev.76 (`BGN` removed from its ISO 4217 enum). The maintenance agency's own
//! list (SIX, for ISO: <https://www.iso.org/iso-4217-currency-codes.html>) could not be read
//! when the table was made; the rows follow the sources above, which agree with each other.
//!
//! `minor` is the "Minor unit" column: the number of decimals, or [`NONE`] where ISO writes
//! "N.A." — gold, silver, platinum, palladium, the bond-market units, SDR, SUCRE, the ADB unit,
//! the testing code and "no currency". Those codes are in List One, so the `ISO 4217` formats
//! accept them; an amount in minor units cannot be written in them (`amount.rs`).
//!
//! When ISO amends List One: edit the row here, update the date above and in docs/SEMANTICS.md
//! and schemas/README.md, and the pinned count in the tests.

/// "N.A." in the minor-unit column: the currency has no minor unit.
pub(super) const NONE: u8 = u8::MAX;

/// One row of List One.
pub(super) struct Row {
    /// The alphabetic code, three capitals.
    pub(super) code: &'static str,
    /// The numeric code, 1..=999.
    pub(super) numeric: u16,
    /// The minor-unit exponent, or [`NONE`].
    pub(super) minor: u8,
    /// The English name.
    pub(super) name: &'static str,
}

const fn c(code: &'static str, numeric: u16, minor: u8, name: &'static str) -> Row {
    Row {
        code,
        numeric,
        minor,
        name,
    }
}

/// The date of the table: List One as current on this day.
pub(super) const AS_OF: &str = "2026-12-01";

/// List One, sorted by alphabetic code (a test checks the order and uniqueness).
pub(super) const TABLE: &[Row] = &[
    c("AED", 784, 2, "United Arab Emirates dirham"),
    c("AFN", 971, 2, "Afghan afghani"),
    c("ALL", 8, 2, "Albanian lek"),
    c("AMD", 51, 2, "Armenian dram"),
    c("AOA", 973, 2, "Angolan kwanza"),
    c("ARS", 32, 2, "Argentine peso"),
    c("AUD", 36, 2, "Australian dollar"),
    c("AWG", 533, 2, "Aruban florin"),
    c("AZN", 944, 2, "Azerbaijani manat"),
    c("BAM", 977, 2, "Bosnia and Herzegovina convertible mark"),
    c("BBD", 52, 2, "Barbados dollar"),
    c("BDT", 50, 2, "Bangladeshi taka"),
    c("BHD", 48, 3, "Bahraini dinar"),
    c("BIF", 108, 0, "Burundian franc"),
    c("BMD", 60, 2, "Bermudian dollar"),
    c("BND", 96, 2, "Brunei dollar"),
    c("BOB", 68, 2, "Boliviano"),
    c("BOV", 984, 2, "Bolivian Mvdol"),
    c("BRL", 986, 2, "Brazilian real"),
    c("BSD", 44, 2, "Bahamian dollar"),
    c("BTN", 64, 2, "Bhutanese ngultrum"),
    c("BWP", 72, 2, "Botswana pula"),
    c("BYN", 933, 2, "Belarusian ruble"),
    c("BZD", 84, 2, "Belize dollar"),
    c("CAD", 124, 2, "Canadian dollar"),
    c("CDF", 976, 2, "Congolese franc"),
    c("CHE", 947, 2, "WIR Euro"),
    c("CHF", 756, 2, "Swiss franc"),
    c("CHW", 948, 2, "WIR Franc"),
    c("CLF", 990, 4, "Unidad de Fomento"),
    c("CLP", 152, 0, "Chilean peso"),
    c("CNY", 156, 2, "Renminbi (Chinese) yuan"),
    c("COP", 170, 2, "Colombian peso"),
    c("COU", 970, 2, "Unidad de Valor Real (UVR)"),
    c("CRC", 188, 2, "Costa Rican colon"),
    c("CUP", 192, 2, "Cuban peso"),
    c("CVE", 132, 2, "Cape Verdean escudo"),
    c("CZK", 203, 2, "Czech koruna"),
    c("DJF", 262, 0, "Djiboutian franc"),
    c("DKK", 208, 2, "Danish krone"),
    c("DOP", 214, 2, "Dominican peso"),
    c("DZD", 12, 2, "Algerian dinar"),
    c("EGP", 818, 2, "Egyptian pound"),
    c("ERN", 232, 2, "Eritrean nakfa"),
    c("ETB", 230, 2, "Ethiopian birr"),
    c("EUR", 978, 2, "Euro"),
    c("FJD", 242, 2, "Fiji dollar"),
    c("FKP", 238, 2, "Falkland Islands pound"),
    c("GBP", 826, 2, "Pound sterling"),
    c("GEL", 981, 2, "Georgian lari"),
    c("GHS", 936, 2, "Ghanaian cedi"),
    c("GIP", 292, 2, "Gibraltar pound"),
    c("GMD", 270, 2, "Gambian dalasi"),
    c("GNF", 324, 0, "Guinean franc"),
    c("GTQ", 320, 2, "Guatemalan quetzal"),
    c("GYD", 328, 2, "Guyanese dollar"),
    c("HKD", 344, 2, "Hong Kong dollar"),
    c("HNL", 340, 2, "Honduran lempira"),
    c("HTG", 332, 2, "Haitian gourde"),
    c("HUF", 348, 2, "Hungarian forint"),
    c("IDR", 360, 2, "Indonesian rupiah"),
    c("ILS", 376, 2, "Israeli new shekel"),
    c("INR", 356, 2, "Indian rupee"),
    c("IQD", 368, 3, "Iraqi dinar"),
    c("IRR", 364, 2, "Iranian rial"),
    c("ISK", 352, 0, "Icelandic króna"),
    c("JMD", 388, 2, "Jamaican dollar"),
    c("JOD", 400, 3, "Jordanian dinar"),
    c("JPY", 392, 0, "Japanese yen"),
    c("KES", 404, 2, "Kenyan shilling"),
    c("KGS", 417, 2, "Kyrgyzstani som"),
    c("KHR", 116, 2, "Cambodian riel"),
    c("KMF", 174, 0, "Comoro franc"),
    c("KPW", 408, 2, "North Korean won"),
    c("KRW", 410, 0, "South Korean won"),
    c("KWD", 414, 3, "Kuwaiti dinar"),
    c("KYD", 136, 2, "Cayman Islands dollar"),
    c("KZT", 398, 2, "Kazakhstani tenge"),
    c("LAK", 418, 2, "Lao kip"),
    c("LBP", 422, 2, "Lebanese pound"),
    c("LKR", 144, 2, "Sri Lankan rupee"),
    c("LRD", 430, 2, "Liberian dollar"),
    c("LSL", 426, 2, "Lesotho loti"),
    c("LYD", 434, 3, "Libyan dinar"),
    c("MAD", 504, 2, "Moroccan dirham"),
    c("MDL", 498, 2, "Moldovan leu"),
    c("MGA", 969, 2, "Malagasy ariary"),
    c("MKD", 807, 2, "Macedonian denar"),
    c("MMK", 104, 2, "Myanmar kyat"),
    c("MNT", 496, 2, "Mongolian tögrög"),
    c("MOP", 446, 2, "Macanese pataca"),
    c("MRU", 929, 2, "Mauritanian ouguiya"),
    c("MUR", 480, 2, "Mauritian rupee"),
    c("MVR", 462, 2, "Maldivian rufiyaa"),
    c("MWK", 454, 2, "Malawian kwacha"),
    c("MXN", 484, 2, "Mexican peso"),
    c("MXV", 979, 2, "Mexican Unidad de Inversion (UDI)"),
    c("MYR", 458, 2, "Malaysian ringgit"),
    c("MZN", 943, 2, "Mozambican metical"),
    c("NAD", 516, 2, "Namibian dollar"),
    c("NGN", 566, 2, "Nigerian naira"),
    c("NIO", 558, 2, "Nicaraguan córdoba"),
    c("NOK", 578, 2, "Norwegian krone"),
    c("NPR", 524, 2, "Nepalese rupee"),
    c("NZD", 554, 2, "New Zealand dollar"),
    c("OMR", 512, 3, "Omani rial"),
    c("PAB", 590, 2, "Panamanian balboa"),
    c("PEN", 604, 2, "Peruvian sol"),
    c("PGK", 598, 2, "Papua New Guinean kina"),
    c("PHP", 608, 2, "Philippine peso"),
    c("PKR", 586, 2, "Pakistani rupee"),
    c("PLN", 985, 2, "Polish złoty"),
    c("PYG", 600, 0, "Paraguayan guaraní"),
    c("QAR", 634, 2, "Qatari riyal"),
    c("RON", 946, 2, "Romanian leu"),
    c("RSD", 941, 2, "Serbian dinar"),
    c("RUB", 643, 2, "Russian ruble"),
    c("RWF", 646, 0, "Rwandan franc"),
    c("SAR", 682, 2, "Saudi riyal"),
    c("SBD", 90, 2, "Solomon Islands dollar"),
    c("SCR", 690, 2, "Seychelles rupee"),
    c("SDG", 938, 2, "Sudanese pound"),
    c("SEK", 752, 2, "Swedish krona/kronor"),
    c("SGD", 702, 2, "Singapore dollar"),
    c("SHP", 654, 2, "Saint Helena pound"),
    c("SLE", 925, 2, "Sierra Leonean leone"),
    c("SOS", 706, 2, "Somali shilling"),
    c("SRD", 968, 2, "Surinamese dollar"),
    c("SSP", 728, 2, "South Sudanese pound"),
    c("STN", 930, 2, "São Tomé and Príncipe dobra"),
    c("SVC", 222, 2, "Salvadoran colón"),
    c("SYP", 760, 2, "Syrian pound"),
    c("SZL", 748, 2, "Swazi lilangeni"),
    c("THB", 764, 2, "Thai baht"),
    c("TJS", 972, 2, "Tajikistani somoni"),
    c("TMT", 934, 2, "Turkmenistan manat"),
    c("TND", 788, 3, "Tunisian dinar"),
    c("TOP", 776, 2, "Tongan paʻanga"),
    c("TRY", 949, 2, "Turkish lira"),
    c("TTD", 780, 2, "Trinidad and Tobago dollar"),
    c("TWD", 901, 2, "New Taiwan dollar"),
    c("TZS", 834, 2, "Tanzanian shilling"),
    c("UAH", 980, 2, "Ukrainian hryvnia"),
    c("UGX", 800, 0, "Ugandan shilling"),
    c("USD", 840, 2, "United States dollar"),
    c("USN", 997, 2, "United States dollar (next day)"),
    c(
        "UYI",
        940,
        0,
        "Uruguay Peso en Unidades Indexadas (URUIURUI)",
    ),
    c("UYU", 858, 2, "Uruguayan peso"),
    c("UYW", 927, 4, "Unidad previsional"),
    c("UZS", 860, 2, "Uzbekistan som"),
    c("VED", 926, 2, "Venezuelan bolívar soberano"),
    c("VES", 928, 2, "Venezuelan bolívar soberano"),
    c("VND", 704, 0, "Vietnamese đồng"),
    c("VUV", 548, 0, "Vanuatu vatu"),
    c("WST", 882, 2, "Samoan tala"),
    c("XAD", 396, 2, "Arab Accounting Dinar"),
    c("XAF", 950, 0, "CFA franc BEAC"),
    c("XAG", 961, NONE, "Silver (one troy ounce)"),
    c("XAU", 959, NONE, "Gold (one troy ounce)"),
    c("XBA", 955, NONE, "European Composite Unit (EURCO)"),
    c("XBB", 956, NONE, "European Monetary Unit (E.M.U.-6)"),
    c("XBC", 957, NONE, "European Unit of Account 9 (E.U.A.-9)"),
    c("XBD", 958, NONE, "European Unit of Account 17 (E.U.A.-17)"),
    c("XCD", 951, 2, "East Caribbean dollar"),
    c("XCG", 532, 2, "Caribbean guilder"),
    c("XDR", 960, NONE, "Special drawing rights"),
    c("XOF", 952, 0, "CFA franc BCEAO"),
    c("XPD", 964, NONE, "Palladium (one troy ounce)"),
    c("XPF", 953, 0, "CFP franc (franc Pacifique)"),
    c("XPT", 962, NONE, "Platinum (one troy ounce)"),
    c("XSU", 994, NONE, "SUCRE"),
    c("XTS", 963, NONE, "Code reserved for testing"),
    c("XUA", 965, NONE, "ADB Unit of Account"),
    c("XXX", 999, NONE, "No currency"),
    c("YER", 886, 2, "Yemeni rial"),
    c("ZAR", 710, 2, "South African rand"),
    c("ZMW", 967, 2, "Zambian kwacha"),
    c("ZWG", 924, 2, "Zimbabwe Gold"),
];

/// The index of three capitals `A`-`Z` in a 26³ table.
#[inline]
pub(super) const fn alpha_key(a: u8, b: u8, c: u8) -> usize {
    let (a, b, c) = (
        a.wrapping_sub(b'A') as usize,
        b.wrapping_sub(b'A') as usize,
        c.wrapping_sub(b'A') as usize,
    );
    (a * 26 + b) * 26 + c
}

/// "Not in the table" in the indexes below.
pub(super) const ABSENT: u8 = u8::MAX;

// The row numbers fit in a u8 with `ABSENT` to spare.
const _: () = assert!(TABLE.len() < ABSENT as usize);

/// Alpha code -> row, built at compile time, so that a lookup is one load (17.6 KB).
pub(super) static BY_ALPHA: [u8; 26 * 26 * 26] = {
    let mut index = [ABSENT; 26 * 26 * 26];
    let mut i = 0;
    while i < TABLE.len() {
        let code = TABLE[i].code.as_bytes();
        index[alpha_key(code[0], code[1], code[2])] = i as u8;
        i += 1;
    }
    index
};

/// Numeric code -> row, built at compile time.
pub(super) static BY_NUMERIC: [u8; 1000] = {
    let mut index = [ABSENT; 1000];
    let mut i = 0;
    while i < TABLE.len() {
        index[TABLE[i].numeric as usize] = i as u8;
        i += 1;
    }
    index
};
