//! The widget's languages, and text a catalogue gives in several of them.

/// A language the widget speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    ZhHans,
    /// Traditional Chinese.
    ZhHant,
    /// French.
    Fr,
}

impl Lang {
    /// All languages, in the order the language menu lists them.
    pub const ALL: [Lang; 4] = [Lang::En, Lang::ZhHans, Lang::ZhHant, Lang::Fr];

    /// The share-link / catalogue code (`zh-Hant`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhHans => "zh-Hans",
            Lang::ZhHant => "zh-Hant",
            Lang::Fr => "fr",
        }
    }

    /// Parses a share-link code exactly (`en`, `zh-Hans`, `zh-Hant`, `fr`),
    /// ignoring ASCII case.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|lang| lang.code().eq_ignore_ascii_case(code))
    }

    /// Best match for a browser language tag (`zh-TW`, `zh-CN`, `fr-CA`, `en-GB`).
    pub fn from_browser_tag(tag: &str) -> Option<Lang> {
        let tag = tag.to_ascii_lowercase();
        let mut parts = tag.split(['-', '_']);
        match parts.next()? {
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            "zh" => {
                let rest: Vec<&str> = parts.collect();
                let traditional = rest
                    .iter()
                    .any(|p| matches!(*p, "hant" | "tw" | "hk" | "mo"));
                let simplified = rest.iter().any(|p| matches!(*p, "hans" | "cn" | "sg"));
                Some(if traditional && !simplified {
                    Lang::ZhHant
                } else {
                    Lang::ZhHans
                })
            }
            _ => None,
        }
    }
}

/// A text given in one or several languages.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct LocalizedText {
    /// One entry a language given, never empty when built by the catalogue.
    entries: Vec<(Lang, String)>,
    /// The text when only one plain string was given.
    plain: Option<String>,
}

impl LocalizedText {
    /// A text the same in every language.
    pub fn plain(text: impl Into<String>) -> LocalizedText {
        LocalizedText {
            entries: Vec::new(),
            plain: Some(text.into()),
        }
    }

    /// A text with translations.
    pub fn translated(entries: Vec<(Lang, String)>) -> LocalizedText {
        LocalizedText {
            entries,
            plain: None,
        }
    }

    /// The text in `lang`, falling back to the other Chinese script, then
    /// English, then whatever is there.
    pub fn get(&self, lang: Lang) -> &str {
        if let Some(plain) = &self.plain {
            return plain;
        }
        let find = |l: Lang| {
            self.entries
                .iter()
                .find(|(k, _)| *k == l)
                .map(|(_, v)| v.as_str())
        };
        let sibling = match lang {
            Lang::ZhHans => Some(Lang::ZhHant),
            Lang::ZhHant => Some(Lang::ZhHans),
            Lang::En | Lang::Fr => None,
        };
        find(lang)
            .or_else(|| sibling.and_then(find))
            .or_else(|| find(Lang::En))
            .or_else(|| self.entries.first().map(|(_, v)| v.as_str()))
            .unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_tags_pick_the_right_chinese_script() {
        assert_eq!(Lang::from_browser_tag("zh-TW"), Some(Lang::ZhHant));
        assert_eq!(Lang::from_browser_tag("zh-HK"), Some(Lang::ZhHant));
        assert_eq!(Lang::from_browser_tag("zh-Hant-HK"), Some(Lang::ZhHant));
        assert_eq!(Lang::from_browser_tag("zh-CN"), Some(Lang::ZhHans));
        assert_eq!(Lang::from_browser_tag("zh"), Some(Lang::ZhHans));
        assert_eq!(Lang::from_browser_tag("fr-CA"), Some(Lang::Fr));
        assert_eq!(Lang::from_browser_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_browser_tag("de-DE"), None);
    }

    #[test]
    fn share_link_codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("zh-hant"), Some(Lang::ZhHant));
        assert_eq!(Lang::from_code("zh"), None);
    }

    #[test]
    fn missing_translations_fall_back_sensibly() {
        let text = LocalizedText::translated(vec![
            (Lang::En, "Day pass".into()),
            (Lang::ZhHant, "日費".into()),
        ]);
        assert_eq!(
            text.get(Lang::ZhHans),
            "日費",
            "other Chinese script before English"
        );
        assert_eq!(text.get(Lang::Fr), "Day pass");
        assert_eq!(LocalizedText::plain("csl").get(Lang::Fr), "csl");
    }
}
