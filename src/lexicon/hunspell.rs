//! Hunspell dictionary expansion into a full-form lexicon with morphology.
//!
//! This file is compiled twice: into the library, and into `build.rs`, which expands the vendored
//! dictionaries at build time. It therefore depends on nothing but `std` and `fst`, and it is
//! longer than the project's files usually are: the affix parser, the expansion and the packed
//! format it writes are kept in the one file that `build.rs` can include.
//!
//! A Hunspell dictionary stores stems (`.dic`) with affix flags and morphological fields; the
//! affix file (`.aff`) says how each flag rewrites a stem and which fields it adds. Expanding
//! every stem with every applicable affix gives the full list of valid word forms, each with its
//! lemma (the stem, or its `st:` field) and tags (`po:` and `is:` fields). Elision prefixes
//! (`l'`, `d'`, `qu'` …) are not expanded: they are separate tokens for mtaudit's tokenizer.
//!
//! The expanded forms are packed into one byte blob ([`LexiconBlob`]) made of an `fst` map
//! (form → form id) and flat little-endian tables, so that it can be embedded in the binary and
//! used without any parsing at start-up.

use std::collections::{BTreeMap, HashMap};

/// Grammatical tags, one bit each; an analysis carries the union of its fields.
pub mod tag {
    pub const NOUN: u64 = 1 << 0;
    pub const PROPER: u64 = 1 << 1;
    pub const ADJ: u64 = 1 << 2;
    pub const VERB: u64 = 1 << 3;
    pub const ADV: u64 = 1 << 4;
    pub const PREP: u64 = 1 << 5;
    pub const DET: u64 = 1 << 6;
    pub const PRON: u64 = 1 << 7;
    pub const CONJ: u64 = 1 << 8;
    pub const INTERJ: u64 = 1 << 9;
    pub const NUMERAL: u64 = 1 << 10;
    pub const OTHER: u64 = 1 << 11;
    pub const INFINITIVE: u64 = 1 << 12;
    pub const PRESENT_PARTICIPLE: u64 = 1 << 13;
    pub const PAST_PARTICIPLE: u64 = 1 << 14;
    pub const IND_PRESENT: u64 = 1 << 15;
    pub const IND_IMPERFECT: u64 = 1 << 16;
    pub const IND_PAST_SIMPLE: u64 = 1 << 17;
    pub const IND_FUTURE: u64 = 1 << 18;
    pub const CONDITIONAL: u64 = 1 << 19;
    pub const SUBJ_PRESENT: u64 = 1 << 20;
    pub const SUBJ_IMPERFECT: u64 = 1 << 21;
    pub const IMPERATIVE: u64 = 1 << 22;
    pub const P1SG: u64 = 1 << 23;
    pub const P2SG: u64 = 1 << 24;
    pub const P3SG: u64 = 1 << 25;
    pub const P1PL: u64 = 1 << 26;
    pub const P2PL: u64 = 1 << 27;
    pub const P3PL: u64 = 1 << 28;
    pub const MASCULINE: u64 = 1 << 29;
    pub const FEMININE: u64 = 1 << 30;
    pub const EPICENE: u64 = 1 << 31;
    pub const SINGULAR: u64 = 1 << 32;
    pub const PLURAL: u64 = 1 << 33;
    pub const INVARIABLE: u64 = 1 << 34;
    /// Marked `po:err` by the dictionary: a form it knows to be a mistake.
    pub const ERROR: u64 = 1 << 35;

    /// Every finite mood and tense.
    pub const FINITE: u64 = IND_PRESENT
        | IND_IMPERFECT
        | IND_PAST_SIMPLE
        | IND_FUTURE
        | CONDITIONAL
        | SUBJ_PRESENT
        | SUBJ_IMPERFECT
        | IMPERATIVE;
    pub const SUBJUNCTIVE: u64 = SUBJ_PRESENT | SUBJ_IMPERFECT;

