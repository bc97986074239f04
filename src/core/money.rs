//! Money as integers: prices in minor units of their currency, and one common
//! yardstick (pico-euros) for comparing and adding prices across currencies.
//!
//! Floats appear only at the edge, where a catalogue's decimal numbers are read
//! once and rounded to integers. Every sum after that is exact.

use std::collections::BTreeMap;
use std::fmt;

/// An ISO 4217 currency code, three upper-case ASCII letters.
#[derive(
    Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Currency([u8; 3]);

impl Currency {
    /// The euro, in which the catalogue's exchange rates are expressed.
    pub const EUR: Currency = Currency(*b"EUR");

    /// Parses `"HKD"`; rejects anything that is not three upper-case letters.
    pub fn parse(code: &str) -> Option<Currency> {
        let bytes: [u8; 3] = code.as_bytes().try_into().ok()?;
        bytes
            .iter()
            .all(u8::is_ascii_uppercase)
            .then_some(Currency(bytes))
    }

    /// Decimals its prices are written with: none for the ISO 4217
    /// currencies without a minor unit (JPY, KRW, VND...), two for the rest
    /// (the catalogue format allows no more than two).
    pub fn decimals(self) -> u8 {
        const WITHOUT_MINOR_UNIT: [&[u8; 3]; 17] = [
            b"BIF", b"CLP", b"DJF", b"GNF", b"ISK", b"JPY", b"KMF", b"KRW", b"PYG", b"RWF", b"UGX",
            b"UYI", b"VND", b"VUV", b"XAF", b"XOF", b"XPF",
        ];
        if WITHOUT_MINOR_UNIT.contains(&&self.0) {
            0
        } else {
            2
        }
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        // Only ASCII upper-case letters are ever stored.
        std::str::from_utf8(&self.0).unwrap_or("???")
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An amount in hundredths of a currency unit (cents, fen, centimes…).
///
/// Hundredths for every currency, including yen and won, so that the test
/// hook `data-total-minor` ("total x 100") means the same everywhere.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Money {
    /// Amount x 100.
    pub minor: i64,
    /// Currency of the amount.
    pub currency: Currency,
}

impl Money {
    /// Builds an amount from hundredths.
    pub const fn new(minor: i64, currency: Currency) -> Money {
        Money { minor, currency }
    }
}

/// Reads a catalogue's decimal number as hundredths, rounding half away from
/// zero. `None` for values no price could have (NaN, infinite, out of range).
pub fn decimal_to_minor(amount: f64) -> Option<i64> {
    let scaled = (amount * 100.0).round();
    // 2^53: beyond it f64 no longer holds every integer.
    if scaled.is_finite() && scaled.abs() < 9_007_199_254_740_992.0 {
        #[allow(clippy::cast_possible_truncation)]
        Some(scaled as i64)
    } else {
        None
    }
}

/// Whether a catalogue's decimal number has at most `decimals` (0..=2)
/// decimals as written. Exact: the nearest double to a decimal with two
/// places is the correctly rounded quotient of its hundredths by 100, so the
/// number is rebuilt from its rounded hundredths and compared, not tested
/// against a tolerance.
pub fn has_at_most_decimals(amount: f64, decimals: u8) -> bool {
    let scale = if decimals == 0 { 1.0 } else { 100.0 };
    let scaled = (amount * scale).round();
    // Beyond 2^53 every double is whole; the size check reports those.
    scaled.abs() >= 9_007_199_254_740_992.0 || (scaled / scale - amount).abs() == 0.0
}

/// A value on the common yardstick, in pico-euros (10^-12 EUR).
///
/// Prices in different currencies are converted once to this unit so that the
/// engine can add and compare them exactly. A pico-euro is small enough that
/// the rounding of one conversion never shows in a displayed cent.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct Value(pub i128);

impl Value {
    /// Nothing.
    pub const ZERO: Value = Value(0);

    /// Sum of two values.
    #[must_use]
    pub fn plus(self, other: Value) -> Value {
        Value(self.0 + other.0)
    }

    /// This value `times` times.
    #[must_use]
    pub fn times(self, times: u64) -> Value {
        Value(self.0 * i128::from(times))
    }
}

impl std::iter::Sum for Value {
    fn sum<I: Iterator<Item = Value>>(iter: I) -> Value {
        iter.fold(Value::ZERO, Value::plus)
    }
}

/// Rates are held in micro-units (8.45 HKD per euro -> `8_450_000`), so an
/// amount of `minor` hundredths is `minor x 10^16 / rate_micro` pico-euros
/// (`rate_micro` being the rate in micro-units).
const PICO_PER_MINOR_AT_PAR: i128 = 10_000_000_000_000_000;

/// Exchange rates: how many units of each currency one euro buys.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Rates {
    micro_per_eur: BTreeMap<Currency, i64>,
}

