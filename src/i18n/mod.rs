//! The runner's words in the reader's language. Every message people read is
//! a Fluent message in the catalogues `en/*.ftl` and `ja/*.ftl`, looked up by its key through
//! [`tr!`](crate::tr); values (numbers with their units, file:line places,
//! names) are formatted before they are passed, so they read the same in both
//! languages. A leaf: it imports nothing of the crate.
//!
//! Fluent, not a table of format strings: a translation chooses its own word
//! order and plural forms (English needs `1 goroutine` and `2 goroutines`,
//! Japanese neither), so the code passes values and never assembles sentences.

use std::sync::{LazyLock, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

/// The catalogue of each language, built into the binary: one Fluent file per
/// part of the runner (`en/report.ftl`, `ja/report.ftl`, ...).
macro_rules! catalogues {
    ($($area:literal),+) => {
        [
            (Lang::En, &[$(include_str!(concat!("en/", $area, ".ftl"))),+]),
            (Lang::Ja, &[$(include_str!(concat!("ja/", $area, ".ftl"))),+]),
        ]
    };
}

/// The catalogues: each language's Fluent files.
pub const CATALOGUES: [(Lang, &[&str]); 2] = catalogues!(
    "report",
    "goals-measure",
    "goals-trace",
    "manifest",
    "run",
    "cli"
);

/// A language the runner speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    En,
    /// Japanese (日本語).
    Ja,
}

impl Lang {
    /// The language's code, as check files write it (`en`, `ja`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }

    /// The language of a locale name such as `ja_JP.UTF-8`, `ja`, `en_US` or
    /// `C`; `None` for a language the runner does not speak.
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let language = locale
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match language.as_str() {
            "ja" => Some(Lang::Ja),
            "en" | "c" | "posix" => Some(Lang::En),
            _ => None,
        }
    }
}

/// The language of this run: `flag` (`--lang`, which clap also fills from
/// `WORKSHOP_LANG`), else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`: the
/// first that is set and not empty, as POSIX reads them), else English.
pub fn choose(flag: Option<Lang>, env: impl Fn(&str) -> Option<String>) -> Lang {
    if let Some(lang) = flag {
        return lang;
    }
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| env(name).filter(|v| !v.is_empty()))
        .next()
        .and_then(|locale| Lang::from_locale(&locale))
        .unwrap_or(Lang::En)
}

static CHOSEN: OnceLock<Lang> = OnceLock::new();

/// Sets the language of everything said afterwards; the first call wins.
pub fn set(lang: Lang) {
    let _ = CHOSEN.set(lang);
}

thread_local! {
    /// A language for this thread only, over the chosen one: for tests that
    /// render in both languages side by side.
    static OVERRIDE: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

/// The language messages are in (English until [`set`]).
pub fn lang() -> Lang {
    OVERRIDE
        .get()
        .or_else(|| CHOSEN.get().copied())
        .unwrap_or(Lang::En)
}

/// Runs `f` with messages in `lang` on this thread; the language before
/// comes back however `f` ends.
pub fn with_lang<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    struct Restore(Option<Lang>);
    impl Drop for Restore {
        fn drop(&mut self) {
            OVERRIDE.set(self.0);
        }
    }
    let _restore = Restore(OVERRIDE.replace(Some(lang)));
    f()
}

fn bundle(lang: Lang, sources: &[&'static str]) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Terminals show the isolation marks Fluent puts around values as junk.
    bundle.set_use_isolating(false);
    // A catalogue with a syntax error keeps the messages it could read; the
    // catalogue tests make sure there is none.
    for source in sources {
        let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(res, _)| res);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

static BUNDLES: LazyLock<Vec<(Lang, FluentBundle<FluentResource>)>> = LazyLock::new(|| {
    CATALOGUES
        .iter()
        .map(|(lang, source)| (*lang, bundle(*lang, source)))
        .collect()
});

/// The message `key` in `lang` with `args`, falling back to English, then to
/// the key itself (the catalogue tests make sure neither happens).
pub fn message_in(lang: Lang, key: &str, args: Option<&FluentArgs<'_>>) -> String {
    for wanted in [lang, Lang::En] {
        let Some((_, bundle)) = BUNDLES.iter().find(|(l, _)| *l == wanted) else {
            continue;
        };
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            continue;
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        debug_assert!(errors.is_empty(), "message {key}: {errors:?}");
        return text.into_owned();
    }
    debug_assert!(false, "no message {key}");
    key.to_owned()
}

/// Whether the catalogue of `lang` itself has the message `key`.
pub fn has_message(lang: Lang, key: &str) -> bool {
    BUNDLES
        .iter()
        .any(|(l, bundle)| *l == lang && bundle.has_message(key))
}

/// The message `key` in the chosen language.
pub fn message(key: &str, args: Option<&FluentArgs<'_>>) -> String {
    message_in(lang(), key, args)
}

/// Items as a list in the chosen language: `a, b, c` in English, `a、b、c`
/// in Japanese (the catalogues' `list-separator`).
pub fn list<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> String {
    joined(items, &message("list-separator", None))
}

/// Clauses that each say something, one after the other: `a; b` in
/// English, `a。b` in Japanese (the catalogues' `clause-separator`).
pub fn clauses<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> String {
    joined(items, &message("clause-separator", None))
}

fn joined<S: AsRef<str>>(items: impl IntoIterator<Item = S>, separator: &str) -> String {
    let mut out = String::new();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        out.push_str(item.as_ref());
    }
    out
}

/// The message of a key in the chosen language: `tr!("goals-met", met = 2,
/// total = 3)`. Values are anything Fluent takes: strings, and numbers for the
/// messages that choose a plural form.
#[macro_export]
macro_rules! tr {
    ($key:literal) => {
        $crate::i18n::message($key, None)
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = fluent_bundle::FluentArgs::new();
        $(args.set(stringify!($name), $crate::i18n::value($value));)+
        $crate::i18n::message($key, Some(&args))
    }};
}

