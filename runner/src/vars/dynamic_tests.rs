//! Tests for the dynamic variables: every name generates, and each value
//! has the format faker 5.5.3 gives through the Postman SDK (the patterns
//! were checked against values sampled from Newman 6.2).

use std::collections::HashSet;

use regex::Regex;

use super::{generate, names};

const UUID: &str = r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$";
const JS_DATE: &str = r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{2} \d{4} \d{2}:\d{2}:\d{2} GMT\+0000 \(Coordinated Universal Time\)$";
const WORDISH: &str = r"^\S.*\S$|^\S$";
const IMAGE: &str = r"^http://placeimg\.com/640/480/";

/// (name, pattern) for every variable. Patterns are full-value anchored.
fn formats() -> Vec<(&'static str, String)> {
    let f = |n: &'static str, p: &str| (n, p.to_string());
    let img = |n: &'static str, cat: &str| (n, format!("{IMAGE}{cat}$"));
    vec![
        f("$guid", UUID),
        f("$timestamp", r"^\d{10}$"),
        f(
            "$isoTimestamp",
            r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$",
        ),
        f("$randomInt", r"^(\d|[1-9]\d|[1-9]\d\d|1000)$"),
        f("$randomPhoneNumber", r"^[2-9]\d\d-[2-9]\d\d-\d{4}$"),
        f(
            "$randomPhoneNumberExt",
            r"^[1-9]\d?-[2-9]\d\d-[2-9]\d\d-\d{4}$",
        ),
        f("$randomLocale", r"^[a-z]{2,3}$"),
        f("$randomWords", r"^\S+( \S+){1,}$"),
        f("$randomFilePath", r"^(/[^/\s]+)+/\w+\.[a-z0-9-]+$"),
        f("$randomDirectoryPath", r"^(/[^/\s]+)+$"),
        f("$randomCity", r"^[A-Z][\w .'-]+$"),
        f("$randomStreetName", r"^[A-Z][\w'-]* [A-Z][a-z]+$"),
        f(
            "$randomStreetAddress",
            r"^\d{3,5} [A-Z][\w'-]* [A-Z][a-z]+$",
        ),
        f("$randomCountry", WORDISH),
        f("$randomCountryCode", r"^[A-Z]{2}$"),
        f("$randomLatitude", r"^-?\d{1,2}\.\d{4}$"),
        f("$randomLongitude", r"^-?\d{1,3}\.\d{4}$"),
        f("$randomColor", r"^[a-z]+( [a-z]+)?$"),
        f("$randomDepartment", r"^[A-Z][a-z]+$"),
        f(
            "$randomProductName",
            r"^[A-Z][a-z]+ [A-Z][a-z]+ [A-Z][a-z]+$",
        ),
        f("$randomProductAdjective", r"^[A-Z][a-z]+$"),
        f("$randomProductMaterial", r"^[A-Z][a-z]+$"),
        f("$randomProduct", r"^[A-Z][a-z]+$"),
        f(
            "$randomCompanyName",
            r"^[A-Z][\w']+( and Sons| Inc| LLC| Group| - [A-Z][\w']+|, [A-Z][\w']+ and [A-Z][\w']+)$",
        ),
        f("$randomCompanySuffix", r"^(Inc|and Sons|LLC|Group)$"),
        f("$randomCatchPhrase", r"^[A-Z0-9][\w/-]*( [\w/-]+){2,}$"),
        f("$randomBs", r"^[a-z][\w-]*( [\w/-]+){2,}$"),
        f("$randomCatchPhraseAdjective", r"^[A-Z][\w -]+$"),
        f("$randomCatchPhraseDescriptor", r"^[\w/ -]+$"),
        f("$randomCatchPhraseNoun", r"^[A-Za-z0-9][\w /-]*$"),
        f("$randomBsAdjective", r"^[\w/-]+$"),
        f("$randomBsBuzz", r"^[a-z][\w-]*$"),
        f("$randomBsNoun", r"^[\w -]+$"),
        f("$randomDatabaseColumn", r"^[a-z][A-Za-z]*$"),
        f("$randomDatabaseType", r"^[a-z]+$"),
        f("$randomDatabaseCollation", r"^[a-z0-9]+_[a-z_]+$"),
        f("$randomDatabaseEngine", r"^[A-Za-z]+$"),
        f("$randomDatePast", JS_DATE),
        f("$randomDateFuture", JS_DATE),
        f("$randomDateRecent", JS_DATE),
        f(
            "$randomMonth",
            r"^(January|February|March|April|May|June|July|August|September|October|November|December)$",
        ),
        f(
            "$randomWeekday",
            r"^(Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day$",
        ),
        f("$randomBankAccount", r"^\d{8}$"),
        f(
            "$randomBankAccountName",
            r"^[A-Z][a-z]+( [A-Z][a-z]+)? Account$",
        ),
        f("$randomCreditCardMask", r"^\d{4}$"),
        f("$randomPrice", r"^(\d{1,3}|1000)\.\d{2}$"),
        f(
            "$randomTransactionType",
            r"^(deposit|withdrawal|payment|invoice)$",
        ),
        f("$randomCurrencyCode", r"^[A-Z]{3}$"),
        f("$randomCurrencyName", WORDISH),
        f("$randomCurrencySymbol", r"^\S+$"),
        f("$randomBitcoin", r"^[13][1-9A-HJ-NP-Za-km-z]{24,33}$"),
        f("$randomBankAccountIban", r"^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$"),
        f(
            "$randomBankAccountBic",
            r"^[A-Z]{3}[AEIOU][A-Z]{2}[A-Z]1([A-Z][AEIOU][A-Z]|\d{3})?$",
        ),
        f("$randomAbbreviation", r"^[A-Z]{2,5}$"),
        f("$randomAdjective", r"^[\w -]+$"),
        f("$randomNoun", r"^[a-z]+( [a-z]+)?$"),
        f("$randomVerb", r"^[a-z]+( up)?$"),
        f("$randomIngverb", r"^[a-z]+ing( up)?$"),
        f("$randomPhrase", r"^[A-Za-z].* .*!$"),
        f(
            "$randomAvatarImage",
            r"^https://cdn\.fakercloud\.com/avatars/[A-Za-z0-9_.-]+_128\.jpg$",
        ),
        f("$randomImageUrl", r"^http://placeimg\.com/640/480$"),
        img("$randomAbstractImage", "abstract"),
        img("$randomAnimalsImage", "animals"),
        img("$randomBusinessImage", "business"),
        img("$randomCatsImage", "cats"),
        img("$randomCityImage", "city"),
        img("$randomFoodImage", "food"),
        img("$randomNightlifeImage", "nightlife"),
        img("$randomFashionImage", "fashion"),
        img("$randomPeopleImage", "people"),
        img("$randomNatureImage", "nature"),
        img("$randomSportsImage", "sports"),
        img("$randomTransportImage", "transport"),
        f(
            "$randomImageDataUri",
            r"^data:image/svg\+xml;charset=UTF-8,%3Csvg%20[A-Za-z0-9%._!~*'()-]+%3C%2Fsvg%3E$",
        ),
        f(
            "$randomEmail",
            r"^[A-Za-z][\w.-]*@(gmail|yahoo|hotmail)\.com$",
        ),
        f(
            "$randomExampleEmail",
            r"^[A-Za-z][\w.-]*@example\.(com|net|org)$",
        ),
        f("$randomUserName", r"^[A-Za-z][\w.-]*$"),
        f("$randomProtocol", r"^https?$"),
        f(
            "$randomUrl",
            r"^https?://[a-z-]+\.(com|biz|info|name|net|org)$",
        ),
        f(
            "$randomDomainName",
            r"^[a-z-]+\.(com|biz|info|name|net|org)$",
        ),
        f("$randomDomainSuffix", r"^(com|biz|info|name|net|org)$"),
        f("$randomDomainWord", r"^[a-z-]+$"),
        f(
            "$randomIP",
            r"^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$",
        ),
        f("$randomIPV6", r"^[0-9a-f]{4}(:[0-9a-f]{4}){7}$"),
        f("$randomUserAgent", r"^(Mozilla|Opera)/\d+\.\d+ \(.+$"),
        f("$randomHexColor", r"^#([0-7][0-9a-f]|80){3}$"),
        f("$randomMACAddress", r"^[0-9a-f]{2}(:[0-9a-f]{2}){5}$"),
        f("$randomPassword", r"^\w{15}$"),
        f("$randomLoremWord", r"^[a-z]+$"),
        f("$randomLoremWords", r"^[a-z]+ [a-z]+ [a-z]+$"),
        f("$randomLoremSentence", r"^[A-Z][a-z]*( [a-z]+){2,9}\.$"),
        f("$randomLoremSlug", r"^[a-z]+-[a-z]+-[a-z]+$"),
        f(
            "$randomLoremSentences",
            r"^[A-Z][a-z ]+\.( [A-Z][a-z ]+\.){1,5}$",
        ),
        f(
            "$randomLoremParagraph",
            r"^[A-Z][a-z ]+\.( [A-Z][a-z ]+\.){2,5}$",
        ),
        f(
            "$randomLoremParagraphs",
            r"^[A-Z][A-Za-z .]+\.\n \r[A-Z][A-Za-z .]+\.\n \r[A-Z][A-Za-z .]+\.$",
        ),
        f("$randomLoremText", r"^[A-Za-z][A-Za-z .\n\r]*$"),
        f(
            "$randomLoremLines",
            r"^[A-Z][a-z ]+\.(\n[A-Z][a-z ]+\.){0,4}$",
        ),
        f("$randomFirstName", r"^[A-Z][A-Za-z'-]+$"),
        f("$randomLastName", r"^[A-Z][A-Za-z'-]+$"),
        f(
            "$randomFullName",
            r"^([A-Z][a-z]+\.? )?[A-Z][A-Za-z'-]+ [A-Z][A-Za-z'-]+( [A-Z][A-Za-z]*\.?)?$",
        ),
        f("$randomJobTitle", r"^[A-Z][\w-]* [A-Z][\w-]* [A-Z][\w-]*$"),
        f("$randomNamePrefix", r"^(Mr\.|Mrs\.|Ms\.|Miss|Dr\.)$"),
        f(
            "$randomNameSuffix",
            r"^(Jr\.|Sr\.|I|II|III|IV|V|MD|DDS|PhD|DVM)$",
        ),
        f("$randomJobDescriptor", r"^[A-Z][a-z]+$"),
        f("$randomJobArea", r"^[A-Z][\w-]*$"),
        f("$randomJobType", r"^[A-Z][a-z]+$"),
        f("$randomUUID", UUID),
        f("$randomBoolean", r"^(true|false)$"),
        f("$randomWord", r"^\S+$"),
        f("$randomAlphaNumeric", r"^[0-9a-z]$"),
        f("$randomFileName", r"^\w+\.[a-z0-9-]+$"),
        f(
            "$randomCommonFileName",
            r"^\w+\.(pdf|mpga|mp2|mp2a|mp3|m2a|m3a|wav|png|jpeg|jpg|jpe|gif|mp4|mp4v|mpg4|mpeg|mpg|mpe|m1v|m2v|html|htm|shtml)$",
        ),
        f("$randomMimeType", r"^[a-z-]+/[\w.+-]+$"),
        f(
            "$randomCommonFileType",
            r"^(video|audio|image|text|application)$",
        ),
        f(
            "$randomCommonFileExt",
            r"^(pdf|mpga|mp2|mp2a|mp3|m2a|m3a|wav|png|jpeg|jpg|jpe|gif|mp4|mp4v|mpg4|mpeg|mpg|mpe|m1v|m2v|html|htm|shtml)$",
        ),
        f(
            "$randomFileType",
            r"^(application|audio|chemical|font|image|message|model|multipart|text|video|x-conference|x-shader)$",
        ),
        f("$randomFileExt", r"^[a-z0-9-]+$"),
        f("$randomSemver", r"^\d\.\d\.\d$"),
    ]
}

