//! Postman's dynamic variables (`{{$guid}}`, `{{$randomInt}}`, …): a fresh
//! value for every occurrence.
//!
//! The 118 names are those of postman-collection 4.4.0 (the SDK Newman 6.2
//! uses), whose generators call faker 5.5.3 with no arguments. The values
//! here have the formats faker gives: the word lists come from the `fake`
//! crate where it has them (names, addresses, company buzzwords, lorem,
//! currencies, user agents) and from small lists in this file where it does
//! not (commerce, hacker, database, MIME types, locales, directories). The
//! exact corpus differs from faker's; the shape of each value does not.
//!
//! Quirks kept on purpose, because Newman shows them:
//! * `$randomImageUrl` is always `http://placeimg.com/640/480` and the
//!   category images are fixed URLs: faker builds them without randomness.
//! * `$randomImageDataUri` is always the same SVG data URI whose width and
//!   height read `undefined` (and coordinates `NaN`): the SDK calls
//!   `faker.image.dataUri()` without arguments.
//! * `$randomHexColor` components are at most `0x80` (faker averages a
//!   random byte with a zero base colour).
//! * `$randomDatePast`/`Future`/`Recent` are JavaScript `Date.toString()`
//!   strings, rendered in UTC here: `Tue Mar 05 2024 10:11:12 GMT+0000
//!   (Coordinated Universal Time)`. Newman renders them in the local zone.
//! * `$randomLoremParagraphs` separates paragraphs with `"\n \r"`.
//! * `$timestamp` rounds to the nearest second (`Math.round`), it does not
//!   truncate.

use std::sync::LazyLock;

use chrono::{DateTime, Utc};
use fake::locales::{Data, EN};
use rand::rngs::ThreadRng;
use rand::Rng;

/// Every dynamic variable name, in the SDK's order.
static NAMES: [&str; 118] = [
    "$guid",
    "$timestamp",
    "$isoTimestamp",
    "$randomInt",
    "$randomPhoneNumber",
    "$randomPhoneNumberExt",
    "$randomLocale",
    "$randomWords",
    "$randomFilePath",
    "$randomDirectoryPath",
    "$randomCity",
    "$randomStreetName",
    "$randomStreetAddress",
    "$randomCountry",
    "$randomCountryCode",
    "$randomLatitude",
    "$randomLongitude",
    "$randomColor",
    "$randomDepartment",
    "$randomProductName",
    "$randomProductAdjective",
    "$randomProductMaterial",
    "$randomProduct",
    "$randomCompanyName",
    "$randomCompanySuffix",
    "$randomCatchPhrase",
    "$randomBs",
    "$randomCatchPhraseAdjective",
    "$randomCatchPhraseDescriptor",
    "$randomCatchPhraseNoun",
    "$randomBsAdjective",
    "$randomBsBuzz",
    "$randomBsNoun",
    "$randomDatabaseColumn",
    "$randomDatabaseType",
    "$randomDatabaseCollation",
    "$randomDatabaseEngine",
    "$randomDatePast",
    "$randomDateFuture",
    "$randomDateRecent",
    "$randomMonth",
    "$randomWeekday",
    "$randomBankAccount",
    "$randomBankAccountName",
    "$randomCreditCardMask",
    "$randomPrice",
    "$randomTransactionType",
    "$randomCurrencyCode",
    "$randomCurrencyName",
    "$randomCurrencySymbol",
    "$randomBitcoin",
    "$randomBankAccountIban",
    "$randomBankAccountBic",
    "$randomAbbreviation",
    "$randomAdjective",
    "$randomNoun",
    "$randomVerb",
    "$randomIngverb",
    "$randomPhrase",
    "$randomAvatarImage",
    "$randomImageUrl",
    "$randomAbstractImage",
    "$randomAnimalsImage",
    "$randomBusinessImage",
    "$randomCatsImage",
    "$randomCityImage",
    "$randomFoodImage",
    "$randomNightlifeImage",
    "$randomFashionImage",
    "$randomPeopleImage",
    "$randomNatureImage",
    "$randomSportsImage",
    "$randomTransportImage",
    "$randomImageDataUri",
    "$randomEmail",
    "$randomExampleEmail",
    "$randomUserName",
    "$randomProtocol",
    "$randomUrl",
    "$randomDomainName",
    "$randomDomainSuffix",
    "$randomDomainWord",
    "$randomIP",
    "$randomIPV6",
    "$randomUserAgent",
    "$randomHexColor",
    "$randomMACAddress",
    "$randomPassword",
    "$randomLoremWord",
    "$randomLoremWords",
    "$randomLoremSentence",
    "$randomLoremSlug",
    "$randomLoremSentences",
    "$randomLoremParagraph",
    "$randomLoremParagraphs",
    "$randomLoremText",
    "$randomLoremLines",
    "$randomFirstName",
    "$randomLastName",
    "$randomFullName",
    "$randomJobTitle",
    "$randomNamePrefix",
    "$randomNameSuffix",
    "$randomJobDescriptor",
    "$randomJobArea",
    "$randomJobType",
    "$randomUUID",
    "$randomBoolean",
    "$randomWord",
    "$randomAlphaNumeric",
    "$randomFileName",
    "$randomCommonFileName",
    "$randomMimeType",
    "$randomCommonFileType",
    "$randomCommonFileExt",
    "$randomFileType",
    "$randomFileExt",
    "$randomSemver",
];

/// All 118 dynamic variable names (with their `$`).
pub fn names() -> &'static [&'static str] {
    &NAMES
}

