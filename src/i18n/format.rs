//! Numbers, money, data sizes, dates and country names for the reader's
//! locale. In the browser these come from `Intl` (no hand-made number
//! formatting shipped in the wasm); natively (tests) a plain stand-in is used.

use crate::core::catalogue::{Megabytes, MB_PER_GB};
use crate::core::country::CountryCode;
use crate::core::date::Date;
use crate::core::lang::Lang;
use crate::core::money::Money;
use crate::core::place_names;

/// Formats values for one language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Formatter {
    /// The reader's language.
    pub lang: Lang,
}

impl Formatter {
    /// A formatter for `lang`.
    pub fn new(lang: Lang) -> Formatter {
        Formatter { lang }
    }

    /// The BCP 47 locale passed to `Intl`.
    pub fn locale(self) -> &'static str {
        match self.lang {
            Lang::En => "en",
            Lang::ZhHans => "zh-Hans-CN",
            Lang::ZhHant => "zh-Hant-HK",
            Lang::Fr => "fr-FR",
        }
    }

    /// An amount with its currency (`HK$294.00`, `294,00 €`).
    pub fn money(self, money: Money) -> String {
        platform::money(self.locale(), money)
    }

    /// A number with up to `max_fraction` decimals, locale separators.
    pub fn decimal(self, hundredths: i64, max_fraction: u8) -> String {
        platform::decimal(self.locale(), hundredths, max_fraction)
    }

    /// A whole number, locale separators.
    pub fn integer(self, n: u64) -> String {
        self.decimal(i64::try_from(n).unwrap_or(i64::MAX).saturating_mul(100), 0)
    }

    /// A data size: `500 MB`, `1.5 GB` (`Mo`, `Go` in French).
    pub fn data(self, mb: Megabytes) -> String {
        let (mb_unit, gb_unit) = match self.lang {
            Lang::Fr => ("Mo", "Go"),
            Lang::En | Lang::ZhHans | Lang::ZhHant => ("MB", "GB"),
        };
        if mb < MB_PER_GB {
            format!("{} {mb_unit}", self.integer(mb))
        } else {
            let hundredths = i64::try_from(mb * 100 / MB_PER_GB).unwrap_or(i64::MAX);
            format!("{} {gb_unit}", self.decimal(hundredths, 1))
        }
    }

    /// A number of days: "1 day", "3 days".
    pub fn days(self, n: u32) -> String {
        let t = super::answer_words(self.lang);
        if n == 1 {
            t.days_count_one.to_owned()
        } else {
            super::fill(t.days_count_other, &[("n", &n.to_string())])
        }
    }

    /// Items joined as a list in the reader's language ("、" in Chinese).
    pub fn list(self, items: &[String]) -> String {
        let separator = match self.lang {
            Lang::ZhHans | Lang::ZhHant => "、",
            Lang::En | Lang::Fr => ", ",
        };
        items.join(separator)
    }

    /// A remark after a phrase, in the reader's brackets: "a (b)", and
    /// full-width "a（b）" in Chinese.
    pub fn aside(self, main: &str, remark: &str) -> String {
        match self.lang {
            Lang::ZhHans | Lang::ZhHant => format!("{main}（{remark}）"),
            Lang::En | Lang::Fr => format!("{main} ({remark})"),
        }
    }

    /// A country's name in the reader's language (the code if unknown).
    pub fn country(self, code: CountryCode) -> String {
        match place_names::preferred_name(self.lang, code) {
            Some(name) => name.to_owned(),
            None => platform::country(self.locale(), code),
        }
    }

    /// The country `name` stands for: its name in the reader's language,
    /// a city or everyday name (`place_names`), or its name in another of
    /// the widget's languages (a Traditional name typed in the Simplified
    /// widget, "Hong Kong" in the Chinese one); any case.
    pub fn country_named(self, name: &str) -> Option<CountryCode> {
        self.country_named_in_own_language(name)
            .or_else(|| place_names::place_alias(name))
            .or_else(|| {
                Lang::ALL
                    .into_iter()
                    .filter(|lang| *lang != self.lang)
                    .find_map(|lang| Formatter::new(lang).country_named_in_own_language(name))
            })
    }

    /// The country whose name in the reader's language is `name` (any
    /// case). The names are listed once per language, then looked up.
    fn country_named_in_own_language(self, name: &str) -> Option<CountryCode> {
        /// Lower-cased names of every country, one list per language.
        type NameIndex = Vec<(Lang, Vec<(String, CountryCode)>)>;
        thread_local! {
            static INDEX: std::cell::RefCell<NameIndex> = const { std::cell::RefCell::new(Vec::new()) };
        }
        let wanted = name.trim().to_lowercase();
        INDEX.with(|index| {
            let mut index = index.borrow_mut();
            if !index.iter().any(|(lang, _)| *lang == self.lang) {
                let names = CountryCode::all()
                    .map(|c| (self.country(c).to_lowercase(), c))
                    .collect();
                index.push((self.lang, names));
            }
            index
                .iter()
                .find(|(lang, _)| *lang == self.lang)
                .and_then(|(_, names)| names.iter().find(|(n, _)| *n == wanted).map(|(_, c)| *c))
        })
    }

    /// Sorts named items as the reader's language orders names.
    pub fn sort_by_name<T>(self, items: &mut [(String, T)]) {
        platform::sort_by_name(self.locale(), items);
    }

    /// A date in the reader's style.
    pub fn date(self, date: Date) -> String {
        platform::date(self.locale(), date)
    }
}

