//! A JSON tree that any serde deserializer can fill: `serde_json` natively,
//! `serde-wasm-bindgen` over the browser's own `JSON.parse` in the widget (so
//! the wasm carries no second JSON parser).
//!
//! The catalogue is validated by walking this tree rather than by deriving
//! typed structs, so a file with ten mistakes gets ten messages, each naming
//! its plan and field, instead of serde's first error.
//!
//! Nesting is limited to [`MAX_DEPTH`] levels while the tree is built: both
//! parsers' deserializers recurse once per level (serde-wasm-bindgen walks the
//! browser's object lazily, one Rust call per level), so a hostile file
//! nested a hundred thousand deep would otherwise exhaust the wasm stack.

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::cell::Cell;
use std::fmt;

/// Deepest nesting of arrays and objects accepted. A catalogue needs about
/// six levels; `serde_json`'s own limit (128) is never reached first.
pub const MAX_DEPTH: usize = 64;

/// A parsed JSON value. Object keys keep their order of appearance.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// Any number (JSON numbers are doubles in the browser too).
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object, as key/value pairs in order.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The member `key` of an object; the last one if repeated, as the
    /// browser's `JSON.parse` does, so both parsers read a file alike.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().rfind(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The JSON type name, for messages ("a number", "a string"…).
    pub fn type_name(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "boolean",
            Json::Number(_) => "number",
            Json::String(_) => "string",
            Json::Array(_) => "array",
            Json::Object(_) => "object",
        }
    }
}

/// Why text or a browser value could not become a [`Json`] tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonError {
    /// Arrays and objects nested deeper than `limit` levels.
    TooDeep {
        /// The limit, [`MAX_DEPTH`].
        limit: usize,
    },
    /// Not JSON: the parser's own words.
    Invalid(String),
}

/// Builds a tree from any deserializer, refusing nesting deeper than
/// [`MAX_DEPTH`] before it goes any deeper.
pub fn from_deserializer<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Json, JsonError> {
    let too_deep = Cell::new(false);
    let top = Level {
        depth: 0,
        too_deep: Some(&too_deep),
    };
    top.deserialize(deserializer).map_err(|e| {
        if too_deep.get() {
            JsonError::TooDeep { limit: MAX_DEPTH }
        } else {
            JsonError::Invalid(e.to_string())
        }
    })
}

/// Parses JSON text with `serde_json`.
pub fn from_str(text: &str) -> Result<Json, JsonError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let json = from_deserializer(&mut deserializer)?;
    // Trailing text after the value is not JSON, as `serde_json::from_str` says.
    deserializer
        .end()
        .map_err(|e| JsonError::Invalid(e.to_string()))?;
    Ok(json)
}

/// The visitor at one nesting level: `depth` arrays or objects enclose the
/// value being read. `too_deep` records that the limit, not the syntax, ended
/// the parse (the deserializer's error type is opaque).
#[derive(Clone, Copy)]
struct Level<'a> {
    depth: usize,
    too_deep: Option<&'a Cell<bool>>,
}

impl<'a> Level<'a> {
    /// The level of the items of an array or object read at this level.
    fn inside<E: de::Error>(self) -> Result<Level<'a>, E> {
        if self.depth >= MAX_DEPTH {
            if let Some(flag) = self.too_deep {
                flag.set(true);
            }
            return Err(E::custom(format_args!(
                "arrays and objects nested more than {MAX_DEPTH} levels deep"
            )));
        }
        Ok(Level {
            depth: self.depth + 1,
            too_deep: self.too_deep,
        })
    }
}

impl<'de> DeserializeSeed<'de> for Level<'_> {
    type Value = Json;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Level<'_> {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }

    #[allow(clippy::cast_precision_loss)]
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Number(v as f64))
    }

    #[allow(clippy::cast_precision_loss)]
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Number(v as f64))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Json, E> {
        Ok(Json::Number(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Json, E> {
        Ok(Json::String(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Json, E> {
        Ok(Json::String(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        self.deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let inside = self.inside()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(inside)? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let inside = self.inside()?;
        let mut members = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(inside)?;
            members.push((key, value));
        }
        Ok(Json::Object(members))
    }
}

/// Deserializing a `Json` directly also refuses nesting beyond [`MAX_DEPTH`]
/// (the error names the limit); [`from_deserializer`] says so as a
/// [`JsonError::TooDeep`].
impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Json, D::Error> {
        Level {
            depth: 0,
            too_deep: None,
        }
        .deserialize(deserializer)
    }
}