/// Generate the value of a dynamic variable, or `None` if the name is not one.
pub fn generate(name: &str) -> Option<String> {
    if !name.starts_with('$') {
        return None;
    }
    let rng = &mut rand::rng();
    let s = |x: &str| x.to_string();
    Some(match name {
        "$guid" | "$randomUUID" => uuid_v4(rng),
        "$timestamp" => {
            // Math.round(Date.now() / 1000)
            let ms = Utc::now().timestamp_millis();
            (ms + 500).div_euclid(1000).to_string()
        }
        "$isoTimestamp" => iso_time(Utc::now()),
        "$randomInt" => rng.random_range(0..=1000u32).to_string(),
        "$randomPhoneNumber" => phone(rng),
        "$randomPhoneNumberExt" => format!("{}-{}", rng.random_range(1..=99u32), phone(rng)),
        "$randomLocale" => s(pick(rng, LOCALES)),
        "$randomWords" => {
            let n = rng.random_range(2..=5);
            join_n(rng, n, " ", random_word)
        }
        "$randomFilePath" => format!("{}/{}", pick(rng, DIRECTORIES), file_name(rng)),
        "$randomDirectoryPath" => s(pick(rng, DIRECTORIES)),

        "$randomCity" => city(rng),
        "$randomStreetName" => street_name(rng),
        "$randomStreetAddress" => {
            let digits = rng.random_range(3..=5);
            let mut out = String::with_capacity(32);
            for _ in 0..digits {
                out.push(digit(rng));
            }
            out.push(' ');
            out.push_str(&street_name(rng));
            out
        }
        "$randomCountry" => s(pick(rng, EN::ADDRESS_COUNTRY)),
        "$randomCountryCode" => s(pick(rng, EN::ADDRESS_COUNTRY_CODE)),
        "$randomLatitude" => fixed4(rng.random_range(-900_000..=900_000)),
        "$randomLongitude" => fixed4(rng.random_range(-1_800_000..=1_800_000)),

        "$randomColor" => s(pick(rng, COLORS)),
        "$randomDepartment" => s(pick(rng, DEPARTMENTS)),
        "$randomProductName" => product_name(rng),
        "$randomProductAdjective" => s(pick(rng, PRODUCT_ADJECTIVES)),
        "$randomProductMaterial" => s(pick(rng, PRODUCT_MATERIALS)),
        "$randomProduct" => s(pick(rng, PRODUCTS)),

        "$randomCompanyName" => company_name(rng),
        "$randomCompanySuffix" => s(pick(rng, EN::COMPANY_SUFFIX)),
        "$randomCatchPhrase" => format!(
            "{} {} {}",
            pick(rng, EN::COMPANY_BUZZWORD_HEAD),
            pick(rng, EN::COMPANY_BUZZWORD_MIDDLE),
            pick(rng, EN::COMPANY_BUZZWORD_TAIL)
        ),
        "$randomBs" => format!(
            "{} {} {}",
            pick(rng, EN::COMPANY_BS_VERBS),
            pick(rng, EN::COMPANY_BS_ADJ),
            pick(rng, EN::COMPANY_BS_NOUNS)
        ),
        "$randomCatchPhraseAdjective" => s(pick(rng, EN::COMPANY_BUZZWORD_HEAD)),
        "$randomCatchPhraseDescriptor" => s(pick(rng, EN::COMPANY_BUZZWORD_MIDDLE)),
        "$randomCatchPhraseNoun" => s(pick(rng, EN::COMPANY_BUZZWORD_TAIL)),
        "$randomBsAdjective" => s(pick(rng, EN::COMPANY_BS_ADJ)),
        "$randomBsBuzz" => s(pick(rng, EN::COMPANY_BS_VERBS)),
        "$randomBsNoun" => s(pick(rng, EN::COMPANY_BS_NOUNS)),

        "$randomDatabaseColumn" => s(pick(rng, DB_COLUMNS)),
        "$randomDatabaseType" => s(pick(rng, DB_TYPES)),
        "$randomDatabaseCollation" => s(pick(rng, DB_COLLATIONS)),
        "$randomDatabaseEngine" => s(pick(rng, DB_ENGINES)),

        "$randomDatePast" => js_date_string(-rng.random_range(1000..=YEAR_MS)),
        "$randomDateFuture" => js_date_string(rng.random_range(1000..=YEAR_MS)),
        "$randomDateRecent" => js_date_string(-rng.random_range(1000..=DAY_MS)),
        "$randomMonth" => s(pick(rng, MONTHS)),
        "$randomWeekday" => s(pick(rng, WEEKDAYS)),

        "$randomBankAccount" => digits(rng, 8),
        "$randomBankAccountName" => format!("{} Account", pick(rng, ACCOUNT_KINDS)),
        "$randomCreditCardMask" => digits(rng, 4),
        "$randomPrice" => {
            let cents = rng.random_range(0..=100_000u32);
            format!("{}.{:02}", cents / 100, cents % 100)
        }
        "$randomTransactionType" => s(pick(rng, TRANSACTION_TYPES)),
        "$randomCurrencyCode" => s(pick(rng, EN::CURRENCY_CODE)),
        "$randomCurrencyName" => s(pick(rng, EN::CURRENCY_NAME)),
        "$randomCurrencySymbol" => s(pick(rng, EN::CURRENCY_SYMBOL)),
        "$randomBitcoin" => bitcoin(rng),
        "$randomBankAccountIban" => iban(rng),
        "$randomBankAccountBic" => bic(rng),

        "$randomAbbreviation" => s(pick(rng, HACKER_ABBREVIATIONS)),
        "$randomAdjective" => s(pick(rng, HACKER_ADJECTIVES)),
        "$randomNoun" => s(pick(rng, HACKER_NOUNS)),
        "$randomVerb" => s(pick(rng, HACKER_VERBS).0),
        "$randomIngverb" => s(pick(rng, HACKER_VERBS).1),
        "$randomPhrase" => hacker_phrase(rng),

        "$randomAvatarImage" => avatar(rng),
        "$randomImageUrl" => s(IMAGE_BASE),
        "$randomAbstractImage" => image("abstract"),
        "$randomAnimalsImage" => image("animals"),
        "$randomBusinessImage" => image("business"),
        "$randomCatsImage" => image("cats"),
        "$randomCityImage" => image("city"),
        "$randomFoodImage" => image("food"),
        "$randomNightlifeImage" => image("nightlife"),
        "$randomFashionImage" => image("fashion"),
        "$randomPeopleImage" => image("people"),
        "$randomNatureImage" => image("nature"),
        "$randomSportsImage" => image("sports"),
        "$randomTransportImage" => image("transport"),
        "$randomImageDataUri" => IMAGE_DATA_URI.clone(),

        "$randomEmail" => email(rng, EN::INTERNET_FREE_EMAIL_PROVIDER),
        "$randomExampleEmail" => email(rng, EXAMPLE_DOMAINS),
        "$randomUserName" => user_name(rng),
        "$randomProtocol" => s(protocol(rng)),
        "$randomUrl" => format!("{}://{}", protocol(rng), domain_name(rng)),
        "$randomDomainName" => domain_name(rng),
        "$randomDomainSuffix" => s(pick(rng, DOMAIN_SUFFIXES)),
        "$randomDomainWord" => domain_word(rng),
        "$randomIP" => {
            let o: [u8; 4] = rng.random();
            format!("{}.{}.{}.{}", o[0], o[1], o[2], o[3])
        }
        "$randomIPV6" => {
            let g: [u16; 8] = rng.random();
            let parts: Vec<String> = g.iter().map(|x| format!("{x:04x}")).collect();
            parts.join(":")
        }
        "$randomUserAgent" => s(pick(rng, EN::INTERNET_USER_AGENT)),
        "$randomHexColor" => {
            // faker: floor((random 0..=256 + base 0) / 2) per component.
            let mut c = || rng.random_range(0..=256u32) / 2;
            format!("#{:02x}{:02x}{:02x}", c(), c(), c())
        }
        "$randomMACAddress" => {
            let b: [u8; 6] = rng.random();
            let parts: Vec<String> = b.iter().map(|x| format!("{x:02x}")).collect();
            parts.join(":")
        }
        "$randomPassword" => {
            const CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_";
            (0..15)
                .map(|_| CHARS[rng.random_range(0..CHARS.len())] as char)
                .collect()
        }

        "$randomLoremWord" => s(pick(rng, EN::LOREM_WORD)),
        "$randomLoremWords" => lorem_words(rng, 3),
        "$randomLoremSentence" => lorem_sentence(rng),
        "$randomLoremSlug" => lorem_words(rng, 3).replace(' ', "-"),
        "$randomLoremSentences" => {
            let n = rng.random_range(2..=6);
            lorem_sentences(rng, n, " ")
        }
        "$randomLoremParagraph" => lorem_paragraph(rng),
        "$randomLoremParagraphs" => lorem_paragraphs(rng),
        "$randomLoremText" => match rng.random_range(0..7) {
            0 => s(pick(rng, EN::LOREM_WORD)),
            1 => lorem_words(rng, 3),
            2 => lorem_sentence(rng),
            3 => {
                let n = rng.random_range(2..=6);
                lorem_sentences(rng, n, " ")
            }
            4 => lorem_paragraph(rng),
            5 => lorem_paragraphs(rng),
            _ => lorem_lines(rng),
        },
        "$randomLoremLines" => lorem_lines(rng),

        "$randomFirstName" => s(pick(rng, EN::NAME_FIRST_NAME)),
        "$randomLastName" => s(pick(rng, EN::NAME_LAST_NAME)),
        "$randomFullName" => full_name(rng),
        "$randomJobTitle" => format!(
            "{} {} {}",
            pick(rng, EN::JOB_SENIORITY),
            pick(rng, EN::JOB_FIELD),
            pick(rng, EN::JOB_POSITION)
        ),
        "$randomNamePrefix" => s(pick(rng, EN::NAME_TITLE)),
        "$randomNameSuffix" => s(pick(rng, EN::NAME_SUFFIX)),
        "$randomJobDescriptor" => s(pick(rng, EN::JOB_SENIORITY)),
        "$randomJobArea" => s(pick(rng, EN::JOB_FIELD)),
        "$randomJobType" => s(pick(rng, EN::JOB_POSITION)),

        "$randomBoolean" => rng.random_bool(0.5).to_string(),
        "$randomWord" => random_word(rng),
        "$randomAlphaNumeric" => {
            const CHARS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
            (CHARS[rng.random_range(0..CHARS.len())] as char).to_string()
        }

        "$randomFileName" => file_name(rng),
        "$randomCommonFileName" => {
            let stem = file_stem(rng);
            format!("{stem}.{}", common_file_ext(rng))
        }
        "$randomMimeType" => s(pick(rng, MIME_TYPES).0),
        "$randomCommonFileType" => s(pick(rng, COMMON_FILE_TYPES)),
        "$randomCommonFileExt" => s(common_file_ext(rng)),
        "$randomFileType" => s(pick(rng, MIME_TOP_TYPES.as_slice())),
        "$randomFileExt" => s(pick(rng, MIME_EXTENSIONS.as_slice())),
        "$randomSemver" => format!(
            "{}.{}.{}",
            rng.random_range(0..=9u8),
            rng.random_range(0..=9u8),
            rng.random_range(0..=9u8)
        ),
        _ => return None,
    })
}

