//! Places as readers name them. Readers of Chinese travel articles type a
//! city ("深圳", "伦敦") or the everyday name of a region ("内地", "大陆",
//! "UK") rather than the ISO name, and they expect mainland China, Hong Kong
//! and Macau named as the articles name them ("中国内地", not "中国", next
//! to "香港" and "澳门"). Pure data: the browser's `Intl` names the other
//! countries.

use crate::core::country::CountryCode;
use crate::core::lang::Lang;

/// The name a Chinese reader expects where `Intl`'s differs; `None` means
/// `Intl`'s name is the right one.
pub fn preferred_name(lang: Lang, code: CountryCode) -> Option<&'static str> {
    let name = match (lang, code.as_str()) {
        (Lang::ZhHans, "CN") => "中国内地",
        (Lang::ZhHans | Lang::ZhHant, "HK") => "香港",
        (Lang::ZhHans, "MO") => "澳门",
        (Lang::ZhHans, "TW") => "台湾",
        (Lang::ZhHant, "CN") => "中國內地",
        (Lang::ZhHant, "MO") => "澳門",
        (Lang::ZhHant, "TW") => "台灣",
        (Lang::En, "CN") => "Mainland China",
        (Lang::Fr, "CN") => "Chine continentale",
        _ => return None,
    };
    Some(name)
}

