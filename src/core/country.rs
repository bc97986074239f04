//! Country codes, and the facts of EU/EEA roaming that depend on the country.

use std::fmt;

/// An ISO 3166-1 alpha-2 country code, upper case (`HK`, `FR`).
#[derive(
    Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct CountryCode([u8; 2]);

/// Every assigned ISO 3166-1 alpha-2 code, plus `XK` (Kosovo), which eSIM
/// sellers use although ISO has not assigned it.
const ISO_3166_ALPHA2: &str = "\
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL \
BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV \
CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD \
GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM \
IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK \
LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW \
MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR \
PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS \
ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY \
UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW";

impl CountryCode {
    /// Parses an assigned code such as `"HK"`; `None` otherwise.
    pub fn parse(code: &str) -> Option<CountryCode> {
        let bytes: [u8; 2] = code.as_bytes().try_into().ok()?;
        if !bytes.iter().all(u8::is_ascii_uppercase) {
            return None;
        }
        ISO_3166_ALPHA2
            .split_ascii_whitespace()
            .any(|known| known.as_bytes() == bytes)
            .then_some(CountryCode(bytes))
    }

    /// Every code known to `parse`, in alphabetical order.
    pub fn all() -> impl Iterator<Item = CountryCode> {
        ISO_3166_ALPHA2.split_ascii_whitespace().filter_map(|code| {
            let bytes: [u8; 2] = code.as_bytes().try_into().ok()?;
            Some(CountryCode(bytes))
        })
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    /// Whether EU roaming regulation 2022/612 ("roam like at home") applies
    /// here: the 27 EU states, Iceland, Liechtenstein, Norway, and the EU's
    /// outermost regions that have codes of their own (French overseas
    /// departments and Saint-Martin). Not the UK, Switzerland, Andorra, Monaco.
    pub fn in_eu_roaming_area(self) -> bool {
        self.eu_vat_basis_points().is_some()
            || matches!(self.as_str(), "GF" | "GP" | "MQ" | "RE" | "YT" | "MF")
    }

    /// Standard VAT rate of an EU/EEA home country, in basis points (20% ->
    /// 2000). The fair-use formula works on prices without VAT.
    pub fn eu_vat_basis_points(self) -> Option<u32> {
        let rate = match self.as_str() {
            "LU" => 1700,
            "MT" => 1800,
            "CY" | "DE" => 1900,
            "AT" | "BG" | "FR" => 2000,
            "BE" | "CZ" | "ES" | "LT" | "LV" | "NL" | "RO" => 2100,
            "IT" | "SI" => 2200,
            "IE" | "PL" | "PT" | "SK" => 2300,
            "EE" | "GR" | "IS" => 2400,
            "DK" | "HR" | "NO" | "SE" => 2500,
            "FI" => 2550,
            "HU" => 2700,
            // Liechtenstein applies the Swiss rate.
            "LI" => 810,
            _ => return None,
        };
        Some(rate)
    }
}

impl fmt::Debug for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cc(code: &str) -> CountryCode {
        CountryCode::parse(code).unwrap_or(CountryCode(*b"ZZ"))
    }

    #[test]
    fn knows_every_assigned_code_once() {
        let all: Vec<_> = CountryCode::all().collect();
        assert_eq!(all.len(), 250, "249 ISO codes plus XK");
        assert!(all.windows(2).all(|w| w[0] < w[1]), "sorted and unique");
    }

    #[test]
    fn parses_only_assigned_upper_case_codes() {
        assert!(CountryCode::parse("HK").is_some());
        assert!(CountryCode::parse("hk").is_none());
        assert!(CountryCode::parse("ZZ").is_none());
        assert!(CountryCode::parse("UK").is_none(), "the UK's code is GB");
        assert!(CountryCode::parse("H").is_none());
        assert!(CountryCode::parse("HKG").is_none());
    }

    #[test]
    fn eu_roaming_area_is_the_regulations() {
        let inside: Vec<_> = CountryCode::all()
            .filter(|c| c.in_eu_roaming_area())
            .collect();
        // 27 EU + IS, LI, NO + six outermost regions with codes of their own.
        assert_eq!(inside.len(), 36);
        for code in ["FR", "DE", "IS", "LI", "NO", "RE", "GP"] {
            assert!(cc(code).in_eu_roaming_area(), "{code}");
        }
        for code in [
            "GB", "CH", "AD", "MC", "SM", "VA", "TR", "RS", "JE", "IM", "HK",
        ] {
            assert!(!cc(code).in_eu_roaming_area(), "{code}");
        }
    }
}