// ---------------------------------------------------------------------------
// Helpers

fn pick<T: Copy, R: Rng + ?Sized>(rng: &mut R, list: &[T]) -> T {
    list[rng.random_range(0..list.len())]
}

fn digit(rng: &mut ThreadRng) -> char {
    char::from(b'0' + rng.random_range(0..10u8))
}

fn digits(rng: &mut ThreadRng, n: usize) -> String {
    (0..n).map(|_| digit(rng)).collect()
}

fn upper(rng: &mut ThreadRng) -> char {
    char::from(b'A' + rng.random_range(0..26u8))
}

fn join_n(
    rng: &mut ThreadRng,
    n: usize,
    sep: &str,
    mut f: impl FnMut(&mut ThreadRng) -> String,
) -> String {
    let mut out = String::new();
    for i in 0..n {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(&f(rng));
    }
    out
}

fn uuid_v4(rng: &mut ThreadRng) -> String {
    let bytes: [u8; 16] = rng.random();
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .to_string()
}

/// `Date.prototype.toISOString`: millisecond precision, `Z`.
fn iso_time(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

const DAY_MS: i64 = 24 * 3600 * 1000;
const YEAR_MS: i64 = 365 * DAY_MS;

/// `String(new Date(now + offset_ms))`, in UTC.
fn js_date_string(offset_ms: i64) -> String {
    let ms = Utc::now().timestamp_millis() + offset_ms;
    let t = DateTime::<Utc>::from_timestamp_millis(ms).unwrap_or_default();
    t.format("%a %b %d %Y %H:%M:%S GMT+0000 (Coordinated Universal Time)")
        .to_string()
}

/// A value in ten-thousandths as `toFixed(4)` prints it.
fn fixed4(v: i64) -> String {
    let sign = if v < 0 { "-" } else { "" };
    let a = v.unsigned_abs();
    format!("{sign}{}.{:04}", a / 10_000, a % 10_000)
}

/// `!##-!##-####`, where `!` is 2–9.
fn phone(rng: &mut ThreadRng) -> String {
    let mut out = String::with_capacity(12);
    for (i, group) in [3, 3, 4].into_iter().enumerate() {
        if i > 0 {
            out.push('-');
        }
        for j in 0..group {
            if j == 0 && i < 2 {
                out.push(char::from(b'0' + rng.random_range(2..=9u8)));
            } else {
                out.push(digit(rng));
            }
        }
    }
    out
}

fn city(rng: &mut ThreadRng) -> String {
    match rng.random_range(0..5) {
        0 => format!(
            "{} {}{}",
            pick(rng, EN::ADDRESS_CITY_PREFIX),
            pick(rng, EN::NAME_FIRST_NAME),
            pick(rng, EN::ADDRESS_CITY_SUFFIX)
        ),
        1 => format!(
            "{} {}",
            pick(rng, EN::ADDRESS_CITY_PREFIX),
            pick(rng, EN::NAME_FIRST_NAME)
        ),
        2 => format!(
            "{}{}",
            pick(rng, EN::NAME_FIRST_NAME),
            pick(rng, EN::ADDRESS_CITY_SUFFIX)
        ),
        3 => format!(
            "{}{}",
            pick(rng, EN::NAME_LAST_NAME),
            pick(rng, EN::ADDRESS_CITY_SUFFIX)
        ),
        _ => pick(rng, CITY_NAMES).to_string(),
    }
}

fn street_name(rng: &mut ThreadRng) -> String {
    let name = if rng.random_bool(0.5) {
        pick(rng, EN::NAME_LAST_NAME)
    } else {
        pick(rng, EN::NAME_FIRST_NAME)
    };
    format!("{name} {}", pick(rng, EN::ADDRESS_STREET_SUFFIX))
}

fn product_name(rng: &mut ThreadRng) -> String {
    format!(
        "{} {} {}",
        pick(rng, PRODUCT_ADJECTIVES),
        pick(rng, PRODUCT_MATERIALS),
        pick(rng, PRODUCTS)
    )
}

fn company_name(rng: &mut ThreadRng) -> String {
    let format = rng.random_range(0..3);
    let mut last = || pick(rng, EN::NAME_LAST_NAME);
    match format {
        0 => {
            let l = last();
            format!("{l} {}", pick(rng, EN::COMPANY_SUFFIX))
        }
        1 => format!("{} - {}", last(), last()),
        _ => format!("{}, {} and {}", last(), last(), last()),
    }
}

/// faker's `name.findName`: a prefix one time in nine, a suffix one in nine.
fn full_name(rng: &mut ThreadRng) -> String {
    let first = pick(rng, EN::NAME_FIRST_NAME);
    let last = pick(rng, EN::NAME_LAST_NAME);
    match rng.random_range(0..9) {
        0 => format!("{} {first} {last}", pick(rng, EN::NAME_TITLE)),
        1 => format!("{first} {last} {}", pick(rng, EN::NAME_SUFFIX)),
        _ => format!("{first} {last}"),
    }
}

fn user_name(rng: &mut ThreadRng) -> String {
    let first = pick(rng, EN::NAME_FIRST_NAME);
    let last = pick(rng, EN::NAME_LAST_NAME);
    let sep = if rng.random_bool(0.5) { '.' } else { '_' };
    let raw = match rng.random_range(0..3) {
        0 => format!("{first}{}", rng.random_range(0..=99u8)),
        1 => format!("{first}{sep}{last}"),
        _ => format!("{first}{sep}{last}{}", rng.random_range(0..=99u8)),
    };
    raw.replace(['\'', ' '], "")
}

fn email(rng: &mut ThreadRng, providers: &[&str]) -> String {
    // faker slugifies the user name: spaces to dashes, then only word
    // characters, dots and dashes survive.
    let user: String = user_name(rng)
        .replace(' ', "-")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
        .collect();
    format!("{user}@{}", pick(rng, providers))
}

fn protocol(rng: &mut ThreadRng) -> &'static str {
    if rng.random_bool(0.5) {
        "http"
    } else {
        "https"
    }
}

