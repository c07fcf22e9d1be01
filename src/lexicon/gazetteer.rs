//! Cities and countries: which languages a place writes in, and how its name and people are
//! called in several languages.

use super::{LexiconError, Source};
use crate::text::FastMap;
use crate::text::fold_for_comparison;

pub const EMBEDDED_COUNTRIES: &str = include_str!("../../data/gazetteer/countries.tsv");
pub const EMBEDDED_CITIES: &str = include_str!("../../data/gazetteer/cities.tsv");
pub const EMBEDDED_HUBS: &str = include_str!("../../data/gazetteer/hubs.txt");

#[derive(Debug, Clone)]
pub struct Country {
    pub iso2: String,
    /// ISO 639-3 codes of the languages written there.
    pub languages: Vec<String>,
    /// The English name, for messages.
    pub name: String,
    /// Every name in every language, folded (lowercase, no accents).
    pub names: Vec<String>,
    /// Demonyms and adjectives, folded; they match as word prefixes.
    pub demonyms: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct City {
    pub name: String,
    pub country: usize,
    /// Every spelling, folded.
    pub spellings: Vec<String>,
    /// Hosts international institutions: datelined news from here is written in every language.
    pub hub: bool,
}

pub struct Gazetteer {
    pub countries: Vec<Country>,
    pub cities: Vec<City>,
    /// Folded spelling → city index.
    by_spelling: FastMap<String, usize>,
}

impl Gazetteer {
    pub fn load(countries: &[Source<'_>], cities: &[Source<'_>], hubs: &str) -> Result<Gazetteer, LexiconError> {
        let mut gazetteer = Gazetteer { countries: Vec::new(), cities: Vec::new(), by_spelling: FastMap::default() };
        for source in countries {
            for (n, line) in data_lines(source.text) {
                let fields: Vec<&str> = line.split('\t').collect();
                if fields.len() != 10 {
                    return Err(LexiconError::new(
                        source.name,
                        format!("line {n}: expected 10 tab-separated fields, found {}", fields.len()),
                    ));
                }
                let names: Vec<String> = fields[2..9]
                    .iter()
                    .flat_map(|f| f.split('|'))
                    .map(fold_for_comparison)
                    .filter(|s| !s.is_empty())
                    .collect();
                let country = Country {
                    iso2: fields[0].trim().to_uppercase(),
                    languages: fields[1].split(',').map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect(),
                    name: fields[2].split('|').next().unwrap_or(fields[0]).trim().to_string(),
                    names: dedup(names),
                    demonyms: dedup(fields[9].split('|').map(fold_for_comparison).filter(|s| s.len() >= 3).collect()),
                };
                match gazetteer.countries.iter_mut().find(|c| c.iso2 == country.iso2) {
                    Some(existing) => *existing = country,
                    None => gazetteer.countries.push(country),
                }
            }
        }
        for source in cities {
            for (n, line) in data_lines(source.text) {
                let fields: Vec<&str> = line.split('\t').collect();
                if fields.len() != 3 {
                    return Err(LexiconError::new(
                        source.name,
                        format!("line {n}: expected 3 tab-separated fields, found {}", fields.len()),
                    ));
                }
                let iso2 = fields[1].trim().to_uppercase();
                let Some(country) = gazetteer.countries.iter().position(|c| c.iso2 == iso2) else {
                    return Err(LexiconError::new(source.name, format!("line {n}: unknown country code {iso2}")));
                };
                let spellings = dedup(
                    std::iter::once(fields[0])
                        .chain(fields[2].split('|'))
                        .map(fold_for_comparison)
                        .filter(|s| !s.is_empty())
                        .collect(),
                );
                let index = gazetteer.cities.len();
                for spelling in &spellings {
                    gazetteer.by_spelling.insert(spelling.clone(), index);
                }
                gazetteer.cities.push(City { name: fields[0].trim().to_string(), country, spellings, hub: false });
            }
        }
        for hub in hubs.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            match gazetteer.cities.iter_mut().find(|c| c.name == hub) {
                Some(city) => city.hub = true,
                None => return Err(LexiconError::new("hubs", format!("{hub} is not in the gazetteer"))),
            }
        }
        Ok(gazetteer)
    }

    /// The city a written name designates (`JAKARTA`, `Moscou`, `Rio de Janeiro`).
    pub fn city(&self, written: &str) -> Option<&City> {
        self.by_spelling.get(&fold_for_comparison(written)).map(|&i| &self.cities[i])
    }

    pub fn country(&self, index: usize) -> &Country {
        &self.countries[index]
    }
}

fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    // The first line is the header.
    text.lines()
        .enumerate()
        .skip(1)
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

fn dedup(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v.dedup();
    v
}