/// Other names, cities and abbreviations readers type, in any of the
/// widget's languages, for the places travel articles are about. Compared
/// after `normalise`.
const ALIASES: &[(&str, &[&str])] = &[
    (
        "CN",
        &[
            "内地",
            "中国内地",
            "大陆",
            "中国大陆",
            "內地",
            "中國內地",
            "大陸",
            "中國大陸",
            "中国",
            "中國",
            "mainland",
            "mainland china",
            "china mainland",
            "chine continentale",
            "chine",
            "深圳",
            "广州",
            "廣州",
            "上海",
            "北京",
            "珠海",
            "东莞",
            "東莞",
            "佛山",
            "中山",
            "杭州",
            "成都",
            "重庆",
            "重慶",
            "西安",
            "厦门",
            "廈門",
            "南京",
            "苏州",
            "蘇州",
            "桂林",
            "三亚",
            "三亞",
            "shenzhen",
            "guangzhou",
            "shanghai",
            "beijing",
            "zhuhai",
            "hangzhou",
            "chengdu",
        ],
    ),
    (
        "HK",
        &[
            "香港",
            "香港特别行政区",
            "香港特別行政區",
            "中国香港",
            "中國香港",
            "九龙",
            "九龍",
            "hong kong",
            "hongkong",
            "hong kong sar",
            "hk sar",
            "kowloon",
        ],
    ),
    (
        "MO",
        &[
            "澳门",
            "澳門",
            "澳门特别行政区",
            "澳門特別行政區",
            "中国澳门",
            "中國澳門",
            "氹仔",
            "路氹",
            "macau",
            "macao",
            "macau sar",
            "taipa",
            "cotai",
        ],
    ),
    (
        "TW",
        &["台湾", "臺灣", "台灣", "台北", "臺北", "taiwan", "taipei"],
    ),
    (
        "GB",
        &[
            "uk",
            "u.k.",
            "great britain",
            "britain",
            "england",
            "scotland",
            "wales",
            "英国",
            "英國",
            "伦敦",
            "倫敦",
            "爱丁堡",
            "愛丁堡",
            "曼彻斯特",
            "曼徹斯特",
            "london",
            "londres",
            "edinburgh",
            "manchester",
            "royaume-uni",
            "angleterre",
            "grande-bretagne",
        ],
    ),
    (
        "CH",
        &[
            "瑞士",
            "苏黎世",
            "蘇黎世",
            "日内瓦",
            "日內瓦",
            "卢塞恩",
            "琉森",
            "因特拉肯",
            "少女峰",
            "switzerland",
            "suisse",
            "zurich",
            "zürich",
            "geneva",
            "genève",
            "geneve",
            "lucerne",
            "luzern",
            "interlaken",
            "bern",
            "berne",
        ],
    ),
    (
        "FR",
        &[
            "法国",
            "法國",
            "巴黎",
            "尼斯",
            "里昂",
            "马赛",
            "馬賽",
            "paris",
            "nice",
            "lyon",
            "marseille",
        ],
    ),
    (
        "MC",
        &[
            "摩纳哥",
            "摩納哥",
            "蒙特卡洛",
            "monaco",
            "monte carlo",
            "monte-carlo",
        ],
    ),
    (
        "IT",
        &[
            "意大利",
            "義大利",
            "罗马",
            "羅馬",
            "米兰",
            "米蘭",
            "威尼斯",
            "佛罗伦萨",
            "佛羅倫斯",
            "rome",
            "roma",
            "milan",
            "milano",
            "venice",
            "venise",
            "venezia",
            "florence",
            "firenze",
        ],
    ),
    (
        "DE",
        &[
            "德国",
            "德國",
            "柏林",
            "慕尼黑",
            "法兰克福",
            "法蘭克福",
            "berlin",
            "munich",
            "münchen",
            "frankfurt",
        ],
    ),
    (
        "ES",
        &[
            "西班牙",
            "巴塞罗那",
            "巴塞隆拿",
            "马德里",
            "馬德里",
            "barcelona",
            "barcelone",
            "madrid",
        ],
    ),
    (
        "NL",
        &["荷兰", "荷蘭", "阿姆斯特丹", "amsterdam", "holland"],
    ),
    (
        "BE",
        &[
            "比利时",
            "比利時",
            "布鲁塞尔",
            "布魯塞爾",
            "brussels",
            "bruxelles",
        ],
    ),
    (
        "AT",
        &[
            "奥地利",
            "奧地利",
            "维也纳",
            "維也納",
            "vienna",
            "vienne",
            "wien",
        ],
    ),
    (
        "JP",
        &[
            "日本",
            "东京",
            "東京",
            "大阪",
            "京都",
            "北海道",
            "冲绳",
            "沖繩",
            "tokyo",
            "osaka",
            "kyoto",
            "hokkaido",
            "okinawa",
        ],
    ),
    (
        "KR",
        &[
            "韩国", "韓國", "南韩", "南韓", "首尔", "首爾", "釜山", "济州", "濟州", "korea",
            "seoul", "busan", "jeju",
        ],
    ),
    (
        "TH",
        &[
            "泰国",
            "泰國",
            "曼谷",
            "普吉",
            "清迈",
            "清邁",
            "bangkok",
            "phuket",
            "chiang mai",
        ],
    ),
    ("SG", &["新加坡", "singapore", "singapour"]),
    ("MY", &["马来西亚", "馬來西亞", "吉隆坡", "kuala lumpur"]),
    (
        "US",
        &[
            "usa", "u.s.", "u.s.a.", "america", "美国", "美國", "纽约", "紐約", "new york",
        ],
    ),
    // More of the places Chinese travellers visit most.
    (
        "US",
        &[
            "洛杉矶",
            "洛杉磯",
            "旧金山",
            "三藩市",
            "拉斯维加斯",
            "拉斯維加斯",
            "夏威夷",
            "los angeles",
            "san francisco",
            "las vegas",
            "hawaii",
        ],
    ),
    (
        "JP",
        &[
            "札幌",
            "名古屋",
            "福冈",
            "福岡",
            "奈良",
            "神户",
            "神戶",
            "横滨",
            "橫濱",
            "sapporo",
            "nagoya",
            "fukuoka",
            "nara",
            "kobe",
            "yokohama",
        ],
    ),
    (
        "TH",
        &[
            "普吉岛",
            "布吉",
            "芭提雅",
            "芭堤雅",
            "苏梅岛",
            "蘇梅島",
            "pattaya",
            "koh samui",
            "samui",
        ],
    ),
    (
        "MY",
        &[
            "亚庇",
            "亞庇",
            "沙巴",
            "槟城",
            "檳城",
            "kota kinabalu",
            "sabah",
            "penang",
        ],
    ),
    (
        "CA",
        &[
            "加拿大",
            "温哥华",
            "溫哥華",
            "多伦多",
            "多倫多",
            "vancouver",
            "toronto",
        ],
    ),
    (
        "ID",
        &[
            "印尼",
            "巴厘岛",
            "峇里島",
            "巴厘島",
            "雅加达",
            "雅加達",
            "bali",
            "jakarta",
        ],
    ),
    (
        "VN",
        &[
            "越南",
            "胡志明市",
            "河内",
            "河內",
            "岘港",
            "峴港",
            "vietnam",
            "ho chi minh city",
            "saigon",
            "hanoi",
            "da nang",
            "danang",
        ],
    ),
    (
        "KH",
        &[
            "柬埔寨",
            "金边",
            "金邊",
            "暹粒",
            "cambodia",
            "phnom penh",
            "siem reap",
        ],
    ),
    (
        "PH",
        &[
            "菲律宾",
            "菲律賓",
            "马尼拉",
            "馬尼拉",
            "长滩岛",
            "長灘島",
            "宿务",
            "宿霧",
            "manila",
            "boracay",
            "cebu",
        ],
    ),
    (
        "AE",
        &[
            "阿联酋",
            "阿聯酋",
            "迪拜",
            "杜拜",
            "阿布扎比",
            "dubai",
            "abu dhabi",
        ],
    ),
    ("TR", &["土耳其", "伊斯坦布尔", "伊斯坦堡", "istanbul"]),
    ("EG", &["埃及", "开罗", "開羅", "cairo"]),
    (
        "AU",
        &[
            "澳大利亚",
            "澳洲",
            "悉尼",
            "雪梨",
            "墨尔本",
            "墨爾本",
            "sydney",
            "melbourne",
        ],
    ),
    (
        "NZ",
        &[
            "新西兰",
            "紐西蘭",
            "奥克兰",
            "奧克蘭",
            "皇后镇",
            "皇后鎮",
            "auckland",
            "queenstown",
        ],
    ),
    ("MV", &["马尔代夫", "馬爾代夫", "maldives"]),
    ("CZ", &["捷克", "布拉格", "prague", "praha"]),
    ("IS", &["冰岛", "冰島", "雷克雅未克", "reykjavik"]),
    (
        "RU",
        &[
            "俄罗斯",
            "俄羅斯",
            "莫斯科",
            "圣彼得堡",
            "聖彼得堡",
            "moscow",
            "saint petersburg",
        ],
    ),
    ("PT", &["葡萄牙", "里斯本", "lisbon", "lisbonne", "lisboa"]),
    (
        "GR",
        &[
            "希腊",
            "希臘",
            "雅典",
            "圣托里尼",
            "聖托里尼",
            "athens",
            "santorini",
        ],
    ),
];