fn domain_word(rng: &mut ThreadRng) -> String {
    pick(rng, EN::NAME_FIRST_NAME)
        .chars()
        .filter(|c| !r#"\~#&*{}/:<>?|"'"#.contains(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

fn domain_name(rng: &mut ThreadRng) -> String {
    let word = domain_word(rng);
    format!("{word}.{}", pick(rng, DOMAIN_SUFFIXES))
}

fn avatar(rng: &mut ThreadRng) -> String {
    let mut handle: String = pick(rng, EN::NAME_FIRST_NAME)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    match rng.random_range(0..3) {
        0 => handle.extend(
            pick(rng, EN::NAME_LAST_NAME)
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase()),
        ),
        1 => handle.push_str(&rng.random_range(1..=99u8).to_string()),
        _ => {}
    }
    format!("https://cdn.fakercloud.com/avatars/{handle}_128.jpg")
}

const IMAGE_BASE: &str = "http://placeimg.com/640/480";

fn image(category: &str) -> String {
    format!("{IMAGE_BASE}/{category}")
}

/// faker's `image.dataUri()` called without a width or height.
static IMAGE_DATA_URI: LazyLock<String> = LazyLock::new(|| {
    let (w, h) = ("undefined", "undefined");
    let svg = format!(
        concat!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" version="1.1" baseProfile="full" width="{w}" height="{h}">"#,
            r#"<rect width="100%" height="100%" fill="grey"/>"#,
            r#"<text x="NaN" y="NaN" font-size="20" alignment-baseline="middle" text-anchor="middle" fill="white">"#,
            "{w}x{h}</text></svg>"
        ),
        w = w,
        h = h
    );
    format!(
        "data:image/svg+xml;charset=UTF-8,{}",
        encode_uri_component(&svg)
    )
});

/// JavaScript `encodeURIComponent`.
fn encode_uri_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 2);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn bitcoin(rng: &mut ThreadRng) -> String {
    const BASE58: &[u8] = b"123456789abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    let len = rng.random_range(25..=34);
    let mut out = String::with_capacity(len);
    out.push(if rng.random_bool(0.5) { '1' } else { '3' });
    for _ in 1..len {
        out.push(BASE58[rng.random_range(0..BASE58.len())] as char);
    }
    out
}

/// IBAN layouts: country and BBAN segments, `n` digits, `a` capital
/// letters, `c` alphanumerics (ISO 13616 registry).
const IBAN_FORMATS: &[(&str, &[(char, usize)])] = &[
    ("AD", &[('n', 8), ('c', 12)]),
    ("AT", &[('n', 16)]),
    ("BE", &[('n', 12)]),
    ("BG", &[('a', 4), ('n', 6), ('c', 8)]),
    ("BR", &[('n', 23), ('a', 1), ('c', 1)]),
    ("CH", &[('n', 5), ('c', 12)]),
    ("CY", &[('n', 8), ('c', 16)]),
    ("CZ", &[('n', 20)]),
    ("DE", &[('n', 18)]),
    ("DK", &[('n', 14)]),
    ("EE", &[('n', 16)]),
    ("ES", &[('n', 20)]),
    ("FI", &[('n', 14)]),
    ("FR", &[('n', 10), ('c', 11), ('n', 2)]),
    ("GB", &[('a', 4), ('n', 14)]),
    ("GR", &[('n', 7), ('c', 16)]),
    ("HR", &[('n', 17)]),
    ("HU", &[('n', 24)]),
    ("IE", &[('a', 4), ('n', 14)]),
    ("IS", &[('n', 22)]),
    ("IT", &[('a', 1), ('n', 10), ('c', 12)]),
    ("LU", &[('n', 3), ('c', 13)]),
    ("MT", &[('a', 4), ('n', 5), ('c', 18)]),
    ("NL", &[('a', 4), ('n', 10)]),
    ("NO", &[('n', 11)]),
    ("PL", &[('n', 24)]),
    ("PT", &[('n', 21)]),
    ("QA", &[('a', 4), ('c', 21)]),
    ("RO", &[('a', 4), ('c', 16)]),
    ("SA", &[('n', 2), ('c', 18)]),
    ("SE", &[('n', 20)]),
    ("SK", &[('n', 20)]),
    ("TR", &[('n', 5), ('n', 1), ('c', 16)]),
];

fn iban(rng: &mut ThreadRng) -> String {
    let (country, layout) = pick(rng, IBAN_FORMATS);
    let mut bban = String::with_capacity(32);
    for &(kind, count) in layout {
        for _ in 0..count {
            let c = match kind {
                'n' => digit(rng),
                'a' => upper(rng),
                _ if rng.random_range(0..100) < 80 => digit(rng),
                _ => upper(rng),
            };
            bban.push(c);
        }
    }
    // ISO 7064 mod 97-10 over BBAN + country + "00", letters as 10..35.
    let mut m = 0u32;
    for c in bban.chars().chain(country.chars()).chain("00".chars()) {
        let v = c.to_digit(36).unwrap_or(0);
        m = if v >= 10 {
            (m * 100 + v) % 97
        } else {
            (m * 10 + v) % 97
        };
    }
    format!("{country}{:02}{bban}", 98 - m)
}

fn bic(rng: &mut ThreadRng) -> String {
    const VOWELS: &[char] = &['A', 'E', 'I', 'O', 'U'];
    let mut out = String::with_capacity(11);
    for _ in 0..3 {
        out.push(upper(rng));
    }
    out.push(pick(rng, VOWELS));
    out.push_str(pick(rng, EN::ADDRESS_COUNTRY_CODE));
    out.push(upper(rng));
    out.push('1');
    match rng.random_range(0..=100) {
        0..=9 => {
            out.push(upper(rng));
            out.push(pick(rng, VOWELS));
            out.push(upper(rng));
        }
        10..=39 => out.push_str(&digits(rng, 3)),
        _ => {}
    }
    out
}