impl Rates {
    /// Adds a rate read from the catalogue; `false` when it is not a positive
    /// finite number.
    pub fn insert(&mut self, currency: Currency, units_per_eur: f64) -> bool {
        let micro = (units_per_eur * 1e6).round();
        if !(1.0..9e15).contains(&micro) {
            return false;
        }
        #[allow(clippy::cast_possible_truncation)]
        self.micro_per_eur.insert(currency, micro as i64);
        true
    }

    /// Whether a rate is known for `currency`.
    pub fn knows(&self, currency: Currency) -> bool {
        self.micro_per_eur.contains_key(&currency)
    }

    /// The currencies with a rate, in code order.
    pub fn currencies(&self) -> impl Iterator<Item = Currency> + '_ {
        self.micro_per_eur.keys().copied()
    }

    fn micro(&self, currency: Currency) -> Option<i128> {
        self.micro_per_eur.get(&currency).map(|&m| i128::from(m))
    }

    /// The amount on the common yardstick; `None` for an unknown currency.
    pub fn value_of(&self, money: Money) -> Option<Value> {
        let micro = self.micro(money.currency)?;
        // |minor| < 2^63 and 10^16 < 2^54: the product fits an i128.
        Some(Value(div_round(
            i128::from(money.minor) * PICO_PER_MINOR_AT_PAR,
            micro,
        )))
    }

    /// A value expressed in `currency`, rounded half away from zero to the
    /// hundredth: the one place where totals are rounded.
    pub fn to_money(&self, value: Value, currency: Currency) -> Option<Money> {
        let micro = self.micro(currency)?;
        // value x micro / 10^16, split so that no product overflows: the
        // whole part of value / 10^16 times the rate, plus the remainder's.
        let (whole, rest) = (
            value.0 / PICO_PER_MINOR_AT_PAR,
            value.0 % PICO_PER_MINOR_AT_PAR,
        );
        let minor = whole
            .checked_mul(micro)?
            .checked_add(div_round(rest * micro, PICO_PER_MINOR_AT_PAR))?;
        Some(Money::new(i64::try_from(minor).ok()?, currency))
    }

    /// Converts an amount into another currency (rounded once).
    pub fn convert(&self, money: Money, to: Currency) -> Option<Money> {
        if money.currency == to {
            return Some(money);
        }
        self.to_money(self.value_of(money)?, to)
    }
}

/// An exact amount in one currency: `num / den` hundredths (den > 0).
///
/// Prices are whole hundredths; the EU roaming surcharge is a fraction of a
/// cent per MB, so amounts are kept as fractions until the one rounding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ratio {
    /// Numerator, in hundredths.
    pub num: i128,
    /// Denominator (> 0).
    pub den: i128,
}

impl Ratio {
    /// A whole number of hundredths.
    pub const fn minor(minor: i128) -> Ratio {
        Ratio { num: minor, den: 1 }
    }

    /// `self + other`, reduced; `None` on overflow.
    pub fn checked_add(self, other: Ratio) -> Option<Ratio> {
        let g = gcd(self.den, other.den);
        let den = (self.den / g).checked_mul(other.den)?;
        let num = self
            .num
            .checked_mul(other.den / g)?
            .checked_add(other.num.checked_mul(self.den / g)?)?;
        Some(Ratio { num, den }.reduced())
    }

    fn reduced(self) -> Ratio {
        let g = gcd(self.num.abs(), self.den).max(1);
        Ratio {
            num: self.num / g,
            den: self.den / g,
        }
    }
}

fn gcd(mut a: i128, mut b: i128) -> i128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.abs()
}

/// An exact sum of amounts in several currencies, converted and rounded only
/// when shown: the contract's "computed exactly and rounded once".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Spend {
    parts: Vec<(Currency, Ratio)>,
    overflow: bool,
}

impl Spend {
    /// Adds an amount of `num / den` hundredths of `currency`.
    pub fn add(&mut self, currency: Currency, amount: Ratio) {
        match self.parts.iter_mut().find(|(c, _)| *c == currency) {
            Some((_, sum)) => match sum.checked_add(amount) {
                Some(total) => *sum = total,
                None => self.overflow = true,
            },
            None => self.parts.push((currency, amount.reduced())),
        }
    }

    /// Adds a price `times` times.
    pub fn add_money(&mut self, money: Money, times: u64) {
        match i128::from(money.minor).checked_mul(i128::from(times)) {
            Some(num) => self.add(money.currency, Ratio::minor(num)),
            None => self.overflow = true,
        }
    }

