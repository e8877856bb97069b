// Formats tests/parity/cases.json with Project Fluent's reference
// implementation, @fluent/bundle, in each locale named on the command line,
// and prints {"locale": ["output", ...]} as JSON. Run with TZ=UTC: dates are
// given as UTC instants so that they read as the same wall-clock values.
import { readFileSync } from "node:fs";
import { FluentBundle, FluentResource, FluentNumber, FluentDateTime } from "@fluent/bundle";

const here = new URL(".", import.meta.url);
const source = readFileSync(new URL("messages.ftl", here), "utf8");
const cases = JSON.parse(readFileSync(new URL("cases.json", here), "utf8"));

// The typed variables of a campaign file, as a developer hands them to Fluent.
function argument(value) {
  if (typeof value !== "object") return value;
  if ("amount" in value) {
    return new FluentNumber(value.amount, { style: "currency", currency: value.currency });
  }
  if ("percent" in value) {
    return new FluentNumber(value.percent / 100, { style: "percent" });
  }
  if ("date" in value) {
    const iso = value.date.length === 10 ? `${value.date}T00:00:00Z` : `${value.date}Z`;
    return new FluentDateTime(Date.parse(iso), {});
  }
  throw new Error(`unknown argument ${JSON.stringify(value)}`);
}

const out = {};
for (const locale of process.argv.slice(2)) {
  const bundle = new FluentBundle(locale);
  const errors = bundle.addResource(new FluentResource(source));
  if (errors.length) throw errors[0];
  out[locale] = cases.map(({ id, args }) => {
    const message = bundle.getMessage(id);
    const formatErrors = [];
    const named = Object.fromEntries(
      Object.entries(args).map(([name, value]) => [name, argument(value)]),
    );
    const text = bundle.formatPattern(message.value, named, formatErrors);
    return formatErrors.length ? { error: String(formatErrors[0]) } : text;
  });
}
console.log(JSON.stringify(out, null, 1));
