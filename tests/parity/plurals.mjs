// Plural categories from the engine's Intl.PluralRules, for tests/plural_rules.rs.
// Reads {"locales": [...], "numbers": [{"value": 1.5, "minimumFractionDigits": 1}, ...]}
// on stdin and prints {"supported": [...], "locales": {"tag": {"resolved": "tag",
// "cardinal": [...], "ordinal": [...]}}}: "supported" is the requested locales
// Intl.PluralRules has its own rules for; "resolved" the locale it used.
import { readFileSync } from "node:fs";

const input = JSON.parse(readFileSync(0, "utf8"));
const supported = Intl.PluralRules.supportedLocalesOf(input.locales);
const locales = {};
for (const tag of supported) {
  const entry = { resolved: new Intl.PluralRules(tag).resolvedOptions().locale };
  for (const type of ["cardinal", "ordinal"]) {
    entry[type] = input.numbers.map(({ value, minimumFractionDigits }) => {
      const options = { type };
      if (minimumFractionDigits !== undefined) options.minimumFractionDigits = minimumFractionDigits;
      return new Intl.PluralRules(tag, options).select(value);
    });
  }
  locales[tag] = entry;
}
console.log(JSON.stringify({ supported, locales }));