/// A value for a message: strings as they are, integers as numbers (for the
/// plural forms).
pub fn value<'a, T: IntoValue<'a>>(value: T) -> fluent_bundle::FluentValue<'a> {
    value.into_value()
}

/// What a message takes as a value.
pub trait IntoValue<'a> {
    fn into_value(self) -> fluent_bundle::FluentValue<'a>;
}

impl<'a> IntoValue<'a> for &'a str {
    fn into_value(self) -> fluent_bundle::FluentValue<'a> {
        self.into()
    }
}

impl<'a> IntoValue<'a> for &'a String {
    fn into_value(self) -> fluent_bundle::FluentValue<'a> {
        self.as_str().into()
    }
}

impl<'a> IntoValue<'a> for String {
    fn into_value(self) -> fluent_bundle::FluentValue<'a> {
        self.into()
    }
}

macro_rules! counts {
    ($($t:ty),*) => {$(
        impl<'a> IntoValue<'a> for $t {
            fn into_value(self) -> fluent_bundle::FluentValue<'a> {
                self.into()
            }
        }
        impl<'a> IntoValue<'a> for &$t {
            fn into_value(self) -> fluent_bundle::FluentValue<'a> {
                (*self).into()
            }
        }
    )*};
}
counts!(usize, u64, u32, i64, i32);

/// Text a check file gives in one language or several: a string (English), or
/// a mapping from language codes to strings (`en: ...`, `ja: ...`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    /// The text in each language given, in the file's order.
    by_lang: Vec<(Lang, String)>,
}

impl Text {
    /// English text only.
    pub fn english(text: impl Into<String>) -> Text {
        Text {
            by_lang: vec![(Lang::En, text.into())],
        }
    }

    /// The text in `lang`, else English, else the first language given.
    pub fn get(&self, lang: Lang) -> &str {
        self.by_lang
            .iter()
            .find(|(l, _)| *l == lang)
            .or_else(|| self.by_lang.iter().find(|(l, _)| *l == Lang::En))
            .or_else(|| self.by_lang.first())
            .map_or("", |(_, t)| t)
    }

    /// The text in the chosen language, else English.
    pub fn read(&self) -> &str {
        self.get(lang())
    }

    /// Whether the text is given in `lang`.
    pub fn has(&self, lang: Lang) -> bool {
        self.by_lang.iter().any(|(l, _)| *l == lang)
    }

    /// The languages the text is given in.
    pub fn langs(&self) -> impl Iterator<Item = Lang> + '_ {
        self.by_lang.iter().map(|(l, _)| *l)
    }

    /// Whether every language's text is empty or blank.
    pub fn is_blank(&self) -> bool {
        self.by_lang.iter().all(|(_, t)| t.trim().is_empty())
    }
}

impl std::fmt::Display for Text {
    /// The text in the chosen language.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.read())
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        Text::english(text)
    }
}

impl serde::Serialize for Text {
    /// The text in the chosen language: JSON documents say which in their `lang`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.read())
    }
}

impl<'de> serde::Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        deserializer.deserialize_any(TextVisitor)
    }
}

struct TextVisitor;

impl<'de> serde::de::Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&message("text-expected", None))
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Text, E> {
        Ok(Text::english(text))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
        use serde::de::Error;
        let mut by_lang: Vec<(Lang, String)> = Vec::new();
        while let Some(code) = map.next_key::<String>()? {
            let lang = match code.as_str() {
                "en" => Lang::En,
                "ja" => Lang::Ja,
                _ => {
                    return Err(A::Error::unknown_field(&code, &["en", "ja"]));
                }
            };
            if by_lang.iter().any(|(l, _)| *l == lang) {
                let mut args = FluentArgs::new();
                args.set("code", code.as_str());
                return Err(A::Error::custom(message("text-given-twice", Some(&args))));
            }
            by_lang.push((lang, map.next_value()?));
        }
        if by_lang.is_empty() {
            return Err(A::Error::invalid_length(0, &self));
        }
        Ok(Text { by_lang })
    }
}

#[cfg(test)]
mod tests;