    /// The bits of one `po:` or `is:` value, 0 for values mtaudit does not use.
    pub fn of_field(value: &str) -> u64 {
        let value = value.trim_end_matches('!');
        if value.starts_with('v') && value.len() > 1 && value.as_bytes()[1].is_ascii_digit() {
            return VERB;
        }
        match value {
            "nom" | "loc.nom" => NOUN,
            "npr" | "patr" | "prn" | "loc.patr" => PROPER,
            "adj" | "loc.adj" => ADJ,
            "adv" | "loc.adv" | "negadv" | "advint" => ADV,
            "prep" | "prepv" | "loc.prep" | "loc.prepv" => PREP,
            "det" | "detdem" | "detex" | "detind" | "detneg" | "detpos" => DET,
            "prodem" | "proind" | "proint" | "proneg" | "properobj" | "propersuj" | "prorel" | "proadv" => PRON,
            "cj" | "cjco" | "cjsub" | "loc.cj" | "loc.cjsub" => CONJ,
            "interj" | "loc.interj" => INTERJ,
            "nb" | "nbro" => NUMERAL,
            "mg" | "titr" | "pfx" | "sfx" | "ponc" | "sign" | "div" | "preverb" | "loc.verb" => OTHER,
            "infi" => INFINITIVE,
            "ppre" => PRESENT_PARTICIPLE,
            "ppas" => PAST_PARTICIPLE,
            "ipre" => IND_PRESENT,
            "iimp" => IND_IMPERFECT,
            "ipsi" => IND_PAST_SIMPLE,
            "ifut" => IND_FUTURE,
            "cond" => CONDITIONAL,
            "spre" => SUBJ_PRESENT,
            "simp" => SUBJ_IMPERFECT,
            "impe" => IMPERATIVE,
            "1sg" | "1isg" | "1jsg" => P1SG,
            "2sg" => P2SG,
            "3sg" => P3SG,
            "1pl" => P1PL,
            "2pl" => P2PL,
            "3pl" => P3PL,
            "mas" => MASCULINE,
            "fem" => FEMININE,
            "epi" => EPICENE,
            "sg" => SINGULAR,
            "pl" => PLURAL,
            "inv" => INVARIABLE,
            "err" => ERROR,
            _ => 0,
        }
    }

    /// Short French labels of the tags, for messages (`passé simple 3pl`).
    pub fn describe(tags: u64) -> String {
        const LABELS: &[(u64, &str)] = &[
            (INFINITIVE, "infinitif"),
            (PRESENT_PARTICIPLE, "participe présent"),
            (PAST_PARTICIPLE, "participe passé"),
            (IND_PRESENT, "indicatif présent"),
            (IND_IMPERFECT, "imparfait"),
            (IND_PAST_SIMPLE, "passé simple"),
            (IND_FUTURE, "futur"),
            (CONDITIONAL, "conditionnel"),
            (SUBJ_PRESENT, "subjonctif présent"),
            (SUBJ_IMPERFECT, "subjonctif imparfait"),
            (IMPERATIVE, "impératif"),
            (P1SG, "1sg"),
            (P2SG, "2sg"),
            (P3SG, "3sg"),
            (P1PL, "1pl"),
            (P2PL, "2pl"),
            (P3PL, "3pl"),
        ];
        const NOMINAL: &[(u64, &str)] = &[
            (NOUN, "nom"),
            (PROPER, "nom propre"),
            (ADJ, "adjectif"),
            (MASCULINE, "masculin"),
            (FEMININE, "féminin"),
            (SINGULAR, "singulier"),
            (PLURAL, "pluriel"),
        ];
        let table = if tags & (FINITE | INFINITIVE | PRESENT_PARTICIPLE) != 0 { LABELS } else { NOMINAL };
        let labels: Vec<&str> = table.iter().filter(|(bit, _)| tags & bit != 0).map(|(_, label)| *label).collect();
        labels.join(" ")
    }
}

/// One character class of an affix condition.
#[derive(Debug, Clone)]
enum CharClass {
    Any,
    OneOf(Vec<char>),
    NoneOf(Vec<char>),
}

impl CharClass {
    fn matches(&self, c: char) -> bool {
        match self {
            CharClass::Any => true,
            CharClass::OneOf(set) => set.contains(&c),
            CharClass::NoneOf(set) => !set.contains(&c),
        }
    }
}