#[test]
fn there_are_118_distinct_names() {
    assert_eq!(names().len(), 118);
    let set: HashSet<_> = names().iter().collect();
    assert_eq!(set.len(), 118);
    assert!(names().iter().all(|n| n.starts_with('$')));
}

#[test]
fn every_name_generates_a_non_empty_value() {
    for name in names() {
        for _ in 0..20 {
            let v = generate(name).unwrap_or_else(|| panic!("{name} not generated"));
            assert!(!v.is_empty(), "{name} empty");
        }
    }
}

#[test]
fn unknown_names_are_none() {
    for name in ["$nope", "guid", "randomInt", "", "$", "$GUID", "$randomint"] {
        assert_eq!(generate(name), None, "{name}");
    }
}

#[test]
fn every_name_has_a_format_check() {
    let covered: HashSet<_> = formats().into_iter().map(|(n, _)| n).collect();
    for name in names() {
        assert!(covered.contains(name), "no format test for {name}");
    }
    assert_eq!(covered.len(), 118);
}

#[test]
fn values_have_fakers_formats() {
    for (name, pattern) in formats() {
        let re = Regex::new(&pattern).unwrap();
        for _ in 0..200 {
            let v = generate(name).unwrap();
            assert!(re.is_match(&v), "{name} = {v:?} does not match {pattern}");
        }
    }
}