fn hacker_phrase(rng: &mut ThreadRng) -> String {
    let template = pick(rng, HACKER_PHRASES);
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let end = start + rest[start..].find('}').unwrap_or(rest.len() - start - 1);
        let word = match &rest[start + 1..end] {
            "abbreviation" => pick(rng, HACKER_ABBREVIATIONS),
            "adjective" => pick(rng, HACKER_ADJECTIVES),
            "noun" => pick(rng, HACKER_NOUNS),
            "verb" => pick(rng, HACKER_VERBS).0,
            _ => pick(rng, HACKER_VERBS).1,
        };
        out.push_str(word);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

// The lorem generators append to one buffer: paragraphs have ~100 words.

fn push_lorem_words(rng: &mut ThreadRng, out: &mut String, n: usize) {
    for i in 0..n {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(pick(rng, EN::LOREM_WORD));
    }
}

fn lorem_words(rng: &mut ThreadRng, n: usize) -> String {
    let mut out = String::with_capacity(n * 8);
    push_lorem_words(rng, &mut out, n);
    out
}

/// 3–10 words, the first capitalised, and a full stop.
fn push_lorem_sentence(rng: &mut ThreadRng, out: &mut String) {
    let start = out.len();
    let n = rng.random_range(3..=10);
    push_lorem_words(rng, out, n);
    if out.as_bytes().get(start).is_some_and(u8::is_ascii) {
        out[start..=start].make_ascii_uppercase();
    }
    out.push('.');
}

fn lorem_sentence(rng: &mut ThreadRng) -> String {
    let mut out = String::with_capacity(64);
    push_lorem_sentence(rng, &mut out);
    out
}

fn push_lorem_sentences(rng: &mut ThreadRng, out: &mut String, n: usize, sep: &str) {
    for i in 0..n {
        if i > 0 {
            out.push_str(sep);
        }
        push_lorem_sentence(rng, out);
    }
}

fn lorem_sentences(rng: &mut ThreadRng, n: usize, sep: &str) -> String {
    let mut out = String::with_capacity(n * 64);
    push_lorem_sentences(rng, &mut out, n, sep);
    out
}

/// 3–6 sentences.
fn push_lorem_paragraph(rng: &mut ThreadRng, out: &mut String) {
    let n = 3 + rng.random_range(0..=3);
    push_lorem_sentences(rng, out, n, " ");
}

fn lorem_paragraph(rng: &mut ThreadRng) -> String {
    let mut out = String::with_capacity(320);
    push_lorem_paragraph(rng, &mut out);
    out
}

/// Three paragraphs separated by faker's `"\n \r"`.
fn lorem_paragraphs(rng: &mut ThreadRng) -> String {
    let mut out = String::with_capacity(1024);
    for i in 0..3 {
        if i > 0 {
            out.push_str("\n \r");
        }
        push_lorem_paragraph(rng, &mut out);
    }
    out
}

fn lorem_lines(rng: &mut ThreadRng) -> String {
    let n = rng.random_range(1..=5);
    lorem_sentences(rng, n, "\n")
}

/// faker's `random.word`: a phrase from one of many word generators, then
/// one of its words.
fn random_word(rng: &mut ThreadRng) -> String {
    let phrase: String = match rng.random_range(0..27) {
        0 => pick(rng, DEPARTMENTS).to_string(),
        1 => product_name(rng),
        2 => pick(rng, PRODUCT_ADJECTIVES).to_string(),
        3 => pick(rng, PRODUCT_MATERIALS).to_string(),
        4 => pick(rng, PRODUCTS).to_string(),
        5 => pick(rng, COLORS).to_string(),
        6 => pick(rng, EN::COMPANY_BUZZWORD_HEAD).to_string(),
        7 => pick(rng, EN::COMPANY_BUZZWORD_MIDDLE).to_string(),
        8 => pick(rng, EN::COMPANY_BUZZWORD_TAIL).to_string(),
        9 => pick(rng, EN::COMPANY_BS_ADJ).to_string(),
        10 => pick(rng, EN::COMPANY_BS_VERBS).to_string(),
        11 => pick(rng, EN::COMPANY_BS_NOUNS).to_string(),
        12 => pick(rng, EN::ADDRESS_STREET_SUFFIX).to_string(),
        13 => pick(rng, COUNTIES).to_string(),
        14 => pick(rng, EN::ADDRESS_COUNTRY).to_string(),
        15 => pick(rng, EN::ADDRESS_STATE).to_string(),
        16 => format!("{} Account", pick(rng, ACCOUNT_KINDS)),
        17 => pick(rng, TRANSACTION_TYPES).to_string(),
        18 => pick(rng, EN::CURRENCY_NAME).to_string(),
        19 => pick(rng, HACKER_NOUNS).to_string(),
        20 => pick(rng, HACKER_VERBS).0.to_string(),
        21 => pick(rng, HACKER_ADJECTIVES).to_string(),
        22 => pick(rng, HACKER_VERBS).1.to_string(),
        23 => pick(rng, HACKER_ABBREVIATIONS).to_string(),
        24 => pick(rng, EN::JOB_SENIORITY).to_string(),
        25 => pick(rng, EN::JOB_FIELD).to_string(),
        _ => pick(rng, EN::JOB_POSITION).to_string(),
    };
    let words: Vec<&str> = phrase.split(' ').collect();
    pick(rng, &words).to_string()
}

/// `random.words()` lower-cased with non-word characters as `_`.
fn file_stem(rng: &mut ThreadRng) -> String {
    let n = rng.random_range(1..=3);
    let words = join_n(rng, n, " ", random_word);
    let mut out = String::with_capacity(words.len());
    for c in words.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c);
        } else {
            // JS replaces each UTF-16 unit of a non-word character.
            for _ in 0..c.len_utf16() {
                out.push('_');
            }
        }
    }
    out
}

fn file_name(rng: &mut ThreadRng) -> String {
    let stem = file_stem(rng);
    format!("{stem}.{}", pick(rng, MIME_EXTENSIONS.as_slice()))
}

fn common_file_ext(rng: &mut ThreadRng) -> &'static str {
    let (_, exts) = pick(rng, COMMON_MIME_TYPES);
    pick(rng, exts)
}

// ---------------------------------------------------------------------------
// Word lists that the `fake` crate does not have.

/// ISO 639-1 language codes.
const LOCALES: &[&str] = &[
    "af", "am", "an", "ar", "as", "az", "be", "bg", "bn", "br", "bs", "ca", "co", "cs", "cy", "da",
    "de", "el", "en", "eo", "es", "et", "eu", "fa", "fi", "fo", "fr", "fy", "ga", "gd", "gl", "gn",
    "gu", "ha", "he", "hi", "hr", "ht", "hu", "hy", "ia", "id", "ig", "is", "it", "ja", "jv", "ka",
    "kk", "km", "kn", "ko", "ku", "ky", "la", "lb", "ln", "lo", "lt", "lv", "mg", "mi", "mk", "ml",
    "mn", "mr", "ms", "mt", "my", "nb", "ne", "nl", "nn", "no", "ny", "oc", "om", "or", "pa", "pl",
    "ps", "pt", "qu", "rm", "ro", "ru", "sd", "si", "sk", "sl", "sm", "sn", "so", "sq", "sr", "st",
    "su", "sv", "sw", "ta", "te", "tg", "th", "ti", "tk", "to", "tr", "tt", "tw", "ug", "uk", "ur",
    "uz", "vi", "wa", "xh", "yi", "yo", "zh", "zu",
];