fn parse_condition(text: &str) -> Vec<CharClass> {
    let mut classes = Vec::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '.' => classes.push(CharClass::Any),
            '[' => {
                let mut set = Vec::new();
                let mut negated = false;
                for (i, inner) in chars.by_ref().enumerate() {
                    match inner {
                        '^' if i == 0 => negated = true,
                        ']' => break,
                        other => set.push(other),
                    }
                }
                classes.push(if negated { CharClass::NoneOf(set) } else { CharClass::OneOf(set) });
            }
            other => classes.push(CharClass::OneOf(vec![other])),
        }
    }
    classes
}

#[derive(Debug, Clone)]
struct AffixRule {
    strip: String,
    add: String,
    continuation: Vec<String>,
    condition: Vec<CharClass>,
    tags: u64,
}

impl AffixRule {
    fn apply_suffix(&self, word: &str) -> Option<String> {
        let chars: Vec<char> = word.chars().collect();
        if chars.len() < self.condition.len() || !word.ends_with(self.strip.as_str()) {
            return None;
        }
        let tail = &chars[chars.len() - self.condition.len()..];
        if !self.condition.iter().zip(tail).all(|(class, &c)| class.matches(c)) {
            return None;
        }
        let kept = &word[..word.len() - self.strip.len()];
        if kept.is_empty() && self.add.is_empty() {
            return None;
        }
        Some(format!("{kept}{}", self.add))
    }

    fn apply_prefix(&self, word: &str) -> Option<String> {
        if !word.starts_with(self.strip.as_str()) {
            return None;
        }
        if !self.condition.iter().zip(word.chars()).all(|(class, c)| class.matches(c))
            || word.chars().count() < self.condition.len()
        {
            return None;
        }
        Some(format!("{}{}", self.add, &word[self.strip.len()..]))
    }
}

#[derive(Debug, Clone)]
struct AffixClass {
    cross_product: bool,
    rules: Vec<AffixRule>,
}

/// The parts of an `.aff` file that expansion needs.
#[derive(Debug, Default)]
pub struct AffixFile {
    long_flags: bool,
    need_affix: Option<String>,
    forbidden: Option<String>,
    /// Stems and affixes with this flag make only parts of compounds (German linking forms);
    /// compounds are not expanded, so neither are they.
    only_in_compound: Option<String>,
    prefixes: HashMap<String, AffixClass>,
    suffixes: HashMap<String, AffixClass>,
}

fn tags_of_fields<'a>(fields: impl Iterator<Item = &'a str>) -> u64 {
    fields
        .filter_map(|field| field.strip_prefix("po:").or_else(|| field.strip_prefix("is:")))
        .fold(0, |acc, value| acc | tag::of_field(value))
}

impl AffixFile {
    pub fn parse(text: &str) -> Result<AffixFile, String> {
        let mut aff = AffixFile::default();
        for (index, line) in text.lines().enumerate() {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let Some(&keyword) = fields.first() else { continue };
            match keyword {
                "FLAG" => match fields.get(1).copied() {
                    Some("long") => aff.long_flags = true,
                    // One character a flag, which is what plain flags already are.
                    Some("UTF-8") => {}
                    other => {
                        return Err(format!("line {}: FLAG {other:?} is not supported (`long`, `UTF-8`)", index + 1));
                    }
                },
                // Aliases renumber flags and fields; reading them as plain lines would give a
                // wrong lexicon rather than an error.
                "AF" | "AM" => return Err(format!("line {}: {keyword} aliases are not supported", index + 1)),
                "NEEDAFFIX" => aff.need_affix = fields.get(1).map(|s| s.to_string()),
                "FORBIDDENWORD" => aff.forbidden = fields.get(1).map(|s| s.to_string()),
                "ONLYINCOMPOUND" => aff.only_in_compound = fields.get(1).map(|s| s.to_string()),
                "PFX" | "SFX" => {
                    let table = if keyword == "PFX" { &mut aff.prefixes } else { &mut aff.suffixes };
                    let flag = fields.get(1).ok_or_else(|| format!("line {}: affix without flag", index + 1))?;
                    // A header line is `SFX flag Y|N count`; a rule line has strip, add, condition.
                    if fields.len() == 4 && matches!(fields[2], "Y" | "N") && fields[3].parse::<usize>().is_ok() {
                        table.insert(
                            flag.to_string(),
                            AffixClass { cross_product: fields[2] == "Y", rules: Vec::new() },
                        );
                        continue;
                    }
                    if fields.len() < 4 {
                        return Err(format!("line {}: affix rule with fewer than four fields", index + 1));
                    }
                    let (add, continuation) = match fields[3].split_once('/') {
                        Some((add, flags)) => (add, flags),
                        None => (fields[3], ""),
                    };
                    let rule = AffixRule {
                        strip: if fields[2] == "0" { String::new() } else { fields[2].to_string() },
                        add: if add == "0" { String::new() } else { add.to_string() },
                        continuation: split_flags(continuation, aff.long_flags),
                        condition: parse_condition(fields.get(4).copied().unwrap_or(".")),
                        tags: tags_of_fields(fields.iter().skip(5).copied()),
                    };
                    let class = table
                        .get_mut(*flag)
                        .ok_or_else(|| format!("line {}: rule for undeclared affix {flag}", index + 1))?;
                    class.rules.push(rule);
                }
                _ => {}
            }
        }
        Ok(aff)
    }
}