    /// Adds everything in `other`.
    pub fn extend(&mut self, other: &Spend) {
        self.overflow |= other.overflow;
        for &(currency, amount) in &other.parts {
            self.add(currency, amount);
        }
    }

    /// The exact total in `currency`, rounded once, half away from zero.
    /// `None` when a currency has no rate or the amount is too large to hold.
    pub fn total_in(&self, rates: &Rates, currency: Currency) -> Option<Money> {
        if self.overflow {
            return None;
        }
        let target = rates.micro(currency)?;
        let mut sum = Ratio::minor(0);
        for &(from, amount) in &self.parts {
            let micro = rates.micro(from)?;
            // amount x target / micro, in hundredths of `currency`.
            let converted = Ratio {
                num: amount.num.checked_mul(target)?,
                den: amount.den.checked_mul(micro)?,
            }
            .reduced();
            sum = sum.checked_add(converted)?;
        }
        Money::checked_new(div_round(sum.num, sum.den), currency)
    }
}

impl Money {
    /// An amount of hundredths that must fit the widget's money range
    /// (exactly representable in a browser number: below 2^53).
    pub fn checked_new(minor: i128, currency: Currency) -> Option<Money> {
        const LIMIT: i128 = 1 << 53;
        (minor.abs() < LIMIT)
            .then(|| i64::try_from(minor).ok())
            .flatten()
            .map(|minor| Money::new(minor, currency))
    }
}