/// Directories found on Unix-like systems.
const DIRECTORIES: &[&str] = &[
    "/Applications",
    "/Library",
    "/Network",
    "/System",
    "/Users",
    "/bin",
    "/boot",
    "/boot/efi",
    "/dev",
    "/dev/shm",
    "/etc",
    "/etc/cron.d",
    "/etc/default",
    "/etc/init.d",
    "/etc/mail",
    "/etc/periodic",
    "/etc/ppp",
    "/etc/ssl",
    "/home",
    "/home/user",
    "/home/user/dir",
    "/lib",
    "/lost+found",
    "/media",
    "/mnt",
    "/net",
    "/opt",
    "/opt/bin",
    "/opt/include",
    "/opt/lib",
    "/opt/sbin",
    "/opt/share",
    "/private",
    "/private/tmp",
    "/private/var",
    "/proc",
    "/root",
    "/run",
    "/sbin",
    "/srv",
    "/sys",
    "/tmp",
    "/usr",
    "/usr/bin",
    "/usr/include",
    "/usr/lib",
    "/usr/libexec",
    "/usr/local",
    "/usr/local/bin",
    "/usr/local/lib",
    "/usr/local/src",
    "/usr/sbin",
    "/usr/share",
    "/usr/src",
    "/var",
    "/var/cache",
    "/var/lib",
    "/var/log",
    "/var/mail",
    "/var/spool",
    "/var/tmp",
    "/var/www",
];

/// US city names (faker's fifth city format picks a real one).
const CITY_NAMES: &[&str] = &[
    "Akron",
    "Albany",
    "Anaheim",
    "Arlington",
    "Aurora",
    "Austin",
    "Bakersfield",
    "Baltimore",
    "Baton Rouge",
    "Boise",
    "Boston",
    "Buffalo",
    "Chandler",
    "Charlotte",
    "Chesapeake",
    "Chicago",
    "Cincinnati",
    "Cleveland",
    "Colorado Springs",
    "Columbus",
    "Corpus Christi",
    "Dallas",
    "Denver",
    "Des Moines",
    "Detroit",
    "Durham",
    "El Paso",
    "Fort Wayne",
    "Fort Worth",
    "Fremont",
    "Fresno",
    "Garland",
    "Glendale",
    "Greensboro",
    "Henderson",
    "Hialeah",
    "Honolulu",
    "Houston",
    "Indianapolis",
    "Irvine",
    "Jacksonville",
    "Jersey City",
    "Kansas City",
    "Laredo",
    "Las Vegas",
    "Lexington",
    "Lincoln",
    "Long Beach",
    "Los Angeles",
    "Louisville",
    "Lubbock",
    "Madison",
    "Memphis",
    "Mesa",
    "Miami",
    "Milwaukee",
    "Minneapolis",
    "Modesto",
    "Nashville",
    "New Orleans",
    "Newark",
    "Norfolk",
    "Oakland",
    "Oklahoma City",
    "Omaha",
    "Orlando",
    "Palm Beach Gardens",
    "Philadelphia",
    "Phoenix",
    "Pittsburgh",
    "Plano",
    "Portland",
    "Raleigh",
    "Reno",
    "Richmond",
    "Riverside",
    "Rochester",
    "Sacramento",
    "San Antonio",
    "San Diego",
    "San Francisco",
    "San Jose",
    "Santa Ana",
    "Scottsdale",
    "Seattle",
    "Spokane",
    "St. Louis",
    "St. Paul",
    "Stockton",
    "Tacoma",
    "Tampa",
    "Toledo",
    "Tucson",
    "Tulsa",
    "Virginia Beach",
    "Washington",
    "Wichita",
    "Winston-Salem",
    "Yonkers",
];

/// British counties (faker's `address.county`, used by `random.word`).
const COUNTIES: &[&str] = &[
    "Avon",
    "Bedfordshire",
    "Berkshire",
    "Borders",
    "Buckinghamshire",
    "Cambridgeshire",
    "Cheshire",
    "Cornwall",
    "Cumbria",
    "Derbyshire",
    "Devon",
    "Dorset",
    "Durham",
    "Essex",
    "Gloucestershire",
    "Hampshire",
    "Herefordshire",
    "Hertfordshire",
    "Kent",
    "Lancashire",
    "Leicestershire",
    "Lincolnshire",
    "Norfolk",
    "Northamptonshire",
    "Northumberland",
    "Nottinghamshire",
    "Oxfordshire",
    "Rutland",
    "Shropshire",
    "Somerset",
    "Staffordshire",
    "Suffolk",
    "Surrey",
    "Warwickshire",
    "Wiltshire",
    "Worcestershire",
];

const COLORS: &[&str] = &[
    "red",
    "green",
    "blue",
    "yellow",
    "orange",
    "purple",
    "pink",
    "brown",
    "black",
    "white",
    "grey",
    "gold",
    "silver",
    "maroon",
    "navy",
    "teal",
    "olive",
    "lime",
    "cyan",
    "magenta",
    "indigo",
    "violet",
    "turquoise",
    "lavender",
    "salmon",
    "tan",
    "plum",
    "orchid",
    "azure",
    "mint green",
    "sky blue",
    "ivory",
];

const DEPARTMENTS: &[&str] = &[
    "Automotive",
    "Baby",
    "Beauty",
    "Books",
    "Clothing",
    "Computers",
    "Electronics",
    "Games",
    "Garden",
    "Grocery",
    "Health",
    "Home",
    "Industrial",
    "Jewelery",
    "Kids",
    "Movies",
    "Music",
    "Outdoors",
    "Shoes",
    "Sports",
    "Tools",
    "Toys",
];

const PRODUCT_ADJECTIVES: &[&str] = &[
    "Awesome",
    "Compact",
    "Durable",
    "Elegant",
    "Ergonomic",
    "Fantastic",
    "Generic",
    "Gorgeous",
    "Handcrafted",
    "Handmade",
    "Incredible",
    "Intelligent",
    "Licensed",
    "Modern",
    "Practical",
    "Refined",
    "Rustic",
    "Sleek",
    "Small",
    "Tasty",
    "Unbranded",
];

const PRODUCT_MATERIALS: &[&str] = &[
    "Bamboo", "Bronze", "Ceramic", "Concrete", "Cotton", "Fresh", "Frozen", "Granite", "Leather",
    "Linen", "Marble", "Metal", "Plastic", "Rubber", "Soft", "Steel", "Wooden", "Wool",
];

const PRODUCTS: &[&str] = &[
    "Bacon", "Ball", "Bike", "Car", "Chair", "Cheese", "Chicken", "Chips", "Clock", "Computer",
    "Fish", "Gloves", "Hat", "Keyboard", "Lamp", "Mouse", "Pants", "Pizza", "Salad", "Sausages",
    "Shirt", "Shoes", "Soap", "Table", "Towels", "Tuna",
];