fn split_flags(flags: &str, long: bool) -> Vec<String> {
    if !long {
        return flags.chars().map(String::from).collect();
    }
    let chars: Vec<char> = flags.chars().collect();
    chars.chunks(2).map(|pair| pair.iter().collect()).collect()
}

/// Elision prefixes (`l'`, `qu'` …) make a second token, not a new word form.
fn is_elision(rule: &AffixRule) -> bool {
    rule.add.ends_with('\'') || rule.add.ends_with('’')
}

/// One expanded word form.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Expanded {
    pub form: String,
    pub lemma: String,
    pub tags: u64,
}

/// Expands every stem of `dic` with the affixes of `aff`, calling `emit` once per form and
/// analysis (a form may come out more than once).
pub fn expand(aff: &AffixFile, dic: &str, mut emit: impl FnMut(Expanded)) -> Result<(), String> {
    let mut lines = dic.lines();
    let count_line = lines.next().ok_or("empty .dic file")?;
    if count_line.trim().parse::<usize>().is_err() {
        return Err(format!(".dic file does not start with a word count: {count_line:?}"));
    }
    for line in lines {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') || line.starts_with('\t') {
            continue;
        }
        let mut fields = line.split(['\t', ' ']).filter(|f| !f.is_empty());
        let Some(head) = fields.next() else { continue };
        let morphology: Vec<&str> = fields.collect();
        let (word, flag_text) = match head.split_once('/') {
            Some((word, flags)) => (word, flags),
            None => (head, ""),
        };
        let flags = split_flags(flag_text, aff.long_flags);
        let has = |flag: &Option<String>, flags: &[String]| flag.as_ref().is_some_and(|f| flags.contains(f));
        if has(&aff.forbidden, &flags) || has(&aff.only_in_compound, &flags) {
            continue;
        }
        let lemma = morphology.iter().find_map(|f| f.strip_prefix("st:")).unwrap_or(word).to_string();
        let stem_tags = tags_of_fields(morphology.iter().copied());
        let needs_affix = aff.need_affix.as_ref().is_some_and(|f| flags.contains(f));
        let mut out = |form: String, tags: u64| emit(Expanded { form, lemma: lemma.clone(), tags });

        if !needs_affix {
            out(word.to_string(), stem_tags);
        }
        // Suffixed forms, and prefixes combined with them where both allow cross products.
        for flag in &flags {
            let Some(class) = aff.suffixes.get(flag) else { continue };
            for rule in class.rules.iter().filter(|r| !has(&aff.only_in_compound, &r.continuation)) {
                let Some(form) = rule.apply_suffix(word) else { continue };
                let tags = stem_tags | rule.tags;
                // A suffix may carry a second suffix (Spanish `-ción/S` takes the plural `-es`).
                let mut suffixed = vec![(form, tags)];
                for second_flag in &rule.continuation {
                    let Some(second) = aff.suffixes.get(second_flag) else { continue };
                    for outer in second.rules.iter().filter(|r| !has(&aff.only_in_compound, &r.continuation)) {
                        if let Some(form) = outer.apply_suffix(&suffixed[0].0) {
                            suffixed.push((form, tags | outer.tags));
                        }
                    }
                }
                for (form, tags) in suffixed {
                    for prefix_flag in flags.iter().chain(&rule.continuation) {
                        let Some(prefixes) = aff.prefixes.get(prefix_flag) else { continue };
                        if !(class.cross_product && prefixes.cross_product) {
                            continue;
                        }
                        for prefix in prefixes.rules.iter().filter(|p| !is_elision(p)) {
                            if let Some(prefixed) = prefix.apply_prefix(&form) {
                                out(prefixed, tags | prefix.tags);
                            }
                        }
                    }
                    out(form, tags);
                }
            }
        }
        // Prefixed forms, with the suffixes the prefix itself carries.
        for flag in &flags {
            let Some(class) = aff.prefixes.get(flag) else { continue };
            for rule in class.rules.iter().filter(|r| !is_elision(r) && !has(&aff.only_in_compound, &r.continuation)) {
                let Some(prefixed) = rule.apply_prefix(word) else { continue };
                let tags = stem_tags | rule.tags;
                let prefix_needs_affix = aff.need_affix.as_ref().is_some_and(|f| rule.continuation.contains(f));
                // An empty prefix does not satisfy the stem's need for an affix on its own.
                let bare_stem = needs_affix && rule.add.is_empty() && rule.strip.is_empty();
                if !prefix_needs_affix && !bare_stem {
                    out(prefixed.clone(), tags);
                }
                for suffix_flag in &rule.continuation {
                    let Some(suffixes) = aff.suffixes.get(suffix_flag) else { continue };
                    for suffix in &suffixes.rules {
                        if let Some(form) = suffix.apply_suffix(&prefixed) {
                            out(form, tags | suffix.tags);
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

/// Strips the diacritics that writers of a language drop when they fold text to plain letters
/// (é → e, ç → c; œ stays): the key under which an accentless spelling finds its accented form.
/// French and English fold the French letters only, so that a Spanish name a French text writes
/// without its accent (`Bogota`) is not taken for a stripped word; other languages (ISO 639-3
/// codes) also fold `á í ó ú ñ` (Spanish) and every umlaut. `ß` is kept: `ss` is a spelling of
/// its own (Swiss German), not a lost diacritic.
pub fn strip_diacritics(lang: &str, word: &str) -> String {
    let wide = !matches!(lang, "fra" | "eng");
    word.chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ÿ' => 'y',
            'ç' => 'c',
            'À' | 'Â' | 'Ä' => 'A',
            'É' | 'È' | 'Ê' | 'Ë' => 'E',
            'Î' | 'Ï' => 'I',
            'Ô' | 'Ö' => 'O',
            'Ù' | 'Û' | 'Ü' => 'U',
            'Ç' => 'C',
            'á' if wide => 'a',
            'í' if wide => 'i',
            'ó' if wide => 'o',
            'ú' if wide => 'u',
            'ñ' if wide => 'n',
            'Á' if wide => 'A',
            'Í' if wide => 'I',
            'Ó' if wide => 'O',
            'Ú' if wide => 'U',
            'Ñ' if wide => 'N',
            other => other,
        })
        .collect()
}

/// Section order of a blob made by [`pack`].
///
/// Both fst maps hold an [`entry`]-packed value: the item itself when there is one, else a
/// range of a list section.
pub mod section {
    /// fst map: form → packed analyses (one analysis inline, else a range of ANALYSES).
    pub const FORMS_FST: usize = 0;
    /// u32 per analysis of forms with several: `lemma_id << TAGSET_BITS | tagset_id`.
    pub const ANALYSES: usize = 1;
    /// u64 per tagset id.
    pub const TAGSETS: usize = 2;
    /// u32 per lemma id + 1: start of its text in LEMMA_TEXT.
    pub const LEMMA_STARTS: usize = 3;
    pub const LEMMA_TEXT: usize = 4;
    /// u32 per lemma id + 1: start of its forms in LEMMA_FORMS.
    pub const LEMMA_FORM_STARTS: usize = 5;
    /// u32 form ids.
    pub const LEMMA_FORMS: usize = 6;
    /// fst map: diacritic-free key → packed form ids (one inline, else a range of BARE_FORMS),
    /// for the keys that differ from some form.
    pub const BARE_FST: usize = 7;
    /// u32 form ids.
    pub const BARE_FORMS: usize = 8;
    /// Form text by form id (the form's rank in byte order), front-coded in blocks of
    /// FORM_BLOCK: u32 per block start, then the bytes.
    pub const FORM_BLOCK_STARTS: usize = 9;
    pub const FORM_TEXT: usize = 10;
    pub const COUNT: usize = 11;
}

/// How an fst value encodes one item or a list range.
pub mod entry {
    const SINGLE: u64 = 1 << 63;

    pub fn single(item: u32) -> u64 {
        SINGLE | item as u64
    }
    pub fn range(start: usize, len: usize) -> u64 {
        ((start as u64) << 16) | len as u64
    }
    /// `Ok(item)` or `Err(start..end)`.
    pub fn decode(value: u64) -> Result<u32, std::ops::Range<usize>> {
        if value & SINGLE != 0 {
            Ok(value as u32)
        } else {
            let start = (value >> 16) as usize;
            Err(start..start + (value & 0xFFFF) as usize)
        }
    }
}

pub const TAGSET_BITS: u32 = 14;
pub const FORM_BLOCK: usize = 16;
const MAGIC: &[u8; 8] = b"MTLEX001";

/// Packs expanded forms into the blob layout described in [`section`].
/// `lang` (ISO 639-3) chooses the diacritics folded in the accent-free index.
pub fn pack(lang: &str, mut entries: Vec<Expanded>) -> Result<Vec<u8>, String> {
    // Forms the dictionary itself marks as mistakes (`t'il`, `qu` without its apostrophe) are
    // not words.
    entries.retain(|e| e.tags & tag::ERROR == 0);
    if let Some(long) = entries.iter().find(|e| e.form.len() > 255) {
        let start: String = long.form.chars().take(40).collect();
        return Err(format!("a word form longer than 255 bytes: {start}…"));
    }
    entries.sort_unstable();
    entries.dedup();
    // Ids: forms in byte order (as the fst needs), lemmas in byte order, tag sets by first use.
    let mut lemma_ids: BTreeMap<&str, u32> = entries.iter().map(|e| (e.lemma.as_str(), 0)).collect();
    for (id, value) in lemma_ids.values_mut().enumerate() {
        *value = id as u32;
    }
    let mut tagset_ids: HashMap<u64, u32> = HashMap::new();
    let mut tagsets: Vec<u64> = Vec::new();
    // Per form: its text and its packed analyses.
    let mut forms: Vec<(&str, Vec<u32>)> = Vec::new();
    let mut lemma_forms: Vec<Vec<u32>> = vec![Vec::new(); lemma_ids.len()];
    for entry in &entries {
        if forms.last().map(|(form, _)| *form) != Some(entry.form.as_str()) {
            forms.push((&entry.form, Vec::new()));
        }
        let form_id = (forms.len() - 1) as u32;
        let tagset = *tagset_ids.entry(entry.tags).or_insert_with(|| {
            tagsets.push(entry.tags);
            (tagsets.len() - 1) as u32
        });
        let lemma = lemma_ids[entry.lemma.as_str()];
        if tagset >= 1 << TAGSET_BITS || lemma >= 1 << (32 - TAGSET_BITS) {
            return Err("lexicon too large for its packing (tag sets or lemmas)".into());
        }
        forms.last_mut().expect("pushed above").1.push(lemma << TAGSET_BITS | tagset);
        let list = &mut lemma_forms[lemma as usize];
        if list.last() != Some(&form_id) {
            list.push(form_id);
        }
    }

    let mut sections: Vec<Vec<u8>> = vec![Vec::new(); section::COUNT];
    let mut builder = fst::MapBuilder::memory();
    let mut analyses: Vec<u32> = Vec::new();
    for (form, packed) in &forms {
        builder.insert(form, list_value(packed, &mut analyses)?).map_err(|e| e.to_string())?;
    }
    sections[section::FORMS_FST] = builder.into_inner().map_err(|e| e.to_string())?;
    sections[section::ANALYSES] = u32s(&analyses);
    sections[section::TAGSETS] = tagsets.iter().flat_map(|t| t.to_le_bytes()).collect();
    let mut lemma_starts = Vec::new();
    let mut lemma_text = Vec::new();
    for lemma in lemma_ids.keys() {
        lemma_starts.push(lemma_text.len() as u32);
        lemma_text.extend_from_slice(lemma.as_bytes());
    }
    lemma_starts.push(lemma_text.len() as u32);
    sections[section::LEMMA_STARTS] = u32s(&lemma_starts);
    sections[section::LEMMA_TEXT] = lemma_text;
    let (starts, flat) = flatten(&lemma_forms);
    sections[section::LEMMA_FORM_STARTS] = u32s(&starts);
    sections[section::LEMMA_FORMS] = u32s(&flat);

    let mut bare: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (id, (form, _)) in forms.iter().enumerate() {
        let key = strip_diacritics(lang, form);
        if key != *form {
            bare.entry(key).or_default().push(id as u32);
        }
    }
    // A bare key that is itself a form keeps that form among its candidates.
    for (key, ids) in bare.iter_mut() {
        if let Ok(position) = forms.binary_search_by(|(form, _)| (*form).cmp(key.as_str())) {
            ids.insert(0, position as u32);
        }
    }
    let mut builder = fst::MapBuilder::memory();
    let mut bare_forms = Vec::new();
    for (key, ids) in &bare {
        builder.insert(key, list_value(ids, &mut bare_forms)?).map_err(|e| e.to_string())?;
    }
    sections[section::BARE_FST] = builder.into_inner().map_err(|e| e.to_string())?;
    sections[section::BARE_FORMS] = u32s(&bare_forms);

    let mut block_starts = Vec::new();
    let mut text = Vec::new();
    for (id, (form, _)) in forms.iter().enumerate() {
        let bytes = form.as_bytes();
        if id % FORM_BLOCK == 0 {
            block_starts.push(text.len() as u32);
            text.push(bytes.len().min(255) as u8);
            text.extend_from_slice(&bytes[..bytes.len().min(255)]);
        } else {
            let previous = forms[id - 1].0.as_bytes();
            let shared = previous.iter().zip(bytes).take_while(|(a, b)| a == b).count().min(255);
            let rest = &bytes[shared..];
            let rest = &rest[..rest.len().min(255)];
            text.push(shared as u8);
            text.push(rest.len() as u8);
            text.extend_from_slice(rest);
        }
    }
    sections[section::FORM_BLOCK_STARTS] = u32s(&block_starts);
    sections[section::FORM_TEXT] = text;

    let mut blob = MAGIC.to_vec();
    for part in &sections {
        blob.extend_from_slice(&(part.len() as u64).to_le_bytes());
    }
    for part in &sections {
        // Keep every section 8-byte aligned relative to the blob start.
        blob.extend_from_slice(part);
        while !blob.len().is_multiple_of(8) {
            blob.push(0);
        }
    }
    Ok(blob)
}

/// The fst value of a list: its only item inline, else its range once appended to `pool`.
fn list_value(items: &[u32], pool: &mut Vec<u32>) -> Result<u64, String> {
    match items {
        [single] => Ok(entry::single(*single)),
        _ if items.len() > 0xFFFF => Err("a list too long for its packing".into()),
        _ => {
            pool.extend_from_slice(items);
            Ok(entry::range(pool.len() - items.len(), items.len()))
        }
    }
}

fn u32s(values: &[u32]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

fn flatten(lists: &[Vec<u32>]) -> (Vec<u32>, Vec<u32>) {
    let mut starts = Vec::with_capacity(lists.len() + 1);
    let mut flat = Vec::new();
    for list in lists {
        starts.push(flat.len() as u32);
        flat.extend_from_slice(list);
    }
    starts.push(flat.len() as u32);
    (starts, flat)
}

/// Byte ranges of the sections of a blob made by [`pack`].
pub fn section_ranges(blob: &[u8]) -> Result<[std::ops::Range<usize>; section::COUNT], String> {
    if blob.len() < 8 + 8 * section::COUNT || &blob[..8] != MAGIC {
        return Err("not an mtaudit lexicon blob".into());
    }
    let mut ranges: [std::ops::Range<usize>; section::COUNT] = Default::default();
    let mut offset = 8 + 8 * section::COUNT;
    for (index, range) in ranges.iter_mut().enumerate() {
        let at = 8 + 8 * index;
        let length = u64::from_le_bytes(blob[at..at + 8].try_into().expect("8 bytes")) as usize;
        let end = offset.checked_add(length).filter(|&end| end <= blob.len()).ok_or("truncated lexicon blob")?;
        *range = offset..end;
        offset = end.div_ceil(8) * 8;
    }
    Ok(ranges)
}