/// Lower case, inner runs of spaces as one, outer spaces dropped.
fn normalise(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The country a city or everyday name stands for (any of the widget's
/// languages, any case).
pub fn place_alias(text: &str) -> Option<CountryCode> {
    let wanted = normalise(text);
    ALIASES
        .iter()
        .find(|(_, names)| names.iter().any(|n| normalise(n) == wanted))
        .and_then(|(code, _)| CountryCode::parse(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(c: &str) -> Option<CountryCode> {
        CountryCode::parse(c)
    }

    #[test]
    fn the_names_an_article_uses_are_understood() {
        for name in [
            "内地",
            "中国内地",
            "大陆",
            "中国大陆",
            "深圳",
            "广州",
            "中國內地",
            "Mainland China",
        ] {
            assert_eq!(place_alias(name), code("CN"), "{name}");
        }
        for name in ["伦敦", "倫敦", "UK", "u.k.", " London "] {
            assert_eq!(place_alias(name), code("GB"), "{name}");
        }
        for name in ["苏黎世", "蘇黎世", "Zürich", "zurich"] {
            assert_eq!(place_alias(name), code("CH"), "{name}");
        }
        for name in ["香港特别行政区", "中国香港", "Hong  Kong", "香港"] {
            assert_eq!(place_alias(name), code("HK"), "{name}");
        }
        assert_eq!(place_alias("澳門"), code("MO"));
    }

    #[test]
    fn fifty_cities_chinese_travellers_visit_most_are_understood() {
        let cities = [
            ("东京", "JP"),
            ("大阪", "JP"),
            ("京都", "JP"),
            ("札幌", "JP"),
            ("福冈", "JP"),
            ("名古屋", "JP"),
            ("冲绳", "JP"),
            ("首尔", "KR"),
            ("釜山", "KR"),
            ("济州", "KR"),
            ("曼谷", "TH"),
            ("普吉", "TH"),
            ("清迈", "TH"),
            ("芭提雅", "TH"),
            ("新加坡", "SG"),
            ("吉隆坡", "MY"),
            ("亚庇", "MY"),
            ("槟城", "MY"),
            ("巴厘岛", "ID"),
            ("胡志明市", "VN"),
            ("河内", "VN"),
            ("岘港", "VN"),
            ("暹粒", "KH"),
            ("马尼拉", "PH"),
            ("宿务", "PH"),
            ("台北", "TW"),
            ("香港", "HK"),
            ("澳门", "MO"),
            ("深圳", "CN"),
            ("广州", "CN"),
            ("迪拜", "AE"),
            ("伊斯坦布尔", "TR"),
            ("开罗", "EG"),
            ("悉尼", "AU"),
            ("墨尔本", "AU"),
            ("奥克兰", "NZ"),
            ("马尔代夫", "MV"),
            ("巴黎", "FR"),
            ("尼斯", "FR"),
            ("伦敦", "GB"),
            ("罗马", "IT"),
            ("米兰", "IT"),
            ("威尼斯", "IT"),
            ("佛罗伦萨", "IT"),
            ("巴塞罗那", "ES"),
            ("马德里", "ES"),
            ("苏黎世", "CH"),
            ("日内瓦", "CH"),
            ("因特拉肯", "CH"),
            ("慕尼黑", "DE"),
            ("法兰克福", "DE"),
            ("阿姆斯特丹", "NL"),
            ("布拉格", "CZ"),
            ("维也纳", "AT"),
            ("雅典", "GR"),
            ("纽约", "US"),
            ("洛杉矶", "US"),
            ("旧金山", "US"),
            ("温哥华", "CA"),
            ("多伦多", "CA"),
        ];
        assert!(cities.len() >= 50);
        for (city, country) in cities {
            assert_eq!(place_alias(city), code(country), "{city}");
        }
    }

    #[test]
    fn an_unknown_word_is_no_place() {
        assert_eq!(place_alias("Atlantis"), None);
        assert_eq!(place_alias(""), None);
    }

    #[test]
    fn every_alias_names_a_real_country_once() {
        let mut seen = std::collections::HashSet::new();
        for (code, names) in ALIASES {
            assert!(CountryCode::parse(code).is_some(), "{code}");
            for name in *names {
                assert!(seen.insert(normalise(name)), "{name} listed twice");
            }
        }
    }

    #[test]
    fn chinese_readers_see_the_mainland_named_as_articles_do() {
        let cn = CountryCode::parse("CN").expect("CN");
        assert_eq!(preferred_name(Lang::ZhHans, cn), Some("中国内地"));
        assert_eq!(preferred_name(Lang::ZhHant, cn), Some("中國內地"));
        // The name a reader sees is one the form reads back.
        for lang in [Lang::ZhHans, Lang::ZhHant, Lang::En, Lang::Fr] {
            if let Some(name) = preferred_name(lang, cn) {
                assert_eq!(place_alias(name), Some(cn), "{name}");
            }
        }
    }
}