#[test]
fn random_values_differ_between_calls() {
    for name in [
        "$randomInt",
        "$guid",
        "$randomUUID",
        "$randomPassword",
        "$randomIPV6",
    ] {
        let values: HashSet<String> = (0..20).map(|_| generate(name).unwrap()).collect();
        assert!(values.len() > 10, "{name} repeated too often: {values:?}");
    }
}

#[test]
fn random_int_covers_its_range() {
    let values: Vec<u32> = (0..20_000)
        .map(|_| generate("$randomInt").unwrap().parse().unwrap())
        .collect();
    assert!(values.iter().all(|&v| v <= 1000));
    assert!(values.contains(&0) && values.contains(&1000));
}

#[test]
fn timestamps_are_now() {
    let now = chrono::Utc::now().timestamp();
    let ts: i64 = generate("$timestamp").unwrap().parse().unwrap();
    assert!((ts - now).abs() <= 2, "{ts} vs {now}");
    let iso = generate("$isoTimestamp").unwrap();
    let parsed = chrono::DateTime::parse_from_rfc3339(&iso).unwrap();
    assert!((parsed.timestamp() - now).abs() <= 2);
}

#[test]
fn dates_fall_in_their_ranges() {
    let parse = |s: String| {
        let head = s.split(" GMT").next().unwrap().to_string();
        chrono::NaiveDateTime::parse_from_str(&head, "%a %b %d %Y %H:%M:%S")
            .unwrap()
            .and_utc()
            .timestamp()
    };
    let now = chrono::Utc::now().timestamp();
    let year = 365 * 24 * 3600;
    for _ in 0..100 {
        let past = parse(generate("$randomDatePast").unwrap());
        assert!(past <= now && past >= now - year - 2);
        let future = parse(generate("$randomDateFuture").unwrap());
        assert!(future >= now && future <= now + year + 2);
        let recent = parse(generate("$randomDateRecent").unwrap());
        assert!(recent <= now && recent >= now - 24 * 3600 - 2);
    }
}