#[cfg(target_arch = "wasm32")]
mod platform {
    //! `Intl`-backed formatting, with the formatter objects cached: building
    //! one costs far more than using it.
    use crate::core::country::CountryCode;
    use crate::core::date::Date;
    use crate::core::money::Money;
    use js_sys::{Array, Intl, Object, Reflect};
    use std::cell::RefCell;
    use std::collections::HashMap;
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = Intl, js_name = DisplayNames)]
        type DisplayNames;
        #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DisplayNames", catch)]
        fn new(locales: &Array, options: &Object) -> Result<DisplayNames, JsValue>;
        #[wasm_bindgen(method, catch)]
        fn of(this: &DisplayNames, code: &str) -> Result<JsValue, JsValue>;

        #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
        type DateFormat;
        #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DateTimeFormat", catch)]
        fn new(locales: &Array, options: &Object) -> Result<DateFormat, JsValue>;
        #[wasm_bindgen(method, js_name = format)]
        fn format_date(this: &DateFormat, date: &js_sys::Date) -> String;

        #[wasm_bindgen(js_namespace = Intl, js_name = Collator)]
        type Collator;
        #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "Collator", catch)]
        fn new(locales: &Array, options: &Object) -> Result<Collator, JsValue>;
        #[wasm_bindgen(method, getter)]
        fn compare(this: &Collator) -> js_sys::Function;
    }

    /// Sorts by the language's collation (pinyin for Simplified Chinese,
    /// strokes for Traditional); by code point if `Intl` cannot.
    pub fn sort_by_name<T>(locale: &str, items: &mut [(String, T)]) {
        let compare = Collator::new(&Array::of1(&JsValue::from_str(locale)), &Object::new())
            .ok()
            .map(|c| c.compare());
        match compare {
            Some(f) => items.sort_by(|a, b| {
                let order = f
                    .call2(
                        &JsValue::NULL,
                        &JsValue::from_str(&a.0),
                        &JsValue::from_str(&b.0),
                    )
                    .ok()
                    .and_then(|v| v.as_f64())
                    .unwrap_or(0.0);
                order.partial_cmp(&0.0).unwrap_or(std::cmp::Ordering::Equal)
            }),
            None => items.sort_by(|a, b| a.0.cmp(&b.0)),
        }
    }

    thread_local! {
        static NUMBER: RefCell<HashMap<String, Intl::NumberFormat>> = RefCell::new(HashMap::new());
        static NAMES: RefCell<HashMap<String, Option<DisplayNames>>> = RefCell::new(HashMap::new());
        static DATES: RefCell<HashMap<String, Option<DateFormat>>> = RefCell::new(HashMap::new());
    }

    fn options(pairs: &[(&str, JsValue)]) -> Object {
        let object = Object::new();
        for (key, value) in pairs {
            let _ = Reflect::set(&object, &JsValue::from_str(key), value);
        }
        object
    }

    fn with_number_format<R>(
        key: String,
        make: impl FnOnce() -> Object,
        use_it: impl FnOnce(&Intl::NumberFormat) -> R,
    ) -> R {
        NUMBER.with(|cache| {
            let mut cache = cache.borrow_mut();
            let format = cache.entry(key.clone()).or_insert_with(|| {
                let locale = key.split('|').next().unwrap_or("en");
                Intl::NumberFormat::new(&Array::of1(&JsValue::from_str(locale)), &make())
            });
            use_it(format)
        })
    }

    fn format_number(format: &Intl::NumberFormat, value: f64) -> String {
        format
            .format()
            .call1(format, &JsValue::from_f64(value))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    }

    /// Hundredths to the f64 `Intl` expects; exact for any real price.
    #[allow(clippy::cast_precision_loss)]
    fn as_f64(hundredths: i64) -> f64 {
        hundredths as f64 / 100.0
    }

    pub fn money(locale: &str, money: Money) -> String {
        let currency = money.currency.as_str().to_owned();
        let key = format!("{locale}|money|{currency}");
        with_number_format(
            key,
            || {
                options(&[
                    ("style", "currency".into()),
                    ("currency", currency.as_str().into()),
                ])
            },
            |f| format_number(f, as_f64(money.minor)),
        )
    }

    pub fn decimal(locale: &str, hundredths: i64, max_fraction: u8) -> String {
        let key = format!("{locale}|decimal|{max_fraction}");
        with_number_format(
            key,
            || options(&[("maximumFractionDigits", JsValue::from(max_fraction))]),
            |f| format_number(f, as_f64(hundredths)),
        )
    }

    pub fn country(locale: &str, code: CountryCode) -> String {
        NAMES.with(|cache| {
            let mut cache = cache.borrow_mut();
            let names = cache.entry(locale.to_owned()).or_insert_with(|| {
                DisplayNames::new(
                    &Array::of1(&JsValue::from_str(locale)),
                    &options(&[("type", "region".into())]),
                )
                .ok()
            });
            names
                .as_ref()
                .and_then(|n| n.of(code.as_str()).ok())
                .and_then(|v| v.as_string())
                .unwrap_or_else(|| code.to_string())
        })
    }

    pub fn date(locale: &str, date: Date) -> String {
        #[allow(clippy::cast_precision_loss)]
        let ms = date.days_since_epoch() as f64 * 86_400_000.0;
        let js_date = js_sys::Date::new(&JsValue::from_f64(ms));
        DATES.with(|cache| {
            let mut cache = cache.borrow_mut();
            let format = cache.entry(locale.to_owned()).or_insert_with(|| {
                let opts = options(&[("dateStyle", "medium".into()), ("timeZone", "UTC".into())]);
                DateFormat::new(&Array::of1(&JsValue::from_str(locale)), &opts).ok()
            });
            format
                .as_ref()
                .map_or_else(|| date.to_string(), |f| f.format_date(&js_date))
        })
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod platform {
    //! Plain stand-ins for tests and server rendering: the browser's `Intl`
    //! does the real work in the widget.
    use crate::core::country::CountryCode;
    use crate::core::date::Date;
    use crate::core::money::Money;

    pub fn money(_locale: &str, money: Money) -> String {
        format!("{} {}", money.currency, decimal("", money.minor, 2))
    }

    pub fn decimal(_locale: &str, hundredths: i64, max_fraction: u8) -> String {
        let sign = if hundredths < 0 { "-" } else { "" };
        let abs = hundredths.unsigned_abs();
        match max_fraction {
            0 => format!("{sign}{}", (abs + 50) / 100),
            1 => {
                let tenths = (abs + 5) / 10;
                if tenths % 10 == 0 {
                    format!("{sign}{}", tenths / 10)
                } else {
                    format!("{sign}{}.{}", tenths / 10, tenths % 10)
                }
            }
            _ => format!("{sign}{}.{:02}", abs / 100, abs % 100),
        }
    }

    pub fn country(_locale: &str, code: CountryCode) -> String {
        code.to_string()
    }

    pub fn sort_by_name<T>(_locale: &str, items: &mut [(String, T)]) {
        items.sort_by(|a, b| a.0.cmp(&b.0));
    }

    pub fn date(_locale: &str, date: Date) -> String {
        date.to_string()
    }
}
