//! The rules behind a plan's evidence: what counts as a web address, what is
//! only a site's home page, and whether a quote shows the plan's price.
//!
//! Each rule is one small function, tested here on its own, so the validator
//! and the maintainer's report judge an address or a quote alike.

/// Whether `url` is an absolute `http://` or `https://` address with a host
/// and no spaces or control characters (`javascript:`, `data:`, relative
/// paths and `https:///x` are not).
pub fn is_web_address(url: &str) -> bool {
    let Some(rest) = strip_web_scheme(url) else {
        return false;
    };
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
    {
        return false;
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    // user:password@host:port -> host
    let host_port = authority.rsplit('@').next().unwrap_or("");
    let host = if host_port.starts_with('[') {
        host_port.split(']').next().unwrap_or("")
    } else {
        host_port.split(':').next().unwrap_or("")
    };
    !host.is_empty() && !host.starts_with('.') && !host.ends_with('.')
}

/// The address after `http://` or `https://` (scheme in any case).
fn strip_web_scheme(url: &str) -> Option<&str> {
    ["https://", "http://"].iter().find_map(|scheme| {
        let head = url.get(..scheme.len())?;
        head.eq_ignore_ascii_case(scheme)
            .then(|| &url[scheme.len()..])
    })
}

/// Whether a web address is only a home page: the site's root, or the root
/// of one of its languages or regions (`/en/`, `/tc/`, `/zh-hk/`, `/fr/`,
/// `/hk/en/`), with or without `index.html`, whatever the query or fragment
/// (`?lang=en` does not name an offer). Such a page shows no offer's terms.
pub fn is_home_page(url: &str) -> bool {
    let Some(rest) = strip_web_scheme(url) else {
        return false;
    };
    let path = match rest.find(['/', '?', '#']) {
        Some(start) if rest[start..].starts_with('/') => {
            let path = &rest[start..];
            &path[..path.find(['?', '#']).unwrap_or(path.len())]
        }
        _ => "",
    };
    let mut segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    if segments.last().is_some_and(|last| is_index_page(last)) {
        segments.pop();
    }
    segments
        .iter()
        .all(|segment| is_language_or_region(segment))
}

/// `index.html`, `default.aspx`, `home`...: the page a folder opens on.
fn is_index_page(segment: &str) -> bool {
    let name = segment.to_ascii_lowercase();
    let stem = name.split('.').next().unwrap_or("");
    matches!(stem, "index" | "default" | "home")
}

/// A path segment that names a language or region rather than a page:
/// `en`, `tc`, `hk`, `zh-hk`, `zh_TW`, `zh-hant`, `eng`, `chi`.
fn is_language_or_region(segment: &str) -> bool {
    let segment = segment.to_ascii_lowercase();
    let letters = |s: &str, lengths: std::ops::RangeInclusive<usize>| {
        lengths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase())
    };
    if letters(&segment, 2..=2) {
        return true;
    }
    if matches!(
        segment.as_str(),
        "eng" | "chi" | "chs" | "cht" | "fra" | "fre"
    ) {
        return true;
    }
    match segment.split_once(['-', '_']) {
        Some((language, region)) => letters(language, 2..=2) && letters(region, 2..=4),
        None => false,
    }
}

/// Whether `quote` shows the price `minor` (hundredths): as `168`, `HK$168`,
/// `$168`, `168.00`, `19,99`, `19.99`, `¥25`, `25元`, `1,680`, `1 680,00`
/// (thin or no-break space), full-width digits too. A number inside a longer
/// one does not count (`1168` does not show `168`).
pub fn quote_contains_price(quote: &str, minor: i64) -> bool {
    numbers_in(quote)
        .iter()
        .any(|token| readings(token).contains(&minor))
}

/// The numbers written in a text, each as its digit groups and the
/// separators between them (`1.234,50` -> groups `1`, `234`, `50`;
/// separators `.`, `,`).
fn numbers_in(text: &str) -> Vec<(Vec<String>, Vec<char>)> {
    let chars: Vec<char> = text.chars().map(half_width).collect();
    let mut numbers = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut groups = vec![String::new()];
        let mut separators = Vec::new();
        while i < chars.len() {
            let c = chars[i];
            if c.is_ascii_digit() {
                if let Some(group) = groups.last_mut() {
                    group.push(c);
                }
            } else if is_separator(c) && chars.get(i + 1).is_some_and(char::is_ascii_digit) {
                separators.push(c);
                groups.push(String::new());
            } else {
                break;
            }
            i += 1;
        }
        numbers.push((groups, separators));
    }
    numbers
}

/// Full-width digits and punctuation (common on Chinese pages) as ASCII.
fn half_width(c: char) -> char {
    match c {
        '０'..='９' => {
            char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')).unwrap_or(c)
        }
        '．' => '.',
        '，' => ',',
        _ => c,
    }
}