/// Integer division rounding half away from zero. `den` must be positive.
pub fn div_round(num: i128, den: i128) -> i128 {
    let half = den / 2;
    if num >= 0 {
        (num + half) / den
    } else {
        -((-num + half) / den)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cur(code: &str) -> Currency {
        Currency::parse(code).unwrap_or(Currency::EUR)
    }

    fn rates() -> Rates {
        let mut rates = Rates::default();
        assert!(rates.insert(Currency::EUR, 1.0));
        assert!(rates.insert(cur("HKD"), 8.45));
        assert!(rates.insert(cur("JPY"), 162.0));
        rates
    }

    #[test]
    fn currency_codes_are_three_capital_letters() {
        assert_eq!(
            Currency::parse("HKD").map(|c| c.to_string()),
            Some("HKD".into())
        );
        assert_eq!(Currency::parse("hkd"), None);
        assert_eq!(Currency::parse("HK"), None);
        assert_eq!(Currency::parse("HKDX"), None);
    }

    #[test]
    fn decimal_prices_round_to_the_hundredth() {
        assert_eq!(decimal_to_minor(8.45), Some(845));
        assert_eq!(decimal_to_minor(39.99), Some(3999));
        assert_eq!(decimal_to_minor(0.005), Some(1));
        assert_eq!(decimal_to_minor(f64::NAN), None);
        assert_eq!(decimal_to_minor(1e300), None);
    }

    #[test]
    fn same_currency_round_trip_is_exact() {
        let rates = rates();
        for minor in [1, 99, 845, 11_800, 123_456_789] {
            let money = Money::new(minor, cur("HKD"));
            let value = rates.value_of(money).unwrap_or_default();
            assert_eq!(rates.to_money(value, cur("HKD")), Some(money));
        }
    }

    #[test]
    fn conversion_uses_rates_per_euro() {
        let rates = rates();
        // 84.50 HKD at 8.45 per euro is 10 euros, and 1620 yen.
        let hkd = Money::new(8450, cur("HKD"));
        assert_eq!(
            rates.convert(hkd, Currency::EUR),
            Some(Money::new(1000, Currency::EUR))
        );
        assert_eq!(
            rates.convert(hkd, cur("JPY")),
            Some(Money::new(162_000, cur("JPY")))
        );
        // 1 HKD = 0.118343... EUR -> 0.12
        assert_eq!(
            rates.convert(Money::new(100, cur("HKD")), Currency::EUR),
            Some(Money::new(12, Currency::EUR))
        );
    }

    #[test]
    fn sums_are_rounded_once_not_per_item() {
        let rates = rates();
        // Three prices of 0.10 HKD are 0.0118 EUR each: rounding each would
        // give 0.03, the sum 0.30 HKD is 0.0355 EUR -> 0.04.
        let item = rates
            .value_of(Money::new(10, cur("HKD")))
            .unwrap_or_default();
        let total = item.times(3);
        assert_eq!(
            rates.to_money(total, Currency::EUR),
            Some(Money::new(4, Currency::EUR))
        );
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(div_round(5, 10), 1);
        assert_eq!(div_round(4, 10), 0);
        assert_eq!(div_round(-5, 10), -1);
        assert_eq!(div_round(15, 10), 2);
    }

    #[test]
    fn spend_rounds_an_exact_half_away_from_zero() {
        // 18.99 USD at 1.17 per euro, shown in MOP at 9.4250 per euro:
        // 18.99 x 9.425 / 1.17 = 152.975 exactly -> 152.98, not 152.97.
        let mut rates = Rates::default();
        assert!(rates.insert(Currency::EUR, 1.0));
        assert!(rates.insert(cur("USD"), 1.17));
        assert!(rates.insert(cur("MOP"), 9.425));
        let mut spend = Spend::default();
        spend.add_money(Money::new(1899, cur("USD")), 1);
        assert_eq!(
            spend.total_in(&rates, cur("MOP")),
            Some(Money::new(15298, cur("MOP")))
        );
    }

    #[test]
    fn spend_adds_fractions_of_a_cent_exactly() {
        let rates = rates();
        let mut spend = Spend::default();
        // Three thirds of a cent make one cent; 0.5 + 0.5 + 0.5 cents = 1.5 -> 2.
        for _ in 0..3 {
            spend.add(Currency::EUR, Ratio { num: 1, den: 3 });
        }
        assert_eq!(spend.total_in(&rates, Currency::EUR), Some(eur_cents(1)));
        let mut halves = Spend::default();
        for _ in 0..3 {
            halves.add(Currency::EUR, Ratio { num: 1, den: 2 });
        }
        assert_eq!(halves.total_in(&rates, Currency::EUR), Some(eur_cents(2)));
    }

    #[test]
    fn spend_too_large_is_none_never_zero() {
        let rates = rates();
        let mut spend = Spend::default();
        spend.add_money(Money::new(i64::MAX / 2, Currency::EUR), 1_000_000);
        assert_eq!(spend.total_in(&rates, cur("JPY")), None);
        let mut big = Spend::default();
        big.add_money(Money::new(1 << 52, Currency::EUR), 4);
        assert_eq!(big.total_in(&rates, Currency::EUR), None, "above 2^53");
    }

    fn eur_cents(minor: i64) -> Money {
        Money::new(minor, Currency::EUR)
    }

    #[test]
    fn yen_and_won_have_no_decimals_others_two() {
        for (code, decimals) in [
            ("JPY", 0),
            ("KRW", 0),
            ("VND", 0),
            ("HKD", 2),
            ("EUR", 2),
            ("CNY", 2),
        ] {
            assert_eq!(cur(code).decimals(), decimals, "{code}");
        }
    }

    #[test]
    fn decimals_are_counted_exactly_as_written() {
        for ok in [
            168.0,
            19.99,
            0.01,
            0.29,
            1.15,
            4.35,
            39.9,
            1_234_567.89,
            90_071_992_547_409.0,
        ] {
            assert!(has_at_most_decimals(ok, 2), "{ok}");
        }
        for bad in [0.125, 19.999, 0.001, 4.355, 1_234_567.891] {
            assert!(!has_at_most_decimals(bad, 2), "{bad}");
        }
        assert!(has_at_most_decimals(2500.0, 0));
        assert!(!has_at_most_decimals(2500.5, 0));
        assert!(!has_at_most_decimals(0.1, 0));
    }

    #[test]
    fn conversions_of_huge_values_fail_instead_of_overflowing() {
        let mut rates = Rates::default();
        assert!(rates.insert(Currency::EUR, 1.0));
        assert!(rates.insert(cur("XTS"), 0.000_001));
        assert!(rates.insert(cur("XXX"), 8e9));
        let huge = Money::new(9_000_000_000_000_000, cur("XTS"));
        let value = rates.value_of(huge).unwrap_or_default();
        assert_eq!(rates.to_money(value, cur("XXX")), None);
        assert_eq!(rates.to_money(value.times(1_000), cur("XXX")), None);
        // Large but holdable: exact.
        let big = Money::new(1_000_000_000_000, Currency::EUR);
        let value = rates.value_of(big).unwrap_or_default();
        assert_eq!(rates.to_money(value, Currency::EUR), Some(big));
    }

    #[test]
    fn unknown_currency_or_bad_rate_is_refused() {
        let mut rates = rates();
        assert_eq!(rates.value_of(Money::new(100, cur("XYZ"))), None);
        assert!(!rates.insert(cur("XYZ"), 0.0));
        assert!(!rates.insert(cur("XYZ"), -3.0));
        assert!(!rates.insert(cur("XYZ"), f64::INFINITY));
    }
}