const DB_COLUMNS: &[&str] = &[
    "id",
    "title",
    "name",
    "email",
    "phone",
    "token",
    "group",
    "category",
    "password",
    "comment",
    "avatar",
    "status",
    "createdAt",
    "updatedAt",
];

const DB_TYPES: &[&str] = &[
    "int",
    "varchar",
    "text",
    "date",
    "datetime",
    "tinyint",
    "time",
    "timestamp",
    "smallint",
    "mediumint",
    "bigint",
    "decimal",
    "float",
    "double",
    "real",
    "bit",
    "boolean",
    "serial",
    "blob",
    "binary",
    "enum",
    "set",
    "geometry",
    "point",
];

const DB_COLLATIONS: &[&str] = &[
    "utf8_unicode_ci",
    "utf8_general_ci",
    "utf8_bin",
    "ascii_bin",
    "ascii_general_ci",
    "cp1250_bin",
    "cp1250_general_ci",
    "latin1_swedish_ci",
    "utf8mb4_unicode_ci",
    "utf8mb4_general_ci",
];

const DB_ENGINES: &[&str] = &[
    "InnoDB",
    "MyISAM",
    "MEMORY",
    "CSV",
    "BLACKHOLE",
    "ARCHIVE",
    "MERGE",
    "FEDERATED",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const WEEKDAYS: &[&str] = &[
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

const ACCOUNT_KINDS: &[&str] = &[
    "Checking",
    "Savings",
    "Money Market",
    "Investment",
    "Home Loan",
    "Credit Card",
    "Auto Loan",
    "Personal Loan",
];

const TRANSACTION_TYPES: &[&str] = &["deposit", "withdrawal", "payment", "invoice"];

const HACKER_ABBREVIATIONS: &[&str] = &[
    "ADP", "AGP", "AI", "API", "CPU", "CSS", "DNS", "EXE", "FTP", "GB", "GPU", "HDD", "HTTP", "IB",
    "JSON", "PCI", "PNG", "RAM", "RSS", "SAS", "SCSI", "SDD", "SMS", "SMTP", "SQL", "SSL", "TCP",
    "THX", "USB", "XML", "XSS",
];

const HACKER_ADJECTIVES: &[&str] = &[
    "auxiliary",
    "primary",
    "back-end",
    "digital",
    "open-source",
    "virtual",
    "cross-platform",
    "redundant",
    "online",
    "haptic",
    "multi-byte",
    "bluetooth",
    "wireless",
    "1080p",
    "neural",
    "optical",
    "solid state",
    "mobile",
    "encrypted",
    "distributed",
];

const HACKER_NOUNS: &[&str] = &[
    "driver",
    "protocol",
    "bandwidth",
    "panel",
    "microchip",
    "program",
    "port",
    "card",
    "array",
    "interface",
    "system",
    "sensor",
    "firewall",
    "hard drive",
    "pixel",
    "alarm",
    "feed",
    "monitor",
    "application",
    "transmitter",
    "bus",
    "circuit",
    "capacitor",
    "matrix",
    "kernel",
    "bus",
    "cache",
];

/// Verbs with their `-ing` forms.
const HACKER_VERBS: &[(&str, &str)] = &[
    ("back up", "backing up"),
    ("bypass", "bypassing"),
    ("hack", "hacking"),
    ("override", "overriding"),
    ("compress", "compressing"),
    ("copy", "copying"),
    ("navigate", "navigating"),
    ("index", "indexing"),
    ("connect", "connecting"),
    ("generate", "generating"),
    ("quantify", "quantifying"),
    ("calculate", "calculating"),
    ("synthesize", "synthesizing"),
    ("input", "inputting"),
    ("transmit", "transmitting"),
    ("program", "programming"),
    ("reboot", "rebooting"),
    ("parse", "parsing"),
    ("compile", "compiling"),
    ("encrypt", "encrypting"),
];

const HACKER_PHRASES: &[&str] = &[
    "If we {verb} the {noun}, we can get to the {abbreviation} {noun} through the {adjective} {abbreviation} {noun}!",
    "We need to {verb} the {adjective} {abbreviation} {noun}!",
    "Try to {verb} the {abbreviation} {noun}, maybe it will {verb} the {adjective} {noun}!",
    "You can't {verb} the {noun} without {ingverb} the {adjective} {abbreviation} {noun}!",
    "Use the {adjective} {abbreviation} {noun}, then you can {verb} the {adjective} {noun}!",
    "The {abbreviation} {noun} is down, {verb} the {adjective} {noun} so we can {verb} the {abbreviation} {noun}!",
    "{ingverb} the {noun} won't do anything, we need to {verb} the {adjective} {abbreviation} {noun}!",
    "I'll {verb} the {adjective} {abbreviation} {noun}, that should {noun} the {abbreviation} {noun}!",
];

const EXAMPLE_DOMAINS: &[&str] = &["example.com", "example.net", "example.org"];

const DOMAIN_SUFFIXES: &[&str] = &["com", "biz", "info", "name", "net", "org"];

const COMMON_FILE_TYPES: &[&str] = &["video", "audio", "image", "text", "application"];

const COMMON_MIME_TYPES: &[(&str, &[&str])] = &[
    ("application/pdf", &["pdf"]),
    ("audio/mpeg", &["mpga", "mp2", "mp2a", "mp3", "m2a", "m3a"]),
    ("audio/wav", &["wav"]),
    ("image/png", &["png"]),
    ("image/jpeg", &["jpeg", "jpg", "jpe"]),
    ("image/gif", &["gif"]),
    ("video/mp4", &["mp4", "mp4v", "mpg4"]),
    ("video/mpeg", &["mpeg", "mpg", "mpe", "m1v", "m2v"]),
    ("text/html", &["html", "htm", "shtml"]),
];

/// A sample of registered MIME types and their extensions, covering every
/// top-level type faker's MIME database has.
const MIME_TYPES: &[(&str, &[&str])] = &[
    ("application/atom+xml", &["atom"]),
    ("application/ecmascript", &["ecma", "es"]),
    ("application/epub+zip", &["epub"]),
    ("application/gzip", &["gz"]),
    ("application/java-archive", &["jar", "war", "ear"]),
    ("application/javascript", &["js", "mjs"]),
    ("application/json", &["json", "map"]),
    ("application/ld+json", &["jsonld"]),
    ("application/msword", &["doc", "dot"]),
    (
        "application/octet-stream",
        &[
            "bin", "dms", "lrf", "mar", "so", "dist", "distz", "pkg", "bpk", "dump", "elc",
            "deploy", "exe", "dll", "deb", "dmg", "iso", "img", "msi", "msp", "msm", "buffer",
        ],
    ),
    ("application/ogg", &["ogx"]),
    ("application/pdf", &["pdf"]),
    ("application/pgp-signature", &["asc", "sig"]),
    ("application/pkcs10", &["p10"]),
    ("application/pkix-cert", &["cer"]),
    ("application/postscript", &["ai", "eps", "ps"]),
    ("application/rss+xml", &["rss"]),
    ("application/rtf", &["rtf"]),
    ("application/sql", &["sql"]),
    ("application/vnd.android.package-archive", &["apk"]),
    ("application/vnd.apple.mpegurl", &["m3u8"]),
    (
        "application/vnd.ms-excel",
        &["xls", "xlm", "xla", "xlc", "xlt", "xlw"],
    ),
    ("application/vnd.ms-fontobject", &["eot"]),
    ("application/vnd.ms-powerpoint", &["ppt", "pps", "pot"]),
    ("application/vnd.oasis.opendocument.presentation", &["odp"]),
    ("application/vnd.oasis.opendocument.spreadsheet", &["ods"]),
    ("application/vnd.oasis.opendocument.text", &["odt"]),
    (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        &["pptx"],
    ),
    (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        &["xlsx"],
    ),
    (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        &["docx"],
    ),
    ("application/vnd.visio", &["vsd", "vst", "vss", "vsw"]),
    ("application/wasm", &["wasm"]),
    ("application/x-7z-compressed", &["7z"]),
    ("application/x-bzip2", &["bz2", "boz"]),
    ("application/x-debian-package", &["deb", "udeb"]),
    ("application/x-font-bdf", &["bdf"]),
    ("application/x-httpd-php", &["php"]),
    ("application/x-lzh-compressed", &["lzh", "lha"]),
    ("application/x-mpegurl", &["m3u8"]),
    ("application/x-rar-compressed", &["rar"]),
    ("application/x-sh", &["sh"]),
    ("application/x-shockwave-flash", &["swf"]),
    ("application/x-tar", &["tar"]),
    ("application/x-tex", &["tex"]),
    ("application/x-x509-ca-cert", &["der", "crt", "pem"]),
    ("application/xhtml+xml", &["xhtml", "xht"]),
    ("application/xml", &["xml", "xsl", "xsd", "rng"]),
    ("application/yaml", &["yaml", "yml"]),
    ("application/zip", &["zip"]),
    ("application/dns", &[]),
    ("application/vnd.api+json", &[]),
    ("audio/aac", &["aac"]),
    ("audio/amr", &["amr"]),
    ("audio/basic", &["au", "snd"]),
    ("audio/midi", &["mid", "midi", "kar", "rmi"]),
    ("audio/mp4", &["m4a", "mp4a"]),
    ("audio/mpeg", &["mpga", "mp2", "mp2a", "mp3", "m2a", "m3a"]),
    ("audio/ogg", &["oga", "ogg", "spx", "opus"]),
    ("audio/wav", &["wav"]),
    ("audio/webm", &["weba"]),
    ("audio/x-aiff", &["aif", "aiff", "aifc"]),
    ("audio/x-flac", &["flac"]),
    ("audio/x-matroska", &["mka"]),
    ("audio/x-ms-wma", &["wma"]),
    ("audio/x-pn-realaudio", &["ram", "ra"]),
    ("audio/evrc", &[]),
    ("chemical/x-cdx", &["cdx"]),
    ("chemical/x-cif", &["cif"]),
    ("chemical/x-cml", &["cml"]),
    ("chemical/x-xyz", &["xyz"]),
    ("font/collection", &["ttc"]),
    ("font/otf", &["otf"]),
    ("font/ttf", &["ttf"]),
    ("font/woff", &["woff"]),
    ("font/woff2", &["woff2"]),
    ("image/avif", &["avif"]),
    ("image/bmp", &["bmp"]),
    ("image/gif", &["gif"]),
    ("image/heic", &["heic"]),
    ("image/ief", &["ief"]),
    ("image/jpeg", &["jpeg", "jpg", "jpe"]),
    ("image/png", &["png"]),
    ("image/svg+xml", &["svg", "svgz"]),
    ("image/tiff", &["tif", "tiff"]),
    ("image/vnd.adobe.photoshop", &["psd"]),
    ("image/vnd.microsoft.icon", &["ico"]),
    ("image/webp", &["webp"]),
    ("image/x-cmx", &["cmx"]),
    ("image/x-rgb", &["rgb"]),
    ("image/x-xpixmap", &["xpm"]),
    ("message/rfc822", &["eml", "mime"]),
    ("message/global", &["u8msg"]),
    ("message/http", &[]),
    ("model/gltf+json", &["gltf"]),
    ("model/gltf-binary", &["glb"]),
    ("model/iges", &["igs", "iges"]),
    ("model/mesh", &["msh", "mesh", "silo"]),
    ("model/stl", &["stl"]),
    ("model/vrml", &["wrl", "vrml"]),
    ("model/x3d+xml", &["x3d", "x3dz"]),
    ("multipart/form-data", &[]),
    ("multipart/mixed", &[]),
    ("multipart/related", &[]),
    ("text/cache-manifest", &["appcache", "manifest"]),
    ("text/calendar", &["ics", "ifb"]),
    ("text/css", &["css"]),
    ("text/csv", &["csv"]),
    ("text/html", &["html", "htm", "shtml"]),
    ("text/less", &["less"]),
    ("text/markdown", &["markdown", "md"]),
    (
        "text/plain",
        &["txt", "text", "conf", "def", "list", "log", "in", "ini"],
    ),
    ("text/richtext", &["rtx"]),
    ("text/tab-separated-values", &["tsv"]),
    ("text/troff", &["t", "tr", "roff", "man", "me", "ms"]),
    ("text/uri-list", &["uri", "uris", "urls"]),
    ("text/vcard", &["vcard"]),
    ("text/vtt", &["vtt"]),
    ("text/x-c", &["c", "cc", "cxx", "cpp", "h", "hh", "dic"]),
    ("text/x-fortran", &["f", "for", "f77", "f90"]),
    ("text/x-java-source", &["java"]),
    ("text/x-python", &["py"]),
    ("text/x-vcalendar", &["vcs"]),
    ("text/yaml", &["yaml", "yml"]),
    ("video/3gpp", &["3gp", "3gpp"]),
    ("video/h263", &["h263"]),
    ("video/h264", &["h264"]),
    ("video/mp2t", &["ts"]),
    ("video/mp4", &["mp4", "mp4v", "mpg4"]),
    ("video/mpeg", &["mpeg", "mpg", "mpe", "m1v", "m2v"]),
    ("video/ogg", &["ogv"]),
    ("video/quicktime", &["qt", "mov"]),
    ("video/webm", &["webm"]),
    ("video/x-flv", &["flv"]),
    ("video/x-matroska", &["mkv", "mk3d", "mks"]),
    ("video/x-ms-wmv", &["wmv"]),
    ("video/x-msvideo", &["avi"]),
    ("x-conference/x-cooltalk", &["ice"]),
    ("x-shader/x-fragment", &[]),
    ("x-shader/x-vertex", &[]),
];

/// The distinct top-level types of [`MIME_TYPES`] (faker's `fileType`).
static MIME_TOP_TYPES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut out: Vec<&'static str> = Vec::new();
    for (mime, _) in MIME_TYPES {
        let top = mime.split('/').next().unwrap_or(mime);
        if !out.contains(&top) {
            out.push(top);
        }
    }
    out
});

/// The distinct extensions of [`MIME_TYPES`] (faker's `fileExt`).
static MIME_EXTENSIONS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut seen = std::collections::HashSet::new();
    MIME_TYPES
        .iter()
        .flat_map(|(_, exts)| exts.iter().copied())
        .filter(|e| seen.insert(*e))
        .collect()
});

#[cfg(test)]
#[path = "dynamic_tests.rs"]
mod tests;