fn is_separator(c: char) -> bool {
    matches!(c, '.' | ',' | '\'' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// The amounts, in hundredths, a written number can mean: its separators all
/// grouping thousands (`1,680`), or its last one a decimal point or comma
/// with one or two decimals after it (`19,99`, `1.234,50`).
fn readings((groups, separators): &(Vec<String>, Vec<char>)) -> Vec<i64> {
    let whole = |groups: &[String]| -> Option<i64> {
        let digits: String = groups.concat();
        if digits.len() > 15 {
            return None;
        }
        digits.parse::<i64>().ok()
    };
    let grouped = |groups: &[String]| groups.iter().skip(1).all(|g| g.len() == 3);
    let mut amounts = Vec::new();
    if grouped(groups) {
        if let Some(units) = whole(groups) {
            amounts.push(units * 100);
        }
    }
    if let (Some((&decimal, grouping)), Some((fraction, integer))) =
        (separators.split_last(), groups.split_last())
    {
        let decimal_ok = matches!(decimal, '.' | ',') && !grouping.contains(&decimal);
        if decimal_ok && (1..=2).contains(&fraction.len()) && grouped(integer) {
            if let (Some(units), Ok(cents)) = (whole(integer), fraction.parse::<i64>()) {
                let cents = if fraction.len() == 1 {
                    cents * 10
                } else {
                    cents
                };
                amounts.push(units * 100 + cents);
            }
        }
    }
    amounts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_addresses_are_absolute_http_or_https() {
        for ok in [
            "https://www.csl.com/en/prepaid/travel-sim",
            "http://example.com",
            "HTTPS://EXAMPLE.COM/x",
            "https://shop.example.com:8443/p?id=1#top",
            "https://user@example.com/x",
            "https://[2001:db8::1]/plans",
            "https://例子.中国/套餐",
        ] {
            assert!(is_web_address(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)//https://x.com",
            "data:text/html,<b>hi</b>",
            "ftp://example.com/x",
            "//example.com/x",
            "/plans/x",
            "example.com",
            "https://",
            "https:///path",
            "https://exa mple.com/",
            "https://example.com/a b",
            "https://example.com/\nx",
            "https://.example.com/",
            "https://:443/",
            "",
        ] {
            assert!(!is_web_address(bad), "{bad}");
        }
    }

    #[test]
    fn site_and_language_roots_are_home_pages() {
        for home in [
            "https://www.csl.com",
            "https://www.csl.com/",
            "https://www.csl.com/?lang=en",
            "https://www.csl.com/#plans",
            "https://www.hkt.com/en/",
            "https://www.three.com.hk/tc/",
            "https://www.three.com.hk/sc",
            "https://www.smartone.com/zh-hk/",
            "https://www.smartone.com/zh_TW/index.html",
            "https://www.orange.fr/fr/",
            "https://www.example.com/hk/en/",
            "https://www.example.com/zh-hant/",
            "https://www.gov.hk/eng/",
            "https://example.com/index.html",
            "https://example.com/en/default.aspx",
            "https://example.com/en/home",
        ] {
            assert!(is_home_page(home), "{home}");
        }
    }

    #[test]
    fn offer_pages_are_not_home_pages() {
        for page in [
            "https://www.csl.com/en/prepaid/travel-sim",
            "https://www.three.com.hk/tc/roaming/daypass",
            "https://www.example.com/esim",
            "https://www.example.com/plans/",
            "https://www.example.com/en/plans?id=5",
            "https://shop.example.com/p/1234",
            "https://example.com/fr/forfaits/5g-100go.html",
            "https://example.com/offers/index.html",
        ] {
            assert!(!is_home_page(page), "{page}");
        }
        // Not a web address at all: not judged as a home page either.
        assert!(!is_home_page("javascript:void(0)"));
    }

    #[test]
    fn quotes_show_prices_in_their_common_renderings() {
        for (quote, minor) in [
            ("168", 16_800),
            ("Only HK$168 for 8 days", 16_800),
            ("$168 / 30 days", 16_800),
            ("HK$168.00", 16_800),
            ("19,99 € par mois", 1_999),
            ("€19.99/month", 1_999),
            ("¥25/天", 2_500),
            ("每日25元", 2_500),
            ("日費 ＨＫ＄１６８", 16_800),
            ("¥1,680 for 3GB", 168_000),
            ("1\u{202f}680,00 €", 168_000),
            ("1.234,50 €", 123_450),
            ("$19.9", 1_990),
            ("CHF 29.-", 2_900),
            ("₩33,000", 3_300_000),
        ] {
            assert!(quote_contains_price(quote, minor), "{quote} {minor}");
        }
    }

    #[test]
    fn quotes_without_the_price_do_not_show_it() {
        for (quote, minor) in [
            ("HK$1168", 16_800),
            ("HK$16.80", 16_800),
            ("168GB", 16_900),
            ("19.999", 1_999),
            ("1,680", 168),
            ("8 days, 5GB", 16_800),
            ("", 16_800),
            ("one hundred and sixty-eight dollars", 16_800),
            ("2168.00", 16_800),
        ] {
            assert!(!quote_contains_price(quote, minor), "{quote} {minor}");
        }
    }
}