#[test]
fn iban_check_digits_are_valid() {
    for _ in 0..500 {
        let iban = generate("$randomBankAccountIban").unwrap();
        let rearranged: String = iban[4..].chars().chain(iban[..4].chars()).collect();
        let mut m = 0u32;
        for c in rearranged.chars() {
            let v = c.to_digit(36).unwrap();
            m = if v >= 10 {
                (m * 100 + v) % 97
            } else {
                (m * 10 + v) % 97
            };
        }
        assert_eq!(m, 1, "{iban}");
    }
}

#[test]
fn image_data_uri_matches_the_sdk_exactly() {
    // The SDK calls faker.image.dataUri() without a size, so the SVG says
    // "undefined" and "NaN"; this is the exact string Newman produces.
    assert_eq!(
        generate("$randomImageDataUri").unwrap(),
        "data:image/svg+xml;charset=UTF-8,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%20version%3D%221.1%22%20baseProfile%3D%22full%22%20width%3D%22undefined%22%20height%3D%22undefined%22%3E%3Crect%20width%3D%22100%25%22%20height%3D%22100%25%22%20fill%3D%22grey%22%2F%3E%3Ctext%20x%3D%22NaN%22%20y%3D%22NaN%22%20font-size%3D%2220%22%20alignment-baseline%3D%22middle%22%20text-anchor%3D%22middle%22%20fill%3D%22white%22%3Eundefinedxundefined%3C%2Ftext%3E%3C%2Fsvg%3E"
    );
}

#[test]
fn hex_color_components_stay_at_or_below_0x80() {
    for _ in 0..2000 {
        let c = generate("$randomHexColor").unwrap();
        for i in [1, 3, 5] {
            assert!(u8::from_str_radix(&c[i..i + 2], 16).unwrap() <= 0x80, "{c}");
        }
    }
}

#[test]
fn generation_is_fast() {
    let start = std::time::Instant::now();
    let mut total = 0;
    for _ in 0..200 {
        for name in names() {
            total += generate(name).unwrap().len();
        }
    }
    assert!(total > 0);
    // 23,600 values; generous bound for unoptimised debug builds.
    assert!(start.elapsed().as_secs() < 10, "{:?}", start.elapsed());
}
