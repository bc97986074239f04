//! What every component may read without it being threaded through props:
//! the language, the catalogue in use, today's date.

use crate::core::catalogue::Catalogue;
use crate::core::date::Date;
use crate::core::lang::Lang;
use crate::i18n::{texts, Formatter, Texts};
use std::rc::Rc;
use yew::prelude::*;

/// Shared, read-only facts for the components.
#[derive(Clone, Debug, PartialEq)]
pub struct Ui {
    /// The reader's language.
    pub lang: Lang,
    /// The catalogue the answer is computed on.
    pub catalogue: Rc<Catalogue>,
    /// Today.
    pub today: Date,
}

impl Ui {
    /// The strings of the reader's language.
    pub fn t(&self) -> &'static Texts {
        texts(self.lang)
    }

    /// Formatting for the reader's language.
    pub fn f(&self) -> Formatter {
        Formatter::new(self.lang)
    }
}

/// The shared facts; components must be inside the widget's provider (a
/// stray component outside it gets an empty catalogue, not a crash).
#[hook]
pub fn use_ui() -> Rc<Ui> {
    use_context::<Rc<Ui>>().unwrap_or_else(|| {
        let catalogue = Catalogue::default();
        Rc::new(Ui {
            lang: Lang::En,
            catalogue: Rc::new(catalogue),
            today: Date::EPOCH,
        })
    })
}
